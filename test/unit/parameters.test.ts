import assert from 'node:assert/strict';
import { processorHooks } from '../../generators/lib/hooks.js';
import { moduleNames } from '../../generators/lib/naming.js';
import { processorParameters } from '../../generators/lib/parameters.js';

const names = moduleNames('tfx', 'iris_tfx_module');

describe('processor parameters', () => {
  for (const pairs of [['ioc:create', 'ioc:manual'], ['asset:delete'], ['note:preload-create']]) {
    describe(`for ${pairs.join(',')}`, () => {
      const parameters = processorParameters(names, processorHooks(pairs, names.paramPrefix, {}));
      const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));

      it('declare the service: URL, API key, timeout and proxy toggle, and the TLP gate where IOCs are looked up', () => {
        const maxTlp = pairs.includes('ioc:create') ? [{ name: 'tfx_max_tlp', type: 'string', value: 'amber', mandatory: true }] : [];
        assert.deepEqual(
          parameters.filter((parameter) => parameter.section === 'Service').map(({ name, type, default: value, mandatory }) => ({ name, type, value, mandatory })),
          [
            { name: 'tfx_api_url', type: 'string', value: '', mandatory: false },
            { name: 'tfx_api_key', type: 'sensitive_string', value: '', mandatory: false },
            { name: 'tfx_timeout', type: 'int', value: 30, mandatory: true },
            { name: 'tfx_use_iris_proxy', type: 'bool', value: true, mandatory: true },
            ...maxTlp,
          ],
        );
      });

      it('have unique names', () => {
        assert.equal(byName.size, parameters.length);
      });
    });
  }
});

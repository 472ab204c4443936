import assert from 'node:assert/strict';
import { contextFor } from '../../generators/lib/answers.js';
import type { ProjectAnswers } from '../../generators/lib/context.js';
import {
  addPackageToReadme,
  readmeModulesEnd,
  readmeModulesStart,
  readmeSection,
  readmeSectionsEnd,
  readmeSectionsStart,
} from '../../generators/lib/readme.js';

const project: ProjectAnswers = {
  moduleName: 'iris-threatfox-module',
  description: 'ThreatFox lookups',
  author: '',
  email: '',
  githubUser: '',
  license: 'MIT',
  moduleVersion: '1.0.0',
};
const pipeline = contextFor(project, { type: 'pipeline', keyword: 'evtx', packageName: 'iris_evtx_module' }, { pipelineArgs: 'tag:optional' });
const processor = contextFor(project, { type: 'processor', keyword: 'vt', packageName: 'iris_vt_module' }, { hooks: 'ioc:create,asset:manual', manualMenuName: 'Scan the asset' });

const readme = [
  '# iris-threatfox-module',
  '',
  readmeModulesStart,
  '- `iris_evtx_module`: pipeline module (IrisEvtxInterface)',
  readmeModulesEnd,
  readmeSectionsStart,
  '',
  readmeSection(pipeline).trimEnd(),
  '',
  'A note the user wrote.',
  '',
  readmeSectionsEnd,
  '',
  '## Build',
  '',
].join('\n');

describe('README edits', () => {
  it("renders a processor's section with each hook and its parameter", () => {
    const section = readmeSection(processor);
    assert.match(section, /^### `iris_vt_module`\n/);
    assert.match(section, /^\| `on_postload_ioc_create` \| `vt_on_postload_ioc_create_enabled` \|/m);
    assert.match(section, /^\| `on_manual_trigger_asset` \| `vt_on_manual_trigger_asset_enabled` \|.*menu entry "Scan the asset"/m);
    assert.match(section, /^Tests, in `tests\/test_iris_vt_module\/`: `test_contract\.py`/m);
    assert.ok(section.endsWith('.\n\n') && !section.endsWith('\n\n\n'), 'ends with one blank line');
  });

  it('adds the line to the module list and the section after the others, keeping the rest', () => {
    const updated = addPackageToReadme(readme, processor)!;
    const line = '- `iris_vt_module`: processor module (IrisVtInterface)\n';
    assert.equal(
      updated,
      readme.replace(`${readmeModulesEnd}\n`, `${line}${readmeModulesEnd}\n`).replace(`${readmeSectionsEnd}\n`, `${readmeSection(processor)}${readmeSectionsEnd}\n`),
    );
  });

  it('is idempotent', () => {
    const once = addPackageToReadme(readme, processor)!;
    assert.equal(addPackageToReadme(once, processor), once);
  });

  it('adds only the line when the sections region is gone', () => {
    const withoutSections = readme.replace(`${readmeSectionsEnd}\n`, '');
    const updated = addPackageToReadme(withoutSections, processor)!;
    assert.ok(updated.includes('- `iris_vt_module`'));
    assert.ok(!updated.includes('### `iris_vt_module`'));
  });

  it('gives up, rather than guess, when the module list is gone', () => {
    assert.equal(addPackageToReadme(readme.replace(readmeModulesStart, ''), processor), undefined);
    assert.equal(addPackageToReadme('# A README\n', processor), undefined);
  });
});

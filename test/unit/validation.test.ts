import assert from 'node:assert/strict';
import { hookPairs } from '../../generators/lib/hooks.js';
import {
  validateEmail,
  validateFileTypes,
  validateGithubUser,
  validateHooks,
  validateKeyword,
  validateLicense,
  validateMenuNames,
  validateModuleName,
  validatePackageName,
  validatePipelineArgs,
  validateDescription,
  validateType,
  validateVersion,
  type Validation,
} from '../../generators/lib/validation.js';

type Case = [value: string, accepted: boolean, mentions?: string];

// One table per rule: a refused value gets a message that names it.
const rules: Record<string, [(value: string) => Validation, Case[]]> = {
  'module name': [
    validateModuleName,
    [
      ['iris-threatfox-module', true],
      ['irismisp', true],
      ['Iris.Foo_bar', true],
      ['iris toto', false, 'pip distribution name'],
      ['-iris', false],
      ['iris-', false],
      ['', false],
      ['iris/../x', false],
      ['x'.repeat(101), false],
    ],
  ],
  keyword: [
    validateKeyword,
    [
      ['threatfox', true],
      ['TFX', true],
      ['threat_fox', true],
      ['', false, 'empty'],
      ['1fox', false, 'starting with a letter'],
      ['threat-fox', false],
      ["'toto'", false],
      ['tôto', false],
      ['x'.repeat(30), true],
      ['x'.repeat(31), false],
    ],
  ],
  'package name': [
    validatePackageName,
    [
      ['iris_threatfox_module', true],
      ['irismisp', true],
      ['_private_mod', true],
      ['iris-threatfox-module', false, 'Python identifier'],
      ['1iris', false],
      ['class', false, 'keyword'],
      ['None', false, 'keyword'],
      ['app', false, 'shadow'],
      ['iris_interface', false, 'shadow'],
      ['celery', false, 'shadow'],
      ['json', false, 'standard library'],
      ['logging', false, 'standard library'],
      ['parser', false, 'standard library'],
      // Modules of Python 3.9 only (IRIS's runtime): gone in 3.10, so absent from sys.stdlib_module_names.
      ['symbol', false, 'standard library'],
      ['formatter', false, 'standard library'],
      ['_bootlocale', false, 'standard library'],
      ['_peg_parser', false, 'standard library'],
      // CPython's test modules, which sys.stdlib_module_names leaves out.
      ['_testcapi', false, 'standard library'],
      ['xxlimited', false, 'standard library'],
      // IRIS's own packages and the project's names, in any case (a case-sensitive check let these through).
      ['App', false, 'shadow'],
      ['CELERY', false, 'shadow'],
      ['Iris_Interface', false, 'shadow'],
      ['Test', false, 'shadow'],
      ['Build', false, 'Build'],
      ['PIP', false, 'PIP'],
      ['_', false, 'keyword'],
      ['p'.repeat(40), true],
      ['p'.repeat(41), false, 'characters long'],
      ['', false],
    ],
  ],
  version: [
    validateVersion,
    [
      ['0.1.0', true],
      ['1.0.0-rc.1', true],
      ['2.3.4+build.7', true],
      ['1.0', false, 'semantic version'],
      ['01.0.0', false],
      ['v1.0.0', false],
      ['', false],
    ],
  ],
  email: [
    validateEmail,
    [
      ['jane@example.org', true],
      ['', true],
      ['jane', false, 'valid address'],
      ['jane@', false],
      ['a b@example.org', false],
      ['jane@example', false],
    ],
  ],
  'GitHub user': [
    validateGithubUser,
    [
      ['dfir-iris', true],
      ['', true],
      ['-x', false, 'GitHub name'],
      ['a--b', false],
      ['x'.repeat(40), false],
    ],
  ],
  license: [
    validateLicense,
    [
      ['MIT', true],
      ['AGPL-3.0-or-later', true],
      ['GPL-3.0', false, 'MIT, BSD-3-Clause'],
      ['mit', false],
      ['', false],
    ],
  ],
  type: [
    validateType,
    [
      ['processor', true],
      ['pipeline', true],
      ['hook', false, 'processor, pipeline'],
    ],
  ],
  description: [
    validateDescription,
    [
      ['Enrich IOCs with "ThreatFox" \'data\' 🦊', true],
      ['', false, 'empty'],
      ['two\nlines', false, 'one line'],
      ['x'.repeat(501), false, '500'],
    ],
  ],
  hooks: [
    (value) => validateHooks(value, hookPairs),
    [
      ['ioc:create,ioc:update,ioc:manual', true],
      ['global_task:preload-update,case:delete', true],
      ['case:preload-update', false, '"case:preload-update"'],
      ['alert:create', false, '"alert:create"'],
      ['ioc:create,ioc:create', false, '"ioc:create" is given twice'],
      ['', false, 'at least one'],
    ],
  ],
  'manual menu names': [
    validateMenuNames,
    [
      ['Get ThreatFox insight', true],
      ['ioc=Look up IOC;asset=Look up asset', true],
      ['ioc=', false, 'for ioc is empty'],
      ['\n!', false, '"\\n!" holds a line break'],
      ['ioc=Look up\t', false, 'line break or control character'],
      [`ioc=${'Look up the indicator in the service. '.repeat(2)}\tnow`, false, '\\tnow" holds a line break or control character'],
      ['ioc=a;ioc=b', false, 'two labels'],
    ],
  ],
  'pipeline arguments': [
    validatePipelineArgs,
    [
      ['tag:optional', true],
      ['index:required,tag:optional', true],
      ['', false, 'at least one'],
      ['my-arg:optional', false, 'identifier'],
      ['tag', false],
      ['tag:maybe', false],
      ['class:required', false, 'keywords'],
      ['__init__:optional', false, '"__init__"'],
      ['tag:optional,tag:required', false, '"tag" is given twice'],
    ],
  ],
  'file types': [
    validateFileTypes,
    [
      ['', true],
      ['.evtx,.json', true],
      ['evtx, .TAR.GZ', true],
      ['.ev tx', false, 'extension'],
      ['../x', false],
    ],
  ],
};

describe('validation', () => {
  for (const [rule, [validate, cases]] of Object.entries(rules)) {
    describe(rule, () => {
      for (const [value, accepted, mentions] of cases) {
        it(`${accepted ? 'accepts' : 'refuses'} ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`, () => {
          const verdict = validate(value);
          if (accepted) {
            assert.equal(verdict, true);
            return;
          }
          assert.equal(typeof verdict, 'string');
          // The message names the refused value (or, for lists, the refused item).
          const named = mentions ?? value;
          if (named !== '' && named.length <= 100 && !named.includes('\n')) {
            assert.ok((verdict as string).includes(named), `message names ${named}: ${verdict}`);
          }
        });
      }
    });
  }
});

// Generates real modules and proves, with real Python, that each one compiles, loads
// as IRIS loads it, passes IRIS's health check, lints clean and passes its own tests.
// A processor of default answers but its keyword (the first name case), one module per type with every
// option changed, and a processor with other IOC types go the whole way: a wheel built
// and installed, IRIS loading it from there, and its whole test suite (the default
// pipeline goes it in pipelines.test.ts). The others differ
// by their names only: they load from their sources, and pytest imports every test file
// and runs the contract tests, which use every generated name.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateModule, type ModuleSpec } from '../support/generate.js';
import { buildWheel, compileAll, installWheel, loadLikeIris, runPytest } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';
import { ruffCheck, ruffFormatCheck } from '../support/ruff.js';

interface NameCase {
  label: string;
  moduleName: string;
  options?: Record<string, string>;
  packageName: string;
  interfaceClass: string;
}

/** Names the anchor template broke on, and one whose keyword case differs from the name. */
export const nameCases: NameCase[] = [
  { label: 'keyword TFX', moduleName: 'iris-threatfox-module', options: { keyword: 'TFX' }, packageName: 'iris_threatfox_module', interfaceClass: 'IrisTFXInterface' },
  { label: 'no -module suffix', moduleName: 'iris-toto', packageName: 'iris_toto', interfaceClass: 'IrisTotoInterface' },
  { label: 'two-word keyword', moduleName: 'iris-threat-fox-module', packageName: 'iris_threat_fox_module', interfaceClass: 'IrisThreatFoxInterface' },
  { label: 'no dash at all', moduleName: 'irismisp', packageName: 'irismisp', interfaceClass: 'IrisMispInterface' },
  { label: 'keyword FOO', moduleName: 'iris-foo-module', options: { keyword: 'FOO' }, packageName: 'iris_foo_module', interfaceClass: 'IrisFOOInterface' },
  {
    label: 'the longest keyword and package name',
    moduleName: 'iris-long-module',
    options: { keyword: 'k'.repeat(30), packageName: 'p'.repeat(40) },
    packageName: 'p'.repeat(40),
    interfaceClass: `IrisK${'k'.repeat(29)}Interface`,
  },
];

/** Every option changed, quotes and all. */
const everyOption: Record<ModuleSpec['type'], Record<string, string>> = {
  processor: {
    keyword: 'Quux_Intel',
    packageName: 'quux_intel_dim',
    description: 'Enrich "IOCs" with \'Quux\' \\ data 🦊 {{ x }} <% y %>',
    author: 'Zoë "Z" O\'Brien',
    email: 'zoe@example.org',
    githubUser: 'zoe-dfir',
    license: 'GPL-3.0-or-later',
    moduleVersion: '1.2.3-beta.4',
    hooks: 'case:create,asset:update,note:delete,ioc:manual,event:preload-create,evidence:manual,task:update,global_task:preload-update',
    manualMenuName: 'ioc=Ask "Quux" about it;Quux it',
    iocTypes: 'hash,filename,email',
  },
  pipeline: {
    keyword: 'Quux_Intel',
    packageName: 'quux_intel_dim',
    description: 'Import "logs" with \'Quux\' \\ 🦊',
    author: 'Zoë "Z" O\'Brien',
    email: 'zoe@example.org',
    githubUser: 'zoe-dfir',
    license: 'Apache-2.0',
    moduleVersion: '3.0.0',
    pipelineArgs: 'index:required,source_type:optional,tag:optional',
    fileTypes: '.evtx,.JSON,.tar.gz',
  },
};

/** How far a module is taken: `whole` builds and installs its wheel and runs all its tests. */
type Depth = 'whole' | 'names';

function proveModule(spec: ModuleSpec, packageName: string, interfaceClass: string, depth: Depth): void {
  let dir: string;
  let site: string;

  before(async function () {
    this.timeout(120_000);
    ({ dir } = await generateModule(spec));
    if (depth === 'names') site = dir;
  });

  it('byte-compiles on Python 3.9 and 3.11 without warnings', () => {
    compileAll(python39(), dir);
    compileAll(python311(), dir);
  });

  if (depth === 'whole') {
    it('builds a wheel offline and installs it', function () {
      this.timeout(120_000);
      site = installWheel(buildWheel(dir));
    });
  }

  it(`loads ${depth === 'whole' ? 'from the wheel' : 'from its sources'} as IRIS does and passes the health check on Python 3.9`, () => {
    const report = loadLikeIris(python39(), packageName, site);
    assert.equal(report.message, 'Success', JSON.stringify(report, null, 2));
    assert.equal(report.loaded, true);
    assert.equal(report.healthy, true, report.health_logs.join('\n'));
    assert.equal(report.module_type, `module_${spec.type}`);
    assert.equal(report.interface_version, '1.2.0');
    if (spec.type === 'pipeline') {
      const info = report.pipeline_info as Record<string, unknown>;
      assert.doesNotMatch(String(info.pipeline_internal_name), /-/);
    }
    // The interface file, named after its class as IRIS requires, is where IRIS loads it from.
    assert.ok(existsSync(join(site, packageName, `${interfaceClass}.py`)), `${interfaceClass}.py in ${site}`);
  });

  it('is clean under ruff check and ruff format --check, with its own configuration', () => {
    assert.deepEqual(ruffCheck(dir), []);
    assert.equal(ruffFormatCheck(dir), '');
  });

  if (depth === 'whole') {
    it('passes its own test suite (pytest, Python 3.11)', function () {
      this.timeout(120_000);
      const report = runPytest(python311(), dir);
      assert.equal(report.status, 0, report.output);
      assert.ok(report.collected >= 8, `collected ${report.collected} tests:\n${report.output}`);
      assert.equal(report.passed, report.collected, report.output);
      assert.equal(report.skipped, 0, report.output);
    });
  } else {
    it('imports every test file, and passes its contract tests (pytest, Python 3.11)', function () {
      this.timeout(120_000);
      // pytest imports every test file before it selects: one that fails to import fails the run.
      const report = runPytest(python311(), dir, ['-k', 'test_contract']);
      assert.equal(report.status, 0, report.output);
      assert.ok(report.collected >= 5, `${report.collected} contract tests:\n${report.output}`);
      assert.equal(report.passed, report.collected, report.output);
      assert.match(report.output, new RegExp(`\\b${report.passed} passed, [1-9]\\d* deselected\\b`), report.output);
    });
  }
}

describe('generated modules, proven with real Python', function () {
  this.timeout(120_000);
  for (const type of ['processor', 'pipeline'] as const) {
    for (const name of nameCases) {
      describe(`${type} ${name.moduleName} (${name.label})`, () => {
        proveModule({ type, moduleName: name.moduleName, options: name.options }, name.packageName, name.interfaceClass, type === 'processor' && name === nameCases[0] ? 'whole' : 'names');
      });
    }
    describe(`${type} with every option changed`, () => {
      proveModule({ type, moduleName: 'quux-intel', options: everyOption[type] }, 'quux_intel_dim', 'IrisQuuxIntelInterface', 'whole');
    });
    if (type === 'processor') {
      describe('processor looking up only URLs and email addresses (--ioc-types url,email)', () => {
        proveModule({ type, moduleName: 'iris-urlmail-module', options: { iocTypes: 'url,email' } }, 'iris_urlmail_module', 'IrisUrlmailInterface', 'whole');
      });
    }
  }
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import helpers, { result } from 'yeoman-test';
import { generatorPath } from '../support/paths.js';
import { tempFolder } from '../support/generate.js';

const baseFiles = ['LICENSE', 'README.md', 'AUTHORS', '.gitignore', 'pyproject.toml', 'Makefile', '.github/workflows/ci.yml', '.yo-rc.json'];

/** Paths inside the generated project, which sits in a folder below yeoman-test's cwd. */
let project = '';
const at = (...files: string[]): string[] => files.map((file) => join(project, file));
const one = (file: string): string => join(project, file);

describe('yo iris-module (app)', () => {
  describe('processor with defaults', () => {
    before(async () => {
      // Run in a folder named "threatfox": the module is named after it.
      await helpers.run(generatorPath('app')).inDir(join(tempFolder(), 'threatfox')).withOptions({ yes: true } as never);
      project = join(result.cwd, 'iris-threatfox-module');
    });

    it('writes into a new folder named after the module', () => {
      assert.ok(existsSync(one('.yo-rc.json')), `${project}/.yo-rc.json`);
    });

    it('writes the base layout and the processor package', () => {
      result.assertFile(at(...baseFiles));
      result.assertFile(at(
        'iris_threatfox_module/__init__.py',
        'iris_threatfox_module/IrisThreatfoxConfig.py',
        'iris_threatfox_module/IrisThreatfoxInterface.py',
        'iris_threatfox_module/threatfox_handler/__init__.py',
        'iris_threatfox_module/threatfox_handler/threatfox_handler.py',
        'tests/conftest.py',
        'tests/iris_harness/loader.py',
        'tests/test_iris_threatfox_module/test_contract.py',
        'tests/test_iris_threatfox_module/test_hooks.py',
        'tests/test_iris_threatfox_module/test_enrichment.py',
        'tests/test_iris_threatfox_module/test_runtime.py',
        'tests/test_iris_threatfox_module/test_threatfox.py',
        'iris_threatfox_module/_runtime/processor.py',
        'iris_threatfox_module/_runtime/pipeline.py',
      ));
      result.assertNoFile(one('iris_threatfox_module/threatfox_handler/pipeline.py'));
    });

    it('names the interface in __init__.py', () => {
      result.assertFileContent(one('iris_threatfox_module/__init__.py'), /^__iris_module_interface = "IrisThreatfoxInterface"$/m);
    });

    it('stores every answer in .yo-rc.json', () => {
      const stored = JSON.parse(readFileSync(one('.yo-rc.json'), 'utf8'))['generator-iris-module'];
      assert.equal(stored.moduleName, 'iris-threatfox-module');
      assert.equal(stored.type, 'processor');
      assert.equal(stored.keyword, 'threatfox');
      assert.equal(stored.packageName, 'iris_threatfox_module');
      assert.equal(stored.description, 'DFIR-IRIS processor module for threatfox');
      assert.equal(stored.license, 'MIT');
      assert.equal(stored.moduleVersion, '0.1.0');
      assert.equal(stored.hooks, 'ioc:create,ioc:update,ioc:manual');
      assert.equal(stored.manualMenuName, 'Get Threatfox insight');
      assert.equal(stored.iocTypes, 'domain,ip,hash,url');
      assert.equal(stored.schema, 2);
      assert.match(stored.generatorVersion, /^\d+\.\d+\.\d+/);
      for (const key of ['author', 'email', 'githubUser']) assert.equal(typeof stored[key], 'string');
    });

    it('writes a PEP 621 manifest with an SPDX license and a test extra', () => {
      const manifest = parse(readFileSync(one('pyproject.toml'), 'utf8')) as Record<string, any>;
      assert.equal(manifest.project.name, 'iris-threatfox-module');
      assert.equal(manifest.project.license, 'MIT');
      assert.equal(manifest.project['requires-python'], '>=3.9');
      assert.ok(manifest.project['optional-dependencies'].test.includes('iris-interface==1.2.0'));
      assert.deepEqual(manifest.tool.setuptools.packages.find.include, ['iris_threatfox_module*']);
    });

    it('writes the real MIT text', () => {
      result.assertFileContent(one('LICENSE'), /Permission is hereby granted, free of charge/);
      result.assertNoFileContent(one('LICENSE'), /<year>|<copyright holders>/);
    });

    it('has every Makefile target, with both IRIS containers in deploy', () => {
      for (const target of ['wheel', 'install', 'test', 'lint', 'clean', 'deploy']) {
        result.assertFileContent(one('Makefile'), new RegExp(`^${target}:`, 'm'));
      }
      result.assertFileContent(one('Makefile'), /^APP \?= iriswebapp_app$/m);
      result.assertFileContent(one('Makefile'), /^WORKER \?= iriswebapp_worker$/m);
    });

    it('tells in the README the exact name to type into IRIS', () => {
      result.assertFileContent(one('README.md'), /Type the package name exactly as the module list above gives it, such as `iris_threatfox_module`/);
      result.assertFileContent(one('README.md'), /`on_postload_ioc_create` \| `threatfox_on_postload_ioc_create_enabled`/);
    });
  });

  describe('a destination that reads as a number', () => {
    it('writes into the folder as typed, not into the number it reads as', async () => {
      const run = await helpers.run(generatorPath('app')).withArguments(['09']).withOptions({ yes: true, keyword: 'nine' } as never);
      assert.deepEqual(readdirSync(run.cwd), ['09']);
      run.assertFileContent(join(run.cwd, '09', 'pyproject.toml'), /^name = "iris-09-module"$/m);
    });
  });

  describe('a blank author (a property-test counterexample)', () => {
    it('writes AUTHORS as for no author at all', async () => {
      const run = await helpers.run(generatorPath('app')).withArguments(['blank']).withOptions({ yes: true, author: ' ', email: '' } as never);
      run.assertFileContent(join(run.cwd, 'blank', 'AUTHORS'), /^The authors of iris-blank-module\n$/);
    });
  });

  describe('pipeline with every option changed', () => {
    before(async () => {
      await helpers.run(generatorPath('app')).withArguments(['evtx-folder']).withOptions({
        yes: true,
        type: 'pipeline',
        moduleName: 'iris-evtx-import',
        keyword: 'EVTX',
        packageName: 'iris_evtx_importer',
        description: 'Import "EVTX" files \\ quickly',
        author: 'Jane "J" Analyst',
        email: 'jane@example.org',
        githubUser: 'jane-dfir',
        license: 'AGPL-3.0-or-later',
        moduleVersion: '2.0.0-rc.1',
        pipelineArgs: 'index:required,tag:optional',
        fileTypes: '.EVTX,json',
      } as never);
      project = join(result.cwd, 'evtx-folder');
    });

    it('writes into the folder given as destination', () => {
      result.assertFile(at(...baseFiles));
      result.assertFile(at('iris_evtx_importer/IrisEVTXInterface.py', 'iris_evtx_importer/evtx_handler/evtx_handler.py', 'tests/test_iris_evtx_importer/test_ingest.py', 'tests/test_iris_evtx_importer/test_evtx.py'));
    });

    it('keeps every answer intact in the manifest', () => {
      const manifest = parse(readFileSync(one('pyproject.toml'), 'utf8')) as Record<string, any>;
      assert.equal(manifest.project.name, 'iris-evtx-import');
      assert.equal(manifest.project.version, '2.0.0-rc.1');
      assert.equal(manifest.project.description, 'Import "EVTX" files \\ quickly');
      assert.deepEqual({ ...manifest.project.authors[0] }, { name: 'Jane "J" Analyst', email: 'jane@example.org' });
      assert.equal(manifest.project.license, 'AGPL-3.0-or-later');
      assert.equal(manifest.project.urls.Homepage, 'https://github.com/jane-dfir/iris-evtx-import');
    });

    it('writes the AGPL text', () => {
      result.assertFileContent(one('LICENSE'), /GNU AFFERO GENERAL PUBLIC LICENSE/);
    });

    it('declares the pipeline arguments and file types', () => {
      result.assertFileContent(one('iris_evtx_importer/IrisEVTXConfig.py'), /\["index", "required"\]/);
      result.assertFileContent(one('iris_evtx_importer/IrisEVTXConfig.py'), /\["tag", "optional"\]/);
      result.assertFileContent(one('README.md'), /Accepted files: `\.evtx`, `\.json`/);
    });
  });

  describe('refuses bad input before writing anything', () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['a keyword that is no identifier', { keyword: 'threat-fox' }, /Invalid --keyword: Keyword "threat-fox"/],
      ['a package that shadows the standard library', { packageName: 'json' }, /Package name "json" would shadow the Python standard library/],
      ['a package named app', { packageName: 'app' }, /would shadow a package IRIS itself imports/],
      ['a Python keyword', { packageName: 'import' }, /is a Python keyword/],
      ['an unknown license', { license: 'WTFPL' }, /License "WTFPL" is not one the generator knows: use one of MIT/],
      ['a version that is not semver', { moduleVersion: '1.0' }, /Version "1.0" is not a semantic version/],
      ['an unknown hook', { hooks: 'alert:create' }, /Unknown hook "alert:create"/],
      ['a duplicate pipeline argument', { type: 'pipeline', pipelineArgs: 'a:optional,a:required' }, /Pipeline argument "a" is given twice/],
      ['a default keyword that cannot be derived', { moduleName: 'iris-module' }, /keyword is empty.*Pass --keyword/],
      ['an unknown IOC family', { iocTypes: 'domain,fqdn' }, /Invalid --ioc-types: IOC type "fqdn" is not an IOC family this generator knows: use domain, ip, hash, url, email, filename/],
      ['no IOC family at all', { iocTypes: ' ' }, /Invalid --ioc-types: Choose at least one IOC family/],
      ['an option no generator declares', { hook: 'ioc:create' }, /Unknown option --hook: did you mean --hooks\?/],
    ];
    for (const [label, options, message] of cases) {
      it(label, async () => {
        const parent = tempFolder();
        await assert.rejects(
          helpers.run(generatorPath('app')).cd(parent).withArguments(['target']).withOptions({ yes: true, ...options } as never),
          message,
        );
        assert.deepEqual(existsSync(join(parent, 'target')) ? readdirSync(join(parent, 'target')) : [], []);
      });
    }
  });
});

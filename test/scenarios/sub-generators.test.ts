import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import helpers from 'yeoman-test';
import { generateModule, tempFolder } from '../support/generate.js';
import { cliPath, generatorPath } from '../support/paths.js';
import { snapshot } from '../support/snapshot.js';

for (const [existing, added, keyword] of [
  ['pipeline', 'processor', 'vt2'],
  ['processor', 'pipeline', 'evtx'],
] as const) {
  describe(`yo iris-module:${added} in a repository holding a ${existing} module`, () => {
    let dir: string;
    let original: Map<string, string>;

    before(async () => {
      ({ dir } = await generateModule({ type: existing, moduleName: 'iris-threatfox-module', options: { author: 'Jane Analyst' } }));
      original = snapshot(dir);
      await helpers.run(generatorPath(added)).cd(dir).withOptions({ yes: true, keyword } as never);
    });

    it('adds a package and its tests next to the existing one', () => {
      const pkg = `iris_${keyword}_module`;
      const interfaceClass = `Iris${keyword.charAt(0).toUpperCase()}${keyword.slice(1)}Interface`;
      for (const file of [`${pkg}/__init__.py`, `${pkg}/${interfaceClass}.py`, `tests/test_${pkg}/test_contract.py`]) {
        assert.ok(statSync(join(dir, file)).isFile(), `${file} exists`);
      }
    });

    it('changes no existing file but the manifest, the README and .yo-rc.json', () => {
      const after = snapshot(dir);
      const changed = [...original].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file).sort();
      assert.deepEqual(changed, ['.yo-rc.json', 'README.md', 'pyproject.toml']);
    });

    it('adds the package to the wheel', () => {
      const manifest = parse(readFileSync(join(dir, 'pyproject.toml'), 'utf8')) as Record<string, any>;
      assert.deepEqual(manifest.tool.setuptools.packages.find.include, ['iris_threatfox_module*', `iris_${keyword}_module*`]);
    });

    it('lists it in the README and in .yo-rc.json, reusing the stored answers', () => {
      assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), new RegExp(`^- \`iris_${keyword}_module\`: ${added} module`, 'm'));
      const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
      assert.equal(stored.packageName, 'iris_threatfox_module');
      assert.equal(stored.addedModules.length, 1);
      assert.deepEqual(
        { type: stored.addedModules[0].type, keyword: stored.addedModules[0].keyword, packageName: stored.addedModules[0].packageName },
        { type: added, keyword, packageName: `iris_${keyword}_module` },
      );
      assert.match(readFileSync(join(dir, 'LICENSE'), 'utf8'), /Jane Analyst/);
    });

    it('gives it its README section, exactly as yo iris-module renders the README of both packages', () => {
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      const sections = [...readme.matchAll(/^### `(\w+)`$/gm)].map((match) => match[1]);
      assert.deepEqual(sections, ['iris_threatfox_module', `iris_${keyword}_module`]);
      assert.match(readme, added === 'processor' ? /^\| `on_postload_ioc_create` \| `vt2_on_postload_ioc_create_enabled` \|/m : /^- Pipeline: `evtx_pipeline`$/m);
      // A rerun of the app renders the README anew: a file that differed from its
      // rendering would be reported as edited by the user, and kept.
      const before = snapshot(dir);
      const rerun = spawnSync(process.execPath, [cliPath, '--yes'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(rerun.status, 0, `${rerun.stdout}${rerun.stderr}`);
      assert.doesNotMatch(`${rerun.stdout}${rerun.stderr}`, /was edited since it was generated/);
      assert.deepEqual(snapshot(dir), before);
    });
  });
}

describe('a sub-generator adding a package to a README whose generated regions were edited', () => {
  const addProcessor = (dir: string): string => {
    const run = spawnSync(process.execPath, [cliPath, 'processor', '--yes', '--keyword', 'vt2'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    return `${run.stdout}${run.stderr}`;
  };

  it('without the sections region, adds the line only and says the section was not added', async () => {
    const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-threatfox-module' });
    const readme = join(dir, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace(/<!-- iris-module-sections:(start|end) -->\n/g, ''));
    const output = addProcessor(dir);
    const text = readFileSync(readme, 'utf8');
    assert.match(text, /^- `iris_vt2_module`: processor module \(IrisVt2Interface\)$/m);
    assert.doesNotMatch(text, /### `iris_vt2_module`/);
    assert.match(output, /README\.md: added iris_vt2_module to the module list\. Its section .* was not added/);
  });

  it('without the module list, leaves the README as it is and prints the line to add', async () => {
    const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-threatfox-module' });
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# My own README\n');
    const output = addProcessor(dir);
    assert.equal(readFileSync(readme, 'utf8'), '# My own README\n');
    assert.match(output, /README\.md was not changed .*\n.*- `iris_vt2_module`: processor module \(IrisVt2Interface\)/);
  });
});

describe('the description of a package added to a repository', () => {
  it('defaults to one of its own, not the first package\'s', async () => {
    const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-threatfox-module', options: { description: 'Imports ThreatFox exports' } });
    await helpers.run(generatorPath('processor')).cd(dir).withOptions({ yes: true, keyword: 'vt2' } as never);
    assert.match(readFileSync(join(dir, 'iris_vt2_module/IrisVt2Config.py'), 'utf8'), /^module_description = "DFIR-IRIS processor module for vt2"$/m);
    assert.match(readFileSync(join(dir, 'iris_threatfox_module/IrisThreatfoxConfig.py'), 'utf8'), /^module_description = "Imports ThreatFox exports"$/m);
    const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    assert.equal(stored.description, 'Imports ThreatFox exports');
    assert.equal(stored.addedModules[0].description, 'DFIR-IRIS processor module for vt2');
  });

  it('takes --description', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-threatfox-module' });
    await helpers.run(generatorPath('pipeline')).cd(dir).withOptions({ yes: true, keyword: 'evtx', description: 'Imports "EVTX" logs' } as never);
    assert.match(readFileSync(join(dir, 'iris_evtx_module/IrisEvtxConfig.py'), 'utf8'), /^module_description = 'Imports "EVTX" logs'$/m);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /^### `iris_evtx_module`\n\nImports "EVTX" logs$/m);
  });
});

describe('sub-generators refuse to overwrite a package', () => {
  it('stops when the package already exists', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-threatfox-module' });
    const before = snapshot(dir);
    await assert.rejects(
      helpers.run(generatorPath('processor')).cd(dir).withOptions({ yes: true, keyword: 'threatfox' } as never),
      /Package "iris_threatfox_module" already exists/,
    );
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('yo iris-module:processor in an empty folder', () => {
  it('writes a whole project, like yo iris-module --type processor', async () => {
    const dir = join(tempFolder(), 'iris-empty-module');
    await helpers.run(generatorPath('processor')).inDir(dir).withOptions({ yes: true } as never);
    for (const file of ['pyproject.toml', 'README.md', 'LICENSE', 'iris_empty_module/IrisEmptyInterface.py', 'tests/conftest.py']) {
      assert.ok(statSync(join(dir, file)).isFile(), `${file} exists`);
    }
    const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    assert.equal(stored.type, 'processor');
    assert.equal(stored.packageName, 'iris_empty_module');
  });
});

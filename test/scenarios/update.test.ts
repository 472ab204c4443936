// `iris-module update` (yo iris-module:update): brings projects of earlier versions
// to this one, keeps the author's work, and says what it did.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../../generators/lib/ownership.js';
import { copyOfV010 } from '../support/fixtures.js';
import { generateModule, tempFolder } from '../support/generate.js';
import { cliPath } from '../support/paths.js';
import { snapshot } from '../support/snapshot.js';

function update(dir: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [cliPath, 'update', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

const rc = (dir: string): Record<string, any> => JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];

/** Files that differ between two projects, or exist in one only (LICENSE and AUTHORS hold dates and names). */
function differences(a: string, b: string): string[] {
  const left = snapshot(a);
  const right = snapshot(b);
  const skip = new Set(['.yo-rc.json', 'LICENSE', 'AUTHORS']);
  return [...new Set([...left.keys(), ...right.keys()])].filter((file) => !skip.has(file) && left.get(file) !== right.get(file)).sort();
}

/** A fresh project of this version with the answers a 0.1.0 project stored. */
async function freshTwin(dir: string): Promise<string> {
  const stored = rc(dir);
  const options: Record<string, string> = {};
  for (const key of ['type', 'keyword', 'packageName', 'description', 'author', 'email', 'githubUser', 'license', 'moduleVersion', 'hooks', 'manualMenuName', 'pipelineArgs', 'fileTypes', 'iocTypes']) {
    if (typeof stored[key] === 'string') options[key] = stored[key];
  }
  const { dir: twin } = await generateModule({ type: stored.type, moduleName: stored.moduleName, options });
  return twin;
}

describe('update from 0.1.0', () => {
  for (const name of ['iris-urlscan-module', 'iris-evtx-module']) {
    it(`brings an untouched ${name} to exactly the layout this version generates`, async () => {
      const dir = copyOfV010(name);
      const result = update(dir, '--yes');
      assert.equal(result.status, 0, result.output);
      assert.deepEqual(differences(dir, await freshTwin(dir)), []);
      assert.match(result.output, /moved to the new layout \(unchanged since 0\.1\.0 generated them\):\n(  .*\n)*  .*_handler\.py\n/);
      assert.match(result.output, /removed: no longer generated, and unchanged since generated:\n  tests\/test_iris_\w+\/test_(service|pipeline)\.py\n/);
      assert.match(result.output, /\.yo-rc\.json: migrated from schema 1 \(0\.1\.0\) to 2/);
      assert.match(result.output, /Next: make test$/m);
      const stored = rc(dir);
      assert.equal(stored.schema, 2);
      assert.equal(stored.files['iris_' + name.split('-')[1] + '_module/_runtime/processor.py'], contentHash(readFileSync(join(dir, `iris_${name.split('-')[1]}_module/_runtime/processor.py`), 'utf8')));
    });
  }

  it('keeps an edited handler byte for byte, adds the runtime, and writes the new layout beside it', () => {
    const dir = copyOfV010('iris-urlscan-module');
    const handler = join(dir, 'iris_urlscan_module/urlscan_handler/urlscan_handler.py');
    const edited = `${readFileSync(handler, 'utf8')}\n# my enrichment code\n`;
    writeFileSync(handler, edited);
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.equal(readFileSync(handler, 'utf8'), edited);
    assert.ok(existsSync(join(dir, 'iris_urlscan_module/_runtime/processor.py')));
    assert.ok(existsSync(`${handler}.new`));
    assert.ok(existsSync(join(dir, 'iris_urlscan_module/IrisUrlscanInterface.py.new')));
    // The 0.1.0 interface and tests stay: they work with the 0.1.0 handler.
    assert.ok(existsSync(join(dir, 'tests/test_iris_urlscan_module/test_service.py')));
    assert.match(result.output, /urlscan_handler\.py was edited since 0\.1\.0 generated it/);
    assert.match(result.output, /1\. Move your code from iris_urlscan_module\/urlscan_handler\/urlscan_handler\.py into .*\.new/);
    assert.deepEqual(rc(dir).pendingMigration, ['iris_urlscan_module']);
  });

  it('finishes the move once the author put the new files in place', () => {
    const dir = copyOfV010('iris-urlscan-module');
    const handler = join(dir, 'iris_urlscan_module/urlscan_handler/urlscan_handler.py');
    writeFileSync(handler, `${readFileSync(handler, 'utf8')}\n# my enrichment code\n`);
    assert.equal(update(dir, '--yes').status, 0);
    const moved = ['iris_urlscan_module/IrisUrlscanInterface.py', 'iris_urlscan_module/IrisUrlscanConfig.py', 'iris_urlscan_module/urlscan_handler/urlscan_handler.py'];
    for (const file of [...moved, 'iris_urlscan_module/__init__.py', 'iris_urlscan_module/urlscan_handler/__init__.py', 'tests/test_iris_urlscan_module/__init__.py', 'tests/test_iris_urlscan_module/test_contract.py', 'tests/test_iris_urlscan_module/test_hooks.py', 'tests/test_iris_urlscan_module/test_enrichment.py', 'tests/test_iris_urlscan_module/test_urlscan.py']) {
      writeFileSync(join(dir, file), readFileSync(join(dir, `${file}.new`), 'utf8'));
    }
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.equal(rc(dir).pendingMigration, undefined);
    assert.match(result.output, /removed: no longer generated, and unchanged since generated:\n  tests\/test_iris_urlscan_module\/test_service\.py/);
    assert.doesNotMatch(result.output, /was edited since 0\.1\.0/);
  });

  it('updates every package of a repository, the added one too', async () => {
    const dir = copyOfV010('quux-intel');
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.ok(existsSync(join(dir, 'quux_intel_dim/_runtime/processor.py')));
    assert.ok(existsSync(join(dir, 'iris_evtx_module/_runtime/pipeline.py')));
    const stored = rc(dir);
    // 0.1.0 gave the added package the project's description: it keeps it.
    assert.equal(stored.addedModules[0].description, stored.description);
    assert.match(readFileSync(join(dir, 'iris_evtx_module/IrisEvtxConfig.py'), 'utf8'), /^module_description = "Enrich \\"IOCs\\" with 'Quux' \\\\ data"$/m);
  });
});

describe('update of a project of this version', () => {
  it('says there is nothing to update, and changes nothing', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' });
    const before = snapshot(dir);
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /Nothing to update: the project is up to date with generator-iris-module \d+\.\d+\.\d+\./);
    assert.deepEqual(snapshot(dir), before);
  });

  it('rewrites a generator file the author left alone, from an older text', async () => {
    const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-evtx-module' });
    const makefile = join(dir, 'Makefile');
    const current = readFileSync(makefile, 'utf8');
    // As an older version would have written it, and recorded it.
    const older = current.replace('## lint:', '## lint (old):');
    writeFileSync(makefile, older);
    const rcPath = join(dir, '.yo-rc.json');
    const stored = JSON.parse(readFileSync(rcPath, 'utf8'));
    stored['generator-iris-module'].files.Makefile = contentHash(older);
    writeFileSync(rcPath, JSON.stringify(stored, null, 2));
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.equal(readFileSync(makefile, 'utf8'), current);
    assert.match(result.output, /updated to the new version:\n  Makefile\n/);
  });

  it('with --yes, keeps a generator file the author edited and writes the new version beside it', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' });
    const stubs = join(dir, 'tests/iris_harness/stubs.py');
    const current = readFileSync(stubs, 'utf8');
    const rcPath = join(dir, '.yo-rc.json');
    const stored = JSON.parse(readFileSync(rcPath, 'utf8'));
    stored['generator-iris-module'].files['tests/iris_harness/stubs.py'] = contentHash('an older text');
    writeFileSync(rcPath, JSON.stringify(stored, null, 2));
    const edited = `${current}\n# my own stand-in\n`;
    writeFileSync(stubs, edited);
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.equal(readFileSync(stubs, 'utf8'), edited);
    assert.equal(readFileSync(`${stubs}.new`, 'utf8'), current);
    assert.match(result.output, /edited by you: kept, with the new version beside as <file>\.new:\n  tests\/iris_harness\/stubs\.py\n/);
  });

  it("rewrites pyproject.toml's region and keeps the author's part", async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' });
    const manifest = join(dir, 'pyproject.toml');
    const rcPath = join(dir, '.yo-rc.json');
    const stored = JSON.parse(readFileSync(rcPath, 'utf8'));
    const text = readFileSync(manifest, 'utf8');
    // The author adds a dependency; an older version had another ruff line length.
    const older = text.replace('dependencies = []', 'dependencies = ["requests>=2"]').replace('line-length = 100', 'line-length = 99');
    writeFileSync(manifest, older);
    const region = older.slice(older.indexOf('# >>> generator-iris-module'), older.indexOf('# <<< generator-iris-module') + '# <<< generator-iris-module'.length);
    stored['generator-iris-module'].files['pyproject.toml#managed'] = contentHash(region);
    writeFileSync(rcPath, JSON.stringify(stored, null, 2));
    const result = update(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    const after = readFileSync(manifest, 'utf8');
    assert.match(after, /^dependencies = \["requests>=2"\]$/m);
    assert.match(after, /^line-length = 100$/m);
    assert.ok(!existsSync(`${manifest}.new`));
  });
});

describe('update refuses what it cannot update, and writes nothing', () => {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    ['a folder that is not a generated project', () => {}, /is not a project made by generator-iris-module: it has no \.yo-rc\.json/],
    ['a .yo-rc.json from a newer generator', (dir) => writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-iris-module': { schema: 99, generatorVersion: '9.0.0', type: 'processor' } })), /generated by generator-iris-module 9\.0\.0, newer than this one/],
    ['a corrupt .yo-rc.json', (dir) => writeFileSync(join(dir, '.yo-rc.json'), '{"generator-iris-module": {'), /Could not parse JSON in file: .*\/\.yo-rc\.json\. Detail: /],
    ['another generator\'s .yo-rc.json', (dir) => writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-other': { name: 'x' } })), /has no \.yo-rc\.json with a "generator-iris-module" entry/],
  ];
  for (const [label, prepare, message] of cases) {
    it(label, () => {
      const dir = join(tempFolder(), 'project');
      mkdirSync(dir);
      writeFileSync(join(dir, 'notes.txt'), 'mine\n');
      prepare(dir);
      const before = snapshot(dir);
      const result = update(dir, '--yes');
      assert.notEqual(result.status, 0, result.output);
      assert.match(result.output, message);
      assert.deepEqual(snapshot(dir), before);
    });
  }
});

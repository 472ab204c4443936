// `iris-module:processor` in the three kinds of folder it meets, through the CLI,
// proven with real Python: a repository made by this generator (one wheel, two
// modules), someone else's Python repository (nothing of theirs changes), and an
// empty folder (the very project yo iris-module writes).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModule, tempFolder } from '../support/generate.js';
import { cliPath, irisInterfacePath } from '../support/paths.js';
import { buildWheel, collectTests, compileAll, installWheel, loadLikeIris, runPytest, type LoadReport } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';
import { ruffCheck, ruffFormatCheck } from '../support/ruff.js';
import { snapshot } from '../support/snapshot.js';

function cli(cwd: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Files whose content differs, or that are gone, between two snapshots. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([file, hash]) => after.get(file) !== hash).map(([file]) => file).sort();
}

function assertLoadsHealthy(report: LoadReport, type: 'processor' | 'pipeline'): void {
  assert.equal(report.message, 'Success', JSON.stringify(report, null, 2));
  assert.equal(report.healthy, true, report.health_logs.join('\n'));
  assert.equal(report.module_type, `module_${type}`);
}

function assertSuitePasses(dir: string): number {
  const report = runPytest(python311(), dir);
  assert.equal(report.status, 0, report.output);
  assert.ok(report.collected > 0, report.output);
  assert.equal(report.passed, report.collected, report.output);
  assert.equal(report.skipped, 0, report.output);
  return report.collected;
}

describe('a processor added to a repository made by this generator, holding a pipeline', function () {
  this.timeout(300_000);
  let dir: string;
  let original: Map<string, string>;
  let pipelineTests: number;
  let site: string;

  before(async function () {
    this.timeout(120_000);
    ({ dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-threatfox-module' }));
    pipelineTests = collectTests(python311(), dir).length;
    original = snapshot(dir);
    const result = cli(dir, 'processor', '--yes', '--keyword', 'vt2', '--hooks', 'ioc:create,ioc:manual,asset:delete,note:preload-create');
    assert.equal(result.status, 0, result.output);
  });

  it('changes no existing file but pyproject.toml, README.md and .yo-rc.json', () => {
    assert.deepEqual(changedFiles(original, snapshot(dir)), ['.yo-rc.json', 'README.md', 'pyproject.toml']);
  });

  it('builds ONE wheel from which both modules load and pass the health check (Python 3.9)', function () {
    this.timeout(120_000);
    site = installWheel(buildWheel(dir));
    assertLoadsHealthy(loadLikeIris(python39(), 'iris_threatfox_module', site), 'pipeline');
    assertLoadsHealthy(loadLikeIris(python39(), 'iris_vt2_module', site), 'processor');
    // Sub-packages too: IRIS imports the handlers when a hook or pipeline runs.
    assert.ok(existsSync(join(site, 'iris_vt2_module', 'vt2_handler', 'vt2_handler.py')));
    assert.ok(existsSync(join(site, 'iris_threatfox_module', 'threatfox_handler', 'threatfox_handler.py')));
  });

  it('registers the added processor from that wheel', () => {
    const report = loadLikeIris(python39(), 'iris_vt2_module', site, ['--register-hooks']);
    assert.equal(report.loaded && report.healthy, true, report.message);
    assert.deepEqual(
      report.registered_hooks.map((hook) => hook.iris_hook_name),
      ['on_manual_trigger_ioc'],
    );
  });

  it('passes the combined test suite: both modules, one harness', () => {
    const collected = assertSuitePasses(dir);
    assert.ok(collected > pipelineTests, `${collected} tests after the addition, ${pipelineTests} before`);
  });

  it('replays without PACKAGE= where one package alone can, each taking its own flat parameters (Python 3.9)', () => {
    const settingsFile = join(dir, 'iris-module.local.toml');
    const upload = join(dir, 'replayed.txt');
    writeFileSync(settingsFile, '[parameters]\nvt2_api_url = "http://127.0.0.1:9"\nthreatfox_evidence_description = "From a replay"\n');
    writeFileSync(upload, 'evil.example.com\n');
    try {
      const env = { ...process.env, PYTHON: python39(), PYTHONPATH: irisInterfacePath() };
      const make = (...args: string[]) => spawnSync('make', ['--no-print-directory', ...args], { cwd: dir, env, encoding: 'utf8' });
      // The processor alone follows the hook; nothing answers on port 9, so its lookup fails.
      const hook = make('replay', 'HOOK=on_manual_trigger_ioc', 'IOC=domain:example.com');
      const hookOutput = hook.stdout + hook.stderr;
      assert.match(hookOutput, /^Module: iris_vt2_module: IrisVt2, a processor module/m, hookOutput);
      assert.match(hookOutput, /^ {2}vt2_api_url = "http:\/\/127\.0\.0\.1:9"$/m, hookOutput);
      assert.doesNotMatch(hookOutput, /threatfox_evidence_description/);
      assert.match(hookOutput, /lookup failed, nothing written/, hookOutput);
      // The pipeline alone takes uploads.
      const run = make('replay-pipeline', 'FILES=replayed.txt');
      const runOutput = run.stdout + run.stderr;
      assert.equal(run.status, 0, runOutput);
      assert.match(runOutput, /^Module: iris_threatfox_module: IrisThreatfox, a pipeline module/m, runOutput);
      assert.match(runOutput, /^ {2}threatfox_evidence_description = "From a replay"$/m, runOutput);
      assert.doesNotMatch(runOutput, /vt2_api_url/);
      // register cannot choose: it names the packages.
      const register = make('register');
      assert.notEqual(register.status, 0);
      assert.match(register.stdout + register.stderr, /several module packages \(iris_threatfox_module, iris_vt2_module\): name one, with PACKAGE=<name>/);
    } finally {
      rmSync(settingsFile, { force: true });
      rmSync(upload, { force: true });
    }
  });

  it('stays clean under ruff', () => {
    assert.deepEqual(ruffCheck(dir), []);
    assert.equal(ruffFormatCheck(dir), '');
  });
});

describe('a processor added to a Python repository not made by this generator', function () {
  this.timeout(300_000);
  const ownFiles: Record<string, string> = {
    'pyproject.toml':
      '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n' +
      '[project]\nname = "mytool"\nversion = "1.0.0"\n\n[tool.setuptools]\npackages = ["mytool"]\n',
    'README.md': '# mytool\n\nDoubles numbers.\n',
    'mytool/__init__.py': '"""mytool."""\n',
    'mytool/core.py': 'def double(value):\n    return 2 * value\n',
    'tests/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef two():\n    return 2\n',
    'tests/test_core.py': 'from mytool.core import double\n\n\ndef test_double(two):\n    assert double(two) == 4\n',
  };
  let dir: string;
  let original: Map<string, string>;
  let output: string;

  before(() => {
    dir = join(tempFolder(), 'mytool');
    for (const [file, content] of Object.entries(ownFiles)) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    original = snapshot(dir);
    const result = cli(dir, 'processor', '--yes', '--keyword', 'x');
    assert.equal(result.status, 0, result.output);
    output = result.output;
  });

  it('changes no existing file', () => {
    assert.deepEqual(changedFiles(original, snapshot(dir)), []);
  });

  it('adds the package, its tests and the harness, with the IRIS set-up in the package\'s own test folder', () => {
    const added = [...snapshot(dir).keys()].filter((file) => !original.has(file)).sort();
    for (const file of [
      'iris_x_module/IrisXInterface.py',
      'iris_x_module/x_handler/x_handler.py',
      'tests/test_iris_x_module/conftest.py',
      'tests/test_iris_x_module/test_hooks.py',
      'tests/iris_harness/stubs.py',
    ]) {
      assert.ok(added.includes(file), `${file} added; added: ${added.join(', ')}`);
    }
    assert.ok(added.every((file) => file.startsWith('iris_x_module/') || file.startsWith('tests/')), added.join(', '));
    assert.equal(readFileSync(join(dir, 'tests/conftest.py'), 'utf8'), ownFiles['tests/conftest.py']);
  });

  it('prints exactly what to add to the manifest, and no make target the repository lacks', () => {
    assert.match(output, /no existing file was changed/);
    assert.match(output, /add "iris_x_module", "iris_x_module\._runtime", "iris_x_module\.x_handler" to packages in \[tool\.setuptools\]/);
    assert.doesNotMatch(output, /make (test|wheel|deploy)/);
  });

  it('compiles on Python 3.9, and loads and registers like IRIS from the repository folder', () => {
    compileAll(python39(), join(dir, 'iris_x_module'));
    assertLoadsHealthy(loadLikeIris(python39(), 'iris_x_module', dir), 'processor');
    const report = loadLikeIris(python39(), 'iris_x_module', dir, ['--register-hooks']);
    assert.deepEqual(report.registered_hooks.map((hook) => hook.iris_hook_name), ['on_manual_trigger_ioc']);
  });

  it("passes its tests next to the repository's own, whose conftest is left alone", () => {
    // 1 test of the repository's own, the others the module's.
    assert.ok(assertSuitePasses(dir) > 1);
  });

  it('goes into the wheel once the printed advice is followed', function () {
    this.timeout(120_000);
    const copy = join(tempFolder(), 'mytool');
    cpSync(dir, copy, { recursive: true });
    const manifest = join(copy, 'pyproject.toml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'packages = ["mytool"]',
        'packages = ["mytool", "iris_x_module", "iris_x_module._runtime", "iris_x_module.x_handler"]',
      ),
    );
    const site = installWheel(buildWheel(copy));
    assertLoadsHealthy(loadLikeIris(python39(), 'iris_x_module', site), 'processor');
    assert.ok(existsSync(join(site, 'mytool', 'core.py')));
  });
});

describe('a processor generated into an empty folder', function () {
  this.timeout(300_000);
  let dir: string;
  let reference: string;

  before(async function () {
    this.timeout(120_000);
    dir = join(tempFolder(), 'iris-empty-module');
    mkdirSync(dir);
    const result = cli(dir, 'processor', '--yes');
    assert.equal(result.status, 0, result.output);
    ({ dir: reference } = await generateModule({ type: 'processor', moduleName: 'iris-empty-module' }));
  });

  it('writes the same project as yo iris-module --type processor', () => {
    const files = snapshot(dir);
    const expected = snapshot(reference);
    assert.deepEqual([...files.keys()].sort(), [...expected.keys()].sort());
    // .yo-rc.json may list the same answers in another order.
    const answers = (folder: string): unknown => JSON.parse(readFileSync(join(folder, '.yo-rc.json'), 'utf8'));
    assert.deepEqual(answers(dir), answers(reference));
    for (const [file, hash] of files) if (file !== '.yo-rc.json') assert.equal(hash, expected.get(file), file);
    // Being that project, it installs, loads and passes its tests as modules.test.ts proves.
  });
});

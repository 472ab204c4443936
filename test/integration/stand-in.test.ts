// The IRIS test infrastructure itself: the iris_interface stand-in, the IRIS
// stubs and the IRIS-like loader pass their self-test (test/python/selftest_stand_in.py,
// stated from the real iris-interface 1.2.0's behaviour) on IRIS's Python, 3.9,
// and on 3.11. With IRIS_INTERFACE_PATH set, the same self-test and every
// integration helper run against the real package that variable names instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { irisInterfacePath, repoRoot, standIn } from '../support/paths.js';
import { loadLikeIris } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';

const selfTest = join(repoRoot, 'test', 'python', 'selftest_stand_in.py');

/** The test functions the self-test defines: its runner must report every one as passed. */
const selfTestCount = readFileSync(selfTest, 'utf8').match(/^def test_\w+\(/gm)?.length ?? 0;

function runSelfTest(python: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(python, [selfTest], {
    encoding: 'utf8',
    cwd: tmpdir(),
    env: { ...process.env, PYTHONPATH: '', PYTHONDONTWRITEBYTECODE: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

describe('the IRIS test infrastructure (stand-in, stubs, loader)', function () {
  this.timeout(120_000);

  it('the self-test defines the tests it is known to hold', () => {
    // A guard against a runner that counts nothing: 46 tests at the time of writing.
    assert.ok(selfTestCount >= 46, `found ${selfTestCount} test functions in ${selfTest}`);
  });

  for (const [version, python] of [
    ['3.9', python39],
    ['3.11', python311],
  ] as const) {
    it(`passes its self-test on Python ${version}, against ${process.env.IRIS_INTERFACE_PATH ? 'IRIS_INTERFACE_PATH' : 'the stand-in'}`, () => {
      const { status, output } = runSelfTest(python());
      assert.equal(status, 0, output);
      const summary = /^(\d+) passed, (\d+) failed \(Python (\S+)\)$/m.exec(output);
      assert.ok(summary, `no summary line in:\n${output}`);
      assert.equal(Number(summary[1]), selfTestCount, output);
      assert.equal(Number(summary[2]), 0, output);
      assert.ok(summary[3]!.startsWith(`${version}.`), `ran on Python ${summary[3]}, not ${version}`);
    });
  }

  it('loads modules with the iris_interface IRIS_INTERFACE_PATH names, or the stand-in when it is unset', () => {
    // irisInterfacePath() throws when IRIS_INTERFACE_PATH is set to a folder without iris_interface:
    // this test then fails, and so does every integration test that loads a module.
    const expected = irisInterfacePath();
    if (!process.env.IRIS_INTERFACE_PATH) assert.equal(expected, standIn);
    const site = mkdtempSync(join(tmpdir(), 'iris-interface-choice-'));
    try {
      mkdirSync(join(site, 'st_choice_module'));
      writeFileSync(join(site, 'st_choice_module', '__init__.py'), '__iris_module_interface = "StChoice"\n');
      writeFileSync(
        join(site, 'st_choice_module', 'StChoice.py'),
        [
          'from iris_interface.IrisModuleInterface import IrisModuleInterface, IrisModuleTypes',
          '',
          '',
          'class StChoice(IrisModuleInterface):',
          '    _module_name = "Interface choice"',
          '    _module_type = IrisModuleTypes.module_processor',
          '    _pipeline_support = False',
          '    _pipeline_info = {}',
          '    _module_configuration = []',
          '',
        ].join('\n'),
      );
      const report = loadLikeIris(python39(), 'st_choice_module', site);
      assert.equal(report.healthy, true, JSON.stringify(report, null, 2));
      assert.equal(report.iris_interface, join(expected, 'iris_interface'));
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('refuses an IRIS_INTERFACE_PATH without iris_interface, in the helpers and in the loader', () => {
    const empty = mkdtempSync(join(tmpdir(), 'iris-no-interface-'));
    const saved = process.env.IRIS_INTERFACE_PATH;
    try {
      process.env.IRIS_INTERFACE_PATH = empty;
      assert.throws(() => irisInterfacePath(), new RegExp(`IRIS_INTERFACE_PATH=${empty} holds no iris_interface/IrisModuleInterface\\.py`));
      assert.throws(() => loadLikeIris(python39(), 'st_any_module', empty), /holds no iris_interface/);
      const { status, output } = runSelfTest(python39());
      assert.equal(status, 2, output);
      assert.match(output, /holds no iris_interface/);
    } finally {
      if (saved === undefined) delete process.env.IRIS_INTERFACE_PATH;
      else process.env.IRIS_INTERFACE_PATH = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

// The generated project's own tooling: make targets, and the message its tests
// give when iris_interface is not installed.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { generateModule } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { python311 } from '../support/python.js';
import { ensurePythonTools } from '../support/python-tools.js';

function make(dir: string, target: string, env: NodeJS.ProcessEnv, python: string) {
  const result = spawnSync('make', [target, `PYTHON=${python}`], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
  });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('generated project tooling', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-toto' }));
  });

  it('make test runs the module tests', () => {
    // The whole suite runs in modules.test.ts: here pytest keeps the contract tests only.
    const env = { PYTHONPATH: [dir, irisInterfacePath()].join(delimiter), PYTEST_ADDOPTS: '-k test_contract' };
    const result = make(dir, 'test', env, python311());
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /\b[1-9]\d* passed, [1-9]\d* deselected\b/);
  });

  it('make wheel builds the wheel into dist/', () => {
    // Offline: no build isolation, setuptools >= 77 from the test tools' environment.
    const result = make(
      dir,
      'wheel',
      { PIP_NO_BUILD_ISOLATION: '0', PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
      ensurePythonTools().python,
    );
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(readdirSync(join(dir, 'dist')), ['iris_toto-0.1.0-py3-none-any.whl']);
  });

  it('make lint runs ruff check and ruff format --check, clean', () => {
    const result = make(dir, 'lint', {}, ensurePythonTools().python);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /ruff check \./);
    assert.match(result.output, /ruff format --check \./);
    assert.match(result.output, /All checks passed!/);
  });

  it('make lint and make test say how to install a missing tool', () => {
    // A Python with nothing installed: an empty virtual environment.
    const venv = join(mkdtempSync(join(tmpdir(), 'iris-bare-')), 'venv');
    execFileSync(python311(), ['-m', 'venv', '--without-pip', venv]);
    const bare = join(venv, 'bin', 'python');
    for (const [target, tool] of [['lint', 'ruff'], ['test', 'pytest']] as const) {
      const result = make(dir, target, {}, bare);
      assert.notEqual(result.status, 0, result.output);
      assert.ok(result.output.includes(`${tool} is not installed for ${bare}: run  ${bare} -m pip install -e '.[test]'`), result.output);
      assert.doesNotMatch(result.output, /No module named/);
    }
  });

  it('without iris_interface, the tests stop with one line that says how to install it', () => {
    const result = spawnSync(python311(), ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const output = `${result.stdout}${result.stderr}`;
    assert.notEqual(result.status, 0, output);
    assert.match(output, /iris_interface is not installed.*pip install -e '\.\[test\]'/);
    assert.doesNotMatch(output, /Traceback|ModuleNotFoundError/);
  });
});

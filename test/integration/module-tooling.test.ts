// The generated project's own tooling: make targets, and the message its tests
// give when iris_interface is not installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureBuildTools } from '../support/build-tools.js';
import { generateModule } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { buildPython, python311 } from '../support/python.js';

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
    const result = make(dir, 'test', { PYTHONPATH: [dir, irisInterfacePath()].join(delimiter) }, python311());
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /\d+ passed/);
  });

  it('make wheel builds the wheel into dist/', () => {
    // Offline: no build isolation, setuptools >= 77 from the test cache.
    const result = make(
      dir,
      'wheel',
      { PYTHONPATH: ensureBuildTools(), PIP_NO_BUILD_ISOLATION: '0', PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
      buildPython(),
    );
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(readdirSync(join(dir, 'dist')), ['iris_toto-0.1.0-py3-none-any.whl']);
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

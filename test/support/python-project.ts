// What the integration tests do to a generated project, with real Python.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { irisInterfacePath, loaderScript } from './paths.js';
import { ensurePythonTools } from './python-tools.js';

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Byte-compiles every .py file; throws with Python's message on the first failure. */
export function compileAll(python: string, dir: string): void {
  const result = run(python, ['-W', 'error', '-m', 'compileall', '-q', '-f', '-x', '/(\\.venv|build)/', dir], {
    env: { PYTHONDONTWRITEBYTECODE: '' },
  });
  if (result.status !== 0) throw new Error(`${python} compileall failed:\n${result.stdout}${result.stderr}`);
}

/** Builds the wheel offline, with the test tools' setuptools (>= 77), and returns its path. */
export function buildWheel(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'iris-wheel-'));
  const result = run(
    ensurePythonTools().python,
    ['-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '--no-index', '--wheel-dir', out, dir],
    { env: { PIP_DISABLE_PIP_VERSION_CHECK: '1' } },
  );
  if (result.status !== 0) throw new Error(`pip wheel failed:\n${result.stdout}${result.stderr}`);
  const wheels = readdirSync(out).filter((file) => file.endsWith('.whl'));
  if (wheels.length !== 1) throw new Error(`expected one wheel in ${out}, found ${wheels.join(', ')}`);
  return join(out, wheels[0]!);
}

/** Installs a wheel into a fresh target folder (nothing from the index). */
export function installWheel(wheel: string): string {
  const target = mkdtempSync(join(tmpdir(), 'iris-site-'));
  execFileSync(ensurePythonTools().python, ['-m', 'pip', 'install', '--no-deps', '--no-index', '--target', target, wheel], {
    stdio: 'pipe',
    env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
  });
  return target;
}

export interface LoadReport {
  loaded: boolean;
  message: string;
  healthy: boolean;
  health_logs: string[];
  module_type: string;
  module_name: string;
  interface_version: string;
  pipeline_info: Record<string, unknown>;
  registered_hooks: Array<Record<string, unknown>>;
  deregistered_hooks: Array<Record<string, unknown>>;
  message_queue: string[];
  /** The folder of the iris_interface package the module was loaded with. */
  iris_interface: string;
}

/**
 * Loads a package as IRIS does and health-checks it, with the stand-in
 * iris_interface or the one IRIS_INTERFACE_PATH names. `sitePath` (a pip
 * --target folder or a source tree) is added after the standard library, as
 * site-packages are in IRIS.
 */
export function loadLikeIris(
  python: string,
  packageName: string,
  sitePath: string,
  extra: string[] = [],
): LoadReport {
  // The loader puts the IRIS stubs and irisInterfacePath() first on sys.path itself.
  irisInterfacePath();
  const result = run(python, [loaderScript, packageName, '--site', sitePath, ...extra], {
    env: { PYTHONPATH: '', PYTHONDONTWRITEBYTECODE: '1' },
    cwd: tmpdir(),
  });
  try {
    return JSON.parse(result.stdout) as LoadReport;
  } catch {
    throw new Error(`load_like_iris.py printed no report (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

export interface PytestReport {
  status: number;
  collected: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
  output: string;
}

/** Runs the project's own tests with the stand-in iris_interface, or the one IRIS_INTERFACE_PATH names, on PYTHONPATH. */
export function runPytest(python: string, dir: string, args: string[] = []): PytestReport {
  const junit = join(mkdtempSync(join(tmpdir(), 'iris-junit-')), 'report.xml');
  const result = run(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${junit}`, ...args], {
    cwd: dir,
    env: { PYTHONPATH: [dir, irisInterfacePath()].join(delimiter), PYTHONDONTWRITEBYTECODE: '1' },
  });
  let xml = '';
  try {
    xml = readFileSync(junit, 'utf8');
  } catch {
    /* no report: counted as nothing collected */
  }
  const attribute = (name: string): number => Number(new RegExp(`<testsuite [^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const collected = attribute('tests');
  const failed = attribute('failures');
  const errors = attribute('errors');
  const skipped = attribute('skipped');
  return {
    status: result.status,
    collected,
    failed,
    errors,
    skipped,
    passed: collected - failed - errors - skipped,
    output: result.stdout + result.stderr,
  };
}

/** The ids of the tests pytest collects in the project (`file::test[params]`), without running them. */
export function collectTests(python: string, dir: string): string[] {
  const result = run(python, ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'], {
    cwd: dir,
    env: { PYTHONPATH: [dir, irisInterfacePath()].join(delimiter), PYTHONDONTWRITEBYTECODE: '1' },
  });
  const count = /^(\d+) tests? collected/m.exec(result.stdout);
  const ids = result.stdout.split('\n').filter((line) => line.includes('::'));
  if (result.status !== 0 || !count || ids.length !== Number(count[1])) {
    throw new Error(`pytest --collect-only failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return ids;
}

// The Python tools the tests run generated projects with: ruff, pytest, Jinja2,
// setuptools >= 77 (generated modules declare their license as an SPDX expression,
// PEP 639) and wheel, installed once into a virtual environment under .cache/ by
// pip from the index it is configured with. Several test processes may ask at
// once: the first creates it under a lock, the others wait for it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.js';

/** What the environment holds; changing the list makes a new environment. */
export const pythonToolRequirements = ['ruff', 'pytest', 'jinja2', 'setuptools>=77', 'wheel'];

const home = join(cacheDir, 'python-tools');
const stamp = join(home, 'requirements.txt');
const lock = join(cacheDir, 'python-tools.lock');

export interface PythonTools {
  /** The environment's python: pip, setuptools, wheel, pytest and Jinja2. */
  python: string;
  ruff: string;
}

const tools: PythonTools = { python: join(home, 'bin', 'python'), ruff: join(home, 'bin', 'ruff') };

function ready(): boolean {
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === pythonToolRequirements.join('\n') && existsSync(tools.ruff);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The base interpreter of the environment: Debian's python3 (it has venv and pip), or the one on PATH. */
function basePython(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

export function ensurePythonTools(): PythonTools {
  if (ready()) return tools;
  mkdirSync(cacheDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process is building it; a lock older than 10 minutes was left by a crash.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
      if (ready()) return tools;
    }
  }
  try {
    if (ready()) return tools;
    // A venv records its own path in its scripts: it is built in place, and the stamp,
    // written last, says it is complete.
    rmSync(home, { recursive: true, force: true });
    execFileSync(basePython(), ['-m', 'venv', home], { stdio: 'pipe' });
    execFileSync(tools.python, ['-m', 'pip', 'install', '--quiet', '--retries', '0', '--disable-pip-version-check', ...pythonToolRequirements], {
      stdio: 'pipe',
    });
    writeFileSync(stamp, pythonToolRequirements.join('\n'));
    if (!ready()) throw new Error(`the Python tools were not installed into ${home}`);
    return tools;
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not install ${pythonToolRequirements.join(', ')} into ${home} with pip: ${(error as Error).message}\n${output}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('python-tools.ts')) {
  console.log(JSON.stringify(ensurePythonTools()));
}

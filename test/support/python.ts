// Locates the Python interpreters the tests need: pyenv's 3.9 to 3.13 (3.9 and 3.11 run
// the generated code; every one's standard library is checked).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function pyenvRoot(): string {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT;
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    return join(homedir(), '.pyenv');
  }
}

function findPython(minor: string): string {
  const versions = join(pyenvRoot(), 'versions');
  const match = existsSync(versions)
    ? readdirSync(versions)
        .filter((version) => version.startsWith(`${minor}.`))
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
        .pop()
    : undefined;
  if (match) return join(versions, match, 'bin', 'python');
  for (const candidate of [`/usr/bin/python${minor}`, `/usr/local/bin/python${minor}`]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Python ${minor} not found (looked in pyenv's ${versions} and /usr/bin): the integration tests need it.`);
}

const cache: Record<string, string> = {};

/** pyenv's newest 3.<minor> (e.g. `python('3.12')`); throws when it is missing. */
export function python(version: string): string {
  return (cache[version] ??= findPython(version));
}

/** IRIS's Python: the generated code must import and load on it. */
export const python39 = (): string => python('3.9');

/** The Python with pytest and Jinja2 that runs the generated tests. */
export const python311 = (): string => python('3.11');

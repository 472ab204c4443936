// `yo` 7 and the packed tarball of this package, installed once per test run
// into a temporary global prefix and shared by every end-to-end test file: mocha's
// global set-up installs it and hands it to its workers in an environment variable;
// a test file run alone installs it for its own process.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../../support/generate.js';
import { repoRoot } from '../../support/paths.js';

export interface YoInstall {
  /** Temporary folder of the end-to-end tests, removed when the process exits. */
  work: string;
  /** Global npm prefix that holds yo and generator-iris-module. */
  prefix: string;
  /** The `yo` command. */
  yo: string;
  /** The packed tarball. */
  tarball: string;
}

export const yoVersion = '7.0.1';

/** The environment variable that holds an install made by another process (JSON). */
export const yoInstallVariable = 'IRIS_MODULE_TEST_YO';

let installed: YoInstall | undefined;

/** Packs this package and installs it with `yo` (about 20 s with a warm npm cache, the first time only). */
export function installYo(): YoInstall {
  if (installed) return installed;
  const shared = process.env[yoInstallVariable];
  if (shared !== undefined) {
    const install = JSON.parse(shared) as YoInstall;
    // A value left in the shell from an earlier run names a removed folder: install anew.
    if (existsSync(install.yo)) {
      installed = install;
      return installed;
    }
  }
  const work = tempFolder('iris-e2e-');
  process.once('exit', () => rmSync(work, { recursive: true, force: true }));
  // mkdtemp makes 0700 folders: the CLI user must reach the installed packages.
  chmodSync(work, 0o755);
  const prefix = join(work, 'yo-prefix');
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const tarball = join(work, packed);
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', `yo@${yoVersion}`, tarball],
    // An explicit cwd: earlier tests in this process may have removed the folder it was in.
    { stdio: 'pipe', cwd: work },
  );
  installed = { work, prefix, yo: join(prefix, 'bin', 'yo'), tarball };
  return installed;
}

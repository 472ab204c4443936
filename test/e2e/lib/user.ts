// Who runs the end-to-end commands, as a user would: the current user, or,
// when the tests run as root (CI, containers), the unprivileged user with uid
// 1000, the one `yo` itself would switch to (package root-check). Each run gets
// a home folder of its own that this user owns, and none of root's npm settings.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { delimiter, dirname } from 'node:path';

export interface CliUser {
  name: string;
  uid: number;
  gid: number;
}

export const asRoot = process.getuid?.() === 0;
const unprivilegedUid = 1000;

function lookUp(uid: number): CliUser {
  const result = spawnSync('getent', ['passwd', String(uid)], { encoding: 'utf8' });
  const fields = (result.stdout ?? '').trim().split(':');
  if (result.status !== 0 || fields.length < 7) {
    throw new Error(
      `Run as root, the end-to-end tests run yo as the user with uid ${uid}, and there is none: ` +
        `create one (useradd --uid ${uid} --create-home iris-e2e), as .ci/run does.`,
    );
  }
  return { name: fields[0]!, uid: Number(fields[2]), gid: Number(fields[3]) };
}

let user: CliUser | undefined;

/** The user the commands run as (looked up on first use, so a missing user fails the tests, not the import). */
export function cliUser(): CliUser {
  user ??= asRoot
    ? lookUp(unprivilegedUid)
    : { name: userInfo().username, uid: process.getuid!(), gid: process.getgid!() };
  return user;
}

/** `argv`, run as the CLI user: through setpriv when the tests run as root. */
export function asUser(argv: readonly string[]): string[] {
  if (!asRoot) return [...argv];
  const { uid, gid } = cliUser();
  return ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', ...argv];
}

/** Creates `dir` (its parents must exist and be reachable) and hands it to the CLI user. */
export function userFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  if (asRoot) chownSync(dir, cliUser().uid, cliUser().gid);
  return dir;
}

/** Writes a file that the CLI user owns. */
export function userFile(path: string, content: string): void {
  writeFileSync(path, content);
  if (asRoot) chownSync(path, cliUser().uid, cliUser().gid);
}

/**
 * The environment of a user with `home` as home folder: the test's own, minus
 * npm's per-run settings (`npm test` points npm_config_cache, userconfig... at
 * root's files), with `binDirs` then this Node's folder first on PATH, so that
 * `#!/usr/bin/env node` scripts run on the Node the tests run on.
 */
export function userEnv(home: string, binDirs: readonly string[] = []): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|XDG_)/i.test(key));
  const { name } = cliUser();
  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    USER: name,
    LOGNAME: name,
    NO_UPDATE_NOTIFIER: '1',
    NO_COLOR: '1',
    PATH: [...binDirs, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
  };
}

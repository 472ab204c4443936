import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitDefaults, prefetchGitConfig } from '../../generators/lib/git-defaults.js';
import { tempFolder } from '../support/generate.js';

describe('author defaults from git', () => {
  const variables = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_DIR'] as const;
  const saved = new Map(variables.map((name) => [name, process.env[name]]));
  let repository: string;
  let globalConfig: string;

  before(() => {
    const dir = tempFolder();
    repository = join(dir, 'repo');
    execFileSync('git', ['init', '-q', repository]);
    globalConfig = join(dir, 'gitconfig');
    Object.assign(process.env, { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: join(repository, '.git') });
  });

  after(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const configure = (global: string, local = ''): void => {
    writeFileSync(globalConfig, global);
    writeFileSync(join(repository, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n${local}`);
  };
  const gitGet = (key: string): string | undefined => {
    try {
      return execFileSync('git', ['config', '--get', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  };

  it('reads the three keys, the repository overriding the user, as git config --get does', async () => {
    configure('[user]\n\tname = Jane Global\n\temail = jane@example.org\n[github]\n\tuser = jane\n', '[user]\n\tname = "  Jane Local "\n');
    const defaults = await gitDefaults();
    assert.deepEqual(defaults, { name: 'Jane Local', email: 'jane@example.org', githubUser: 'jane' });
    assert.deepEqual(defaults, { name: gitGet('user.name'), email: gitGet('user.email'), githubUser: gitGet('github.user') });
  });

  it('keeps the last value of a key set twice, whatever the case of its name', async () => {
    configure('[user]\n\tname = First\n[User]\n\tName = Second\n');
    assert.equal((await gitDefaults()).name, 'Second');
    assert.equal(gitGet('user.name'), 'Second');
  });

  it('leaves unset, empty and value-less keys undefined', async () => {
    configure('[user]\n\tname =\n[github]\n\tuser\n');
    assert.deepEqual(await gitDefaults(), { name: undefined, email: undefined, githubUser: undefined });
  });

  it('uses the read prefetchGitConfig started, once, then reads again', async () => {
    configure('[user]\n\tname = Before\n');
    prefetchGitConfig();
    // Where the bin leaves the read: wait for it to finish before the change.
    await (globalThis as Record<symbol, unknown>)[Symbol.for('generator-iris-module:git-config')];
    configure('[user]\n\tname = After\n');
    assert.equal((await gitDefaults()).name, 'Before');
    assert.equal((await gitDefaults()).name, 'After');
  });
});

import { execFile } from 'node:child_process';
import type { DefaultsSource } from './questions.js';

/** The git configuration keys the author defaults come from. */
const keys = { name: 'user.name', email: 'user.email', githubUser: 'github.user' } as const;

/**
 * Values of `keys` in git's configuration, read in one `git config` run, in the
 * background. Each entry of `-z` output is `key\nvalue\0`; a key set more than
 * once keeps its last value, as `git config --get` does.
 */
function readGitConfig(): Promise<Map<string, string>> {
  const pattern = `^(${Object.values(keys).join('|').replaceAll('.', '\\.')})$`;
  return new Promise((resolve) => {
    execFile('git', ['config', '-z', '--get-regexp', pattern], { encoding: 'utf8' }, (error, output) => {
      const values = new Map<string, string>();
      // An error: no git, or none of the keys set.
      if (!error) {
        for (const entry of output.split('\0')) {
          const newline = entry.indexOf('\n');
          if (newline > 0) values.set(entry.slice(0, newline), entry.slice(newline + 1).trim());
        }
      }
      resolve(values);
    });
  });
}

/** Where the bin leaves the read it started before loading the generators. */
const prefetchKey = Symbol.for('generator-iris-module:git-config');
type Prefetched = { [prefetchKey]?: Promise<Map<string, string>> };

/**
 * Starts reading git's configuration now, for the next {@link gitDefaults}: the bin
 * calls it first thing, so that git runs while the generators load.
 */
export function prefetchGitConfig(): void {
  (globalThis as Prefetched)[prefetchKey] = readGitConfig();
}

/** Author defaults from git, where set: the read the bin started, or a new one. */
export async function gitDefaults(): Promise<DefaultsSource['git']> {
  const prefetched = (globalThis as Prefetched)[prefetchKey];
  delete (globalThis as Prefetched)[prefetchKey];
  const values = await (prefetched ?? readGitConfig());
  const value = (key: string): string | undefined => values.get(key) || undefined;
  return { name: value(keys.name), email: value(keys.email), githubUser: value(keys.githubUser) };
}

import { execFileSync } from 'node:child_process';
import type { DefaultsSource } from './questions.js';

/** The git configuration keys the author defaults come from. */
const keys = { name: 'user.name', email: 'user.email', githubUser: 'github.user' } as const;

/**
 * Values of `keys` in git's configuration, read in one `git config` run.
 * Each entry of `-z` output is `key\nvalue\0`; a key set more than once keeps
 * its last value, as `git config --get` does.
 */
function gitConfig(): Map<string, string> {
  const values = new Map<string, string>();
  const pattern = `^(${Object.values(keys).join('|').replaceAll('.', '\\.')})$`;
  try {
    const output = execFileSync('git', ['config', '-z', '--get-regexp', pattern], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const entry of output.split('\0')) {
      const newline = entry.indexOf('\n');
      if (newline > 0) values.set(entry.slice(0, newline), entry.slice(newline + 1).trim());
    }
  } catch {
    // No git, or none of the keys set.
  }
  return values;
}

/** Author defaults from git, where set. */
export function gitDefaults(): DefaultsSource['git'] {
  const values = gitConfig();
  const value = (key: string): string | undefined => values.get(key) || undefined;
  return { name: value(keys.name), email: value(keys.email), githubUser: value(keys.githubUser) };
}

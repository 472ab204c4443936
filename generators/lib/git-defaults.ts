import { execFileSync } from 'node:child_process';
import type { DefaultsSource } from './questions.js';

function gitConfig(key: string): string | undefined {
  try {
    const value = execFileSync('git', ['config', '--get', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** Author defaults from git, where set. */
export function gitDefaults(): DefaultsSource['git'] {
  return { name: gitConfig('user.name'), email: gitConfig('user.email'), githubUser: gitConfig('github.user') };
}

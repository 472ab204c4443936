import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The compiled generators the tests run (`npm test` builds them first). */
export const generatorPath = (name: 'app' | 'pipeline' | 'processor'): string =>
  join(repoRoot, 'dist', 'generators', name, 'index.js');
export const cliPath = join(repoRoot, 'dist', 'generators', 'cli.js');
export const standIn = join(repoRoot, 'test', 'python', 'stand-in');
export const loaderScript = join(repoRoot, 'test', 'python', 'load_like_iris.py');
export const cacheDir = join(repoRoot, '.cache');

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The compiled generators the tests run (`npm test` builds them first). */
export const generatorPath = (name: 'app' | 'pipeline' | 'processor'): string =>
  join(repoRoot, 'dist', 'generators', name, 'index.js');
export const cliPath = join(repoRoot, 'dist', 'generators', 'cli.js');
/** This project's stand-in for iris_interface (test/python/stand-in). */
export const standIn = join(repoRoot, 'test', 'python', 'stand-in');

/**
 * The folder the Python side imports iris_interface from: the stand-in, or,
 * when IRIS_INTERFACE_PATH is set, that folder (a checkout of
 * iris-module-interface or an unpacked iris-interface wheel). A set path that
 * holds no iris_interface package is an error, never a fallback to the stand-in.
 */
export function irisInterfacePath(): string {
  const chosen = process.env.IRIS_INTERFACE_PATH;
  if (chosen === undefined || chosen === '') return standIn;
  const folder = resolve(chosen);
  if (!existsSync(join(folder, 'iris_interface', 'IrisModuleInterface.py'))) {
    throw new Error(
      `IRIS_INTERFACE_PATH=${chosen} holds no iris_interface/IrisModuleInterface.py: point it at a checkout of ` +
        'iris-module-interface or an unpacked iris-interface wheel (the folder that contains iris_interface/), or unset it to use the stand-in.',
    );
  }
  return folder;
}
export const loaderScript = join(repoRoot, 'test', 'python', 'load_like_iris.py');
export const cacheDir = join(repoRoot, '.cache');

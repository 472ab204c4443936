// Runs the compiled generators the way a user does, in a temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import helpers, { type RunResult } from 'yeoman-test';
import { generatorPath } from './paths.js';

export interface ModuleSpec {
  type: 'processor' | 'pipeline';
  moduleName: string;
  options?: Record<string, string>;
}

/** A fresh temporary folder. */
export function tempFolder(prefix = 'iris-module-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Generates a module with `--yes` into `<parent>/<moduleName>`; returns the project folder. */
export async function generateModule(spec: ModuleSpec, parent = tempFolder()): Promise<{ dir: string; result: RunResult }> {
  const result = await helpers
    .run(generatorPath('app'))
    .cd(parent)
    .withArguments([spec.moduleName])
    .withOptions({ yes: true, type: spec.type, ...(spec.options ?? {}) } as never);
  return { dir: join(parent, spec.moduleName), result };
}

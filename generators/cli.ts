#!/usr/bin/env node
// `iris-module`: runs this package's generators through yeoman-environment,
// with no global `yo` (and, unlike `yo`, without dropping root privileges).
//
//   iris-module [destination] [options]         same as `yo iris-module`
//   iris-module processor|pipeline [options]    same as `yo iris-module:<type>`
//   iris-module update [options]                same as `yo iris-module:update`
//   --force, --bail and --dry-run work as they do under `yo`.
//
// `npm run build` bundles this file, the generators and their dependencies
// into dist/generators/cli.bundle.js and its chunks, which the bin runs
// (scripts/build.mjs); `yo` loads the compiled generators,
// dist/generators/<name>/index.js.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';
import app from './app/index.js';
import pipeline from './pipeline/index.js';
import processor from './processor/index.js';
import update from './update/index.js';

/** Every generator, by its name in `iris-module:<name>`: adding one is an import and a key here. */
const generators = { app, pipeline, processor, update };
type GeneratorName = keyof typeof generators;

const generatorsDir = dirname(fileURLToPath(import.meta.url));

/** Yeoman's conflict flags, which `yo` handles itself: here they go to the environment. */
const conflictFlags = { '--force': 'force', '--bail': 'bail', '--dry-run': 'dryRun' } as const;

/** The bin's usage: it replaces the generic first line of the help Yeoman prints. */
const usage = [
  'Usage: iris-module [destination] [options]        write a new module project (yo iris-module)',
  '       iris-module processor|pipeline [options]   add a module of that type to this project',
  '       iris-module update [options]               bring this project up to this version of the generator',
].join('\n');

function showOwnUsage(): void {
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? chunk.replace(/^Usage: program \[generator-options\]$/m, usage) : chunk, ...rest)) as typeof process.stdout.write;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) showOwnUsage();
  const flags = argv.filter((arg): arg is keyof typeof conflictFlags => Object.hasOwn(conflictFlags, arg));
  const positional = argv.filter((arg) => !Object.hasOwn(conflictFlags, arg));
  const [first, ...rest] = positional;
  const sub = Object.hasOwn(generators, first ?? '') ? (first as GeneratorName) : undefined;
  const env = createEnv(Object.fromEntries(flags.map((flag) => [conflictFlags[flag], true])));
  for (const [name, generator] of Object.entries(generators)) {
    // `resolved` is the file `yo` would load: Yeoman finds the generator's USAGE and package.json from it.
    env.register(generator, { namespace: `iris-module:${name}`, resolved: join(generatorsDir, name, 'index.js') });
  }
  await env.execute(`iris-module:${sub ?? 'app'}`, sub ? rest : positional);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  process.exitCode = 1;
});

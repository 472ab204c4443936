#!/usr/bin/env node
// `iris-module`: runs this package's generators through yeoman-environment,
// with no global `yo` (and, unlike `yo`, without dropping root privileges).
//
//   iris-module [destination] [options]         same as `yo iris-module`
//   iris-module processor|pipeline [options]    same as `yo iris-module:<type>`
//   iris-module update [options]                same as `yo iris-module:update`
//   --force, --bail and --dry-run work as they do under `yo`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';

const generatorsDir = dirname(fileURLToPath(import.meta.url));
const generators = ['app', 'pipeline', 'processor', 'update'] as const;

/** Yeoman's conflict flags, which `yo` handles itself: here they go to the environment. */
const conflictFlags = { '--force': 'force', '--bail': 'bail', '--dry-run': 'dryRun' } as const;

async function main(argv: string[]): Promise<void> {
  const flags = argv.filter((arg): arg is keyof typeof conflictFlags => Object.hasOwn(conflictFlags, arg));
  const positional = argv.filter((arg) => !Object.hasOwn(conflictFlags, arg));
  const [first, ...rest] = positional;
  const sub = generators.find((name) => name === first);
  const env = createEnv(Object.fromEntries(flags.map((flag) => [conflictFlags[flag], true])));
  for (const name of generators) {
    env.register(join(generatorsDir, name, 'index.js'), { namespace: `iris-module:${name}` });
  }
  await env.execute(`iris-module:${sub ?? 'app'}`, sub ? rest : positional);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  process.exitCode = 1;
});

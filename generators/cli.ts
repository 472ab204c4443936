#!/usr/bin/env node
// `iris-module`: runs this package's generators through yeoman-environment,
// with no global `yo` (and, unlike `yo`, without dropping root privileges).
//
//   iris-module [destination] [options]         same as `yo iris-module`
//   iris-module processor|pipeline [options]    same as `yo iris-module:<type>`
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEnv } from 'yeoman-environment';

const generatorsDir = dirname(fileURLToPath(import.meta.url));
const generators = ['app', 'pipeline', 'processor'] as const;

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  const sub = generators.find((name) => name === first);
  const env = createEnv();
  for (const name of generators) {
    env.register(join(generatorsDir, name, 'index.js'), { namespace: `iris-module:${name}` });
  }
  await env.execute(`iris-module:${sub ?? 'app'}`, sub ? rest : argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Error: ${message}\n`);
  process.exitCode = 1;
});

// The tests run the compiled generators in dist/ (yeoman-environment cannot load the
// .ts sources on Node 20). A test run after a change to generators/ without a build
// would test the old code and pass or fail for the wrong reason: mocha loads this file
// first (.mocharc.json "require") and stops the run at once when dist/ is missing or
// older than a source. `npm test` builds first, so it never stops there.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './paths.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Why the build in `outputDir` (a copy of `sourceDir`'s tree, compiled) does not match
 * `sourceDir`, or undefined when it does. The build replaces the whole of `outputDir`,
 * so its oldest file dates the build; a source changed after that, or a TypeScript
 * source without its compiled file, makes the build stale.
 */
export function staleBuild(sourceDir: string, outputDir: string, root = repoRoot): string | undefined {
  const shown = (path: string): string => relative(root, path) || path;
  const rebuild = 'run `npm run build` first (`npm test` builds, then tests)';
  if (!existsSync(outputDir)) return `${shown(outputDir)} does not exist: ${rebuild}.`;
  const outputs = filesUnder(outputDir);
  if (outputs.length === 0) return `${shown(outputDir)} is empty: ${rebuild}.`;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = filesUnder(sourceDir);
  const missing = sources
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(outputDir, relative(sourceDir, file)).replace(/\.ts$/, '.js'))
    .filter((file) => !existsSync(file));
  if (missing.length > 0) return `${shown(missing[0]!)} is missing from the build: ${rebuild}.`;
  const newer = sources.filter((file) => statSync(file).mtimeMs > built);
  if (newer.length > 0) {
    const list = newer.slice(0, 5).map(shown).join(', ') + (newer.length > 5 ? ` and ${newer.length - 5} more` : '');
    return `The compiled generators in ${shown(outputDir)} are older than ${list}, so the tests would run the code as it was before: ${rebuild}.`;
  }
  return undefined;
}

/** mocha's global set-up: once, before any test. */
export function mochaGlobalSetup(): void {
  const problem = staleBuild(join(repoRoot, 'generators'), join(repoRoot, 'dist', 'generators'));
  if (problem !== undefined) throw new Error(problem);
}

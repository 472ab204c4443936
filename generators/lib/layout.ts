// Writes template trees through Yeoman's in-memory file system, so nothing
// reaches the disk unless the whole run succeeds, and conflicts with files on
// disk go through Yeoman's conflict handling (--force, --bail, prompts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Generator from 'yeoman-generator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGenerator = Generator<any, any>;
import type { TemplateContext } from './context.js';
import { templateFiles } from './template-files.js';

const generatorsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Template folders, resolved next to the compiled generators. */
export const templateDirs = {
  base: join(generatorsDir, 'app', 'templates'),
  harness: join(generatorsDir, 'lib', 'templates', 'harness'),
  processor: join(generatorsDir, 'processor', 'templates'),
  pipeline: join(generatorsDir, 'pipeline', 'templates'),
} as const;

/** Context of the base layout: the primary package plus every package of the repository. */
export type BaseContext = TemplateContext & { packages: TemplateContext[] };

export interface RenderOptions {
  /** Leave files that already exist on disk alone (shared files in an existing repository). */
  keepExisting?: boolean;
}

/** Renders a template folder into the destination; returns the generated paths. */
export function renderInto(
  generator: AnyGenerator,
  templatesDir: string,
  context: TemplateContext | BaseContext,
  options: RenderOptions = {},
): string[] {
  const written: string[] = [];
  for (const file of templateFiles(templatesDir, context.names)) {
    const target = generator.destinationPath(file.target);
    if (options.keepExisting && existsSync(target)) continue;
    generator.renderTemplate(file.source, target, context as unknown as Record<string, unknown>);
    written.push(file.target);
  }
  return written;
}

// Writes template trees through Yeoman's in-memory file system, so nothing
// reaches the disk unless the whole run succeeds. On a rerun, files the user
// has not touched are updated silently; files the user edited or deleted are
// theirs: they are asked about, kept (with --yes), or overwritten (--force).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type Generator from 'yeoman-generator';
import type { TemplateContext } from './context.js';
import { templateFiles } from './template-files.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGenerator = Generator<any, any>;

const generatorsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Template folders, resolved next to the compiled generators. */
export const templateDirs = {
  base: join(generatorsDir, 'app', 'templates'),
  harness: join(generatorsDir, 'lib', 'templates', 'harness'),
  readme: join(generatorsDir, 'lib', 'templates', 'readme'),
  processor: join(generatorsDir, 'processor', 'templates'),
  pipeline: join(generatorsDir, 'pipeline', 'templates'),
} as const;

/** Context of the base layout: the primary package plus every package of the repository. */
export type BaseContext = TemplateContext & { packages: TemplateContext[] };

export interface RenderOptions {
  /** Leave files that already exist on disk alone (shared files in an existing repository). */
  keepExisting?: boolean;
  /**
   * The context of the previous run (from `.yo-rc.json`): a file on disk equal
   * to what it renders is untouched by the user and may be updated.
   */
  previous?: TemplateContext | BaseContext;
  /** Ask nothing: keep the user's edits and deletions instead of prompting. */
  yes?: boolean;
}

/** Yeoman's --force or --bail, from the generator's options or the environment's conflicter settings. */
function conflictFlag(generator: AnyGenerator, flag: 'force' | 'bail'): boolean {
  const envOptions = (generator.env as unknown as { conflicterOptions?: Record<string, unknown> }).conflicterOptions;
  return Boolean((generator.options as Record<string, unknown>)[flag] ?? envOptions?.[flag]);
}

/** Renders one EJS template file with a context. */
export function renderTemplate(source: string, context: TemplateContext | BaseContext): string {
  return ejs.render(readFileSync(source, 'utf8'), context as unknown as ejs.Data, { filename: source });
}

/** Lets a write through the commit without a conflict prompt. */
function markForced(generator: AnyGenerator, target: string): void {
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

/** Renders a template folder into the destination; returns the generated paths. */
export function renderInto(
  generator: AnyGenerator,
  templatesDir: string,
  context: TemplateContext | BaseContext,
  options: RenderOptions = {},
): string[] {
  const written: string[] = [];
  const force = conflictFlag(generator, 'force');
  // --bail wants the conflicter to stop the run at the first conflict, so nothing is kept quietly.
  const keepQuietly = Boolean(options.yes) && !conflictFlag(generator, 'bail');
  for (const file of templateFiles(templatesDir, context.names)) {
    const target = generator.destinationPath(file.target);
    const shown = relative(generator.destinationRoot(), target);
    const onDisk = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (options.keepExisting && onDisk !== undefined) continue;
    const content = renderTemplate(file.source, context);
    if (onDisk === undefined) {
      const previousTarget = options.previous
        ? templateFiles(templatesDir, options.previous.names).find((old) => old.source === file.source)?.target
        : undefined;
      if (previousTarget === file.target && !force) {
        // Generated last time, deleted since: the deletion is the user's edit.
        generator.log.info(`${shown} was deleted since it was generated: not recreated (--force recreates it).`);
        continue;
      }
    } else if (onDisk !== content && !force && options.previous) {
      if (onDisk === renderTemplate(file.source, options.previous)) {
        // Untouched since the last run: follow the new answers.
        generator.fs.write(target, content);
        markForced(generator, target);
        written.push(file.target);
        continue;
      }
      if (keepQuietly) {
        generator.log.info(`${shown} was edited since it was generated: kept as it is (--force overwrites it).`);
        continue;
      }
    } else if (onDisk !== content && !force && keepQuietly) {
      generator.log.info(`${shown} already exists and differs: kept as it is (--force overwrites it).`);
      continue;
    }
    // New, identical, forced, or the user's file with a person to ask: Yeoman's conflicter decides.
    generator.fs.write(target, content);
    written.push(file.target);
  }
  return written;
}

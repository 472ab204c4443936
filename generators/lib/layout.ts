// Writes template trees through Yeoman's in-memory file system, so nothing
// reaches the disk unless the whole run succeeds. Generator-owned files get their
// header; every file written is recorded by its hash in `.yo-rc.json`, which is how
// a later run knows whether the user edited it since: a file the user has not
// touched follows the new answers, one they edited or deleted is theirs (asked
// about, kept with --yes, overwritten with --force).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type Generator from 'yeoman-generator';
import type { ModuleNames } from './naming.js';
import { contentHash, managedRegionKey, managedRegionOf, templateOwner, withOwnedHeader } from './ownership.js';
import { templateFiles, type TemplateFile } from './template-files.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGenerator = Generator<any, any>;

const generatorsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Template folders, resolved next to the compiled generators. */
export const templateDirs = {
  base: join(generatorsDir, 'app', 'templates'),
  harness: join(generatorsDir, 'lib', 'templates', 'harness'),
  runtime: join(generatorsDir, 'lib', 'templates', 'runtime'),
  runtimeTests: join(generatorsDir, 'lib', 'templates', 'runtime-tests'),
  readme: join(generatorsDir, 'lib', 'templates', 'readme'),
  processor: join(generatorsDir, 'processor', 'templates'),
  pipeline: join(generatorsDir, 'pipeline', 'templates'),
} as const;

/** Renders one EJS template file with a context. */
export function renderTemplate(source: string, data: object): string {
  return ejs.render(readFileSync(source, 'utf8'), data as ejs.Data, { filename: source });
}

/** What one template writes, header included; undefined when it renders to nothing (a file that does not apply). */
export function renderFile(file: TemplateFile, data: object): string | undefined {
  const content = renderTemplate(file.source, data);
  if (content.trim() === '') return undefined;
  return templateOwner(file.template) === 'generator' ? withOwnedHeader(file.target, content) : content;
}

/** Hashes of the files the generator wrote, by path relative to the project root. */
export type FileHashes = Record<string, string>;

/**
 * The hashes a run starts from (`.yo-rc.json`) and the texts it queued. Once Yeoman
 * has written the files, {@link FileLedger.settle} records the hash of each text that
 * reached the disk, and keeps the old hash of a file the user chose to keep.
 */
export class FileLedger {
  private readonly queued = new Map<string, string>();

  constructor(readonly recorded: Readonly<FileHashes>) {}

  expect(target: string, content: string): void {
    this.queued.set(target, content);
  }

  /**
   * The hashes to record after the run: of each text that reached the disk (and of
   * pyproject.toml's managed region with it).
   */
  settle(root: string): FileHashes {
    const hashes: FileHashes = {};
    for (const [target, content] of this.queued) {
      const path = join(root, target);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) continue;
      hashes[target] = contentHash(content);
      const region = target === 'pyproject.toml' ? managedRegionOf(content) : undefined;
      if (region) hashes[managedRegionKey] = contentHash(region.text);
    }
    return hashes;
  }
}

export interface RenderOptions {
  ledger: FileLedger;
  /** Leave files that already exist on disk alone (shared files in someone else's repository). */
  keepExisting?: boolean;
  /** Ask nothing: keep the user's edits and deletions instead of prompting. */
  yes?: boolean;
}

/** A file the user edited since it was generated, kept as it is. */
export interface KeptFile extends TemplateFile {
  /** Path shown to the user. */
  shown: string;
}

/** Yeoman's --force or --bail, from the generator's options or the environment's conflicter settings. */
export function conflictFlag(generator: AnyGenerator, flag: 'force' | 'bail'): boolean {
  const envOptions = (generator.env as unknown as { conflicterOptions?: Record<string, unknown> }).conflicterOptions;
  return Boolean((generator.options as Record<string, unknown>)[flag] ?? envOptions?.[flag]);
}

/** Lets a write through the commit without a conflict prompt. */
export function writeForced(generator: AnyGenerator, target: string, content: string): void {
  generator.fs.write(target, content);
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

/** Deletes a file with the run's commit, without a conflict prompt. */
export function deleteForced(generator: AnyGenerator, target: string): void {
  generator.fs.delete(target);
  (generator.fs.store.get(target) as { conflicter?: string }).conflicter = 'force';
}

/**
 * Renders a template folder into the destination, with `data`; `names` fill the
 * placeholders of the folder's paths. Returns the files the user edited and that
 * were kept (with --yes).
 */
export function renderInto(
  generator: AnyGenerator,
  templatesDir: string,
  names: ModuleNames,
  data: object,
  options: RenderOptions,
): KeptFile[] {
  const kept: KeptFile[] = [];
  const force = conflictFlag(generator, 'force');
  // --bail wants the conflicter to stop the run at the first conflict, so nothing is kept quietly.
  const keepQuietly = Boolean(options.yes) && !conflictFlag(generator, 'bail');
  for (const file of templateFiles(templatesDir, names)) {
    const target = generator.destinationPath(file.target);
    const shown = relative(generator.destinationRoot(), target);
    const onDisk = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (options.keepExisting && onDisk !== undefined) continue;
    const content = renderFile(file, data);
    if (content === undefined) continue;
    const recorded = options.ledger.recorded[file.target];
    if (onDisk === undefined) {
      if (recorded !== undefined && !force) {
        // Generated before, deleted since: the deletion is the user's edit.
        generator.log.info(`${shown} was deleted since it was generated: not recreated (--force recreates it).`);
        continue;
      }
    } else if (onDisk !== content && !force) {
      if (recorded !== undefined && contentHash(onDisk) === recorded) {
        // Untouched since the generator wrote it: follow the new answers.
        writeForced(generator, target, content);
        options.ledger.expect(file.target, content);
        continue;
      }
      if (keepQuietly) {
        generator.log.info(
          recorded !== undefined
            ? `${shown} was edited since it was generated: kept as it is (--force overwrites it).`
            : `${shown} already exists and differs: kept as it is (--force overwrites it).`,
        );
        kept.push({ ...file, shown });
        continue;
      }
    }
    // New, identical, forced, or the user's file with a person to ask: Yeoman's conflicter decides.
    generator.fs.write(target, content);
    options.ledger.expect(file.target, content);
  }
  return kept;
}

// Lists a template folder as (template file, generated path) pairs.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ModuleNames } from './naming.js';
import { renderedPath } from './template-paths.js';

export interface TemplateFile {
  /** Absolute path of the `.ejs` template. */
  source: string;
  /** Path of the template in its folder, `/`-separated: what ownership is declared by. */
  template: string;
  /** Path of the generated file, relative to the project root. */
  target: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

export function templateFiles(templatesDir: string, names: ModuleNames): TemplateFile[] {
  return walk(templatesDir).map((source) => {
    const template = relative(templatesDir, source).split(sep).join('/');
    return { source, template, target: renderedPath(template, names) };
  });
}

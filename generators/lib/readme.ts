// The README's generated regions: the module list, and one section per package
// (its hooks or pipeline, and its parameters). The README template renders them
// for every package; a sub-generator adding a package to an existing repository
// inserts the same text, so a later `yo iris-module` finds the README unchanged.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import type { TemplateContext } from './context.js';

export const readmeModulesStart = '<!-- iris-modules:start -->';
export const readmeModulesEnd = '<!-- iris-modules:end -->';
export const readmeSectionsStart = '<!-- iris-module-sections:start -->';
export const readmeSectionsEnd = '<!-- iris-module-sections:end -->';

const sectionTemplate = join(dirname(fileURLToPath(import.meta.url)), 'templates', 'readme', 'package-section.md.ejs');

/** README line of one package in the module list. */
export function readmeModuleLine(context: TemplateContext): string {
  return `- \`${context.names.packageName}\`: ${context.module.type} module (${context.names.interfaceClass})`;
}

/** README section of one package, followed by a blank line. */
export function readmeSection(context: TemplateContext): string {
  const rendered = ejs.render(readFileSync(sectionTemplate, 'utf8'), context as unknown as ejs.Data, { filename: sectionTemplate });
  return `${rendered.trimEnd()}\n\n`;
}

/** Inserts `insertion` at the start of the line holding `marker`, when `start` comes before it. */
function insertBefore(text: string, start: string, marker: string, insertion: string): string | undefined {
  const end = text.indexOf(marker);
  const begin = text.indexOf(start);
  if (begin === -1 || end === -1 || begin > end || (end > 0 && text[end - 1] !== '\n')) return undefined;
  return `${text.slice(0, end)}${insertion}${text.slice(end)}`;
}

/**
 * Adds a package to the README: its line at the end of the module list and,
 * where the sections region is there, its section after the others. Returns
 * undefined when the module list is gone; leaves the text as it is when the
 * package is listed already.
 */
export function addPackageToReadme(text: string, context: TemplateContext): string | undefined {
  const line = readmeModuleLine(context);
  if (text.includes(line)) return text;
  const listed = insertBefore(text, readmeModulesStart, readmeModulesEnd, `${line}\n`);
  if (listed === undefined) return undefined;
  return insertBefore(listed, readmeSectionsStart, readmeSectionsEnd, readmeSection(context)) ?? listed;
}

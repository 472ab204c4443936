// The README's generated regions: the module list, and one section per package
// (its hooks or pipeline, and its parameters). The README template renders them
// for every package; a sub-generator adding a package to an existing repository
// inserts the same text, so a later `yo iris-module` finds the README unchanged.
import { join } from 'node:path';
import type { TemplateContext } from './context.js';
import { renderTemplate, templateDirs } from './layout.js';
import { readmeModulesEnd, readmeModulesStart, readmeSectionsEnd, readmeSectionsStart } from './markers.js';

const sectionTemplate = join(templateDirs.readme, 'package-section.md.ejs');

/** First line of a package's README section. */
export const readmeSectionHeading = (context: TemplateContext): string => `### \`${context.names.packageName}\``;

/** README section of one package, followed by a blank line. */
export function readmeSection(context: TemplateContext): string {
  return `${readmeSectionHeading(context)}\n\n${renderTemplate(sectionTemplate, context).trimEnd()}\n\n`;
}

/** Offsets of a generated region: from its start marker to the line holding its end marker. */
function region(text: string, start: string, end: string): { begin: number; end: number } | undefined {
  const begin = text.indexOf(start);
  const close = text.indexOf(end);
  if (begin === -1 || close === -1 || begin > close || (close > 0 && text[close - 1] !== '\n')) return undefined;
  return { begin, end: close };
}

/** Whether a region holds `line` as a whole line. */
const holdsLine = (text: string, where: { begin: number; end: number }, line: string): boolean =>
  text.slice(where.begin, where.end).split(/\r?\n/).includes(line);

export interface ReadmeUpdate {
  /** The README, with what was missing added. */
  text: string;
  /** Whether the package's line was added to the module list (false: it was there). */
  listed: boolean;
  /** Whether the package's section was added (false: it was there, or there is no sections region). */
  sectioned: boolean;
  /** Whether the README has the region that holds the packages' sections. */
  hasSections: boolean;
}

/**
 * Adds a package to the README: its line at the end of the module list and,
 * where the sections region is there, its section after the others. Each is
 * added only when missing, in the README's own line endings. Returns undefined
 * when the module list is gone.
 */
export function addPackageToReadme(text: string, context: TemplateContext): ReadmeUpdate | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inEol = (insertion: string): string => (eol === '\n' ? insertion : insertion.replace(/\n/g, eol));
  const line = context.readmeLine;
  const list = region(text, readmeModulesStart, readmeModulesEnd);
  if (list === undefined) return undefined;
  const listed = !holdsLine(text, list, line);
  let updated = listed ? `${text.slice(0, list.end)}${inEol(`${line}\n`)}${text.slice(list.end)}` : text;
  const sections = region(updated, readmeSectionsStart, readmeSectionsEnd);
  const sectioned = sections !== undefined && !holdsLine(updated, sections, readmeSectionHeading(context));
  if (sectioned) updated = `${updated.slice(0, sections.end)}${inEol(readmeSection(context))}${updated.slice(sections.end)}`;
  return { text: updated, listed, sectioned, hasSections: sections !== undefined };
}

// Who owns each generated file, stated once: the writer, `update` and the tests read it.
//
// - generator: the plumbing (the runtime, the thin interface, the harness, the
//   generator's tests, Makefile, CI workflow). Each starts with a header saying so;
//   `yo iris-module:update` rewrites it when the author has not edited it.
// - author: the module's own logic and data (handler, config, the author's test).
//   Written once; `update` never touches it.
// - project: files both write to (README, LICENSE, AUTHORS, .gitignore, pyproject.toml).
//   Reruns follow the usual rules; in pyproject.toml, the region between the managed
//   markers is the generator's.
import { createHash } from 'node:crypto';

export type Owner = 'generator' | 'author' | 'project';

/** The first line of every generator-owned file (as a comment). */
export const ownedHeader = 'Owned by generator-iris-module: `yo iris-module:update` replaces this file.';

/** Templates of the author's room, by path in their template folder (without `.ejs`). */
export const authorTemplates: ReadonlySet<string> = new Set([
  '__packageName__/__configModule__.py',
  '__packageName__/__handlerPackage__/__handlerModule__.py',
  'tests/test___packageName__/test___keywordSnake__.py',
]);

/** Templates of files the project and the generator share, by path in their template folder. */
export const projectTemplates: ReadonlySet<string> = new Set(['README.md', 'LICENSE', 'AUTHORS', '_dot_gitignore', 'pyproject.toml']);

/** Who owns the file a template writes. */
export function templateOwner(templatePath: string): Owner {
  const path = templatePath.replace(/\.ejs$/, '');
  if (authorTemplates.has(path)) return 'author';
  if (projectTemplates.has(path)) return 'project';
  return 'generator';
}

/** The comment that starts a generator-owned file, by the file's type; undefined when it takes none. */
function commentFor(target: string): string | undefined {
  const name = target.split('/').pop() ?? target;
  if (name.endsWith('.py') || name === 'Makefile' || name.startsWith('Dockerfile') || name.endsWith('.yml') || name.endsWith('.yaml') || name.endsWith('.toml')) {
    return `# ${ownedHeader}\n`;
  }
  return undefined;
}

/** A generator-owned file's text, its header first. */
export function withOwnedHeader(target: string, content: string): string {
  const header = commentFor(target);
  return header === undefined || content.startsWith(header) ? content : `${header}${content}`;
}

/** Whether a file's text starts with the owned header. */
export function hasOwnedHeader(target: string, content: string): boolean {
  const header = commentFor(target);
  return header !== undefined && content.startsWith(header);
}

/** Markers of the generator's region in pyproject.toml. */
export const managedRegion = {
  start: '# >>> generator-iris-module: `yo iris-module:update` rewrites what is between these lines',
  end: '# <<< generator-iris-module',
} as const;

/** Key, in the recorded hashes, of pyproject.toml's managed region. */
export const managedRegionKey = 'pyproject.toml#managed';

/** The managed region of a pyproject.toml, markers included; undefined when the markers are gone. */
export function managedRegionOf(text: string): { begin: number; end: number; text: string } | undefined {
  const begin = text.indexOf(managedRegion.start);
  const close = text.indexOf(managedRegion.end, begin);
  if (begin === -1 || close === -1) return undefined;
  const end = close + managedRegion.end.length;
  return { begin, end, text: text.slice(begin, end) };
}

/** The hash recorded for a text the generator wrote (SHA-256, hex). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

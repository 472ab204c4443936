// Templates mirror the generated tree. Path segments named after a field of
// `ModuleNames` in double underscores (`__packageName__`) are replaced by that
// name, `_gitignore`-style leading underscores become dots (npm drops dotfiles
// from published packages), and the `.ejs` suffix is removed.
import type { ModuleNames } from './naming.js';

export function renderedPath(templatePath: string, names: ModuleNames): string {
  return templatePath
    .split('/')
    .map((segment) =>
      segment
        .replace(/__([A-Za-z]+)__/g, (match, key: string) => {
          // Only fields of ModuleNames are placeholders: `__init__.py` stays as it is.
          const value = (names as unknown as Record<string, unknown>)[key];
          return typeof value === 'string' ? value : match;
        })
        .replace(/^_dot_/, '.')
        .replace(/\.ejs$/, ''),
    )
    .join('/');
}

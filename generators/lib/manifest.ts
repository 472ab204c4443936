// Careful edits of files a user may have changed: the manifest's package list
// and the README's module list. Each returns the new text, or undefined when
// the expected generated section is not there (then the caller explains what
// to add by hand instead of guessing).
import type { TemplateContext } from './context.js';

/**
 * Appends `entry` to the one-line TOML array `key = [...]` found after `section`.
 * Returns undefined when the section or the line is not there.
 */
function appendToTomlList(text: string, section: string, key: string, entry: string): string | undefined {
  const start = text.indexOf(section);
  if (start === -1) return undefined;
  const line = new RegExp(`^(${key}\\s*=\\s*\\[)([^\\]\\n]*)(\\])[ \\t]*$`, 'm');
  const match = line.exec(text.slice(start));
  if (!match) return undefined;
  const entries = match[2]!.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const quoted = JSON.stringify(entry);
  if (entries.includes(quoted)) return text;
  const at = start + match.index;
  return `${text.slice(0, at)}${match[1]}${[...entries, quoted].join(', ')}${match[3]}${text.slice(at + match[0].length)}`;
}

/**
 * Adds a package to the wheel (`[tool.setuptools.packages.find] include`) and,
 * where the list exists, to ruff's first-party packages.
 */
export function addPackageToManifest(text: string, packageName: string): string | undefined {
  const withPackage = appendToTomlList(text, '[tool.setuptools.packages.find]', 'include', `${packageName}*`);
  if (withPackage === undefined) return undefined;
  return appendToTomlList(withPackage, '[tool.ruff.lint.isort]', 'known-first-party', packageName) ?? withPackage;
}

export const readmeModulesStart = '<!-- iris-modules:start -->';
export const readmeModulesEnd = '<!-- iris-modules:end -->';

/** README line of one package, shared by the README template and later additions. */
export function readmeModuleLine(context: TemplateContext): string {
  return `- \`${context.names.packageName}\`: ${context.module.type} module (${context.names.interfaceClass})`;
}

export function addPackageToReadme(text: string, context: TemplateContext): string | undefined {
  const end = text.indexOf(readmeModulesEnd);
  if (end === -1 || text.indexOf(readmeModulesStart) === -1) return undefined;
  const line = readmeModuleLine(context);
  if (text.includes(line)) return text;
  return `${text.slice(0, end)}${line}\n${text.slice(end)}`;
}

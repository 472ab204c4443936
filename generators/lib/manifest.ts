// Careful edits of a manifest the user may have changed: the package lists of
// pyproject.toml. Each returns the new text, or undefined when the expected
// generated section is not there (then the caller explains what to add by hand
// instead of guessing).

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

/** The `[section]` tables of a TOML text, with the text of each (headers of arrays of tables included). */
function tomlSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name = '';
  let body: string[] = [];
  const flush = (): void => {
    sections.set(name, `${sections.get(name) ?? ''}${body.join('\n')}\n`);
  };
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      flush();
      name = header[1]!.replace(/\s+/g, '');
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return sections;
}

/**
 * What to add to a build manifest this generator did not write, so that the wheel
 * holds `packages` (an IRIS module package first, then its sub-packages). Nothing
 * is edited: in a repository of someone else's, the generator only says what to do.
 * @param pyproject the text of `pyproject.toml`, undefined when there is none
 * @param hasSetupPy whether the folder holds a `setup.py`
 */
export function manifestAdvice(pyproject: string | undefined, hasSetupPy: boolean, packages: readonly string[]): string {
  const top = packages[0]!;
  const quoted = packages.map((name) => JSON.stringify(name)).join(', ');
  if (pyproject !== undefined) {
    const sections = tomlSections(pyproject);
    const find = sections.get('tool.setuptools.packages.find');
    if (find !== undefined) {
      return /^\s*include\s*=/m.test(find)
        ? `In pyproject.toml, add "${top}*" to include in [tool.setuptools.packages.find].`
        : `pyproject.toml's [tool.setuptools.packages.find] picks ${top} up, unless its where or exclude leave it out.`;
    }
    if (/^\s*packages\s*=/m.test(sections.get('tool.setuptools') ?? '')) {
      return `In pyproject.toml, add ${quoted} to packages in [tool.setuptools].`;
    }
    if (sections.has('tool.poetry')) {
      return `In pyproject.toml, add { include = "${top}" } to packages in [tool.poetry].`;
    }
    if ([...sections.keys()].some((name) => name.startsWith('tool.hatch'))) {
      return `In pyproject.toml, add "${top}" to packages in [tool.hatch.build.targets.wheel].`;
    }
    if (!hasSetupPy) {
      // setuptools' automatic discovery refuses a flat layout with several top-level packages.
      return (
        'pyproject.toml lets the build find its packages, and with a second top-level package setuptools stops ' +
        `("Multiple top-level packages discovered"). Add, with your own package next to it:\n` +
        `  [tool.setuptools.packages.find]\n  include = ["<your package>*", "${top}*"]`
      );
    }
  }
  if (hasSetupPy) {
    return `In setup.py, add ${quoted} to packages (or "${top}*" to the include of find_packages).`;
  }
  return `No pyproject.toml or setup.py here: build ${top} with a manifest that includes ${quoted}.`;
}

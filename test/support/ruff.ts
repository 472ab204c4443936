// Real ruff (its WebAssembly build) run over a generated project, with the
// settings from that project's own pyproject.toml.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { parse } from 'smol-toml';

export interface Finding {
  file: string;
  line: number;
  code: string | null;
  message: string;
}

interface RuffSection {
  'line-length'?: number;
  'target-version'?: string;
  lint?: { select?: string[]; ignore?: string[]; 'per-file-ignores'?: Record<string, string[]> };
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return entry.startsWith('.') || entry === 'build' ? [] : pythonFiles(full);
    return entry.endsWith('.py') ? [full] : [];
  });
}

/** `tests/**` -> does `tests/a/b.py` match. Enough for the patterns we generate. */
function globMatches(pattern: string, path: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('**')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*')}$`,
  );
  return regex.test(path);
}

export function ruffCheck(projectDir: string): Finding[] {
  const manifest = parse(readFileSync(join(projectDir, 'pyproject.toml'), 'utf8')) as { tool?: { ruff?: RuffSection } };
  const settings = manifest.tool?.ruff;
  if (!settings) throw new Error(`${projectDir}/pyproject.toml has no [tool.ruff] section`);
  const { 'per-file-ignores': perFile = {}, ...lint } = settings.lint ?? {};
  const findings: Finding[] = [];
  for (const file of pythonFiles(projectDir)) {
    const rel = relative(projectDir, file).split(sep).join('/');
    const extraIgnores = Object.entries(perFile).flatMap(([pattern, codes]) => (globMatches(pattern, rel) ? codes : []));
    const workspace = new Workspace(
      { ...settings, lint: { ...lint, ignore: [...(lint.ignore ?? []), ...extraIgnores] } },
      PositionEncoding.Utf16,
    );
    try {
      const diagnostics = workspace.check(readFileSync(file, 'utf8')) as Array<{
        code: string | null;
        message: string;
        start_location: { row: number };
      }>;
      for (const diagnostic of diagnostics) {
        findings.push({ file: rel, line: diagnostic.start_location.row, code: diagnostic.code, message: diagnostic.message });
      }
    } finally {
      workspace.free();
    }
  }
  return findings;
}

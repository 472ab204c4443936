// Real ruff, from the test tools' environment, run over a generated project with
// the settings of that project's own pyproject.toml: `ruff check` and
// `ruff format --check`, as the generated Makefile's `lint` target runs them.
import { spawnSync } from 'node:child_process';
import { ensurePythonTools } from './python-tools.js';

export interface Finding {
  file: string;
  line: number;
  code: string | null;
  message: string;
}

/** What `ruff check` finds in the project (empty when clean). */
export function ruffCheck(projectDir: string): Finding[] {
  const result = spawnSync(ensurePythonTools().ruff, ['check', '--no-cache', '--output-format', 'json', '.'], { cwd: projectDir, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`ruff check failed (${result.status}):\n${result.stderr}`);
  const diagnostics = JSON.parse(result.stdout) as Array<{ filename: string; code: string | null; message: string; location: { row: number } }>;
  return diagnostics.map((diagnostic) => ({
    file: diagnostic.filename.slice(projectDir.length + 1),
    line: diagnostic.location.row,
    code: diagnostic.code,
    message: diagnostic.message,
  }));
}

/** The files `ruff format --check` would reformat, with the diff (empty when clean). */
export function ruffFormatCheck(projectDir: string): string {
  const result = spawnSync(ensurePythonTools().ruff, ['format', '--no-cache', '--diff', '.'], { cwd: projectDir, encoding: 'utf8' });
  if (result.status === 0) return '';
  if (result.status === 1) return result.stdout || result.stderr;
  throw new Error(`ruff format failed (${result.status}):\n${result.stderr}`);
}

// Reads this generator's answers from a folder's `.yo-rc.json` without
// touching Yeoman's storage (which would create the folder).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const configKey = 'generator-iris-module';

export type StoredConfig = Record<string, unknown>;

/** The stored answers of this generator in `folder`, or undefined when there are none. */
export function readStoredConfig(folder: string): StoredConfig | undefined {
  const file = join(folder, '.yo-rc.json');
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); fix or remove it and run again.`);
  }
  const section = (parsed as Record<string, unknown> | null)?.[configKey];
  return section && typeof section === 'object' ? (section as StoredConfig) : undefined;
}

/** The string-valued answers of a stored config. */
export function storedAnswers(config: StoredConfig | undefined): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (typeof value === 'string') answers[key] = value;
  }
  return answers;
}

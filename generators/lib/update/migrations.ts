// How `.yo-rc.json` changes shape from one version of this generator to the next.
// Each migration is a pure function from one schema to the next: `update` applies
// them in order, and each has its own unit test.
import type { StoredConfig } from '../stored-config.js';
import { storedSchema } from '../stored-config.js';
import { defaultIocFamilies } from '../ioc-families.js';
import { splitList } from '../validation.js';

export interface Migration {
  from: number;
  to: number;
  /** What it changes, as `update` reports it. */
  summary: string;
  migrate: (config: StoredConfig) => StoredConfig;
}

/** Whether a processor's hooks hand IOCs over (the question of --ioc-types applies). */
function looksUpIocs(hooks: unknown): boolean {
  return typeof hooks === 'string' && splitList(hooks).some((pair) => ['ioc:create', 'ioc:update', 'ioc:manual'].includes(pair));
}

/**
 * 0.1.0 (schema 1) to 0.2.0 (schema 2): the schema and file hashes are recorded;
 * processors that look IOCs up keep the four families 0.1.0 looked up; each added
 * package gets the description it was written with (0.1.0 gave it the project's).
 */
export function migrate1to2(config: StoredConfig): StoredConfig {
  const projectDescription = typeof config.description === 'string' ? config.description : '';
  const withFamilies = (type: unknown, answers: Record<string, unknown>): Record<string, unknown> =>
    type === 'processor' && looksUpIocs(answers.hooks) && answers.iocTypes === undefined
      ? { ...answers, iocTypes: defaultIocFamilies.join(',') }
      : answers;
  const added = Array.isArray(config.addedModules) ? (config.addedModules as Array<Record<string, unknown>>) : [];
  return {
    ...withFamilies(config.type, config),
    schema: 2,
    files: {},
    ...(added.length > 0
      ? {
          addedModules: added.map((module) => ({
            ...module,
            description: typeof module.description === 'string' ? module.description : projectDescription,
            answers: withFamilies(module.type, (module.answers as Record<string, unknown> | undefined) ?? {}),
          })),
        }
      : {}),
  };
}

export const migrations: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    summary: 'schema 1 (0.1.0) to 2: records the schema, the generator version and the hash of each generated file',
    migrate: migrate1to2,
  },
];

/** The config brought to `target` schema, and the migrations applied, in order. */
export function migrateConfig(config: StoredConfig, target: number): { config: StoredConfig; applied: Migration[] } {
  const applied: Migration[] = [];
  let current = config;
  for (let schema = storedSchema(config); schema < target; ) {
    const step = migrations.find((migration) => migration.from === schema);
    if (step === undefined) throw new Error(`No migration of .yo-rc.json from schema ${schema}: this generator cannot update the project.`);
    current = step.migrate(current);
    applied.push(step);
    schema = step.to;
  }
  return { config: current, applied };
}

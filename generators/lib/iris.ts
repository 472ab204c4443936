// Facts about DFIR-IRIS's module contract that the generator relies on.
// Stated once here; templates, prompts and tests read them from this file.

/** The interface version IRIS 2.x accepts (MIN 1.1, MAX 1.2.0); always a string. */
export const interfaceVersion = '1.2.0';

export const moduleTypes = ['processor', 'pipeline'] as const;
export type ModuleType = (typeof moduleTypes)[number];

/** `IrisModuleTypes` constant names in `iris_interface`, per module type. */
export const irisModuleTypeConstant: Record<ModuleType, string> = {
  processor: 'module_processor',
  pipeline: 'module_pipeline',
};

/**
 * Parameter types a generated module may declare. IRIS has no allow-list; these
 * are the ones its UI renders and its interface (or the module) knows how to cast.
 */
export const parameterTypes = [
  'string',
  'sensitive_string',
  'bool',
  'int',
  'float',
  'textfield_json',
  'textfield_html',
] as const;
export type ParameterType = (typeof parameterTypes)[number];

/** Keys IRIS subscripts on every configuration entry. */
export const parameterKeys = [
  'param_name',
  'param_human_name',
  'param_description',
  'default',
  'mandatory',
  'type',
] as const;

/** IRIS's TLP names, from the least to the most restricted (iris-web's post_init.py). */
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;

/** The ids IRIS gives its TLPs when it creates its database: the order of creation. */
export const irisTlpIds: Record<number, (typeof tlpLevels)[number]> = { 1: 'red', 2: 'amber', 3: 'green', 4: 'clear', 5: 'amber+strict' };

/** The TLP IRIS gives a new IOC unless told otherwise. */
export const irisDefaultIocTlp = 'amber';

/** The highest TLP a processor sends to its service unless an administrator says otherwise. */
export const defaultMaxTlp = 'amber';

/** Containers a module must be installed in (docker-compose names). */
export const irisContainers = { app: 'iriswebapp_app', worker: 'iriswebapp_worker' } as const;

/** Python version IRIS runs; generated code must run on it. */
export const irisPythonVersion = '3.9';

/**
 * Top-level import names a module package must never take: IRIS's own
 * application package, the interface library, and packages the IRIS runtime
 * imports. (Standard-library names are refused separately.)
 */
export const reservedPackageNames: ReadonlySet<string> = new Set([
  'app',
  'iris_interface',
  'celery',
  'flask',
  'jinja2',
  'werkzeug',
  'sqlalchemy',
  'requests',
  'packaging',
  'tests',
  'test',
]);

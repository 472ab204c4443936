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

/** One of IRIS's services that import modules, as its compose files declare it. */
export interface IrisComposeService {
  /** `container_name`: what `docker exec`, `docker cp` and `docker restart` take. */
  container: string;
  /** The service's `command`, word for word. */
  command: readonly string[];
  /** Where the service's `volumes` mount something, in its container. */
  mountTargets: readonly string[];
}

/**
 * iris-web 2.4's compose files, as the generated project relies on them: read in
 * `docker-compose.base.yml` and `docker-compose.yml` at tag v2.4.20 (and unchanged
 * since v2.4.0 in what is listed here), and in `docker/webApp/Dockerfile` for the
 * image's layout. Stated once: the Makefile, `iris-dev.compose.yml`, `Dockerfile.iris`,
 * the README and the tests read them here.
 */
export const irisCompose = {
  /** The iris-web tag these facts were read at: the one to check out for `make dev`. */
  tag: 'v2.4.20',
  /** Compose file of a checkout of iris-web that runs IRIS from its published images. */
  composeFile: 'docker-compose.yml',
  /** The variables file IRIS's compose files read, in the checkout, and the model to copy it from. */
  envFile: '.env',
  envModel: '.env.model',
  /** The services that import modules: the app (registration, health check, uploads) and the worker (hooks, pipelines). */
  services: {
    app: {
      container: 'iriswebapp_app',
      command: ['nohup', './iris-entrypoint.sh', 'iriswebapp'],
      mountTargets: ['/etc/irisRootCACert.pem', '/home/iris/certificates/', '/iriswebapp/certificates/ldap/', '/home/iris/downloads', '/home/iris/user_templates', '/home/iris/server_data'],
    },
    worker: {
      container: 'iriswebapp_worker',
      command: ['./wait-for-iriswebapp.sh', 'app:8000', './iris-entrypoint.sh', 'iris-worker'],
      mountTargets: ['/etc/irisRootCACert.pem', '/home/iris/certificates/', '/iriswebapp/certificates/ldap/', '/home/iris/downloads', '/home/iris/user_templates', '/home/iris/server_data'],
    },
  } satisfies Record<'app' | 'worker', IrisComposeService>,
  /** The named volumes IRIS's compose files declare (the override must neither redeclare nor drop them). */
  volumes: ['iris-downloads', 'user_templates', 'server_data', 'db_data'],
  /** The variables `docker-compose.yml` takes the app and worker image from (set in IRIS's .env). */
  imageVariables: { name: 'APP_IMAGE_NAME', tag: 'APP_IMAGE_TAG' },
  /** Where IRIS's image keeps module wheels (`/iriswebapp` is its working folder). */
  dependenciesDir: '/iriswebapp/dependencies',
  /** The admin API key IRIS gives its first administrator when its .env sets it (read once, when IRIS creates its database). */
  adminApiKeyVariable: 'IRIS_ADM_API_KEY',
} as const;

/** Containers a module must be installed in (docker-compose names). */
export const irisContainers = { app: irisCompose.services.app.container, worker: irisCompose.services.worker.container } as const;

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

/**
 * Top-level names of the packaging tools installed in IRIS's Python: installing a
 * module package of that name would overwrite them.
 */
export const irisToolPackageNames: ReadonlySet<string> = new Set(['setuptools', 'pkg_resources', '_distutils_hack', 'wheel']);

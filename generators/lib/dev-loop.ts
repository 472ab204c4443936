// The development loop of every generated project: `make replay` (one IRIS call,
// locally), `make dev` (IRIS with the module's source) and `make register` (add,
// configure and enable through IRIS's REST API). Stated once: the Makefile, the
// compose override, the README, the end-of-run steps and the tests read it here.
import type { PipelineArgument } from './answers.js';
import { hookObjects, type HookObject, type ProcessorHook } from './hooks.js';
import type { IocFamily } from './ioc-families.js';

/** The local settings file, at the project's root and out of git: module parameters and IRIS's address and key. */
export const localSettingsFile = 'iris-module.local.toml';

/** Environment variables that override the `[iris]` table of the local settings. */
export const irisEnvironment = { url: 'IRIS_URL', apiKey: 'IRIS_API_KEY', verifyTls: 'IRIS_VERIFY_TLS' } as const;

/** The compose override that runs IRIS's own compose files with the project's source. */
export const devComposeFile = 'iris-dev.compose.yml';

/** The image recipe for a durable install: IRIS's app image with the project's wheel. */
export const imageRecipeFile = 'Dockerfile.iris';

/** The Python package (under tests/) that replays calls and registers the module. */
export const harnessModule = 'iris_harness';

/** The make variable (and `--option`) that hands objects of one kind to `make replay`. */
export function objectVariable(object: HookObject): string {
  return object.toUpperCase();
}

/** What `make replay` takes for objects of each kind (deleted objects are given by id). */
const objectValues: Record<HookObject, string> = {
  case: "the case's name",
  asset: "the asset's name",
  note: "the note's title",
  ioc: '<IRIS type>:<value>, such as domain:evil.example.com',
  event: "the timeline event's title",
  evidence: "the evidence's file name",
  task: "the case task's title",
  global_task: "the global task's title",
};

/** Every object variable `make replay` takes, in catalogue order: the make variable, the `--option`, and what to give. */
export const objectVariables: ReadonlyArray<{ object: HookObject; variable: string; option: string; value: string }> = hookObjects.map((object) => ({
  object,
  variable: objectVariable(object),
  option: `--${object.replace(/_/g, '-')}`,
  value: objectValues[object],
}));

/**
 * The environment variable the compose override reads the project's folder from:
 * named after the project, so that several projects' overrides can be stacked.
 */
export function sourceVariable(moduleName: string): string {
  return `${moduleName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_DIR`;
}

/** Where the project's source is mounted in IRIS's app and worker containers. */
export function sourceMount(moduleName: string): string {
  return `/opt/iris-modules/${moduleName.toLowerCase()}`;
}

/** The tag `make image` gives IRIS's app image with the project's modules installed. */
export function imageTag(moduleName: string): string {
  return `with-${moduleName.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-')}`;
}

/** An IOC of each family, as `make replay` takes it: IRIS's type name, a colon, the value. */
const sampleIocs: Record<IocFamily, string> = {
  domain: 'domain:evil.example.com',
  ip: 'ip-dst:203.0.113.7',
  hash: 'md5:44d88612fea8a8f36de82e1278abb02f',
  url: 'url:https://evil.example.com/login',
  email: 'email-src:billing@evil.example.com',
  filename: 'filename:invoice.pdf.exe',
};

/** A value for objects other than IOCs: the name or title of one (an id for delete hooks). */
const sampleTitles: Record<Exclude<HookObject, 'ioc'>, string> = {
  case: 'Phishing',
  asset: 'WKS-042',
  note: 'Triage',
  event: 'Logon',
  evidence: 'memory.raw',
  task: 'Collect',
  global_task: 'Renew',
};

/** The hook a project's example replays: a manual trigger if there is one (an analyst's click), else the first that hands objects over. */
export function exampleHook(hooks: readonly ProcessorHook[]): ProcessorHook | undefined {
  return hooks.find((hook) => hook.trigger === 'manual') ?? hooks.find((hook) => hook.receives === 'row') ?? hooks[0];
}

/** `make replay HOOK=... IOC=...` for a processor's example hook; undefined without hooks. */
export function replayCommand(hooks: readonly ProcessorHook[], iocFamilies: readonly IocFamily[]): string | undefined {
  const hook = exampleHook(hooks);
  if (hook === undefined) return undefined;
  const variable = objectVariable(hook.object);
  let value: string;
  if (hook.receives === 'id') value = '42';
  else if (hook.object === 'ioc') value = sampleIocs[iocFamilies[0] ?? 'domain'];
  else value = sampleTitles[hook.object];
  return `make replay HOOK=${hook.hookName} ${variable}=${value}`;
}

/** `make replay-pipeline FILES=... ARGS=...` for a pipeline. */
export function replayPipelineCommand(fileTypes: readonly string[], pipelineArgs: readonly PipelineArgument[]): string {
  const extension = fileTypes[0] ?? '.txt';
  const files = `indicators${extension}`;
  const args = pipelineArgs.map((arg) => `${arg.name}=dc01`);
  return `make replay-pipeline FILES="${files}"${args.length > 0 ? ` ARGS="${args.join(' ')}"` : ''}`;
}

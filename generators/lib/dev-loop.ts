// The development loop of every generated project: `make replay` (one IRIS call,
// locally), `make dev` (IRIS with the module's source) and `make register` (add,
// configure and enable through IRIS's REST API). Stated once: the Makefile, the
// compose override, the README, the end-of-run steps and the tests read it here.
import { createHash } from 'node:crypto';
import type { PipelineArgument } from './answers.js';
import { hookObjects, type HookObject, type ProcessorHook } from './hooks.js';
import type { IocFamily } from './ioc-families.js';
import type { ModuleNames } from './naming.js';
import type { Parameter } from './parameters.js';

/** The local settings file, at the project's root and out of git: module parameters and IRIS's address and key. */
export const localSettingsFile = 'iris-module.local.toml';

/**
 * What every generated .gitignore holds for the loop: the local settings hold keys.
 * `update` adds these lines to a .gitignore the author edited, when they are missing.
 */
export const requiredIgnores = {
  comment: '# Local settings of make replay and make register: they hold keys',
  lines: [localSettingsFile],
} as const;

/** `text` (a .gitignore) with the lines of {@link requiredIgnores} it lacks; the lines added. */
export function withRequiredIgnores(text: string): { text: string; added: string[] } {
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '')));
  const added = requiredIgnores.lines.filter((line) => !present.has(line));
  if (added.length === 0) return { text, added };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' ? '' : text.endsWith('\n') ? newline : `${newline}${newline}`;
  return { text: `${text}${separator}${[requiredIgnores.comment, ...added].join(newline)}${newline}`, added };
}

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
  const name = moduleName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  // A shell variable cannot start with a digit.
  return `${/^[0-9]/.test(name) ? 'MODULE_' : ''}${name}_DIR`;
}

/** Where the project's source is mounted in IRIS's app and worker containers. */
export function sourceMount(moduleName: string): string {
  return `/opt/iris-modules/${moduleName.toLowerCase()}`;
}

/** The tag `make image` gives IRIS's app image with the project's modules installed (Docker allows 128 characters). */
export function imageTag(moduleName: string): string {
  return `with-${moduleName.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-')}`.slice(0, 128);
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

/** The service URL, and its answer, that the README's example transcripts assume. */
export const exampleServiceUrl = 'https://service.example';
export const exampleServiceAnswer = '{"verdict": "malicious"}';
/** The IRIS the README's `make register` example talks to, and the id IRIS gives the module there. */
export const exampleIrisUrl = 'https://localhost';
export const exampleModuleId = 3;
/** What the README's `make replay-pipeline` example uploads: a file of one indicator a line. */
export const exampleUploadLines = ['evil.example.com', '203.0.113.7'];
/** A line of a transcript that stands for lines left out. */
export const elision = '…';

/** What the README's transcripts are written from: facts of the project's first package. */
export interface TranscriptFacts {
  moduleName: string;
  names: ModuleNames;
  hooks: readonly ProcessorHook[];
  iocFamilies: readonly IocFamily[];
  parameters: readonly Parameter[];
  fileTypes: readonly string[];
  pipelineArgs: readonly PipelineArgument[];
}

/** `text` as Python's `urllib.parse.quote(text, safe="")` writes it. */
function pythonQuote(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `[parameters]` lines of the README's settings example: the service's for a processor, the evidence description for a pipeline. */
export function exampleParameters(facts: TranscriptFacts, type: 'processor' | 'pipeline'): Array<{ name: string; value: string; secret: boolean }> {
  const named = (suffix: string): Parameter | undefined => facts.parameters.find((parameter) => parameter.name === `${facts.names.paramPrefix}${suffix}`);
  if (type === 'processor') {
    const url = named('api_url');
    const key = named('api_key');
    return [
      ...(url ? [{ name: url.name, value: exampleServiceUrl, secret: false }] : []),
      ...(key ? [{ name: key.name, value: 'your-service-key', secret: true }] : []),
    ];
  }
  const description = named('evidence_description');
  return description ? [{ name: description.name, value: 'Imported in the lab', secret: false }] : [];
}

/**
 * What `make replay` prints for a processor's example hook (exampleHook), with the
 * settings of the README's example and the service answering {@link exampleServiceAnswer}.
 * Only for an IOC hook that hands IOCs over; undefined otherwise (the README then shows
 * the command alone). The integration tests run the command and compare.
 */
export function replayTranscript(facts: TranscriptFacts): string[] | undefined {
  const hook = exampleHook(facts.hooks);
  const command = replayCommand(facts.hooks, facts.iocFamilies);
  if (hook === undefined || command === undefined || hook.object !== 'ioc' || hook.receives !== 'row') return undefined;
  const family = facts.iocFamilies[0] ?? 'domain';
  const [typeName, ...rest] = sampleIocs[family].split(':');
  const value = rest.join(':');
  const human = facts.names.humanName;
  const menu = hook.menuName !== '' ? hook.menuName : undefined;
  const url = `${exampleServiceUrl}/${family}/${pythonQuote(value)}`;
  const ioc = `IOC 1 (${value})`;
  const tab = `${facts.names.keywordPascal} report`;
  const tag = facts.parameters.find((parameter) => parameter.name === `${facts.names.paramPrefix}tag`)?.default;
  const tags = typeof tag === 'string' ? tag.split(',').map((item) => item.trim()).filter((item) => item !== '') : [];
  const settings = exampleParameters(facts, 'processor').map((item) => `  ${item.name} = ${item.secret ? '***' : JSON.stringify(item.value)}`);
  const written = [
    `  ${ioc}: custom attribute ${JSON.stringify(tab)} > "HTML report" (html): ${JSON.stringify(`${value} verdict malicious`)}`,
    ...(tags.length > 0 ? [`  ${ioc}: tags added: ${tags.join(', ')} (now ${JSON.stringify(tags.join(','))})`] : []),
  ];
  return [
    `$ ${command}`,
    `Settings: /path/to/${facts.moduleName}/${localSettingsFile}`,
    ...settings,
    ...(hook.enabledByDefault
      ? []
      : [`  ${hook.paramName} is off by default: on for this replay (set it in [parameters] to replay the hook switched off).`]),
    `Module: ${facts.names.packageName}: ${human}, a processor module, loaded as IRIS loads it.`,
    `Hook: ${hook.hookName}${menu ? ` (menu entry ${JSON.stringify(menu)})` : ''}, with 1 IOC:`,
    `  ${ioc}: ${typeName}, TLP:AMBER`,
    '',
    `Status: success: ${human}: ${hook.hookName}: 1 done, 0 skipped, 0 failed`,
    'Log:',
    // iris_interface's own lines, queued as the module is created, as IRIS's task logs show them too.
    '  INFO     Retrieved server configuration',
    '  INFO     Module has initiated',
    `  INFO     ${human}: ${hook.hookName}${menu ? ` (${menu})` : ''} with 1 item(s).`,
    `  INFO     GET ${url}: HTTP 200`,
    `  INFO     ${ioc}: report written to the ${tab} tab${tags.length > 0 ? ' and tags added' : ''}.`,
    'Requests:',
    `  GET ${url}: HTTP 200`,
    'Written:',
    ...written,
  ];
}

/** What `make replay-pipeline` prints for the README's example upload ({@link exampleUploadLines}), without a settings file. */
export function replayPipelineTranscript(facts: TranscriptFacts): string[] {
  const extension = facts.fileTypes[0] ?? '.txt';
  const file = `indicators${extension}`;
  const content = exampleUploadLines.map((line) => `${line}\n`).join('');
  const size = Buffer.byteLength(content, 'utf8');
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  const description = facts.parameters.find((parameter) => parameter.name === `${facts.names.paramPrefix}evidence_description`)?.default;
  const summary = 'Imported 1 file, skipped 0 files, rejected 0 files, failed 0 files. Written to the case: IOCs: 2 added.';
  const args = facts.pipelineArgs.map((arg) => `${arg.name}=dc01`).join(', ');
  return [
    `$ printf '${exampleUploadLines.join('\\n')}\\n' > ${file}`,
    `$ ${replayPipelineCommand(facts.fileTypes, facts.pipelineArgs)}`,
    `Settings: no ${localSettingsFile}: the module's parameters keep their defaults.`,
    `  ${elision}`,
    `Module: ${facts.names.packageName}: ${facts.names.humanName}, a pipeline module, loaded as IRIS loads it.`,
    `Pipeline: ${facts.names.pipelineInternalName} (${facts.names.keywordPascal} pipeline)${args !== '' ? `, arguments: ${args}` : ''}`,
    '',
    "Uploads, each as IRIS's app receives it:",
    `  ${file}: saved: Saved ${file}: run the pipeline of the case to import it.`,
    '',
    "Run: pipeline_update, as IRIS's worker runs it",
    '',
    `Status: success: ${summary}`,
    'Log:',
    `  ${elision}`,
    'Files:',
    `  ${file}: imported`,
    'Evidence registered:',
    `  ${file}: ${size} bytes, SHA-256 ${sha256}, ${JSON.stringify(String(description ?? ''))}`,
    'Written to the case:',
    `  IOC 1: domain "${exampleUploadLines[0]}", TLP:AMBER, "${file}, line 1"`,
    `  IOC 2: ip-any "${exampleUploadLines[1]}", TLP:AMBER, "${file}, line 2"`,
  ];
}

/** What `make register` prints, run twice against the README's example IRIS: first adding the module, then finding it. */
export function registerTranscript(facts: TranscriptFacts, type: 'processor' | 'pipeline'): string[] {
  const pkg = facts.names.packageName;
  const id = exampleModuleId;
  const set = exampleParameters(facts, type).map((item) => `Set: ${item.name} = ${item.secret ? '***' : JSON.stringify(item.value)}`);
  const done = `Done: ${pkg} is module #${id} (${facts.names.humanName}) of ${exampleIrisUrl}, enabled.`;
  return [
    '$ make register',
    `IRIS: ${exampleIrisUrl}`,
    `Added: ${pkg} is module #${id} (${facts.names.humanName}).`,
    ...set,
    `Enabled: module #${id}.`,
    done,
    '$ make register',
    `IRIS: ${exampleIrisUrl}`,
    `Found: ${pkg} is in IRIS already, module #${id}: not added again.`,
    ...set,
    `Enabled: module #${id}.`,
    done,
  ];
}

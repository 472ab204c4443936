// The configuration parameters of a generated module, stated once: the module's
// `Iris<Kw>Config.py`, its README table and the generated runtime all come from here.
import type { PipelineArgument } from './answers.js';
import type { ProcessorHook } from './hooks.js';
import { defaultMaxTlp, tlpLevels, type ParameterType } from './iris.js';
import type { ModuleNames } from './naming.js';

export interface Parameter {
  name: string;
  humanName: string;
  description: string;
  default: boolean | number | string | null;
  /**
   * A Python expression of the module's config file to use as the default
   * instead of the literal `default` (a long template defined elsewhere).
   */
  defaultExpression?: string;
  mandatory: boolean;
  type: ParameterType;
  section: string;
}

/**
 * The parameters the generated runtime reads, by the part of their name after the
 * module's prefix (`<keyword>_`). The runtime finds them as prefix + suffix.
 */
export const runtimeParameters = {
  apiUrl: 'api_url',
  apiKey: 'api_key',
  timeout: 'timeout',
  useIrisProxy: 'use_iris_proxy',
  maxTlp: 'max_tlp',
  reportAsAttribute: 'report_as_attribute',
  tag: 'tag',
  reportTemplate: 'report_template',
  removeImportedUploads: 'remove_imported_uploads',
  reimportRegistered: 'reimport_registered',
  evidenceDescription: 'evidence_description',
  maxFileLogLines: 'max_file_log_lines',
} as const;

/** Seconds a processor waits for its service when nobody changed the timeout. */
export const defaultServiceTimeoutSeconds = 30;
/** Per-file log lines a pipeline run writes by default. */
export const defaultMaxFileLogLines = 200;

/**
 * The service a processor looks objects up in. Empty by default: the module
 * works, and skips its lookups, until an administrator sets the URL.
 */
function serviceParameters(names: ModuleNames): Parameter[] {
  const name = (suffix: string): string => `${names.paramPrefix}${suffix}`;
  return [
    {
      name: name(runtimeParameters.apiUrl),
      humanName: 'Service URL',
      description:
        'Base URL of the service the module looks objects up in (http:// or https://). Empty: no request is made and lookups are skipped.',
      default: '',
      mandatory: false,
      type: 'string',
      section: 'Service',
    },
    {
      name: name(runtimeParameters.apiKey),
      humanName: 'API key',
      description:
        "Key sent to the service in a request header, never logged. IRIS masks it only in the module's parameter list: the edit dialog and the configuration export show it.",
      default: '',
      mandatory: false,
      type: 'sensitive_string',
      section: 'Service',
    },
    {
      name: name(runtimeParameters.timeout),
      humanName: 'Timeout (seconds)',
      description: `Seconds to wait for the service before a lookup gives up. A value that is not a positive number counts as ${defaultServiceTimeoutSeconds}.`,
      default: defaultServiceTimeoutSeconds,
      mandatory: true,
      type: 'int',
      section: 'Service',
    },
    {
      name: name(runtimeParameters.useIrisProxy),
      humanName: "Use IRIS's proxy",
      description:
        "Reach the service through the HTTP and HTTPS proxies of IRIS's server settings (Advanced > Server settings). Off: connect directly.",
      default: true,
      mandatory: true,
      type: 'bool',
      section: 'Service',
    },
  ];
}

/** The highest TLP of the IOCs the module may send to its service. */
function maxTlpParameter(names: ModuleNames): Parameter {
  return {
    name: `${names.paramPrefix}${runtimeParameters.maxTlp}`,
    humanName: 'Highest TLP sent to the service',
    description:
      `IOCs above this TLP are never sent to the service, nor tagged or reported, whatever the trigger: one of ${tlpLevels.join(', ')}. ` +
      `Another value counts as ${defaultMaxTlp}, with a warning in the log.`,
    default: defaultMaxTlp,
    mandatory: true,
    type: 'string',
    section: 'Service',
  };
}

export function processorParameters(names: ModuleNames, hooks: readonly ProcessorHook[]): Parameter[] {
  const name = (suffix: string): string => `${names.paramPrefix}${suffix}`;
  const triggers: Parameter[] = hooks.map((hook) => ({
    name: hook.paramName,
    humanName: hook.paramHumanName,
    description: `Handle IRIS's ${hook.hookName} hook${hook.menuName !== '' ? ` (menu entry "${hook.menuName}")` : ''}.`,
    default: hook.enabledByDefault,
    mandatory: true,
    type: 'bool',
    section: 'Triggers',
  }));
  const rows = hooks.filter((hook) => hook.receives === 'row');
  const tlp = rows.some((hook) => hook.object === 'ioc') ? [maxTlpParameter(names)] : [];
  // Reports and tags are written on objects; hooks that only see ids or request
  // data have nothing to write them on.
  if (rows.length === 0) return [...triggers, ...serviceParameters(names), ...tlp];
  return [
    ...triggers,
    ...serviceParameters(names),
    ...tlp,
    {
      name: name(runtimeParameters.reportAsAttribute),
      humanName: 'Add a report tab',
      description:
        'Attach an HTML report, rendered from the report template, as a tab of each object the service answered for (global tasks have no tabs).',
      default: true,
      mandatory: true,
      type: 'bool',
      section: 'Insights',
    },
    {
      name: name(runtimeParameters.tag),
      humanName: 'Tags added to enriched objects',
      description:
        'Comma-separated tags appended, once, to the tags of each object the service answered for. Leave empty to add none.',
      default: `${names.keywordSnake}:processed`,
      mandatory: false,
      type: 'string',
      section: 'Insights',
    },
    {
      name: name(runtimeParameters.reportTemplate),
      humanName: 'Report template',
      description:
        'Jinja2 template of the report tab, rendered with autoescaping. Variables: title, object_type and report (what the lookup found). Empty: no report.',
      default: 'built-in template',
      defaultExpression: 'DEFAULT_REPORT_TEMPLATE',
      mandatory: false,
      type: 'textfield_html',
      section: 'Templates',
    },
  ];
}

export function pipelineParameters(names: ModuleNames, _args: readonly PipelineArgument[]): Parameter[] {
  const name = (suffix: string): string => `${names.paramPrefix}${suffix}`;
  return [
    {
      name: name(runtimeParameters.removeImportedUploads),
      humanName: 'Remove uploads once imported',
      description:
        "Delete an uploaded file from the case's upload folder once it is registered as evidence, or found already registered. IRIS keeps only the evidence's name, size and hash, so the file itself is then gone. Files that failed stay for a retry.",
      default: false,
      mandatory: true,
      type: 'bool',
      section: 'Pipeline',
    },
    {
      name: name(runtimeParameters.reimportRegistered),
      humanName: 'Import files already registered',
      description:
        'Process and register again an uploaded file whose SHA-256 the case already holds as evidence. Off: such files are skipped, and the log says so.',
      default: false,
      mandatory: true,
      type: 'bool',
      section: 'Pipeline',
    },
    {
      name: name(runtimeParameters.evidenceDescription),
      humanName: 'Evidence description',
      description: 'Description given to the evidence this pipeline registers, unless process_file returns one.',
      default: `Imported by the ${names.keywordPascal} pipeline`,
      mandatory: false,
      type: 'string',
      section: 'Pipeline',
    },
    {
      name: name(runtimeParameters.maxFileLogLines),
      humanName: 'Per-file log lines',
      description:
        'Most per-file lines one run writes to its task log, counted separately for information, warnings and errors; a summary always follows. 0 keeps only the summary.',
      default: defaultMaxFileLogLines,
      mandatory: true,
      type: 'int',
      section: 'Pipeline',
    },
  ];
}

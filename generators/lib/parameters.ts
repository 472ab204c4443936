// The configuration parameters of a generated module, stated once: the
// module's `Iris<Kw>Config.py` and its README table are both rendered from here.
import type { ParameterType } from './iris.js';
import type { ModuleNames } from './naming.js';
import type { PipelineArgument, ProcessorHook } from './context.js';

export interface Parameter {
  name: string;
  humanName: string;
  description: string;
  default: boolean | number | string | null;
  /**
   * A Python expression of the module's config file to use as the default
   * instead of the literal `default` (a long template defined beside it).
   */
  defaultExpression?: string;
  mandatory: boolean;
  type: ParameterType;
  section: string;
}

/** Seconds a processor waits for its service when nobody changed the timeout. */
export const defaultServiceTimeoutSeconds = 30;

/** Names of the parameters the generated HTTP client reads, for the handler template. */
export interface ServiceParameterNames {
  apiUrl: string;
  apiKey: string;
  timeout: string;
  useIrisProxy: string;
}

export function serviceParameterNames(names: ModuleNames): ServiceParameterNames {
  return {
    apiUrl: `${names.paramPrefix}api_url`,
    apiKey: `${names.paramPrefix}api_key`,
    timeout: `${names.paramPrefix}timeout`,
    useIrisProxy: `${names.paramPrefix}use_iris_proxy`,
  };
}

/**
 * The service a processor looks objects up in. Empty by default: the module
 * works, and skips its lookups, until an administrator sets the URL.
 */
function serviceParameters(names: ModuleNames): Parameter[] {
  const service = serviceParameterNames(names);
  return [
    {
      name: service.apiUrl,
      humanName: 'Service URL',
      description:
        'Base URL of the service the module looks objects up in (http:// or https://). Empty: no request is made and lookups are skipped.',
      default: '',
      mandatory: false,
      type: 'string',
      section: 'Service',
    },
    {
      name: service.apiKey,
      humanName: 'API key',
      description:
        "Key sent to the service in a request header, never logged. IRIS masks it only in the module's parameter list: the edit dialog and the configuration export show it.",
      default: '',
      mandatory: false,
      type: 'sensitive_string',
      section: 'Service',
    },
    {
      name: service.timeout,
      humanName: 'Timeout (seconds)',
      description: `Seconds to wait for the service before a lookup gives up. A value that is not a positive number counts as ${defaultServiceTimeoutSeconds}.`,
      default: defaultServiceTimeoutSeconds,
      mandatory: true,
      type: 'int',
      section: 'Service',
    },
    {
      name: service.useIrisProxy,
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

export function processorParameters(names: ModuleNames, hooks: readonly ProcessorHook[]): Parameter[] {
  const triggers: Parameter[] = hooks.map((hook) => ({
    name: hook.paramName,
    humanName: hook.paramHumanName,
    description: `Handle IRIS's ${hook.hookName} hook${hook.menuName !== '' ? ` (menu entry "${hook.menuName}")` : ''}.`,
    default: hook.enabledByDefault,
    mandatory: true,
    type: 'bool',
    section: 'Triggers',
  }));
  const service = serviceParameters(names);
  // Reports and tags are written on objects; hooks that only see ids or request
  // data have nothing to write them on.
  if (!hooks.some((hook) => hook.receives === 'object')) return [...triggers, ...service];
  return [
    ...triggers,
    ...service,
    {
      name: `${names.paramPrefix}report_as_attribute`,
      humanName: 'Add a report tab',
      description:
        'Attach an HTML report, rendered from the report template, as a tab of each object the module processes (global tasks have no tabs).',
      default: true,
      mandatory: true,
      type: 'bool',
      section: 'Insights',
    },
    {
      name: `${names.paramPrefix}tag`,
      humanName: 'Tag added to processed objects',
      description: 'Tag appended to the tags of each object the module processes, once. Leave empty to add none.',
      default: `${names.keywordSnake}:processed`,
      mandatory: false,
      type: 'string',
      section: 'Insights',
    },
    {
      name: `${names.paramPrefix}report_template`,
      humanName: 'Report template',
      description:
        'Jinja2 template of the report tab, rendered with autoescaping. Variables: title, object_type and results. Empty: no report.',
      default: 'built-in template',
      defaultExpression: 'DEFAULT_REPORT_TEMPLATE',
      mandatory: false,
      type: 'textfield_html',
      section: 'Templates',
    },
  ];
}

export function pipelineParameters(names: ModuleNames, _args: readonly PipelineArgument[]): Parameter[] {
  return [
    {
      name: `${names.paramPrefix}remove_imported_uploads`,
      humanName: 'Remove uploads once imported',
      description:
        "Delete an uploaded file from the case's upload folder once it is registered as evidence, or found already registered. Files that failed stay for a retry.",
      default: true,
      mandatory: true,
      type: 'bool',
      section: 'Pipeline',
    },
    {
      name: `${names.paramPrefix}evidence_description`,
      humanName: 'Evidence description',
      description: 'Description given to the evidence this pipeline registers.',
      default: `Imported by the ${names.keywordPascal} pipeline`,
      mandatory: false,
      type: 'string',
      section: 'Pipeline',
    },
    {
      name: `${names.paramPrefix}max_file_log_lines`,
      humanName: 'Per-file log lines',
      description:
        'Most per-file lines one run writes to its task log, counted separately for information and for errors; a summary always follows. 0 keeps only the summary.',
      default: 200,
      mandatory: true,
      type: 'int',
      section: 'Pipeline',
    },
  ];
}

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
  // Reports and tags are written on objects; hooks that only see ids or request
  // data have nothing to write them on.
  if (!hooks.some((hook) => hook.receives === 'object')) return triggers;
  return [
    ...triggers,
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

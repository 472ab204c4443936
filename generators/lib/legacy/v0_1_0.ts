// What version 0.1.0 of this generator wrote, for `update`: the hash of each file it
// generated, from a project's stored answers. Frozen: the texts, parameters and
// escaping below are 0.1.0's and must not follow later changes (the templates are
// 0.1.0's, in legacy/v0_1_0/templates). A file whose hash matches was not edited
// since 0.1.0 generated it. test/scenarios/update-legacy.test.ts checks every hash
// against projects that 0.1.0 itself generated.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileTypeList, menuNamesFor, pipelineArguments, type Answers, type PipelineArgument } from '../answers.js';
import { markdownText, plainLine, pythonLiteral, pythonWrapped, tomlString } from '../escape.js';
import { irisObjects, processorHooks, type HookObject, type HookTrigger, type ProcessorHook } from '../hooks.js';
import { interfaceVersion, irisContainers, irisModuleTypeConstant, parameterKeys, parameterTypes, type ModuleType, type ParameterType } from '../iris.js';
import { renderTemplate } from '../layout.js';
import { licenseName, licenseText, type LicenseId } from '../licenses.js';
import { moduleNames, type ModuleNames } from '../naming.js';
import { contentHash } from '../ownership.js';
import { templateFiles } from '../template-files.js';
import { splitList } from '../validation.js';

const templates = join(dirname(fileURLToPath(import.meta.url)), 'v0_1_0', 'templates');

/** 0.1.0 files without anything to fill in, by path: the hash of their text. */
const staticHashes: Record<string, string> = {
  '.github/workflows/ci.yml': '02dc84db9e7e34808a3af3654f19c3990920f9fa98a82def0d75e0f93e107c95',
  '.gitignore': '5243b7ea29830e1e615ab26e693f88f08dd091cfa90e544daba3d55da73fddd2',
  'tests/iris_harness/__init__.py': 'ec7e58c56c18fa6513d83b9ce6830918b39b72ed4eb9b61188affd7451e42576',
  'tests/iris_harness/loader.py': '2d54f0e9adaab939607535377d2f5b6da17a219d28fe2e07663aa34d594684d5',
  'tests/iris_harness/objects.py': 'f65d9d7fbb3e610fd252b0e59458818136c27e09009752f7828fac85ed8ce3f9',
  'tests/iris_harness/stubs.py': '34c8115dc0ed4e83864deafca1806619bdad742975424649d8abd8447e6a7120',
};

/** 0.1.0 wrote every Python literal in double quotes. */
const py = (text: string): string => pythonLiteral(text, '"');

interface Parameter {
  name: string;
  humanName: string;
  description: string;
  default: boolean | number | string | null;
  defaultExpression?: string;
  mandatory: boolean;
  type: ParameterType;
  section: string;
}

type LegacyHook = Omit<ProcessorHook, 'receives'> & { receives: string };

/** 0.1.0's `receives` and README effect of a hook. */
function legacyHook(hook: ProcessorHook): LegacyHook {
  const { object, trigger } = hook as { object: HookObject; trigger: HookTrigger };
  const facts = irisObjects[object];
  let receives = 'object';
  let effect: string;
  if (trigger === 'preload-create' || trigger === 'preload-update') {
    receives = 'request';
    effect = `Runs inside the analyst's request, before IRIS saves the ${facts.label}, and returns the request data, which IRIS saves in place of what was sent.`;
  } else if (trigger === 'delete') {
    receives = object === 'global_task' ? 'request' : 'id';
    effect =
      object === 'global_task'
        ? "Logs the deletion (IRIS 2.4 passes the delete request's body, not the task's id)."
        : `Logs the id of the deleted ${facts.label} (the ${facts.label} itself is gone).`;
  } else {
    const lookup =
      object === 'ioc'
        ? 'Looks each IOC up in the service by type (domain, IP, hash or URL; other types are skipped)'
        : `Looks each ${facts.label} up in the service`;
    const report = facts.hasCustomAttributes ? 'writes the answer to a report tab' : `logs the answer (a ${facts.label} has no report tab)`;
    effect = facts.tagsAttribute !== '' ? `${lookup}, ${report} and adds the tag.` : `${lookup} and ${report}.`;
  }
  return { ...hook, receives, effect };
}

function serviceParameters(names: ModuleNames): Parameter[] {
  return [
    {
      name: `${names.paramPrefix}api_url`,
      humanName: 'Service URL',
      description: 'Base URL of the service the module looks objects up in (http:// or https://). Empty: no request is made and lookups are skipped.',
      default: '',
      mandatory: false,
      type: 'string',
      section: 'Service',
    },
    {
      name: `${names.paramPrefix}api_key`,
      humanName: 'API key',
      description:
        "Key sent to the service in a request header, never logged. IRIS masks it only in the module's parameter list: the edit dialog and the configuration export show it.",
      default: '',
      mandatory: false,
      type: 'sensitive_string',
      section: 'Service',
    },
    {
      name: `${names.paramPrefix}timeout`,
      humanName: 'Timeout (seconds)',
      description: 'Seconds to wait for the service before a lookup gives up. A value that is not a positive number counts as 30.',
      default: 30,
      mandatory: true,
      type: 'int',
      section: 'Service',
    },
    {
      name: `${names.paramPrefix}use_iris_proxy`,
      humanName: "Use IRIS's proxy",
      description: "Reach the service through the HTTP and HTTPS proxies of IRIS's server settings (Advanced > Server settings). Off: connect directly.",
      default: true,
      mandatory: true,
      type: 'bool',
      section: 'Service',
    },
  ];
}

function processorParameters(names: ModuleNames, hooks: readonly LegacyHook[]): Parameter[] {
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
  if (!hooks.some((hook) => hook.receives === 'object')) return [...triggers, ...service];
  return [
    ...triggers,
    ...service,
    {
      name: `${names.paramPrefix}report_as_attribute`,
      humanName: 'Add a report tab',
      description: 'Attach an HTML report, rendered from the report template, as a tab of each object the module processes (global tasks have no tabs).',
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
      description: 'Jinja2 template of the report tab, rendered with autoescaping. Variables: title, object_type and results. Empty: no report.',
      default: 'built-in template',
      defaultExpression: 'DEFAULT_REPORT_TEMPLATE',
      mandatory: false,
      type: 'textfield_html',
      section: 'Templates',
    },
  ];
}

function pipelineParameters(names: ModuleNames): Parameter[] {
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

/** One package of a 0.1.0 project: its type, names and answers. */
export interface LegacyPackage {
  type: ModuleType;
  keyword: string;
  packageName: string;
  answers: Answers;
}

type LegacyContext = Record<string, unknown> & { names: ModuleNames; module: { type: ModuleType; keyword: string; packageName: string } };

function legacyContext(project: Answers, pkg: LegacyPackage): LegacyContext {
  const names = moduleNames(pkg.keyword, pkg.packageName);
  const hooks =
    pkg.type === 'processor'
      ? processorHooks(splitList(pkg.answers.hooks ?? ''), names.paramPrefix, menuNamesFor(pkg.answers.manualMenuName ?? '', pkg.keyword)).map(legacyHook)
      : [];
  const pipelineArgs: PipelineArgument[] = pkg.type === 'pipeline' ? pipelineArguments(pkg.answers.pipelineArgs ?? '') : [];
  const objects = [...new Set(hooks.map((hook) => hook.object))];
  const license = (project.license ?? 'MIT') as LicenseId;
  const moduleName = project.moduleName ?? '';
  const context: LegacyContext = {
    project: {
      moduleName,
      description: project.description ?? '',
      author: project.author ?? '',
      email: project.email ?? '',
      githubUser: project.githubUser ?? '',
      license,
      moduleVersion: project.moduleVersion ?? '0.1.0',
    },
    module: { type: pkg.type, keyword: pkg.keyword, packageName: pkg.packageName },
    names,
    hooks,
    hookObjects: objects,
    handledObjects: objects.map((object) => irisObjects[object]),
    pipelineArgs,
    fileTypes: pkg.type === 'pipeline' ? fileTypeList(pkg.answers.fileTypes ?? '') : [],
    parameters: pkg.type === 'processor' ? processorParameters(names, hooks) : pipelineParameters(names),
    service: {
      apiUrl: `${names.paramPrefix}api_url`,
      apiKey: `${names.paramPrefix}api_key`,
      timeout: `${names.paramPrefix}timeout`,
      useIrisProxy: `${names.paramPrefix}use_iris_proxy`,
      defaultTimeout: 30,
    },
    interfaceVersion,
    parameterTypes,
    parameterKeys,
    moduleTypeConstant: irisModuleTypeConstant[pkg.type],
    licenseName: licenseName(license),
    licenseText: licenseText(license, new Date().getFullYear(), plainLine(project.author || project.githubUser || `The ${moduleName} authors`)),
    wheelPrefix: moduleName.toLowerCase().replace(/[-_.]+/g, '_'),
    year: new Date().getFullYear(),
    containers: irisContainers,
    readmeModulesStart: '<!-- iris-modules:start -->',
    readmeModulesEnd: '<!-- iris-modules:end -->',
    readmeSectionsStart: '<!-- iris-module-sections:start -->',
    readmeSectionsEnd: '<!-- iris-module-sections:end -->',
    text: { py, pyWrap: (value: string, column: number, indent: number) => pythonWrapped(value, column, indent, py), pyValue, toml: tomlString, md: markdownText, plain: plainLine },
  };
  context.readmeModuleLine = (other: LegacyContext) => `- \`${other.names.packageName}\`: ${other.module.type} module (${other.names.interfaceClass})`;
  context.readmeSection = (other: LegacyContext) =>
    `### \`${other.names.packageName}\`\n\n${renderTemplate(join(templates, 'lib', 'readme', 'package-section.md.ejs'), other).trimEnd()}\n\n`;
  return context;
}

function pyValue(value: boolean | number | string | null): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  return py(value);
}

/**
 * The hash of every file 0.1.0 generated for these answers (LICENSE and AUTHORS
 * aside, which hold the year), by path: `project` are the stored answers, `packages`
 * the primary package and those added by sub-generators.
 */
export function legacyHashes(project: Answers, packages: readonly LegacyPackage[]): Record<string, string> {
  const hashes: Record<string, string> = { ...staticHashes };
  const contexts = packages.map((pkg) => legacyContext(project, pkg));
  const primary = contexts[0]!;
  const base = { ...primary, packages: contexts };
  for (const file of templateFiles(join(templates, 'app'), primary.names)) {
    hashes[file.target] = contentHash(renderTemplate(file.source, base));
  }
  for (const file of templateFiles(join(templates, 'lib', 'harness'), primary.names)) {
    hashes[file.target] = contentHash(renderTemplate(file.source, primary));
  }
  for (const context of contexts) {
    for (const file of templateFiles(join(templates, context.module.type), context.names)) {
      hashes[file.target] = contentHash(renderTemplate(file.source, context));
    }
    // The tests' __init__.py of each package was empty.
    hashes[`tests/test_${context.names.packageName}/__init__.py`] = contentHash('');
  }
  return hashes;
}

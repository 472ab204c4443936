// The plain object every EJS template is rendered with. Templates hold no
// logic beyond loops and conditions over it; user text reaches them only
// through the escapers in `text`.
import { markdownText, plainLine, pythonString, pythonValue, pythonWrapped, tomlString } from './escape.js';
import { irisObjects, type HookObject, type IrisObjectFacts } from './hooks.js';
import {
  interfaceVersion,
  irisContainers,
  irisModuleTypeConstant,
  parameterKeys,
  parameterTypes,
  type ModuleType,
} from './iris.js';
import { licenseName, licenseText, type LicenseId } from './licenses.js';
import { readmeModuleLine, readmeModulesEnd, readmeModulesStart, readmeSection, readmeSectionsEnd, readmeSectionsStart } from './readme.js';
import {
  defaultServiceTimeoutSeconds,
  pipelineParameters,
  processorParameters,
  serviceParameterNames,
  type Parameter,
  type ServiceParameterNames,
} from './parameters.js';
import { moduleNames, type ModuleNames } from './naming.js';

/** Answers that describe the whole repository (stored in `.yo-rc.json`). */
export interface ProjectAnswers {
  moduleName: string;
  description: string;
  author: string;
  email: string;
  githubUser: string;
  license: LicenseId;
  moduleVersion: string;
}

/** Answers that describe one IRIS module package in the repository. */
export interface PackageAnswers {
  type: ModuleType;
  keyword: string;
  packageName: string;
}

/** One processor hook the module registers. */
export interface ProcessorHook {
  /** IRIS object: `ioc`, `asset`, ... */
  object: string;
  /** `create`, `update`, `delete`, `manual`, `preload-create`, `preload-update`. */
  trigger: string;
  /** IRIS hook name: `on_postload_ioc_create`. */
  hookName: string;
  /** Boolean configuration parameter that enables it: `tfx_on_postload_ioc_create_enabled`. */
  paramName: string;
  /** Label of the parameter in the IRIS UI. */
  paramHumanName: string;
  /** Whether the toggle is on by default (manual triggers only). */
  enabledByDefault: boolean;
  /** Menu label for manual triggers, '' otherwise. */
  menuName: string;
  /** Registered with run_asynchronously=False (pre-load hooks). */
  synchronous: boolean;
  /** `data` holds ids (delete hooks) rather than objects or request dicts. */
  receives: 'object' | 'request' | 'id';
  /** What the generated handler does with the hook's data, one sentence (README). */
  effect: string;
}

export interface PipelineArgument {
  name: string;
  required: boolean;
}

export interface TemplateContext {
  project: ProjectAnswers;
  module: PackageAnswers;
  names: ModuleNames;
  /** Processor hooks (empty for pipelines). */
  hooks: ProcessorHook[];
  /** Object types the processor handles, in catalogue order. */
  hookObjects: string[];
  /** IRIS facts about each object in `hookObjects`, same order. */
  handledObjects: IrisObjectFacts[];
  /** Pipeline arguments (empty for processors). */
  pipelineArgs: PipelineArgument[];
  /** Accepted upload extensions, lower case with the dot; empty means any file. */
  fileTypes: string[];
  /** Configuration parameters of the module, in order. */
  parameters: Parameter[];
  /** Processor: the parameters its HTTP client reads, and the timeout's default. */
  service: ServiceParameterNames & { defaultTimeout: number };
  interfaceVersion: string;
  /** Parameter types a module may declare (iris.ts). */
  parameterTypes: readonly string[];
  /** Keys IRIS subscripts on every configuration entry (iris.ts). */
  parameterKeys: readonly string[];
  moduleTypeConstant: string;
  licenseName: string;
  /** Full license text, copyright line filled in. */
  licenseText: string;
  /** File-name prefix of the wheel: the normalised distribution name. */
  wheelPrefix: string;
  year: number;
  containers: typeof irisContainers;
  readmeModulesStart: string;
  readmeModulesEnd: string;
  readmeModuleLine: typeof readmeModuleLine;
  readmeSectionsStart: string;
  readmeSectionsEnd: string;
  readmeSection: typeof readmeSection;
  /** Escapers for user text, one per output language. */
  text: {
    py: (value: string) => string;
    /**
     * A Python string literal for `value` that keeps lines within 100 columns: the
     * plain literal when it fits after `column`, otherwise implicitly concatenated
     * literals in parentheses, one per line at `indent + 4` spaces.
     */
    pyWrap: (value: string, column: number, indent: number) => string;
    /** A Python literal for a parameter default: True, 3, "text", None. */
    pyValue: (value: boolean | number | string | null) => string;
    toml: (value: string) => string;
    md: (value: string) => string;
    plain: (value: string) => string;
  };
}

export interface ContextInput {
  project: ProjectAnswers;
  module: PackageAnswers;
  hooks?: ProcessorHook[];
  pipelineArgs?: PipelineArgument[];
  fileTypes?: string[];
  year?: number;
}

export function templateContext(input: ContextInput): TemplateContext {
  const hooks = input.hooks ?? [];
  const pipelineArgs = input.pipelineArgs ?? [];
  const names = moduleNames(input.module.keyword, input.module.packageName);
  const year = input.year ?? new Date().getFullYear();
  const holder = input.project.author || input.project.githubUser || `The ${input.project.moduleName} authors`;
  return {
    project: input.project,
    module: input.module,
    names,
    hooks,
    hookObjects: [...new Set(hooks.map((hook) => hook.object))],
    handledObjects: [...new Set(hooks.map((hook) => hook.object))].map((object) => irisObjects[object as HookObject]),
    pipelineArgs,
    fileTypes: input.fileTypes ?? [],
    parameters:
      input.module.type === 'processor' ? processorParameters(names, hooks) : pipelineParameters(names, pipelineArgs),
    service: { ...serviceParameterNames(names), defaultTimeout: defaultServiceTimeoutSeconds },
    interfaceVersion,
    parameterTypes,
    parameterKeys,
    moduleTypeConstant: irisModuleTypeConstant[input.module.type],
    licenseName: licenseName(input.project.license),
    licenseText: licenseText(input.project.license, year, plainLine(holder)),
    wheelPrefix: input.project.moduleName.toLowerCase().replace(/[-_.]+/g, '_'),
    year,
    containers: irisContainers,
    readmeModulesStart,
    readmeModulesEnd,
    readmeModuleLine,
    readmeSectionsStart,
    readmeSectionsEnd,
    readmeSection,
    text: { py: pythonString, pyWrap: pythonWrapped, pyValue: pythonValue, toml: tomlString, md: markdownText, plain: plainLine },
  };
}

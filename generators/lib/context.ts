// The plain objects every EJS template is rendered with, built in one pass from the
// answers. Templates hold no logic beyond loops and conditions over them; user text
// reaches them only through the escapers in `text`.
import {
  fileTypeList,
  iocFamilyList,
  menuNamesFor,
  pipelineArguments,
  type Answers,
  type PackageAnswers,
  type PipelineArgument,
  type ProjectAnswers,
} from './answers.js';
import {
  devComposeFile,
  exampleParameters,
  exampleServiceAnswer,
  harnessModule,
  imageRecipeFile,
  imageTag,
  irisEnvironment,
  localSettingsFile,
  objectVariables,
  registerTranscript,
  replayCommand,
  replayPipelineCommand,
  replayPipelineTranscript,
  replayTranscript,
  requiredIgnores,
  type TranscriptFacts,
  sourceMount,
  sourceVariable,
} from './dev-loop.js';
import { markdownText, plainLine, prose, pythonString, pythonValue, pythonWrapped, tomlString } from './escape.js';
import { irisObjects, processorHooks, type IrisObjectFacts, type ProcessorHook } from './hooks.js';
import { iocFamilies, iocFamilyLabels, type IocFamily } from './ioc-families.js';
import { irisIocTypes } from './iris-ioc-types.js';
import {
  defaultMaxTlp,
  interfaceVersion,
  irisDefaultIocTlp,
  irisCompose,
  irisContainers,
  irisModuleTypeConstant,
  irisTlpIds,
  parameterKeys,
  parameterTypes,
  tlpLevels,
} from './iris.js';
import { licenseName, licenseText } from './licenses.js';
import { readmeModulesEnd, readmeModulesStart, readmeSectionsEnd, readmeSectionsStart } from './markers.js';
import { moduleNames, type ModuleNames } from './naming.js';
import { managedRegion } from './ownership.js';
import {
  defaultMaxFileLogLines,
  defaultServiceTimeoutSeconds,
  pipelineParameters,
  processorParameters,
  runtimeParameters,
  type Parameter,
} from './parameters.js';
import { splitList } from './validation.js';

/** Escapers for user text, one per output language. */
const text = {
  py: pythonString,
  /**
   * A Python string literal for `value` that keeps lines within 100 columns: the
   * plain literal when it fits after `column`, otherwise implicitly concatenated
   * literals in parentheses, one per line at `indent + 4` spaces.
   */
  pyWrap: pythonWrapped,
  /** A Python literal for a parameter default: True, 3, "text", None. */
  pyValue: pythonValue,
  /** Docstring or comment prose, reflowed within 88 columns. */
  prose,
  toml: tomlString,
  md: markdownText,
  plain: plainLine,
};

/** IRIS facts the generated runtime is rendered from: the same for every module. */
export interface RuntimeFacts {
  iocFamilies: typeof iocFamilies;
  tlpLevels: typeof tlpLevels;
  irisTlpIds: typeof irisTlpIds;
  defaultMaxTlp: string;
  irisDefaultIocTlp: string;
  irisObjects: typeof irisObjects;
  runtimeParameters: typeof runtimeParameters;
  defaultServiceTimeoutSeconds: number;
  defaultMaxFileLogLines: number;
  text: typeof text;
}

export const runtimeFacts: RuntimeFacts = {
  iocFamilies,
  tlpLevels,
  irisTlpIds,
  defaultMaxTlp,
  irisDefaultIocTlp,
  irisObjects,
  runtimeParameters,
  defaultServiceTimeoutSeconds,
  defaultMaxFileLogLines,
  text,
};

/** The development loop's names and commands for one project (dev-loop.ts). */
export interface DevLoopContext {
  localSettingsFile: string;
  /** The lines every .gitignore needs for the loop. */
  requiredIgnores: typeof requiredIgnores;
  irisEnvironment: typeof irisEnvironment;
  composeFile: string;
  imageRecipeFile: string;
  harnessModule: string;
  objectVariables: typeof objectVariables;
  /** Environment variable the compose override reads the project's folder from. */
  sourceVariable: string;
  /** Where the project's source is mounted in IRIS's containers. */
  sourceMount: string;
  /** Tag of IRIS's app image with the project's modules (`make image`). */
  imageTag: string;
  /** The package's example `make replay` or `make replay-pipeline` command; undefined for a processor without hooks. */
  replayCommand: string | undefined;
  /** What the example prints (README); undefined when the README shows the command alone. */
  replayTranscript: string[] | undefined;
  /** What `make register` prints, twice (README). */
  registerTranscript: string[];
  /** The `[parameters]` lines of the README's settings example. */
  exampleParameters: ReturnType<typeof exampleParameters>;
  /** The answer of the service the README's replay example assumes. */
  exampleServiceAnswer: string;
}

export interface TemplateContext {
  project: ProjectAnswers;
  module: PackageAnswers;
  names: ModuleNames;
  /** Processor hooks (empty for pipelines). */
  hooks: ProcessorHook[];
  /** IRIS facts about each object the processor's hooks hand over, in catalogue order. */
  handledObjects: IrisObjectFacts[];
  /** IOC families the processor looks up (empty when no hook hands IOCs over, and for pipelines). */
  iocFamilies: IocFamily[];
  iocFamilyLabels: typeof iocFamilyLabels;
  /** Pipeline arguments (empty for processors). */
  pipelineArgs: PipelineArgument[];
  /** Accepted upload extensions, lower case with the dot; empty means any file. */
  fileTypes: string[];
  /** Configuration parameters of the module, in order. */
  parameters: Parameter[];
  runtimeParameters: typeof runtimeParameters;
  interfaceVersion: string;
  /** Parameter types a module may declare (iris.ts). */
  parameterTypes: readonly string[];
  /** Keys IRIS subscripts on every configuration entry (iris.ts). */
  parameterKeys: readonly string[];
  moduleTypeConstant: string;
  tlpLevels: typeof tlpLevels;
  defaultMaxTlp: string;
  licenseName: string;
  /** Full license text, copyright line filled in. */
  licenseText: string;
  /** File-name prefix of the wheel: the normalised distribution name. */
  wheelPrefix: string;
  year: number;
  containers: typeof irisContainers;
  /** iris-web 2.4's compose facts (iris.ts). */
  irisCompose: typeof irisCompose;
  /** IRIS facts about every object a processor can follow, by object (hooks.ts). */
  irisObjects: typeof irisObjects;
  devLoop: DevLoopContext;
  /** The package's line in the README's module list. */
  readmeLine: string;
  readmeModulesStart: string;
  readmeModulesEnd: string;
  readmeSectionsStart: string;
  readmeSectionsEnd: string;
  /** Markers of the generator's region of pyproject.toml. */
  ownedRegion: typeof managedRegion;
  /** IRIS's IOC types and their formats (the test harness fakes IRIS's case store with them). */
  irisIocTypes: typeof irisIocTypes;
  text: typeof text;
}

/** Context of the base layout: the primary package plus every package of the repository. */
export type BaseContext = TemplateContext & { packages: TemplateContext[] };

/** The template context of one package, from its answers. */
export function buildContext(project: ProjectAnswers, module: PackageAnswers, typeAnswers: Answers, year = new Date().getFullYear()): TemplateContext {
  const names = moduleNames(module.keyword, module.packageName);
  const hooks =
    module.type === 'processor'
      ? processorHooks(splitList(typeAnswers.hooks ?? ''), names.paramPrefix, menuNamesFor(typeAnswers.manualMenuName ?? '', module.keyword))
      : [];
  const pipelineArgs = module.type === 'pipeline' ? pipelineArguments(typeAnswers.pipelineArgs ?? '') : [];
  const handled = [...new Set(hooks.map((hook) => hook.object))];
  const handlesIocs = hooks.some((hook) => hook.object === 'ioc' && hook.receives === 'row');
  const holder = project.author || project.githubUser || `The ${project.moduleName} authors`;
  const iocFamilyChoice = handlesIocs ? iocFamilyList(typeAnswers.iocTypes) : [];
  const fileTypes = module.type === 'pipeline' ? fileTypeList(typeAnswers.fileTypes ?? '') : [];
  const parameters = module.type === 'processor' ? processorParameters(names, hooks) : pipelineParameters(names, pipelineArgs);
  const transcriptFacts: TranscriptFacts = {
    moduleName: project.moduleName,
    names,
    hooks,
    iocFamilies: iocFamilyChoice,
    parameters,
    fileTypes,
    pipelineArgs,
  };
  return {
    project,
    module,
    names,
    hooks,
    handledObjects: Object.values(irisObjects).filter((facts) => handled.includes(facts.object)),
    iocFamilies: iocFamilyChoice,
    iocFamilyLabels,
    pipelineArgs,
    fileTypes,
    parameters,
    runtimeParameters,
    interfaceVersion,
    parameterTypes,
    parameterKeys,
    moduleTypeConstant: irisModuleTypeConstant[module.type],
    tlpLevels,
    defaultMaxTlp,
    licenseName: licenseName(project.license),
    licenseText: licenseText(project.license, year, plainLine(holder)),
    wheelPrefix: project.moduleName.toLowerCase().replace(/[-_.]+/g, '_'),
    year,
    containers: irisContainers,
    irisCompose,
    irisObjects,
    devLoop: {
      localSettingsFile,
      requiredIgnores,
      irisEnvironment,
      composeFile: devComposeFile,
      imageRecipeFile,
      harnessModule,
      objectVariables,
      sourceVariable: sourceVariable(project.moduleName),
      sourceMount: sourceMount(project.moduleName),
      imageTag: imageTag(project.moduleName),
      replayCommand: module.type === 'processor' ? replayCommand(hooks, iocFamilyChoice) : replayPipelineCommand(fileTypes, pipelineArgs),
      replayTranscript: module.type === 'processor' ? replayTranscript(transcriptFacts) : replayPipelineTranscript(transcriptFacts),
      registerTranscript: registerTranscript(transcriptFacts, module.type),
      exampleParameters: exampleParameters(transcriptFacts, module.type),
      exampleServiceAnswer,
    },
    readmeLine: `- \`${names.packageName}\`: ${module.type} module (${names.interfaceClass})`,
    readmeModulesStart,
    readmeModulesEnd,
    readmeSectionsStart,
    readmeSectionsEnd,
    ownedRegion: managedRegion,
    irisIocTypes,
    text,
  };
}

/** The base layout's context: `primary`, with every package of the repository. */
export function baseContext(primary: TemplateContext, others: readonly TemplateContext[]): BaseContext {
  return { ...primary, packages: [primary, ...others] };
}

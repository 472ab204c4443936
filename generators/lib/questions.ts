// Every question the generators ask, declared once. One declaration gives the
// prompt (message, default, validation), the kebab-case CLI option and its
// `--help` line, and the key it is stored under in `.yo-rc.json`.
import { defaultHookPairs, hookPairs, irisHookName, type HookObject, type HookTrigger } from './hooks.js';
import { defaultIocFamilies, iocFamilyNames } from './ioc-families.js';
import { moduleTypes } from './iris.js';
import { licenseIds } from './licenses.js';
import { defaultModuleName, deriveKeyword, derivePackageName, pascalCase } from './naming.js';
import {
  validateAuthor,
  validateDescription,
  validateEmail,
  validateGithubUser,
  validateKeyword,
  validateLicense,
  validateModuleName,
  validatePackageName,
  validateType,
  validateFileTypes,
  validateHooks,
  validateIocTypes,
  validatePipelineArgs,
  splitList,
  validateVersion,
  validateMenuNames,
  type Validation,
} from './validation.js';

/** What defaults may depend on besides earlier answers. */
export interface DefaultsSource {
  /** Name of the folder the module is generated for. */
  folderName: string;
  /** `git config user.name`, `user.email` and `github.user`, where set. */
  git: { name?: string; email?: string; githubUser?: string };
}

export type { Answers } from './answers.js';
import type { Answers } from './answers.js';

export interface Question {
  /** Answer key, camelCase; also the `.yo-rc.json` key. */
  name: string;
  /** CLI option, kebab-case. */
  option: string;
  /** The question as asked. */
  message: string;
  /** The `--help` line. */
  help: string;
  /** Closed set of answers, shown as a list. */
  choices?: readonly string[];
  /** Several choices may be picked; the answer is a comma-separated list. */
  multiple?: boolean;
  default: (answers: Answers, source: DefaultsSource) => string;
  validate: (value: string) => Validation;
  /** Whether the question applies, given the answers before it (default: always). */
  when?: (answers: Answers) => boolean;
  /** How run messages name the answer: "the old <label>". */
  label: string;
}

export const moduleNameQuestion: Question = {
  label: 'module name',
  name: 'moduleName',
  option: 'module-name',
  message: 'Module (pip distribution) name',
  help: 'Distribution name, e.g. iris-threatfox-module (default: iris-<folder>-module)',
  default: (_answers, source) => defaultModuleName(source.folderName),
  validate: validateModuleName,
};

export const typeQuestion: Question = {
  label: 'module type',
  name: 'type',
  option: 'type',
  message: 'Module type',
  help: `Module type: ${moduleTypes.join(' or ')} (default: processor)`,
  choices: moduleTypes,
  default: () => 'processor',
  validate: validateType,
};

export const keywordQuestion: Question = {
  label: 'keyword',
  name: 'keyword',
  option: 'keyword',
  message: 'Keyword (used in class, file and parameter names)',
  help: 'Short name for class and file names, e.g. threatfox -> IrisThreatfoxInterface, threatfox_handler (default: from the module name)',
  default: (answers) => deriveKeyword(answers.moduleName ?? ''),
  validate: validateKeyword,
};

export const packageNameQuestion: Question = {
  label: 'package name',
  name: 'packageName',
  option: 'package-name',
  message: 'Python package name (what an admin types into IRIS)',
  help: 'Import package, the name typed into IRIS "Add module" (default: the module name in lower case, - to _)',
  default: (answers) =>
    answers.moduleName !== undefined
      ? derivePackageName(answers.moduleName)
      : `iris_${(answers.keyword ?? '').toLowerCase()}_module`,
  validate: validatePackageName,
};

export const descriptionQuestion: Question = {
  label: 'description',
  name: 'description',
  option: 'description',
  message: 'One-line description',
  help: 'One-line description of the module, shown in IRIS (default: "DFIR-IRIS <type> module for <keyword>")',
  default: (answers) => `DFIR-IRIS ${answers.type ?? 'processor'} module for ${answers.keyword ?? ''}`,
  validate: validateDescription,
};

export const authorQuestion: Question = {
  label: 'author',
  name: 'author',
  option: 'author',
  message: 'Author name',
  help: 'Author name (default: git config user.name)',
  default: (_answers, source) => source.git.name ?? '',
  validate: validateAuthor,
};

export const emailQuestion: Question = {
  label: 'email',
  name: 'email',
  option: 'email',
  message: 'Author email',
  help: 'Author email (default: git config user.email)',
  default: (_answers, source) => source.git.email ?? '',
  validate: validateEmail,
};

export const githubUserQuestion: Question = {
  label: 'GitHub user',
  name: 'githubUser',
  option: 'github-user',
  message: 'GitHub user or organisation',
  help: 'GitHub user or organisation that hosts the repository (default: git config github.user)',
  default: (_answers, source) => source.git.githubUser ?? '',
  validate: validateGithubUser,
};

export const licenseQuestion: Question = {
  label: 'license',
  name: 'license',
  option: 'license',
  message: 'License',
  help: `License, as an SPDX id: ${licenseIds.join(', ')} (default: MIT)`,
  choices: licenseIds,
  default: () => 'MIT',
  validate: validateLicense,
};

export const moduleVersionQuestion: Question = {
  label: 'version',
  name: 'moduleVersion',
  option: 'module-version',
  message: 'Initial version',
  help: 'Initial version of the module, semver (default: 0.1.0)',
  default: () => '0.1.0',
  validate: validateVersion,
};

/** The questions of `yo iris-module`, in the order they are asked. */
export const appQuestions: readonly Question[] = [
  moduleNameQuestion,
  typeQuestion,
  keywordQuestion,
  packageNameQuestion,
  descriptionQuestion,
  authorQuestion,
  emailQuestion,
  githubUserQuestion,
  licenseQuestion,
  moduleVersionQuestion,
];

/** The questions a sub-generator asks when it adds a package to a repository (the type is its own). */
export const packageQuestions: readonly Question[] = [keywordQuestion, packageNameQuestion, descriptionQuestion];

export const hooksQuestion: Question = {
  label: 'hooks',
  name: 'hooks',
  option: 'hooks',
  message:
    'Hooks to handle (object:trigger). Pre-load hooks run synchronously inside the analyst\'s request and ' +
    'receive unvalidated request data; IRIS advises against them unless the module must change that data.',
  help: `Comma-separated object:trigger pairs (default: ${defaultHookPairs.join(',')}); objects: case, asset, note, ioc, event, evidence, task, global_task; triggers: create, update, delete, manual, preload-create, preload-update`,
  choices: hookPairs,
  multiple: true,
  default: () => defaultHookPairs.join(','),
  validate: (value) => validateHooks(value, hookPairs),
};

/** The hooks chosen so far, as IRIS hook names. */
function chosenHooks(answers: Answers): string[] {
  return splitList(answers.hooks ?? '').flatMap((pair) => {
    const [object, trigger] = pair.split(':') as [HookObject, HookTrigger];
    const name = irisHookName(object, trigger);
    return name === undefined ? [] : [name];
  });
}

export const manualMenuNameQuestion: Question = {
  label: 'menu name',
  name: 'manualMenuName',
  option: 'manual-menu-name',
  message: 'Label of the manual-trigger menu entry',
  help: 'Label of manual triggers in the IRIS menu (default: "Get <Keyword> insight"); per object: ioc=Label;asset=Other label',
  default: (answers) => `Get ${pascalCase(answers.keyword ?? '')} insight`,
  validate: validateMenuNames,
  when: (answers) => chosenHooks(answers).some((hook) => hook.startsWith('on_manual_trigger_')),
};

export const iocTypesQuestion: Question = {
  label: 'IOC types',
  name: 'iocTypes',
  option: 'ioc-types',
  message: 'IOC families the module looks up (the others are skipped, with a log line)',
  help: `IOC families looked up, comma-separated: ${iocFamilyNames.join(', ')} (default: ${defaultIocFamilies.join(',')}); asked when a hook hands IOCs over`,
  choices: iocFamilyNames,
  multiple: true,
  default: () => defaultIocFamilies.join(','),
  validate: validateIocTypes,
  when: (answers) =>
    chosenHooks(answers).some((hook) => /^on_(postload_ioc_(create|update)|manual_trigger_ioc)$/.test(hook)),
};

export const pipelineArgsQuestion: Question = {
  label: 'pipeline arguments',
  name: 'pipelineArgs',
  option: 'pipeline-args',
  message: 'Pipeline arguments the analyst fills in (name:required or name:optional, comma-separated)',
  help: 'Pipeline arguments as name:required or name:optional, comma-separated (default: tag:optional)',
  default: () => 'tag:optional',
  validate: validatePipelineArgs,
};

export const fileTypesQuestion: Question = {
  label: 'file types',
  name: 'fileTypes',
  option: 'file-types',
  message: 'Accepted file extensions, comma-separated (empty for any file)',
  help: 'Accepted upload extensions, e.g. .evtx,.json, matched case-insensitively (default: any file)',
  default: () => '',
  validate: validateFileTypes,
};

/** Questions specific to each module type, asked after the package questions. */
export const typeQuestions = {
  processor: [hooksQuestion, manualMenuNameQuestion, iocTypesQuestion],
  pipeline: [pipelineArgsQuestion, fileTypesQuestion],
} as const satisfies Record<string, readonly Question[]>;

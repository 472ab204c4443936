// The answers a generator holds, typed, and the parsing of list answers. The
// answers themselves are strings (as typed, as stored in `.yo-rc.json`); this is
// where they become the lists and records the template context is built from.
import { hookObjects, type HookObject } from './hooks.js';
import { defaultIocFamilies, isIocFamily, type IocFamily } from './ioc-families.js';
import type { ModuleType } from './iris.js';
import type { LicenseId } from './licenses.js';
import { pascalCase } from './naming.js';
import { parseMenuNames, splitList } from './validation.js';

/** Answers as typed or stored, by question name. */
export type Answers = Record<string, string>;

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
  /** The package's own one-line description (IRIS shows it); the project's for the first package. */
  description: string;
}

export interface PipelineArgument {
  name: string;
  required: boolean;
}

export const projectKeys = ['moduleName', 'description', 'author', 'email', 'githubUser', 'license', 'moduleVersion'] as const;

export function projectAnswers(answers: Answers): ProjectAnswers {
  return {
    moduleName: answers.moduleName ?? '',
    description: answers.description ?? '',
    author: answers.author ?? '',
    email: answers.email ?? '',
    githubUser: answers.githubUser ?? '',
    license: (answers.license ?? 'MIT') as LicenseId,
    moduleVersion: answers.moduleVersion ?? '0.1.0',
  };
}

export function packageAnswers(type: ModuleType, answers: Answers): PackageAnswers {
  return { type, keyword: answers.keyword ?? '', packageName: answers.packageName ?? '', description: answers.description ?? '' };
}

export function pipelineArguments(value: string): PipelineArgument[] {
  return splitList(value).map((item) => {
    const [name, need] = item.split(':');
    return { name: name!, required: need === 'required' };
  });
}

/** `.EVTX, json` -> `['.evtx', '.json']`. */
export function fileTypeList(value: string): string[] {
  return [...new Set(splitList(value).map((item) => (item.startsWith('.') ? item : `.${item}`).toLowerCase()))];
}

/** The IOC families of `--ioc-types`, in the order given; the default families when the answer is absent. */
export function iocFamilyList(value: string | undefined): IocFamily[] {
  if (value === undefined) return [...defaultIocFamilies];
  return [...new Set(splitList(value).filter(isIocFamily))];
}

export function menuNamesFor(value: string, keyword: string): Partial<Record<HookObject, string>> {
  const parsed = parseMenuNames(value);
  const fallback = parsed.all ?? `Get ${pascalCase(keyword)} insight`;
  return Object.fromEntries(hookObjects.map((object) => [object, parsed.perObject[object] ?? fallback]));
}

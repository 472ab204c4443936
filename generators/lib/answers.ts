// From raw string answers to the typed context the templates are rendered with.
import { templateContext, type PackageAnswers, type PipelineArgument, type ProjectAnswers, type TemplateContext } from './context.js';
import { hookObjects, processorHooks, type HookObject } from './hooks.js';
import type { ModuleType } from './iris.js';
import type { LicenseId } from './licenses.js';
import { moduleNames, pascalCase } from './naming.js';
import type { Answers } from './questions.js';
import { parseMenuNames, splitList } from './validation.js';

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
  return { type, keyword: answers.keyword ?? '', packageName: answers.packageName ?? '' };
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

export function menuNamesFor(value: string, keyword: string): Partial<Record<HookObject, string>> {
  const parsed = parseMenuNames(value);
  const fallback = parsed.all ?? `Get ${pascalCase(keyword)} insight`;
  return Object.fromEntries(hookObjects.map((object) => [object, parsed.perObject[object] ?? fallback]));
}

/** The template context of one package, from its answers. */
export function contextFor(project: ProjectAnswers, pkg: PackageAnswers, typeAnswers: Answers): TemplateContext {
  const names = moduleNames(pkg.keyword, pkg.packageName);
  if (pkg.type === 'processor') {
    return templateContext({
      project,
      module: pkg,
      hooks: processorHooks(
        splitList(typeAnswers.hooks ?? ''),
        names.paramPrefix,
        menuNamesFor(typeAnswers.manualMenuName ?? '', pkg.keyword),
      ),
    });
  }
  return templateContext({
    project,
    module: pkg,
    pipelineArgs: pipelineArguments(typeAnswers.pipelineArgs ?? ''),
    fileTypes: fileTypeList(typeAnswers.fileTypes ?? ''),
  });
}

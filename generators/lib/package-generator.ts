// What the pipeline and processor generators share: one IRIS module package,
// written when composed by `app`, or added on its own to an existing
// repository (ours, a foreign one, or an empty folder).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { contextFor, packageAnswers, projectAnswers, projectKeys } from './answers.js';
import { ask, checkOptions, declareOptions } from './ask.js';
import type { PackageAnswers, ProjectAnswers, TemplateContext } from './context.js';
import { foreignManifestMessage, renderForeignHarness } from './foreign.js';
import { gitDefaults } from './git-defaults.js';
import type { ModuleType } from './iris.js';
import { renderInto, templateDirs, type BaseContext } from './layout.js';
import { addPackageToManifest } from './manifest.js';
import { foreignNextSteps, nextSteps } from './next-steps.js';
import { addPackageToReadme, readmeModuleLine, readmeModulesEnd, readmeModulesStart, readmeSectionsEnd, readmeSectionsStart } from './readme.js';
import { appQuestions, packageQuestions, typeQuestions, type Answers } from './questions.js';
import { readStoredConfig, storedAnswers, type StoredConfig } from './stored-config.js';

/** A package added next to the primary one, as stored in `.yo-rc.json`. */
export interface AddedModule extends PackageAnswers {
  answers: Answers;
}

/** Answers a composing generator hands to a package generator. */
export interface ComposedAnswers {
  project: ProjectAnswers;
  module: PackageAnswers;
  typeAnswers: Answers;
  /** The answers of the previous run, on a rerun. */
  previous?: { project: ProjectAnswers; module: PackageAnswers; typeAnswers: Answers };
}

export type PackageGeneratorOptions = BaseOptions & {
  yes?: boolean;
  composed?: ComposedAnswers;
};

type Mode = 'composed' | 'repository' | 'empty' | 'foreign';

export abstract class PackageGenerator extends Generator<Record<string, unknown>, PackageGeneratorOptions> {
  protected abstract readonly moduleType: ModuleType;
  private mode: Mode = 'composed';
  private stored: StoredConfig | undefined;
  private project!: ProjectAnswers;
  private module!: PackageAnswers;
  private typeAnswers: Answers = {};
  private allAnswers: Answers = {};

  constructor(args: string[], options: PackageGeneratorOptions) {
    // The run-loop methods live on this shared class, not on the subclasses.
    // A Python project has no npm install; when composed, the app already says so.
    super(args, options, { inheritTasks: true, customInstallTask: !options.composed });
    this.option('yes', { type: Boolean, alias: 'y', description: 'Ask nothing: use options, then .yo-rc.json, then defaults' });
    // Every app question is an option too: they are asked when the folder is empty.
    declareOptions(this, appQuestions.filter((question) => question.name !== 'type'));
  }

  /** Called by subclasses once `moduleType` is set. */
  protected declareTypeOptions(): void {
    declareOptions(this, typeQuestions[this.moduleType]);
  }

  private get questionsOfType() {
    return typeQuestions[this.moduleType];
  }

  initializing(): void {
    if (this.options.composed) {
      this.mode = 'composed';
      return;
    }
    checkOptions(this, [...appQuestions, ...this.questionsOfType]);
    const folder = this.destinationRoot();
    this.stored = readStoredConfig(folder);
    if (this.stored) this.mode = 'repository';
    else if (readdirSync(folder).every((entry) => entry === '.git')) this.mode = 'empty';
    else this.mode = 'foreign';
  }

  async prompting(): Promise<void> {
    if (this.options.composed) {
      this.project = this.options.composed.project;
      this.module = this.options.composed.module;
      this.typeAnswers = this.options.composed.typeAnswers;
      return;
    }
    const yes = Boolean(this.options.yes);
    const askAnswered = Boolean((this.options as Record<string, unknown>).askAnswered);
    const source = { folderName: basename(this.destinationRoot()), git: gitDefaults() };
    if (this.mode === 'empty') {
      const answers = await ask(this, appQuestions, { yes, askAnswered, stored: {}, source, given: { type: this.moduleType } });
      this.project = projectAnswers(answers);
      this.module = packageAnswers(this.moduleType, answers);
      this.allAnswers = answers;
    } else {
      const stored = storedAnswers(this.stored);
      const taken = this.packagesInRepository().map((pkg) => pkg.packageName);
      const packageStored: Answers = {};
      const answers = await ask(this, packageQuestions, {
        yes,
        askAnswered,
        stored: packageStored,
        source,
        given: {},
      });
      if (taken.includes(answers.packageName!) || existsSync(this.destinationPath(answers.packageName!))) {
        throw new Error(
          `Package ${JSON.stringify(answers.packageName)} already exists in ${this.destinationRoot()}: choose another --package-name; nothing was written.`,
        );
      }
      const projectStored: Answers = Object.fromEntries(projectKeys.flatMap((key) => (stored[key] ? [[key, stored[key]]] : [])));
      this.project = projectAnswers({
        moduleName: basename(this.destinationRoot()),
        description: `DFIR-IRIS ${this.moduleType} module for ${answers.keyword}`,
        license: 'MIT',
        moduleVersion: '0.1.0',
        ...projectStored,
      });
      this.module = packageAnswers(this.moduleType, answers);
    }
    // Type questions' defaults may depend on the keyword, so it is given and then dropped.
    const { keyword: _keyword, ...typeAnswers } = await ask(this, this.questionsOfType, {
      yes,
      askAnswered,
      stored: {},
      source,
      given: { keyword: this.module.keyword },
    });
    this.typeAnswers = typeAnswers;
  }

  /** Packages the repository's `.yo-rc.json` already lists. */
  private packagesInRepository(): PackageAnswers[] {
    if (!this.stored) return [];
    const primary = storedAnswers(this.stored);
    const added = (this.stored.addedModules as AddedModule[] | undefined) ?? [];
    const list: PackageAnswers[] = [];
    if (primary.packageName) list.push({ type: primary.type as ModuleType, keyword: primary.keyword ?? '', packageName: primary.packageName });
    return [...list, ...added.map(({ type, keyword, packageName }) => ({ type, keyword, packageName }))];
  }

  protected context(): TemplateContext {
    return contextFor(this.project, this.module, this.typeAnswers);
  }

  writing(): void {
    const context = this.context();
    const shared = this.mode === 'repository' || this.mode === 'foreign';
    const before = this.options.composed?.previous;
    const previous = before ? contextFor(before.project, before.module, before.typeAnswers) : undefined;
    const yes = Boolean(this.options.yes);
    renderInto(this, templateDirs[this.moduleType], context, { previous, yes });
    if (this.mode === 'foreign') renderForeignHarness(this, templateDirs.harness, context);
    else renderInto(this, templateDirs.harness, context, { keepExisting: shared, previous, yes });
    if (this.mode === 'empty') {
      const base: BaseContext = { ...context, packages: [context] };
      renderInto(this, templateDirs.base, base, { yes });
      this.config.set({ ...this.allAnswers, ...this.typeAnswers });
    }
    if (this.mode === 'repository') {
      const added = (this.stored?.addedModules as AddedModule[] | undefined) ?? [];
      this.config.set('addedModules', [...added, { ...this.module, answers: this.typeAnswers }]);
      this.updateSharedFiles();
    }
    if (this.mode === 'foreign') {
      this.log.info(foreignManifestMessage(this, context));
    }
  }

  /** Adds the new package to the manifest and to the README's module list and sections, where that is safe. */
  private updateSharedFiles(): void {
    const manifest = this.destinationPath('pyproject.toml');
    const readme = this.destinationPath('README.md');
    if (existsSync(manifest)) {
      const updated = addPackageToManifest(readFileSync(manifest, 'utf8'), this.module.packageName);
      if (updated !== undefined) {
        this.writeSurgically(manifest, updated);
        this.log.info(`pyproject.toml: added ${this.module.packageName} to the packages the wheel contains.`);
      } else {
        this.log.info(
          `pyproject.toml was not changed (no generated package list found). Add "${this.module.packageName}*" to [tool.setuptools.packages.find] include.`,
        );
      }
    }
    if (existsSync(readme)) this.updateReadme(readme);
    this.log.info('.yo-rc.json: recorded the new package under addedModules.');
  }

  /** Adds the package's line and section to the README's generated regions, or says what to add by hand. */
  private updateReadme(readme: string): void {
    const context = this.context();
    const name = this.module.packageName;
    const update = addPackageToReadme(readFileSync(readme, 'utf8'), context);
    if (update === undefined) {
      this.log.info(
        `README.md was not changed (no module list between ${readmeModulesStart} and ${readmeModulesEnd} found). ` +
          `Add this line to the list of modules where IRIS users look for it:\n${readmeModuleLine(context)}`,
      );
      return;
    }
    if (update.listed || update.sectioned) this.writeSurgically(readme, update.text);
    const done = update.listed
      ? `added ${name} to the module list${update.sectioned ? ', with its section' : ''}`
      : update.sectioned
        ? `added the section of ${name}`
        : `already holds ${name}`;
    const missingSections = update.hasSections
      ? ''
      : ` Its section (hooks or pipeline, and parameters) was not added: no ${readmeSectionsStart} ... ${readmeSectionsEnd} region found.`;
    this.log.info(`README.md: ${done}.${missingSections}`);
  }

  /**
   * Writes an edit that keeps everything else in the file as the user left it:
   * it is committed with the run without a conflict prompt, like .yo-rc.json.
   */
  private writeSurgically(path: string, content: string): void {
    this.fs.write(path, content);
    const file = this.fs.store.get(path) as { conflicter?: string };
    file.conflicter = 'force';
  }

  end(): void {
    if (this.mode === 'composed') return;
    this.log(
      this.mode === 'foreign'
        ? foreignNextSteps(this.destinationRoot(), this.module.packageName)
        : nextSteps(this.destinationRoot(), [this.module.packageName]),
    );
  }
}

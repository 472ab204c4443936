// What the pipeline and processor generators share: one IRIS module package,
// written when composed by `app`, or added on its own to an existing
// repository (ours, a foreign one, or an empty folder).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { packageAnswers, projectAnswers, projectKeys, type Answers, type PackageAnswers, type ProjectAnswers } from './answers.js';
import { ask, checkOptions, declareOptions } from './ask.js';
import { baseContext, buildContext, runtimeFacts, type TemplateContext } from './context.js';
import { foreignManifestMessage, renderForeignHarness } from './foreign.js';
import { gitDefaults } from './git-defaults.js';
import type { ModuleType } from './iris.js';
import { FileLedger, renderInto, templateDirs, writeForced, type KeptFile } from './layout.js';
import { addPackageToManifest } from './manifest.js';
import { readmeModulesEnd, readmeModulesStart, readmeSectionsEnd, readmeSectionsStart } from './markers.js';
import { foreignNextSteps, nextSteps } from './next-steps.js';
import { contentHash, managedRegionKey, managedRegionOf } from './ownership.js';
import { appQuestions, packageQuestions, typeQuestions } from './questions.js';
import { addPackageToReadme, readmeSection } from './readme.js';
import { staleAnswers, staleMessages, type StaleFile } from './stale.js';
import {
  assertCurrentSchema,
  configSchema,
  generatorVersion,
  readStoredConfig,
  storedAnswers,
  storedHashes,
  type StoredConfig,
} from './stored-config.js';

/** A package added next to the primary one, as stored in `.yo-rc.json`. */
export interface AddedModule extends PackageAnswers {
  answers: Answers;
}

/** Answers a composing generator hands to a package generator. */
export interface ComposedAnswers {
  project: ProjectAnswers;
  module: PackageAnswers;
  typeAnswers: Answers;
  /** Every answer of this run and, on a rerun, of the run before (to tell kept files that are stale). */
  answers: Answers;
  previous?: Answers;
  /** Hashes `.yo-rc.json` recorded before this run. */
  recorded: Record<string, string>;
  /** Where the package generator reports the files it kept (the app prints them all at the end). */
  stale: StaleFile[];
}

export type PackageGeneratorOptions = BaseOptions & {
  yes?: boolean;
  composed?: ComposedAnswers;
};

type Mode = 'composed' | 'repository' | 'empty' | 'foreign';

/** The context of a package, from a flat set of answers of its type. */
export function contextOfAnswers(type: ModuleType, answers: Answers, description = answers.description ?? ''): TemplateContext {
  return buildContext(projectAnswers(answers), { ...packageAnswers(type, answers), description }, answers);
}

export abstract class PackageGenerator extends Generator<Record<string, unknown>, PackageGeneratorOptions> {
  protected abstract readonly moduleType: ModuleType;
  private mode: Mode = 'composed';
  private stored: StoredConfig | undefined;
  private project!: ProjectAnswers;
  private module!: PackageAnswers;
  private typeAnswers: Answers = {};
  private allAnswers: Answers = {};
  private ledger = new FileLedger({});
  private stale: StaleFile[] = [];

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
      this.ledger = new FileLedger(this.options.composed.recorded);
      this.stale = this.options.composed.stale;
      return;
    }
    checkOptions(this, [...appQuestions, ...this.questionsOfType]);
    const folder = this.destinationRoot();
    this.stored = readStoredConfig(folder);
    if (this.stored) {
      assertCurrentSchema(this.stored, folder);
      this.mode = 'repository';
      this.ledger = new FileLedger(storedHashes(this.stored));
    } else if (readdirSync(folder).every((entry) => entry === '.git')) this.mode = 'empty';
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
    const source = { folderName: basename(this.destinationRoot()), git: await gitDefaults() };
    if (this.mode === 'empty') {
      const answers = await ask(this, appQuestions, { yes, askAnswered, stored: {}, source, given: { type: this.moduleType } });
      this.project = projectAnswers(answers);
      this.module = packageAnswers(this.moduleType, answers);
      this.allAnswers = answers;
    } else {
      const stored = storedAnswers(this.stored);
      const taken = this.packagesInRepository().map((pkg) => pkg.packageName);
      const answers = await ask(this, packageQuestions, { yes, askAnswered, stored: {}, source, given: { type: this.moduleType } });
      if (taken.includes(answers.packageName!) || existsSync(this.destinationPath(answers.packageName!))) {
        throw new Error(
          `Package ${JSON.stringify(answers.packageName)} already exists in ${this.destinationRoot()}: choose another --package-name; nothing was written.`,
        );
      }
      const projectStored: Answers = Object.fromEntries(projectKeys.flatMap((key) => (stored[key] ? [[key, stored[key]]] : [])));
      this.project = projectAnswers({
        moduleName: basename(this.destinationRoot()),
        description: answers.description!,
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
    if (primary.packageName) list.push(packageAnswers(primary.type as ModuleType, primary));
    return [...list, ...added];
  }

  protected context(): TemplateContext {
    return buildContext(this.project, this.module, this.typeAnswers);
  }

  writing(): void {
    const context = this.context();
    const yes = Boolean(this.options.yes);
    const options = { ledger: this.ledger, yes };
    const kept: KeptFile[] = [
      ...renderInto(this, templateDirs[this.moduleType], context.names, context, options),
      ...renderInto(this, templateDirs.runtime, context.names, runtimeFacts, options),
      ...renderInto(this, templateDirs.runtimeTests, context.names, context, options),
    ];
    if (this.mode === 'foreign') renderForeignHarness(this, templateDirs.harness, context, this.ledger);
    else kept.push(...renderInto(this, templateDirs.harness, context.names, context, { ...options, keepExisting: this.mode === 'repository' }));
    this.reportStale(kept);
    if (this.mode === 'empty') {
      renderInto(this, templateDirs.base, context.names, { ...baseContext(context, []), readmeSection }, options);
      this.config.set({ ...this.allAnswers, ...this.typeAnswers, schema: configSchema, generatorVersion });
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

  /** For a rerun composed by the app: which changed answers the kept files do not reflect. */
  private reportStale(kept: readonly KeptFile[]): void {
    const composed = this.options.composed;
    if (!composed?.previous || kept.length === 0) return;
    const type = this.moduleType;
    const questions = [...appQuestions, ...this.questionsOfType];
    for (const file of kept) {
      const labels = staleAnswers(file, (answers) => contextOfAnswers(type, answers), composed.previous, composed.answers, questions);
      if (labels.length > 0) this.stale.push({ shown: file.shown, labels });
    }
  }

  /** Adds the new package to the manifest and to the README's module list and sections, where that is safe. */
  private updateSharedFiles(): void {
    const manifest = this.destinationPath('pyproject.toml');
    const readme = this.destinationPath('README.md');
    if (existsSync(manifest)) {
      const before = readFileSync(manifest, 'utf8');
      const updated = addPackageToManifest(before, this.module.packageName);
      if (updated !== undefined) {
        this.writeSurgically('pyproject.toml', before, updated);
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
    const before = readFileSync(readme, 'utf8');
    const update = addPackageToReadme(before, context);
    if (update === undefined) {
      this.log.info(
        `README.md was not changed (no module list between ${readmeModulesStart} and ${readmeModulesEnd} found). ` +
          `Add this line to the list of modules where IRIS users look for it:\n${context.readmeLine}`,
      );
      return;
    }
    if (update.listed || update.sectioned) this.writeSurgically('README.md', before, update.text);
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
   * it is committed with the run without a conflict prompt, like .yo-rc.json. The
   * file's recorded hash follows only when the user had not edited it: an edited
   * file stays the user's.
   */
  private writeSurgically(target: string, before: string, content: string): void {
    writeForced(this, this.destinationPath(target), content);
    const recorded = this.ledger.recorded;
    if (recorded[target] === contentHash(before)) this.ledger.expect(target, content);
    if (target === 'pyproject.toml') {
      const old = managedRegionOf(before);
      const now = managedRegionOf(content);
      if (old && now && recorded[managedRegionKey] === contentHash(old.text)) this.extraHashes[managedRegionKey] = contentHash(now.text);
    }
  }

  /** Hashes recorded directly (regions of files). */
  private extraHashes: Record<string, string> = {};

  /** The package's replay example; in a repository of several packages, it names the package. */
  private replayCommand(): string | undefined {
    const command = this.context().devLoop.replayCommand;
    return command !== undefined && this.mode === 'repository' ? `${command} PACKAGE=${this.module.packageName}` : command;
  }

  end(): void {
    if (this.mode !== 'foreign') {
      const files = { ...((this.config.get('files') as Record<string, string> | undefined) ?? {}), ...this.ledger.settle(this.destinationRoot()), ...this.extraHashes };
      this.config.set('files', files);
    }
    if (this.mode === 'composed') return;
    for (const line of staleMessages(this.stale)) this.log.info(line);
    this.log(
      this.mode === 'foreign'
        ? foreignNextSteps(this.destinationRoot(), this.module.packageName)
        : nextSteps(
            this.destinationRoot(),
            [this.module.packageName],
            this.replayCommand(),
            this.mode === 'repository' ? ` PACKAGE=${this.module.packageName}` : '',
          ),
    );
  }
}

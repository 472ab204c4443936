// `yo iris-module`: asks the questions, writes the shared base layout, then
// composes the pipeline or processor generator for the module package.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator, { type BaseOptions } from 'yeoman-generator';
import yosay from 'yosay';
import { contextFor, packageAnswers, projectAnswers } from '../lib/answers.js';
import { positionalArguments } from '../lib/arguments.js';
import { ask, checkOptions, declareOptions } from '../lib/ask.js';
import { gitDefaults } from '../lib/git-defaults.js';
import type { ModuleType } from '../lib/iris.js';
import { renderInto, templateDirs, type BaseContext } from '../lib/layout.js';
import { nextSteps } from '../lib/next-steps.js';
import type { AddedModule, ComposedAnswers, PackageGenerator } from '../lib/package-generator.js';
import { appQuestions, typeQuestions, type Answers } from '../lib/questions.js';
import { readStoredConfig, storedAnswers } from '../lib/stored-config.js';
import PipelineGenerator from '../pipeline/index.js';
import ProcessorGenerator from '../processor/index.js';

/** The package generators app composes, by module type. */
const packageGenerators = { processor: ProcessorGenerator, pipeline: PipelineGenerator } as const;

/** True for a clone of this generator, which holds an example .yo-rc.json. */
function isGeneratorRepository(folder: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string }).name === 'generator-iris-module';
  } catch {
    return false;
  }
}

type AppOptions = BaseOptions & { destination?: string; yes?: boolean; askAnswered?: boolean };

const allTypeQuestions = [...typeQuestions.processor, ...typeQuestions.pipeline];

export default class AppGenerator extends Generator<Record<string, unknown>, AppOptions> {
  private answers: Answers = {};
  private typeAnswers: Answers = {};
  /** The answers `.yo-rc.json` held before this run. */
  private stored: Answers = {};

  constructor(args: string[], options: AppOptions) {
    // A Python project: there is no npm install to run afterwards.
    super(args, options, { customInstallTask: true, inheritTasks: true });
    this.argument('destination', {
      type: String,
      required: false,
      description:
        "Folder to write the module into (default: a new folder named after the module, or the current folder when it holds this generator's .yo-rc.json)",
    });
    this.option('yes', { type: Boolean, alias: 'y', description: 'Ask nothing: defaults, overridden by .yo-rc.json, overridden by options' });
    declareOptions(this, appQuestions);
    declareOptions(this, allTypeQuestions);
    // Yeoman reads `09` as the number 9: take the folder name as typed.
    const [destination] = positionalArguments(this._args, Object.values(this._options));
    if (destination !== undefined) this.options.destination = destination;
  }

  /** The folder named on the command line, or the current one. */
  private get folder(): string {
    return this.options.destination ? resolve(this.env.cwd, this.options.destination) : this.env.cwd;
  }

  initializing(): void {
    checkOptions(this, [...appQuestions, ...allTypeQuestions]);
    if (!this.options.yes && process.stdout.isTTY) {
      this.log(yosay('Welcome to generator-iris-module!\nLet us write a DFIR-IRIS module that IRIS loads on the first try.'));
    }
  }

  async prompting(): Promise<void> {
    const stored = storedAnswers(readStoredConfig(this.folder));
    this.stored = stored;
    const settings = {
      yes: Boolean(this.options.yes),
      askAnswered: Boolean(this.options.askAnswered),
      stored,
      source: { folderName: basename(this.folder), git: gitDefaults() },
    };
    this.answers = await ask(this, appQuestions, settings);
    const type = this.answers.type as ModuleType;
    const { keyword: _keyword, ...typeAnswers } = await ask(this, typeQuestions[type], {
      ...settings,
      given: { keyword: this.answers.keyword! },
    });
    this.typeAnswers = typeAnswers;
  }

  configuring(): void {
    const hasOwnConfig = readStoredConfig(this.folder) !== undefined;
    const target = this.options.destination || hasOwnConfig ? this.folder : join(this.env.cwd, this.answers.moduleName!);
    if (isGeneratorRepository(target)) {
      throw new Error(
        `${target} is generator-iris-module's own repository, whose .yo-rc.json only documents the example module: give a destination folder, e.g. npx iris-module iris-threatfox-module --yes.`,
      );
    }
    this.destinationRoot(target);
    this.config.set({ ...this.answers, ...this.typeAnswers });
  }

  private get composed(): ComposedAnswers {
    const type = this.answers.type as ModuleType;
    return {
      project: projectAnswers(this.answers),
      module: packageAnswers(type, this.answers),
      typeAnswers: this.typeAnswers,
      previous: this.previousAnswers(),
    };
  }

  /** On a rerun, the answers of the run that wrote the files on disk. */
  private previousAnswers(): ComposedAnswers['previous'] {
    const stored = this.stored;
    if (stored.type !== 'processor' && stored.type !== 'pipeline') return undefined;
    const typeAnswers = Object.fromEntries(
      typeQuestions[stored.type].flatMap((question) => (stored[question.name] !== undefined ? [[question.name, stored[question.name]!]] : [])),
    );
    return { project: projectAnswers(stored), module: packageAnswers(stored.type, stored), typeAnswers };
  }

  async default(): Promise<void> {
    const type = this.answers.type as ModuleType;
    // The class itself, with its compiled file's path (Yeoman names it and finds its USAGE from that):
    // the bundled bin then runs the generator it holds, not a second copy imported from the path.
    const path = fileURLToPath(new URL(`../${type}/index.js`, import.meta.url));
    await this.composeWith<PackageGenerator>(
      { Generator: packageGenerators[type], path },
      { composed: this.composed, destinationRoot: this.destinationRoot(), yes: Boolean(this.options.yes) },
    );
  }

  writing(): void {
    const { project, module, typeAnswers, previous } = this.composed;
    // Packages added later by a sub-generator stay in the manifest and README.
    const added = (this.config.get('addedModules') as AddedModule[] | undefined) ?? [];
    const baseContext = (projectAnswers: typeof project, pkg: typeof module, answers: Answers): BaseContext => {
      const context = contextFor(projectAnswers, pkg, answers);
      const others = added.map((other) =>
        contextFor(projectAnswers, { type: other.type, keyword: other.keyword, packageName: other.packageName }, other.answers),
      );
      return { ...context, packages: [context, ...others] };
    };
    renderInto(this, templateDirs.base, baseContext(project, module, typeAnswers), {
      previous: previous ? baseContext(previous.project, previous.module, previous.typeAnswers) : undefined,
      yes: Boolean(this.options.yes),
    });
  }

  end(): void {
    this.log(nextSteps(this.destinationRoot(), [this.answers.packageName!]));
  }
}

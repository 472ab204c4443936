// `yo iris-module`: asks the questions, writes the shared base layout, then
// composes the pipeline or processor generator for the module package.
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Generator, { type BaseOptions } from 'yeoman-generator';
import yosay from 'yosay';
import { packageAnswers, projectAnswers, type Answers } from '../lib/answers.js';
import { positionalArguments } from '../lib/arguments.js';
import { ask, checkOptions, declareOptions } from '../lib/ask.js';
import { baseContext, buildContext, type BaseContext } from '../lib/context.js';
import { gitDefaults } from '../lib/git-defaults.js';
import type { ModuleType } from '../lib/iris.js';
import { FileLedger, renderInto, templateDirs } from '../lib/layout.js';
import { nextSteps } from '../lib/next-steps.js';
import type { AddedModule, ComposedAnswers, PackageGenerator } from '../lib/package-generator.js';
import { appQuestions, typeQuestions } from '../lib/questions.js';
import { readmeSection } from '../lib/readme.js';
import { staleAnswers, staleMessages, type StaleFile } from '../lib/stale.js';
import {
  assertCurrentSchema,
  configSchema,
  generatorVersion,
  readStoredConfig,
  storedAnswers,
  storedHashes,
} from '../lib/stored-config.js';
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
  private recorded: Record<string, string> = {};
  private addedModules: AddedModule[] = [];
  private ledger = new FileLedger({});
  /** Kept files that do not reflect changed answers, from this generator and the package's. */
  private stale: StaleFile[] = [];

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
    const config = readStoredConfig(this.folder);
    if (config !== undefined) assertCurrentSchema(config, this.folder);
    this.stored = storedAnswers(config);
    this.recorded = storedHashes(config);
    this.addedModules = (config?.addedModules as AddedModule[] | undefined) ?? [];
    const settings = {
      yes: Boolean(this.options.yes),
      askAnswered: Boolean(this.options.askAnswered),
      stored: this.stored,
      source: { folderName: basename(this.folder), git: await gitDefaults() },
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
    this.ledger = new FileLedger(this.recorded);
    this.config.set({ ...this.answers, ...this.typeAnswers, schema: configSchema, generatorVersion });
  }

  /** Every answer of this run, flat. */
  private get allAnswers(): Answers {
    return { ...this.answers, ...this.typeAnswers };
  }

  async default(): Promise<void> {
    const type = this.answers.type as ModuleType;
    const composed: ComposedAnswers = {
      project: projectAnswers(this.answers),
      module: packageAnswers(type, this.answers),
      typeAnswers: this.typeAnswers,
      answers: this.allAnswers,
      previous: this.stored.type === type ? this.stored : undefined,
      recorded: this.recorded,
      stale: this.stale,
    };
    // The class itself, with its compiled file's path (Yeoman names it and finds its USAGE from that):
    // the bundled bin then runs the generator it holds, not a second copy imported from the path.
    const path = fileURLToPath(new URL(`../${type}/index.js`, import.meta.url));
    await this.composeWith<PackageGenerator>(
      { Generator: packageGenerators[type], path },
      { composed, destinationRoot: this.destinationRoot(), yes: Boolean(this.options.yes) },
    );
  }

  /** The base layout's data for a set of answers: the primary package, then the added ones. */
  private baseData(answers: Answers): BaseContext & { readmeSection: typeof readmeSection } {
    const project = projectAnswers(answers);
    const type = answers.type as ModuleType;
    const primary = buildContext(project, packageAnswers(type, answers), answers);
    const others = this.addedModules.map((other) =>
      buildContext(project, { type: other.type, keyword: other.keyword, packageName: other.packageName, description: other.description }, other.answers),
    );
    return { ...baseContext(primary, others), readmeSection };
  }

  writing(): void {
    const data = this.baseData(this.allAnswers);
    const kept = renderInto(this, templateDirs.base, data.names, data, { ledger: this.ledger, yes: Boolean(this.options.yes) });
    if (this.stored.type === undefined) return;
    for (const file of kept) {
      const labels = staleAnswers(file, (answers) => this.baseData(answers), this.stored, this.allAnswers, appQuestions);
      if (labels.length > 0) this.stale.push({ shown: file.shown, labels });
    }
  }

  end(): void {
    const files = { ...((this.config.get('files') as Record<string, string> | undefined) ?? {}), ...this.ledger.settle(this.destinationRoot()) };
    this.config.set('files', files);
    for (const line of staleMessages(this.stale)) this.log.info(line);
    this.log(nextSteps(this.destinationRoot(), [this.answers.packageName!], this.baseData(this.allAnswers).devLoop.replayCommand));
  }
}

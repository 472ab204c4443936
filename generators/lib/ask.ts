// Turns question declarations into CLI options, prompts and stored answers.
// Resolution order: an option wins; then a stored `.yo-rc.json` answer; then,
// with --yes, the default; otherwise the question is asked.
import type Generator from 'yeoman-generator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGenerator = Generator<any, any>;
import type { Answers } from './answers.js';
import { refuseUnknownOptions } from './options.js';
import type { DefaultsSource, Question } from './questions.js';

/** `module-name` -> `moduleName`, the key yeoman parses the option into. */
export function optionKey(option: string): string {
  return option.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function declareOptions(generator: AnyGenerator, questions: readonly Question[]): void {
  for (const question of questions) {
    generator.option(question.option, { type: String, description: question.help });
  }
}

/** The value given on the command line for a question, if any. */
export function optionValue(generator: AnyGenerator, question: Question): string | undefined {
  const value = (generator.options as Record<string, unknown>)[optionKey(question.option)];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') {
    throw new Error(`--${question.option} needs a value. ${question.help}.`);
  }
  return String(value);
}

/**
 * Refuses options no generator declares, and bad option values, before anything is
 * asked or written.
 */
export function checkOptions(generator: AnyGenerator, questions: readonly Question[]): void {
  const declared = Object.values((generator as unknown as { _options: Record<string, { name: string; alias?: string }> })._options).flatMap(
    (option) => (option.alias !== undefined ? [option.name, option.alias] : [option.name]),
  );
  const given = Object.keys((generator as unknown as { _initOptions?: Record<string, unknown> })._initOptions ?? {});
  refuseUnknownOptions(given, declared);
  for (const question of questions) {
    const value = optionValue(generator, question);
    if (value === undefined) continue;
    const verdict = question.validate(value);
    if (verdict !== true) throw new Error(`Invalid --${question.option}: ${verdict}`);
  }
}

export interface AskSettings {
  /** Ask nothing: options, then stored answers, then defaults. */
  yes: boolean;
  /** Ask again questions that `.yo-rc.json` already answers. */
  askAnswered: boolean;
  stored: Answers;
  source: DefaultsSource;
  /** Answers fixed by the caller (a composing generator); never asked. */
  given?: Answers;
}

export async function ask(
  generator: AnyGenerator,
  questions: readonly Question[],
  settings: AskSettings,
): Promise<Answers> {
  const answers: Answers = { ...settings.given };
  for (const question of questions) {
    if (settings.given?.[question.name] !== undefined) continue;
    const fromOption = optionValue(generator, question);
    if (question.when !== undefined && !question.when(answers)) {
      if (fromOption !== undefined) {
        generator.log.info(`--${question.option} does not apply to these answers: ignored. ${question.help}.`);
      }
      continue;
    }
    if (fromOption !== undefined) {
      answers[question.name] = fromOption;
      continue;
    }
    const stored = settings.stored[question.name];
    if (stored !== undefined && !settings.askAnswered) {
      const verdict = question.validate(stored);
      if (verdict !== true) {
        throw new Error(`Invalid ${question.name} in .yo-rc.json: ${verdict} Fix it there or pass --${question.option}.`);
      }
      answers[question.name] = stored;
      continue;
    }
    const fallback = stored ?? question.default(answers, settings.source);
    if (settings.yes) {
      const verdict = question.validate(fallback);
      if (verdict !== true) {
        throw new Error(`Cannot use the default ${question.name}: ${verdict} Pass --${question.option} to choose one.`);
      }
      answers[question.name] = fallback;
      continue;
    }
    const reply = await generator.prompt<Record<string, string | string[]>>([
      question.multiple && question.choices
        ? {
            type: 'checkbox',
            name: question.name,
            message: question.message,
            choices: question.choices.map((choice) => ({
              name: choice,
              value: choice,
              checked: fallback.split(',').includes(choice),
            })),
            validate: (picked: readonly unknown[]) =>
              question.validate(picked.map((item) => (typeof item === 'object' && item && 'value' in item ? String(item.value) : String(item))).join(',')),
          }
        : question.choices
        ? {
            type: 'select',
            name: question.name,
            message: question.message,
            choices: [...question.choices],
            default: fallback,
          }
        : {
            type: 'input',
            name: question.name,
            message: question.message,
            default: fallback,
            validate: (value: string) => question.validate(value),
          },
    ]);
    const value = reply[question.name];
    answers[question.name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return answers;
}

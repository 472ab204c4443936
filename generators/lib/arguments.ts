// Positional arguments exactly as typed.
import minimist from 'minimist';

interface OptionSpec {
  name: string;
  type: unknown;
  alias?: string;
}

/**
 * The positional arguments of a command line, as text. Yeoman parses the command
 * line with minimist, which turns number-like words into numbers: a folder named
 * `09` would become `9`, and `1e3` would become `1000`. Parsing the same words
 * again, with the same options but positional arguments kept as text, gives them
 * back whole.
 */
export function positionalArguments(args: readonly string[], options: Iterable<OptionSpec>): string[] {
  const booleans: string[] = [];
  const strings: string[] = ['_'];
  const alias: Record<string, string> = {};
  for (const option of options) {
    (option.type === Boolean ? booleans : strings).push(option.name);
    if (option.alias !== undefined) alias[option.alias] = option.name;
  }
  return minimist([...args], { boolean: booleans, string: strings, alias })._;
}

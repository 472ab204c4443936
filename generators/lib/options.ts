// Options the command line gave that no generator declares: a typo (`--hook` for
// `--hooks`) must stop the run, not silently generate the defaults. The `iris-module`
// bin refuses them already (yeoman-environment parses strictly); under `yo`, every flag
// reaches the generator as an option, next to what yo and Yeoman add themselves.

/** Keys yo, yeoman-environment and yeoman-test put in a generator's options themselves. */
const runnerKeys: ReadonlySet<string> = new Set([
  // yeoman-environment and yeoman-generator
  'env',
  'resolved',
  'namespace',
  '_meta',
  'sharedData',
  'sharedFs',
  'forwardErrorToEnvironment',
  'skipLocalCache',
  'localConfigOnly',
  'destinationRoot',
  'composed',
  'help',
  'h',
  'skipCache',
  'skipInstall',
  'forceInstall',
  'askAnswered',
  'force',
  'bail',
  'dryRun',
  'skipYoResolve',
  'whitespace',
  // yo's own flags
  'insight',
  'generators',
  'localOnly',
  'version',
  'environmentVersion',
  'updateNotifier',
  'color',
]);

/** `module-name` -> `moduleName`. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `moduleName` -> `module-name`. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Edit distance between two short words. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_value, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The declared option closest to `given`, if one is close enough to be a typo of it. */
export function nearestOption(given: string, declared: readonly string[]): string | undefined {
  const scored = declared
    .map((name) => ({ name, score: name.startsWith(given) || given.startsWith(name) ? 0 : distance(given, name) }))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  const best = scored[0];
  return best !== undefined && best.score <= Math.max(2, Math.floor(given.length / 3)) ? best.name : undefined;
}

/**
 * Refuses options the generator does not declare, naming each and suggesting the
 * nearest declared one. `given` are the option keys the generator received;
 * `declared` the kebab-case names (and aliases) it declares.
 */
export function refuseUnknownOptions(given: Iterable<string>, declared: readonly string[]): void {
  const known = new Set(declared.flatMap((name) => [name, camel(name)]));
  const unknown = [...given].filter((key) => !runnerKeys.has(key) && !known.has(key) && !known.has(camel(key)));
  if (unknown.length === 0) return;
  // yo passes `--foo-bar` as both fooBar and foo-bar.
  const names = [...new Set(unknown.map((key) => kebab(camel(key))))];
  const lines = names.map((name) => {
    const near = nearestOption(name, declared.filter((option) => option.length > 1));
    return `Unknown option --${name}${near !== undefined ? `: did you mean --${near}?` : '.'}`;
  });
  throw new Error(`${lines.join('\n')}\nNothing was written. Run with --help for the options.`);
}

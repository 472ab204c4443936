// Answers for property-based tests of the generator, and what each should do.
// Whether a value is accepted is decided here from the rules the README states,
// not by calling the generator's validators, so the two can disagree and fail.
import fc from 'fast-check';
import { hookObjects, hookPairs } from '../../generators/lib/hooks.js';
import { licenseIds } from '../../generators/lib/licenses.js';

/** Length in code points, which is what the validators limit. */
export const codePoints = (text: string): number => [...text].length;

// ---------------------------------------------------------------------------
// Free text

/** Fragments that have broken templates, escapers or renderers somewhere. */
const trickyFragments: readonly string[] = [
  // quotes and escapes of Python, TOML, JSON, JavaScript
  '"', "'", '"""', "'''", '\\', '\\\\', '\\"', '\\n', '\\x00', '\\u0041', '\\U0001F98A', '\\N{BULLET}', '\\\n',
  // template languages: Jinja, EJS, JavaScript, Ruby, printf, str.format, String.replace patterns
  '{{ x }}', '{% if x %}', '{#', '<% x %>', '<%- x %>', '<%= x %>', '%>', '<%', '${x}', '`', '#{x}', '%s', '%(x)s', '{0}', '{}',
  '$&', "$'", '$`', '$$', '$1',
  // Markdown and HTML
  '*', '**', '_', '__', '~~', '#', '# ', '|', '\\|', '[a](b)', '![i](j)', '[x]: y', '<b>', '</td>', '<!--', '-->',
  '<script>alert(1)</script>', '&amp;', '&#65;', '&copy;', '&', '<', '>', '---', '***', '===', '1. ', '1) ', '- ', '+ ',
  '> ', '    ', '  ', ':', ';', ',', '=', 'ioc=', 'https://example.org/x_y', 'www.example.org', 'a@b.org', '<a@b.org>',
  // TOML and INI structure
  '[project]', 'x = 1', '#!',
  // letters beyond ASCII, combining marks, wide characters, emoji
  'Zoë', 'Ñandú', 'Straße', 'İı', 'ǅ', 'ﬁ', 'שלום', 'مرحبا', '中文', '日本語', 'Ελληνικά', 'Кириллица', 'e\u0301', 'Å',
  '🦊', '👩‍💻', '🇫🇷', '👍🏽', '𝔘𝔫𝔦',
  // invisible and direction-changing characters, unusual spaces and line separators
  '\u200f', '\u200e', '\u202e', '\u202a', '\u2066', '\u2069', '\u061c', '\u200b', '\u200d', '\ufeff', '\u00a0', '\u2028',
  '\u2029', '\u0085', '\u3000', '\u00ad', '\ufffd', '\uffff', '\u{10ffff}',
];

/** Characters the single-line validators refuse: C0 controls and DEL. */
const controlFragments: readonly string[] = ['\n', '\r\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u000b', '\u000c'];

const fragment = (withControls: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...trickyFragments) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constant(' ') },
    ...(withControls ? [{ weight: 1, arbitrary: fc.constantFrom(...controlFragments) }] : []),
  );

/** A piece repeated up to about `target` code points, to sit at or across a length limit. */
const nearLength = (target: number, withControls: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fragment(withControls), { minLength: 1, maxLength: 4 }), fc.integer({ min: target - 3, max: target + 2 }))
    .map(([pieces, length]) => {
      const unit = [...pieces.join('')];
      if (unit.length === 0) return 'x'.repeat(Math.max(length, 0));
      const out: string[] = [];
      while (out.length < length) out.push(...unit);
      return out.slice(0, Math.max(length, 0)).join('');
    });

/** Any text a person could paste into a prompt, at any length up to twice `max`. */
export const freeText = (max: number, withControls = true): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(fragment(withControls), { maxLength: 12 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: nearLength(max, withControls) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(0, max - 20), maxLength: max * 2 }) },
  );

/** Whether text holds a line break or another C0 control character, or DEL. */
// eslint-disable-next-line no-control-regex
export const hasControl = (value: string): boolean => /[\u0000-\u001f\u007f]/.test(value);

/** The rule the README states for one-line answers: no line break or control character, at most `max` characters. */
export function acceptsSingleLine(value: string, { required, max }: { required: boolean; max: number }): boolean {
  if (required && value.trim() === '') return false;
  if (hasControl(value)) return false;
  return codePoints(value) <= max;
}

export const descriptionRule = { required: true, max: 500 };
export const authorRule = { required: false, max: 200 };
export const menuLabelRule = { required: true, max: 100 };

// ---------------------------------------------------------------------------
// Names

const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = lower.toUpperCase();
const digits = '0123456789';
const chars = (alphabet: string, min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });

/** Python 3.9 to 3.13 hard keywords, as `keyword.kwlist` lists them. */
export const pythonKeywords = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];

/** Packages IRIS imports, that a module must not replace (README: app, iris_interface, ...). */
export const irisPackages = ['app', 'iris_interface', 'celery', 'flask', 'jinja2', 'werkzeug', 'sqlalchemy', 'requests', 'packaging'];

/** The packaging tools installed in IRIS's Python, which installing a module of that name would overwrite. */
export const irisToolPackages = ['setuptools', 'pkg_resources', '_distutils_hack', 'wheel'];

/**
 * Names that break the generated project itself: the folders its .gitignore and
 * `make clean` treat as build output, what its tests import from `tests/`, the
 * tools `python -m ...` runs from its root, Python's own start-up hooks and `__main__`.
 */
export const projectPackages = [
  'build', 'dist', '__pycache__', 'tests', 'test', 'iris_harness', 'conftest', 'pip', 'pytest', '_pytest', 'pluggy',
  'iniconfig', 'exceptiongroup', 'tomli', 'ruff', 'markupsafe', 'sitecustomize', 'usercustomize', '__main__',
];

/** Pip distribution name: letters, digits, `.`, `_`, `-`, alphanumeric at both ends, up to 100. */
export const moduleNameArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(chars(lower + upper + digits, 1, 1), chars(lower + upper + digits + '._-', 0, 98), chars(lower + upper + digits, 0, 1))
    .map(([first, middle, last]) => first + middle + last)
    .filter((name) => /[A-Za-z0-9]$/.test(name)),
  fc.tuple(chars(lower + digits + '-._', 96, 98)).map(([middle]) => `a${middle}z`),
  fc.constantFrom('a', '0', 'IRIS', 'iris-x-module', 'x'.repeat(100), 'a-b.c_d', 'a--b', 'a..b', 'a__b', '9lives'),
);

export function acceptsModuleName(value: string): boolean {
  return /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(value) && value.length <= 100;
}

/** Keyword: ASCII identifier starting with a letter, up to 30. */
export const keywordArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(chars(lower + upper, 1, 1), chars(lower + upper + digits + '_', 0, 29)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.tuple(chars(lower + upper, 1, 1), chars(lower + upper + digits + '_', 29, 29)).map(([a, b]) => a + b) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'x', 'X', 'a_', 'a__', 'a__b', 'A1', 'a1_2', 'TFX', 'Module', 'module', 'Interface', 'Handler', 'Config', 'Iris',
      'HookRoute', 'None', 'import', 'self', 'test', 'build', 'z'.repeat(30), `Q${'_'.repeat(29)}`,
    ),
  },
);

export function acceptsKeyword(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(value) && value.length <= 30;
}

/** Import package: ASCII identifier up to 40, which neither Python nor IRIS nor the project itself uses. */
export function acceptsPackageName(value: string, stdlib: ReadonlySet<string>): boolean {
  return (
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) &&
    value.length <= 40 &&
    value !== '_' &&
    !pythonKeywords.includes(value) &&
    !irisPackages.includes(value.toLowerCase()) &&
    !irisToolPackages.includes(value.toLowerCase()) &&
    !projectPackages.includes(value.toLowerCase()) &&
    !stdlib.has(value)
  );
}

export const packageNameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(chars(lower + upper + '_', 1, 1), chars(lower + upper + digits + '_', 0, 39)).map(([a, b]) => a + b) },
  { weight: 2, arbitrary: fc.tuple(chars(lower + '_', 1, 1), chars(lower + digits + '_', 39, 39)).map(([a, b]) => a + b) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__', '__x', '_x_', '__init__', 'A', 'a', 'x'.repeat(40), `_${'9'.repeat(39)}`, 'none', 'match', 'case', 'type', 'print',
      'App_', 'iris_interface2', 'Tests_', 'setuptools', 'wheel', 'iris',
    ),
  },
);

/** GitHub name: alphanumerics and single inner dashes, up to 39; or nothing. */
export const githubUserArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .array(chars(lower + upper + digits, 1, 6), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join('-'))
    .filter((name) => name.length <= 39),
  fc.constantFrom('a', '0', 'A-b-C', 'x'.repeat(39), 'a-'.repeat(19) + 'a'),
);

/** Email of the RFC 5322 dot-atom form (what Python's email package, hence setuptools, accepts); or nothing. */
const atext = lower + upper + digits + "!#$%&'*+-/=?^_`{|}~";
export const emailArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc
    .tuple(
      fc.array(chars(atext, 1, 8), { minLength: 1, maxLength: 3 }),
      fc.array(
        fc.tuple(chars(lower + upper + digits, 1, 1), chars(lower + digits + '-', 0, 10), chars(lower + digits, 1, 1)).map((p) => p.join('')),
        { minLength: 1, maxLength: 3 },
      ),
      fc.constantFrom('org', 'com', 'example', 'io', 'co.uk'),
    )
    .map(([local, domain, tld]) => `${local.join('.')}@${domain.join('.')}.${tld}`),
  fc.constantFrom("o'brien@example.org", 'a+b@x.io', '{x}@x.io', 'a.b.c@d-e.f.g', `${'l'.repeat(64)}@example.org`),
);

/** semver.org 2.0.0, its own regular expression. */
const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** PEP 440, as pypa/packaging's VERSION_PATTERN states it. */
const pep440 =
  /^\s*v?(?:(?:[0-9]+)!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?:[0-9]+)?)?(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?(?:[0-9]+)?))?(?:[-_.]?dev[-_.]?(?:[0-9]+)?)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\s*$/i;

/** The README's "semver" that pyproject.toml can hold: both semver and PEP 440. */
export const acceptsVersion = (value: string): boolean => semver.test(value) && pep440.test(value);

const identifier = fc.oneof(
  fc.nat({ max: 30 }).map(String),
  fc.tuple(chars(digits, 0, 2), chars(lower + upper + '-', 1, 1), chars(lower + upper + digits + '-', 0, 5)).map((p) => p.join('')),
);
const pythonPreRelease = fc
  .tuple(fc.constantFrom('alpha', 'a', 'beta', 'b', 'rc', 'c', 'pre', 'preview', 'dev', 'post', 'r', 'rev', 'RC', 'Beta'), fc.constantFrom('', '.', '-'), fc.option(fc.nat({ max: 30 }), { nil: undefined }))
  .map(([label, separator, number]) => (number === undefined ? label : `${label}${separator}${number}`));
export const versionArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.nat({ max: 20 }),
    fc.nat({ max: 20 }),
    fc.nat({ max: 20 }),
    fc.option(fc.oneof(pythonPreRelease, fc.array(identifier, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'))), { nil: undefined }),
    fc.option(fc.array(chars(lower + upper + digits + '-', 1, 5), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  )
  .map(([a, b, c, pre, build]) => `${a}.${b}.${c}${pre !== undefined ? `-${pre}` : ''}${build ? `+${build.join('.')}` : ''}`);

export const licenseArb = fc.constantFrom(...licenseIds);

// ---------------------------------------------------------------------------
// Type-specific answers

export const manualObjects = hookObjects;

/** Hook pairs, in any order, at least one; most lists hold a manual trigger so menu names matter. */
export const hooksArb: fc.Arbitrary<string[]> = fc
  .tuple(fc.subarray([...hookPairs], { minLength: 1, maxLength: 8 }), fc.subarray([...hookObjects], { minLength: 0, maxLength: 3 }))
  .map(([pairs, manual]) => [...new Set([...manual.map((object) => `${object}:manual`), ...pairs])])
  .chain((pairs) => fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }));

/** A menu label a person would type: free text without `;` (the separator) and not starting like `ioc=`. */
export const menuLabelArb = (withControls: boolean): fc.Arbitrary<string> =>
  freeText(menuLabelRule.max, withControls)
    .map((label) => label.replace(/;/g, ','))
    .filter((label) => !/^\s*[a-z_]+\s*=/.test(label));

export interface MenuNames {
  /** The option as given, or undefined to leave it out. */
  option: string | undefined;
  /** The label each object's manual trigger should carry, trimmed as IRIS shows it. */
  labelFor: (object: string, keywordDefault: string) => string;
  /** Labels given, as typed. */
  given: string[];
}

/** `--manual-menu-name`: left out, one label, or per object labels and an optional catch-all. */
export const menuNamesArb = (withControls: boolean): fc.Arbitrary<MenuNames> =>
  fc.oneof(
    fc.constant<MenuNames>({ option: undefined, labelFor: (_object, fallback) => fallback, given: [] }),
    menuLabelArb(withControls).map<MenuNames>((label) => ({ option: label, labelFor: () => label.trim(), given: [label] })),
    fc
      .tuple(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...hookObjects), menuLabelArb(withControls), fc.constantFrom('', ' ', '  ')), {
          minLength: 1,
          maxLength: 4,
          selector: ([object]) => object,
        }),
        fc.option(menuLabelArb(withControls), { nil: undefined }),
        fc.nat(),
      )
      .map<MenuNames>(([entries, all, position]) => {
        const parts = entries.map(([object, label, space]) => `${space}${object}${space}=${label}`);
        if (all !== undefined) parts.splice(position % (parts.length + 1), 0, all);
        const perObject = new Map<string, string>(entries.map(([object, label]) => [object, label.trim()]));
        return {
          option: parts.join(';'),
          labelFor: (object, fallback) => perObject.get(object) ?? (all !== undefined ? all.trim() : fallback),
          given: [...entries.map(([, label]) => label), ...(all !== undefined ? [all] : [])],
        };
      }),
  );

const argumentName = fc.oneof(
  fc.tuple(chars(lower + upper + '_', 1, 1), chars(lower + upper + digits + '_', 0, 12)).map(([a, b]) => a + b),
  fc.constantFrom('tag', 'index', 'self', 'match', 'type', 'print', '_x', 'x_', 'A'),
);
export const pipelineArgsArb: fc.Arbitrary<Array<{ name: string; required: boolean }>> = fc
  .uniqueArray(fc.tuple(argumentName, fc.boolean()), { minLength: 1, maxLength: 5, selector: ([name]) => name })
  .map((items) => items.map(([name, required]) => ({ name, required })))
  .filter((items) => items.every(({ name }) => !pythonKeywords.includes(name) && !name.startsWith('__')));

export const fileTypesArb: fc.Arbitrary<string[]> = fc.uniqueArray(
  fc
    .tuple(fc.boolean(), fc.array(fc.tuple(chars(lower + upper + digits, 1, 1), chars(lower + digits + '_-', 0, 5)).map((p) => p.join('')), { minLength: 1, maxLength: 2 }))
    .map(([dot, parts]) => `${dot ? '.' : ''}${parts.join('.')}`),
  { maxLength: 4, selector: (type) => (type.startsWith('.') ? type : `.${type}`).toLowerCase() },
);

import assert from 'node:assert/strict';
import { hookPairs } from '../../generators/lib/hooks.js';
import {
  parseMenuNames,
  validateAuthor,
  validateEmail,
  validateFileTypes,
  validateGithubUser,
  validateHooks,
  validateIocTypes,
  validateKeyword,
  validateLicense,
  validateMenuNames,
  validateModuleName,
  validatePackageName,
  validatePipelineArgs,
  validateDescription,
  validateType,
  validateVersion,
  type Validation,
} from '../../generators/lib/validation.js';

type Case = [value: string, accepted: boolean, mentions?: string];

// One table per rule: a refused value gets a message that names it.
const rules: Record<string, [(value: string) => Validation, Case[]]> = {
  'module name': [
    validateModuleName,
    [
      ['iris-threatfox-module', true],
      ['irismisp', true],
      ['Iris.Foo_bar', true],
      ['iris toto', false, 'pip distribution name'],
      ['-iris', false],
      ['iris-', false],
      ['', false],
      ['iris/../x', false],
      ['x'.repeat(101), false],
      ['x', true],
      ['x'.repeat(100), true],
    ],
  ],
  keyword: [
    validateKeyword,
    [
      ['threatfox', true],
      ['TFX', true],
      ['threat_fox', true],
      ['', false, 'empty'],
      ['1fox', false, 'starting with a letter'],
      ['threat-fox', false],
      ["'toto'", false],
      ['tôto', false],
      ['x'.repeat(30), true],
      ['x'.repeat(31), false],
    ],
  ],
  'package name': [
    validatePackageName,
    [
      ['iris_threatfox_module', true],
      ['irismisp', true],
      ['_private_mod', true],
      ['iris-threatfox-module', false, 'Python identifier'],
      ['1iris', false],
      ['class', false, 'keyword'],
      ['None', false, 'keyword'],
      ['app', false, 'shadow'],
      ['iris_interface', false, 'shadow'],
      ['celery', false, 'shadow'],
      ['json', false, 'standard library'],
      ['logging', false, 'standard library'],
      ['parser', false, 'standard library'],
      // Modules of Python 3.9 only (IRIS's runtime): gone in 3.10, so absent from sys.stdlib_module_names.
      ['symbol', false, 'standard library'],
      ['formatter', false, 'standard library'],
      ['_bootlocale', false, 'standard library'],
      ['_peg_parser', false, 'standard library'],
      // CPython's test modules, which sys.stdlib_module_names leaves out.
      ['_testcapi', false, 'standard library'],
      ['xxlimited', false, 'standard library'],
      // IRIS's own packages and the project's names, in any case (a case-sensitive check let these through).
      ['App', false, 'shadow'],
      ['CELERY', false, 'shadow'],
      ['Iris_Interface', false, 'shadow'],
      ['Test', false, 'shadow'],
      ['Build', false, 'Build'],
      ['PIP', false, 'PIP'],
      ['_', false, 'keyword'],
      ['p'.repeat(40), true],
      ['p'.repeat(41), false, 'characters long'],
      ['', false],
    ],
  ],
  version: [
    validateVersion,
    [
      ['0.1.0', true],
      ['1.0.0-rc.1', true],
      ['2.3.4+build.7', true],
      ['1.0', false, 'semantic version'],
      ['01.0.0', false],
      ['v1.0.0', false],
      ['', false],
      // Numbers of more than one digit, in every place.
      ['10.0.0', true],
      ['1.10.0', true],
      ['1.0.10', true],
      ['1.0.0-rc.10', true],
      ['1.0.0-dev.10', true],
      ['1.0.0-post.10', true],
      ['1.0.0-100', true],
      ['2.3.4+build.12', true],
      // Semantic versions that PEP 440 also accepts: pre-, post- and dev-releases, with or
      // without a separator before the number; a number alone is a post-release.
      ['1.0.0-rc', true],
      ['1.0.0-rc1', true],
      ['1.0.0-alpha.1', true],
      ['1.0.0-1', true],
      ['1.0.0-post.1', true],
      ['1.0.0-post1', true],
      ['1.0.0-dev.3', true],
      ['1.0.0-dev3', true],
      ['1.0.0-rc1post2', true],
      ['1.0.0-rc1dev2', true],
      ['1.0.0+build', true],
      ['1.0.0+a.b.c', true],
      // Not semantic versions, whatever pip thinks of them.
      ['1.0.0-01', false, 'not a semantic version'],
      ['1.0.0x', false, 'not a semantic version'],
      ['1.0.0.post1', false, 'not a semantic version'],
      // Semantic versions that pip refuses (PEP 440).
      ['1.0.0-foo', false, 'pip does not accept'],
      ['1.0.0-0a1', false, 'pip does not accept'],
      ['1.0.0-alpha.beta', false, 'pip does not accept'],
      ['1.0.0-alpha.12b', false, 'pip does not accept'],
      ['1.0.0-x.7.z.92', false, 'pip does not accept'],
    ],
  ],
  email: [
    validateEmail,
    [
      ['jane@example.org', true],
      ['', true],
      ['jane', false, 'valid address'],
      ['jane@', false],
      ['a b@example.org', false],
      ['jane@example', false],
      ['jane.doe@example.org', true],
      ['jane@x.example.org', true],
      ['jane@mail.x.org', true],
      ['jane@mail.example.info', true],
      ['jane@example.org_', false],
      [`${'a'.repeat(242)}@example.org`, true],
      [`${'a'.repeat(243)}@example.org`, false],
    ],
  ],
  'GitHub user': [
    validateGithubUser,
    [
      ['dfir-iris', true],
      ['', true],
      ['-x', false, 'GitHub name'],
      ['a--b', false],
      ['x'.repeat(40), false],
    ],
  ],
  license: [
    validateLicense,
    [
      ['MIT', true],
      ['AGPL-3.0-or-later', true],
      ['GPL-3.0', false, 'MIT, BSD-3-Clause'],
      ['mit', false],
      ['', false],
    ],
  ],
  type: [
    validateType,
    [
      ['processor', true],
      ['pipeline', true],
      ['hook', false, 'processor, pipeline'],
    ],
  ],
  description: [
    validateDescription,
    [
      ['Enrich IOCs with "ThreatFox" \'data\' 🦊', true],
      ['', false, 'empty'],
      ['two\nlines', false, 'one line'],
      ['x'.repeat(501), false, '500'],
      ['x'.repeat(500), true],
      // Counted in characters, not in UTF-16 units.
      ['🦊'.repeat(500), true],
      ['   ', false, 'empty'],
    ],
  ],
  author: [
    validateAuthor,
    [
      ['', true],
      ['Zoë O\'Brien', true],
      ['y'.repeat(200), true],
      ['y'.repeat(201), false, '200'],
    ],
  ],
  hooks: [
    (value) => validateHooks(value, hookPairs),
    [
      ['ioc:create,ioc:update,ioc:manual', true],
      ['global_task:preload-update,case:delete', true],
      ['case:preload-update', false, '"case:preload-update"'],
      ['alert:create', false, '"alert:create"'],
      ['ioc:create,ioc:create', false, '"ioc:create" is given twice'],
      ['', false, 'at least one'],
    ],
  ],
  'manual menu names': [
    validateMenuNames,
    [
      ['Get ThreatFox insight', true],
      ['ioc=Look up IOC;asset=Look up asset', true],
      ['ioc=', false, 'for ioc is empty'],
      ['\n!', false, '"\\n!" holds a line break'],
      ['ioc=Look up\t', false, 'line break or control character'],
      [`ioc=${'Look up the indicator in the service. '.repeat(2)}\tnow`, false, '\\tnow" holds a line break or control character'],
      ['ioc=a;ioc=b', false, 'two labels'],
      ['', false, 'empty'],
      ['   ', false, 'empty'],
      // An empty part between or after ";" is no label.
      ['ioc=Look;', true],
      ['ioc=Look; ', true],
      ['Look;', true],
      ['Look; ', true],
      ['Look;Other', false, 'two labels'],
      ['ioc = a;Other label', true],
      ['Look ioc=x;ioc=y', true],
    ],
  ],
  'pipeline arguments': [
    validatePipelineArgs,
    [
      ['tag:optional', true],
      ['index:required,tag:optional', true],
      ['', false, 'at least one'],
      ['my-arg:optional', false, 'identifier'],
      ['tag', false],
      ['tag:maybe', false],
      ['class:required', false, 'keywords'],
      ['__init__:optional', false, '"__init__"'],
      ['tag:optional,tag:required', false, '"tag" is given twice'],
      ['tag:optionals', false],
      ['x__:optional', true],
      ['__x:optional', false, '"__x"'],
    ],
  ],
  'file types': [
    validateFileTypes,
    [
      ['', true],
      ['.evtx,.json', true],
      ['evtx, .TAR.GZ', true],
      ['.ev tx', false, 'extension'],
      ['../x', false],
      ['.tar.bz2', true],
    ],
  ],
};

describe('validation', () => {
  for (const [rule, [validate, cases]] of Object.entries(rules)) {
    describe(rule, () => {
      for (const [value, accepted, mentions] of cases) {
        it(`${accepted ? 'accepts' : 'refuses'} ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`, () => {
          const verdict = validate(value);
          if (accepted) {
            assert.equal(verdict, true);
            return;
          }
          assert.equal(typeof verdict, 'string');
          // The message names the refused value (or, for lists, the refused item).
          const named = mentions ?? value;
          if (named !== '' && named.length <= 100 && !named.includes('\n')) {
            assert.ok((verdict as string).includes(named), `message names ${named}: ${verdict}`);
          }
        });
      }
    });
  }
});

// Python's hard keywords (keyword.kwlist, the same on 3.9 to 3.13).
const pythonKeywords = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];

describe('validation: names that are refused one by one', () => {
  it('refuses every Python keyword as package name and as pipeline argument', () => {
    for (const keyword of pythonKeywords) {
      assert.match(String(validatePackageName(keyword)), /is a Python keyword/, keyword);
      assert.match(String(validatePipelineArgs(`${keyword}:optional`)), /keywords and names starting with "__" are refused/, keyword);
    }
  });

  it('refuses every name the generated project gives a meaning to, saying which', () => {
    const project: Record<string, string> = {
      build: 'a folder the generated .gitignore hides',
      dist: 'a folder the generated .gitignore hides',
      __pycache__: 'a folder the generated .gitignore hides',
      __main__: "the name of the running program's module",
      sitecustomize: 'a module Python imports at every start',
      usercustomize: 'a module Python imports at every start',
      iris_harness: 'the package of IRIS stand-ins',
      conftest: "pytest's configuration module",
      pip: 'a tool the generated Makefile and CI run',
      pytest: 'a tool the generated Makefile and CI run',
      ruff: 'a tool the generated Makefile and CI run',
      _pytest: "imported by the project's own tests",
      pluggy: "imported by the project's own tests",
      iniconfig: "imported by the project's own tests",
      exceptiongroup: "imported by the project's own tests",
      tomli: "imported by the project's own tests",
      markupsafe: "imported by the project's own tests",
    };
    for (const [name, reason] of Object.entries(project)) {
      const verdict = String(validatePackageName(name));
      assert.ok(verdict.startsWith(`Package name "${name}" is ${reason}`), `${name}: ${verdict}`);
    }
  });
});

describe('validation: messages, word for word', () => {
  // What a person reads: the value, what is wrong, what is accepted, and an example.
  const messages: Array<[string, Validation, string]> = [
    [
      'module name',
      validateModuleName('iris toto'),
      `Module name "iris toto" is not a valid pip distribution name: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit (for example iris-threatfox-module).`,
    ],
    ['empty keyword', validateKeyword(''), 'The keyword is empty: give one with letters, digits and "_", starting with a letter (for example threatfox).'],
    [
      'keyword',
      validateKeyword('1fox'),
      'Keyword "1fox" cannot be used in Python class and file names: use up to 30 ASCII letters, digits and "_", starting with a letter (for example threatfox or TFX).',
    ],
    [
      'package name, not an identifier',
      validatePackageName('a-b'),
      'Package name "a-b" is not a Python identifier: IRIS imports it by name, so use ASCII letters, digits and "_", not starting with a digit (for example iris_threatfox_module).',
    ],
    [
      'package name, too long',
      validatePackageName('p'.repeat(41)),
      `Package name "${'p'.repeat(41)}" is 41 characters long: keep it to 40 at most, so that generated imports fit on a line (for example iris_threatfox_module).`,
    ],
    ['package name, keyword', validatePackageName('class'), 'Package name "class" is a Python keyword: choose another name (for example iris_class_module).'],
    ['IOC types, none', validateIocTypes(' , '), 'Choose at least one IOC family to look up: domain, ip, hash, url, email, filename.'],
    ['IOC types, unknown', validateIocTypes('domain,md5'), 'IOC type "md5" is not an IOC family this generator knows: use domain, ip, hash, url, email, filename, comma-separated.'],
    ['package name, IRIS', validatePackageName('Celery'), 'Package name "Celery" would shadow a package IRIS itself imports: choose another name (for example iris_celery_module).'],
    ['package name, packaging tool', validatePackageName('Setuptools'), 'Package name "Setuptools" is a packaging tool installed in IRIS\'s Python, which installing the module would overwrite: choose another name (for example iris_setuptools_module).'],
    [
      'package name, standard library',
      validatePackageName('symbol'),
      'Package name "symbol" would shadow the Python standard library module of that name: choose another name (for example iris_symbol_module).',
    ],
    [
      'package name, project folder',
      validatePackageName('__pycache__'),
      'Package name "__pycache__" is a folder the generated .gitignore hides and `make clean` deletes, with the package in it: choose another name (for example iris_pycache_module).',
    ],
    [
      'package name, project tool, in capitals',
      validatePackageName('PyTest'),
      'Package name "PyTest" is a tool the generated Makefile and CI run with `python -m` from the project root, where the package would replace it: choose another name (for example iris_pytest_module).',
    ],
    [
      'package name, test dependency',
      validatePackageName('_pytest'),
      `Package name "_pytest" is imported by the project's own tests, which run from its root, where the package would replace it: choose another name (for example iris_pytest_module).`,
    ],
    [
      'package name, harness',
      validatePackageName('iris_harness'),
      `Package name "iris_harness" is the package of IRIS stand-ins in the project's tests/ folder: choose another name (for example iris_iris_harness_module).`,
    ],
    [
      'package name, start-up module',
      validatePackageName('usercustomize'),
      'Package name "usercustomize" is a module Python imports at every start once it is installed: the package would replace it: choose another name (for example iris_usercustomize_module).',
    ],
    [
      'package name, __main__',
      validatePackageName('__main__'),
      `Package name "__main__" is the name of the running program's module: IRIS would import that instead of the package: choose another name (for example iris_main_module).`,
    ],
    [
      'package name, conftest',
      validatePackageName('conftest'),
      `Package name "conftest" is pytest's configuration module of the project's tests/ folder: choose another name (for example iris_conftest_module).`,
    ],
    ['version', validateVersion('1.0'), 'Version "1.0" is not a semantic version: use MAJOR.MINOR.PATCH (for example 0.1.0 or 1.0.0-rc.1).'],
    [
      'version pip refuses',
      validateVersion('1.0.0-foo'),
      'Version "1.0.0-foo" is a semantic version that pip does not accept (PEP 440): after MAJOR.MINOR.PATCH, use a pre-release such as -alpha.1, -beta.2, -rc.1 or -dev.3, and build metadata of letters and digits (for example 1.0.0-rc.1 or 1.0.0+build.5).',
    ],
    [
      'email',
      validateEmail('jane@'),
      "Email \"jane@\" is not a valid address: use the form name@example.org, with ASCII letters, digits, dots between them and !#$%&'*+/=?^_`{|}~- before the @, or leave it empty.",
    ],
    [
      'GitHub user',
      validateGithubUser('-x'),
      'GitHub user "-x" is not a valid GitHub name: use up to 39 letters, digits and single dashes, not starting or ending with a dash, or leave it empty.',
    ],
    ['empty description', validateDescription(''), 'The description is empty: write one line of text.'],
    ['description on two lines', validateDescription('a\nb'), 'The description "a\\nb" holds a line break or control character: write it on one line.'],
    [
      'long description, shown by its start',
      validateDescription('é'.repeat(501)),
      `The description "${'é'.repeat(40)}…" is 501 characters long: keep it to 500 at most.`,
    ],
    ['long author', validateAuthor('y'.repeat(201)), `The author "${'y'.repeat(40)}…" is 201 characters long: keep it to 200 at most.`],
    ['duplicate hook', validateHooks('ioc:create,ioc:create', hookPairs), 'Hook "ioc:create" is given twice: list each object:trigger pair once.'],
    ['no pipeline argument', validatePipelineArgs(''), 'No pipeline argument given: IRIS needs at least one, as name:required or name:optional (for example tag:optional).'],
    [
      'pipeline argument',
      validatePipelineArgs('my-arg:optional'),
      'Pipeline argument "my-arg:optional" is not name:required or name:optional with a Python identifier as name (for example index:required).',
    ],
    ['duplicate pipeline argument', validatePipelineArgs('tag:optional,tag:required'), 'Pipeline argument "tag" is given twice: name each argument once.'],
    [
      'file type',
      validateFileTypes('.ev tx'),
      'File type ".ev tx" is not an extension: use forms like .evtx or .tar.gz, separated by commas, or leave it empty for any file.',
    ],
    ['menu name with a tab', validateMenuNames('a\tb'), 'Manual menu name "a\\tb" holds a line break or control character: write it on one line.'],
    [
      'two menu names for one object',
      validateMenuNames('ioc=a;ioc=b'),
      'Manual menu name "ioc=a;ioc=b" gives ioc two labels: ";" separates labels, one per object (for example ioc=Look it up;asset=Scan it), so a single label cannot contain it.',
    ],
    [
      'two menu names for every object',
      validateMenuNames('Look;Other'),
      'Manual menu name "Look;Other" gives every object two labels: ";" separates labels, one per object (for example ioc=Look it up;asset=Scan it), so a single label cannot contain it.',
    ],
    ['empty menu name for one object', validateMenuNames('ioc='), 'Manual menu name for ioc is empty: The manual menu name is empty: write one line of text.'],
    [
      'long menu name for one object',
      validateMenuNames(`ioc=${'m'.repeat(101)}`),
      `Manual menu name for ioc "${'m'.repeat(101)}": The manual menu name "${'m'.repeat(40)}…" is 101 characters long: keep it to 100 at most.`,
    ],
    [
      'long menu name for every object',
      validateMenuNames('m'.repeat(101)),
      `Manual menu name for every object "${'m'.repeat(101)}": The manual menu name "${'m'.repeat(40)}…" is 101 characters long: keep it to 100 at most.`,
    ],
  ];
  for (const [label, verdict, expected] of messages) {
    it(label, () => assert.equal(verdict, expected));
  }

  it('lists the valid hooks, comma-separated, and every unknown one', () => {
    const valid = hookPairs.join(', ');
    assert.ok(valid.startsWith('case:create, case:update, '), valid);
    assert.equal(validateHooks('', hookPairs), `No hook chosen: give at least one object:trigger pair, from ${valid}.`);
    assert.equal(
      validateHooks('alert:create,ioc:create,foo:bar', hookPairs),
      `Unknown hook "alert:create", "foo:bar": IRIS has no such hook. Valid object:trigger pairs are ${valid}.`,
    );
  });
});

describe('manual menu names, parsed', () => {
  const cases: Array<[string, ReturnType<typeof parseMenuNames>]> = [
    ['Look it up', { all: 'Look it up', perObject: {} }],
    ['  Look it up  ', { all: 'Look it up', perObject: {} }],
    ['', { all: '', perObject: {} }],
    ['ioc=Look up IOC;asset=Look up asset', { perObject: { ioc: 'Look up IOC', asset: 'Look up asset' } }],
    ['ioc = Look ', { perObject: { ioc: 'Look' } }],
    [' ioc=  Look up  ; Other ', { all: 'Other', perObject: { ioc: 'Look up' } }],
    ['ioc=Look;', { perObject: { ioc: 'Look' } }],
    // Only a known object before "=" at the start of a part makes a per-object label.
    ['Look up ioc=this', { all: 'Look up ioc=this', perObject: {} }],
    ['alert=Look', { all: 'alert=Look', perObject: {} }],
    ['ioc=Line\u2028break', { perObject: { ioc: 'Line\u2028break' } }],
  ];
  for (const [value, expected] of cases) {
    it(`parses ${JSON.stringify(value)}`, () => assert.deepEqual(parseMenuNames(value), expected));
  }
});

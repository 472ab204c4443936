// Property-based tests of every answer the generator takes (issue 6, "Inputs").
//
// Answers accepted must give a project that works: every .py file compiles on
// Python 3.9 and 3.11, pyproject.toml parses and holds the text exactly (for
// smol-toml, tomllib and setuptools' core metadata), the README renders the
// text literally, no generated file is git-ignored, and the module loads, passes
// IRIS's health check and registers as IRIS does. Answers refused must stop the
// run with a message naming the value, before anything is written.
//
// The generator runs in this process (yeoman-test); the Python checks run once
// per interpreter over every generated project. The seed is printed: fixed in
// `npm test`, random in `npm run test:property`, which also runs more cases.
// Replay a run with FC_SEED=<seed> (and FC_RUNS=<runs> for the same cases), or
// one counterexample with FC_SEED and FC_PATH.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { marked } from 'marked';
import { parse as parseToml } from 'smol-toml';
import helpers from 'yeoman-test';
import { hookObjects } from '../../generators/lib/hooks.js';
import { pythonStdlibModules } from '../../generators/lib/python-stdlib.js';
import { generatorPath } from '../support/paths.js';
import { python311, python39 } from '../support/python.js';
import { ensurePythonTools } from '../support/python-tools.js';
import { ruffCheck } from '../support/ruff.js';
import {
  acceptsKeyword,
  acceptsModuleName,
  acceptsPackageName,
  acceptsSingleLine,
  acceptsVersion,
  authorRule,
  codePoints,
  descriptionRule,
  emailArb,
  fileTypesArb,
  freeText,
  githubUserArb,
  hasControl,
  hooksArb,
  irisPackages,
  irisToolPackages,
  keywordArb,
  licenseArb,
  menuLabelArb,
  menuLabelRule,
  menuNamesArb,
  moduleNameArb,
  packageNameArb,
  pipelineArgsArb,
  projectPackages,
  pythonKeywords,
  versionArb,
  type MenuNames,
} from './arbitraries.js';

const here = dirname(fileURLToPath(import.meta.url));
const checkScript = join(here, 'check_projects.py');
const loadScript = join(here, 'load_modules.py');

/**
 * `npm test` runs the same cases every time (a fixed seed), so a pass or a failure
 * does not depend on luck; `npm run test:property` sets FC_SEED=random for new
 * cases at every run. Any counterexample found goes into the unit tables
 * (test/unit/validation.test.ts), which catch it deterministically.
 */
const fixedSeed = 20261201;
const seed =
  process.env.FC_SEED === undefined || process.env.FC_SEED === ''
    ? fixedSeed
    : process.env.FC_SEED === 'random'
      ? (Date.now() ^ (Math.random() * 0x100000000)) | 0
      : Number(process.env.FC_SEED);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED=${process.env.FC_SEED} is not an integer seed or "random"`);
/** Runs of each generator property; the pure ones below are cheap and run ten times as many. */
const runs = Number(process.env.FC_RUNS ?? 120);
const path = process.env.FC_PATH;
/** FC_SHRINK=0 reports the first failure as found, without shrinking it. */
const fcParameters = { seed, numRuns: runs, ...(path !== undefined ? { path } : {}), ...(process.env.FC_SHRINK === '0' ? { endOnFailure: true } : {}) };
const replay = `FC_SEED=${seed} FC_RUNS=${runs}`;

// ---------------------------------------------------------------------------
// Cases

type ModuleType = 'processor' | 'pipeline';

interface ValidCase {
  type: ModuleType;
  moduleName: string;
  /** Undefined: left to the generator to derive from the module name. */
  keyword: string | undefined;
  packageName: string | undefined;
  description: string;
  author: string;
  email: string;
  githubUser: string;
  license: string;
  moduleVersion: string;
  /** List separator used in list answers. */
  separator: string;
  hooks: string[];
  menu: MenuNames;
  pipelineArgs: Array<{ name: string; required: boolean }>;
  fileTypes: string[];
}

const stdlib: ReadonlySet<string> = pythonStdlibModules;

// The naming rules as the README's option table states them, written again here so that
// no expectation comes from generators/lib/naming.ts, the code under test.

/** --keyword's default: the module name's words (split at -, _ and .) in lower case, without a leading iris and a last word module, joined by _. */
function keywordOf(moduleName: string): string {
  const words = moduleName.toLowerCase().split(/[-_.]/).filter((word) => word !== '');
  // "iris" as the first word or as the start of it: iris-misp and irismisp both give misp.
  if (words[0]?.startsWith('iris')) words[0] = words[0].slice('iris'.length);
  if (words.at(-1) === 'module') words.pop();
  return words.filter((word) => word !== '').join('_');
}

/** --package-name's default: the module name in lower case, each - or ., or run of them, as one _. */
function packageNameOf(moduleName: string): string {
  return moduleName
    .toLowerCase()
    .split(/[-.]+/)
    .join('_');
}

/** The keyword in class names and in the default menu label: each _-separated part with a capital first letter, the rest as typed. */
function classPartOf(keyword: string): string {
  return keyword
    .split('_')
    .map((part) => part.slice(0, 1).toUpperCase() + part.slice(1))
    .join('');
}
const separatorArb = fc.constantFrom(',', ', ', ' , ');

/** Module names whose keyword and package the generator derives, and can. */
const derivedNameArb = fc
  .tuple(
    fc.constantFrom('iris-', 'iris_', 'IRIS.', 'iris', 'Iris-'),
    fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '-module', '_module', '.Module'),
  )
  .map(([prefix, words, suffix]) => `${prefix}${words.join('-')}${suffix}`)
  .filter((name) => acceptsKeyword(keywordOf(name)) && acceptsPackageName(packageNameOf(name), stdlib));

type Names = [moduleName: string, keyword: string | undefined, packageName: string | undefined];
const namesArb: fc.Arbitrary<Names> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(moduleNameArb.filter(acceptsModuleName), keywordArb.filter(acceptsKeyword), packageNameArb.filter((name) => acceptsPackageName(name, stdlib))) },
  { weight: 1, arbitrary: derivedNameArb.map((name): Names => [name, undefined, undefined]) },
);

const validCaseArb: fc.Arbitrary<ValidCase> = fc
  .record({
    type: fc.constantFrom<ModuleType>('processor', 'pipeline'),
    names: namesArb,
    description: freeText(descriptionRule.max, false).filter((text) => acceptsSingleLine(text, descriptionRule)),
    author: freeText(authorRule.max, false).filter((text) => acceptsSingleLine(text, authorRule)),
    email: emailArb,
    githubUser: githubUserArb,
    license: licenseArb,
    moduleVersion: versionArb.filter(acceptsVersion),
    separator: separatorArb,
    hooks: hooksArb,
    // Labels are trimmed before their length is checked; a control character anywhere in the answer is refused.
    menu: menuNamesArb(false).filter(
      (menu) => !hasControl(menu.option ?? '') && menu.given.every((label) => acceptsSingleLine(label.trim(), menuLabelRule)),
    ),
    pipelineArgs: pipelineArgsArb,
    fileTypes: fileTypesArb,
  })
  .map(({ names: [moduleName, keyword, packageName], ...rest }) => ({ moduleName, keyword, packageName, ...rest }));

function optionsOf(c: ValidCase): Record<string, string> {
  const options: Record<string, string> = {
    moduleName: c.moduleName,
    type: c.type,
    description: c.description,
    author: c.author,
    email: c.email,
    githubUser: c.githubUser,
    license: c.license,
    moduleVersion: c.moduleVersion,
  };
  if (c.keyword !== undefined) options.keyword = c.keyword;
  if (c.packageName !== undefined) options.packageName = c.packageName;
  if (c.type === 'processor') {
    options.hooks = c.hooks.join(c.separator);
    if (c.menu.option !== undefined) options.manualMenuName = c.menu.option;
  } else {
    options.pipelineArgs = c.pipelineArgs.map((arg) => `${arg.name}:${arg.required ? 'required' : 'optional'}`).join(c.separator);
    options.fileTypes = c.fileTypes.join(c.separator);
  }
  return options;
}

/** What the generated project must hold, derived from the case without the generator's code paths. */
function expectationsOf(c: ValidCase) {
  const keyword = c.keyword ?? keywordOf(c.moduleName);
  const packageName = c.packageName ?? packageNameOf(c.moduleName);
  const manual = c.type === 'processor' ? c.hooks.filter((pair) => pair.endsWith(':manual')).map((pair) => pair.split(':')[0]!) : [];
  const menuLabels = Object.fromEntries(manual.map((object) => [object, c.menu.labelFor(object, `Get ${classPartOf(keyword)} insight`)]));
  return { keyword, packageName, menuLabels };
}

/** JSON with invisible, separator and direction characters escaped too, so that they show. */
const visible = (value: unknown, space?: number): string =>
  JSON.stringify(value, null, space).replace(
    /[\p{C}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200f\u202a-\u202f\u205f-\u2069\u3000\ufeff]/gu,
    // Strings hold no raw line break after JSON.stringify: those are its indentation.
    (char) => (char === '\n' ? char : [...char].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')),
  );

/** How a case is shown in failure messages. */
const show = (c: ValidCase): string => visible({ ...c, menu: c.menu.option }, 1);

// ---------------------------------------------------------------------------
// Reading what was generated

/** Rendered HTML to the text a browser shows (tags dropped, entities decoded). */
function textContent(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (entity, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
      if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
      // Any other entity came from the source unescaped: a browser would not show it as typed.
      if (named[body] === undefined) throw new Error(`the rendered README holds the entity ${entity}, which a browser would not show as typed`);
      return named[body]!;
    });
}

/** Whitespace as a browser shows it: runs collapsed, ends trimmed. */
const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The checks done in Node, right after generation (failures shrink). */
function checkProject(c: ValidCase, dir: string): void {
  const { keyword, packageName, menuLabels } = expectationsOf(c);

  const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
  for (const key of ['moduleName', 'description', 'author', 'email', 'githubUser', 'license', 'moduleVersion'] as const) {
    assert.equal(stored[key], c[key], `.yo-rc.json ${key}`);
  }
  assert.equal(stored.keyword, keyword, '.yo-rc.json keyword');
  assert.equal(stored.packageName, packageName, '.yo-rc.json packageName');
  assert.ok(statSync(join(dir, packageName, '__init__.py')).isFile(), `${packageName}/__init__.py`);

  // pyproject.toml, read by smol-toml (tomllib and setuptools read it later).
  // Through JSON: smol-toml makes inline tables without a prototype.
  const manifest = JSON.parse(JSON.stringify(parseToml(readFileSync(join(dir, 'pyproject.toml'), 'utf8')))) as Record<string, any>;
  assert.equal(manifest.project.name, c.moduleName);
  assert.equal(manifest.project.version, c.moduleVersion);
  assert.equal(manifest.project.description, c.description, 'pyproject.toml description');
  assert.deepEqual(manifest.project.authors, expectedAuthors(c), 'pyproject.toml authors');
  assert.deepEqual(manifest.project.urls, expectedUrls(c), 'pyproject.toml urls');
  assert.equal(manifest.project.license, c.license);

  // README.md, rendered as GitHub would (GFM).
  const html = marked.parse(readFileSync(join(dir, 'README.md'), 'utf8'), { async: false, gfm: true });
  const top = /^<h1>([\s\S]*?)<\/h1>\n<p>([\s\S]*?)<\/p>\n/.exec(html);
  assert.ok(top, `the README starts with a title and a paragraph:\n${html.slice(0, 2000)}`);
  assert.equal(textContent(top[1]!), c.moduleName, 'README title');
  assert.equal(normalize(textContent(top[2]!)), normalize(c.description), 'README description');
  if (c.type === 'processor') {
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!));
    for (const object of hookObjects) {
      const hookRows = rows.filter((cells) => cells.length > 0 && textContent(cells[0]!) === `on_manual_trigger_${object}`);
      if (menuLabels[object] === undefined) {
        assert.equal(hookRows.length, 0, `README row of on_manual_trigger_${object}`);
        continue;
      }
      assert.equal(hookRows.length, 1, `one README row for on_manual_trigger_${object}`);
      const cells = hookRows[0]!;
      assert.equal(cells.length, 3, `README hook table row: ${JSON.stringify(cells)}`);
      const expected = `: menu entry "${normalize(menuLabels[object]!)}"`;
      const shown = normalize(textContent(cells[2]!));
      assert.ok(shown.includes(expected), `README menu entry of ${object}: ${JSON.stringify(shown)} should hold ${JSON.stringify(expected)}`);
    }
  }

  // Python line length, as the generated project's own ruff checks it. Real ruff is slow
  // to start per file, so it runs only where a line could be too long: more than 100
  // columns, counting each non-ASCII character as two (the most any takes), and more than
  // one word (ruff lets a line of one word run long).
  const mayBeTooLong = (line: string): boolean =>
    [...line].reduce((width, char) => width + (char.codePointAt(0)! < 0x80 ? 1 : 2), 0) > 100 && line.trim().split(/[\s\u0085]+/u).length > 1;
  if (filesUnder(dir).some((file) => file.endsWith('.py') && readFileSync(file, 'utf8').split('\n').some(mayBeTooLong))) {
    const tooLong = ruffCheck(dir).filter((finding) => finding.code === 'E501');
    assert.deepEqual(tooLong, [], 'ruff E501: lines too long');
  }

  // AUTHORS and LICENSE are plain text.
  const authors = readFileSync(join(dir, 'AUTHORS'), 'utf8');
  assert.equal(
    authors.split('\n')[0],
    // A blank author is no author: the file would hold nothing.
    c.author.trim() !== '' || c.email !== '' ? `${c.author}${c.email !== '' ? ` <${c.email}>` : ''}` : `The authors of ${c.moduleName}`,
    'AUTHORS',
  );
  if (c.license === 'MIT' || c.license === 'BSD-3-Clause') {
    const holder = c.author || c.githubUser || `The ${c.moduleName} authors`;
    const license = readFileSync(join(dir, 'LICENSE'), 'utf8');
    // MIT: "Copyright (c) <year> <copyright holders>"; BSD: "Copyright (c) <year> <owner>."
    const line = `${new Date().getFullYear()} ${holder}${c.license === 'MIT' ? '\n' : '.'}`;
    assert.ok(license.includes(line), `LICENSE copyright line names ${JSON.stringify(holder)}:\n${license.split('\n').slice(0, 4).join('\n')}`);
  }
}

function expectedAuthors(c: ValidCase): Array<Record<string, string>> | undefined {
  if (c.author === '' && c.email === '') return undefined;
  return [{ ...(c.author !== '' ? { name: c.author } : {}), ...(c.email !== '' ? { email: c.email } : {}) }];
}

function expectedUrls(c: ValidCase): Record<string, string> | undefined {
  if (c.githubUser === '') return undefined;
  const home = `https://github.com/${c.githubUser}/${c.moduleName}`;
  return { Homepage: home, Issues: `${home}/issues` };
}

// ---------------------------------------------------------------------------
// Running Python once over every project

interface Generated {
  id: number;
  dir: string;
  package: string;
  case: ValidCase;
}

function runPython(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number; records: any[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: tmpdir(), env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const records: any[] = [];
      for (const line of stdout.split('\n')) {
        if (line.trim() === '') continue;
        try {
          records.push(JSON.parse(line));
        } catch {
          return reject(new Error(`${command} ${args.join(' ')} printed a line that is not JSON: ${line}\n${stderr.slice(-4000)}`));
        }
      }
      const done = records.at(-1)?.done === true;
      if (status !== 0 || !done) return reject(new Error(`${command} ${args.join(' ')} exited ${status} before the end:\n${stderr.slice(-4000)}`));
      resolve({ status: status ?? -1, records: records.slice(0, -1), stderr });
    });
  });
}

function gitIgnored(root: string, files: string[]): Promise<string[]> {
  execFileSync('git', ['init', '-q', root]);
  return new Promise((resolve, reject) => {
    // Only the generated .gitignore files count: no system, global or user excludes.
    const child = spawn('git', ['-C', root, '-c', 'core.excludesFile=/dev/null', 'check-ignore', '--no-index', '--stdin', '-z'], {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // Exit 1: nothing ignored.
    child.on('close', (status) => (status === 0 || status === 1 ? resolve(stdout.split('\0').filter((line) => line !== '')) : reject(new Error(`git check-ignore: ${stderr}`))));
    child.stdin.end(files.map((file) => relative(root, file)).join('\0') + '\0');
  });
}

/** Failures listed with what is needed to find and replay them. */
function report(failures: Array<{ project: Generated; problem: string }>): string {
  return (
    `${failures.length} project(s) failed (${replay}):\n` +
    failures
      .slice(0, 8)
      .map(({ project, problem }) => `- ${project.dir}\n  ${problem}\n  answers: ${show(project.case)}`)
      .join('\n')
  );
}

// ---------------------------------------------------------------------------
// Refused answers

interface RefusedCase {
  base: ValidCase;
  /** Option key, camelCase as yeoman parses it. */
  option: string;
  value: string;
  /** The message must quote the whole value (not just the faulty item of a list). */
  whole: boolean;
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const withControl = (max: number) =>
  fc
    .tuple(freeText(max, false), fc.constantFrom('\n', '\r\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u000b'), fc.nat())
    .map(([text, control, at]) => {
      const points = [...text];
      points.splice(at % (points.length + 1), 0, control);
      return points.join('');
    });
const tooLong = (max: number) =>
  fc
    .tuple(freeText(max, false), fc.integer({ min: 1, max: 50 }), fc.constantFrom('x', 'é', '🦊', ' ', '"', 'ab '))
    .map(([text, extra, pad]) => {
      const points = [...text];
      while (points.length < max + extra) points.push(...pad);
      return points.join('');
    });
const blank = fc.constantFrom('', ' ', '   ', '\u00a0', '\u3000 ', '\ufeff');

const refusedValues = (type: ModuleType): Array<[option: string, values: fc.Arbitrary<string>, whole: boolean]> => [
  ['moduleName', fc.oneof(freeText(20).filter((name) => !acceptsModuleName(name)), fc.constantFrom('', '-x', 'x-', '.x', 'x_', 'x y', 'é', 'iris/x', '../x', 'x'.repeat(101))), true],
  ['keyword', fc.oneof(freeText(20).filter((name) => !acceptsKeyword(name)), fc.constantFrom('', '1x', '_x', 'a-b', 'a b', 'é', 'x'.repeat(31))), true],
  [
    'packageName',
    fc.oneof(
      fc.constantFrom(...pythonKeywords, '_', ...irisPackages, ...irisPackages.map((name) => name.toUpperCase()), ...irisToolPackages, ...projectPackages, 'Build', 'PIP', 'Wheel'),
      fc.constantFrom(...stdlib),
      fc.constantFrom('', '1x', 'a-b', 'a.b', 'é', 'x'.repeat(41), `_${'a'.repeat(40)}`),
      freeText(20).filter((name) => !acceptsPackageName(name, stdlib)),
    ),
    true,
  ],
  ['description', fc.oneof(withControl(descriptionRule.max), tooLong(descriptionRule.max), blank), true],
  ['author', fc.oneof(withControl(authorRule.max), tooLong(authorRule.max)), true],
  [
    'email',
    fc.oneof(
      fc.constantFrom('no-at', 'a@', '@b.org', 'a b@c.org', 'a@b', 'a@-b.org', 'a@b-.org', 'a@b..org', 'a"b@c.org', 'a@@b.org', 'a@b_c.org', ' a@b.org', 'a@b.org '),
      // not a dot-atom, or not ASCII: Python's email package refuses them in the wheel's metadata
      fc.constantFrom('.a@b.org', 'a.@b.org', 'a..b@c.org', 'zoë@example.org', 'Ñandú@example.org', '中文@example.org', 'a@exämple.org'),
      fc.constantFrom('\n', '\u0000', '\u001b', '\u007f', '\u0085', '\u202e', '\u200f', '\u200b', '\ufeff', '\u2066').map((hidden) => `zo${hidden}e@example.org`),
      fc.constant(`${'a'.repeat(250)}@b.org`),
    ),
    true,
  ],
  ['githubUser', fc.constantFrom('-a', 'a-', 'a--b', 'a_b', 'a.b', 'é', 'x'.repeat(40), ' a', 'a b', 'a\n'), true],
  ['license', fc.oneof(fc.constantFrom('', 'mit', 'MIT ', 'GPL-3.0', 'Apache', 'WTFPL', 'Unlicense'), freeText(10)), true],
  [
    'moduleVersion',
    fc.oneof(
      fc.constantFrom('', '1', '1.0', '01.0.0', '1.01.0', 'v1.0.0', '1.0.0-', '1.0.0+', '1.0.0-01', '1.0.0-a..b', ' 1.0.0', '1.0.0 ', '1.0.0-é', '1.0.0\n'),
      // semantic versions that pip refuses
      fc.constantFrom('1.0.0-foo', '1.0.0-0.3.7', '1.0.0-alpha.beta', '1.0.0+-', '1.0.0-rc.1.2', '1.0.0-x.7.z.92'),
      versionArb.filter((version) => !acceptsVersion(version)),
    ),
    true,
  ],
  ['type', fc.constantFrom('', 'Processor', 'pipe', 'processor ', 'both'), true],
  ...(type === 'processor'
    ? ([
        ['hooks', fc.constantFrom('', ',', 'ioc', 'ioc:', ':create', 'ioc:create,ioc:create', 'case:preload-update', 'alert:create', 'IOC:create', 'ioc:Create', 'ioc:create;ioc:update'), false],
        [
          'manualMenuName',
          fc.oneof(
            withControl(menuLabelRule.max).map((label) => label.replace(/;/g, ',')),
            // labels are trimmed before their length is checked
            tooLong(menuLabelRule.max).map((label) => label.replace(/;/g, ',')).filter((label) => codePoints(label.trim()) > menuLabelRule.max),
            fc.constantFrom(' ', 'ioc=', 'ioc= ;Label', 'asset=x;ioc=\t', 'Look it up; then scan it', 'ioc=a;ioc=b', 'a;ioc=b; c'),
            // a label with ";" in it is two labels, and the second would replace the first
            fc.tuple(menuLabelArb(false), menuLabelArb(false)).filter(([a, b]) => a.trim() !== '' && b.trim() !== '').map(([a, b]) => `${a};${b}`),
            fc
              .tuple(fc.constantFrom(...hookObjects), tooLong(menuLabelRule.max).filter((label) => codePoints(label.trim()) > menuLabelRule.max))
              .map(([object, label]) => `${object}=${label.replace(/;/g, ',')}`),
          ),
          false,
        ],
      ] as Array<[string, fc.Arbitrary<string>, boolean]>)
    : ([
        ['pipelineArgs', fc.constantFrom('', 'a', 'a:maybe', 'a:required,a:optional', 'class:required', '__x:optional', '1a:optional', 'a b:optional', 'a:required:x', 'é:optional'), false],
        ['fileTypes', fc.constantFrom('exe file', '..evtx', '.e vtx', '*', '.', '.a.', '.é', '.a/b', '.evtx;.json'), false],
      ] as Array<[string, fc.Arbitrary<string>, boolean]>)),
];

const refusedCaseArb: fc.Arbitrary<RefusedCase> = validCaseArb.chain((base) =>
  fc.oneof(...refusedValues(base.type).map(([option, values, whole]) => values.map((value) => ({ base, option, value, whole })))),
);

/** JSON string literals in a message, decoded. */
function quotedIn(message: string): string[] {
  return [...message.matchAll(/"(?:[^"\\]|\\.)*"/g)].flatMap((match) => {
    try {
      return [JSON.parse(match[0]) as string];
    } catch {
      return [];
    }
  });
}

/** Whether a refusal message names the value: quotes it whole, or its start (long text), or the faulty item (lists), or says it is empty. */
function namesValue(message: string, value: string, whole: boolean): boolean {
  if (/\bis empty\b|^.*\bNo (hook|pipeline argument)\b/.test(message) && (value.trim() === '' || !whole)) return true;
  return quotedIn(message).some((quoted) => {
    if (quoted === value) return true;
    if (quoted.endsWith('…') && codePoints(quoted) > 10 && value.startsWith(quoted.slice(0, -1))) return true;
    return !whole && quoted !== '' && value.includes(quoted);
  });
}

// ---------------------------------------------------------------------------

describe('inputs (property-based)', function () {
  const root = mkdtempSync(join(tmpdir(), 'iris-property-'));
  const projects: Generated[] = [];
  let failed = false;

  before(() => {
    console.log(`      fast-check seed ${seed} (${seed === fixedSeed ? 'fixed' : 'given or random'}), ${runs} runs per generator property; replay: ${replay}${path ? ` FC_PATH=${path}` : ''}; projects in ${root}`);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(() => {
    if (failed) console.log(`      generated projects kept in ${root} (${replay})`);
    else rmSync(root, { recursive: true, force: true });
  });

  it('accepted answers generate a project that holds them exactly (Node-side checks)', async function () {
    this.timeout(Math.max(120_000, runs * 3_000));
    let count = 0;
    await fc.assert(
      fc.asyncProperty(validCaseArb, async (c) => {
        const id = count++;
        const parent = join(root, `case-${id}`);
        mkdirSync(parent);
        await helpers.run(generatorPath('app')).cd(parent).withArguments([c.moduleName]).withOptions({ yes: true, ...optionsOf(c) } as never);
        const dir = join(parent, c.moduleName);
        projects.push({ id, dir, package: expectationsOf(c).packageName, case: c });
        try {
          checkProject(c, dir);
        } catch (error) {
          throw new Error(`${(error as Error).message}\n  in ${dir}\n  answers: ${show(c)}`, { cause: error });
        }
      }),
      fcParameters,
    );
  });

  describe('the generated projects, checked by Python in one process per interpreter', () => {
    let manifestPath = '';
    let results: Record<string, Promise<Awaited<ReturnType<typeof runPython>>>> = {};
    let ignored: Promise<string[]>;
    const byId = (id: number): Generated => projects.find((project) => project.id === id)!;

    /** Runs `check` on every project's record, then fails once, listing every project that failed. */
    const checkEach = <R extends { id: number }>(records: R[], check: (record: R, project: Generated) => void): void => {
      assert.equal(records.length, projects.length);
      const failures: Array<{ project: Generated; problem: string }> = [];
      for (const record of records) {
        const project = byId(record.id);
        try {
          check(record, project);
        } catch (error) {
          failures.push({ project, problem: (error as Error).message });
        }
      }
      assert.equal(failures.length, 0, report(failures));
    };

    before(function () {
      assert.ok(projects.length > 0, 'no project was generated');
      manifestPath = join(root, 'manifest.json');
      writeFileSync(manifestPath, JSON.stringify(projects.map(({ id, dir, package: pkg }) => ({ id, dir, package: pkg }))));
      // All at once: the machine has more than one core and each process is mostly start-up and I/O.
      results = {
        compile39: runPython(python39(), ['-W', 'error', checkScript, 'compile', manifestPath]),
        compile311: runPython(python311(), ['-W', 'error', checkScript, 'compile', manifestPath]),
        toml: runPython(python311(), [checkScript, 'toml', manifestPath]),
        metadata: runPython(ensurePythonTools().python, [checkScript, 'metadata', manifestPath]),
        // load_like_iris.py puts the IRIS stubs and the iris_interface in use (IRIS_INTERFACE_PATH) on sys.path.
        load: runPython(python39(), [loadScript, manifestPath], { PYTHONPATH: '' }),
      };
      ignored = gitIgnored(root, projects.flatMap((project) => filesUnder(project.dir)));
      // Each test awaits its own result; keep the others from being reported as unhandled.
      for (const promise of [...Object.values(results), ignored]) promise.catch(() => undefined);
    });

    for (const [label, key] of [['Python 3.9', 'compile39'], ['Python 3.11', 'compile311']] as const) {
      it(`every .py file compiles on ${label}, warnings as errors`, async function () {
        this.timeout(Math.max(300_000, runs * 1_000));
        const { records } = await results[key]!;
        const failures = records.map((record) => ({ project: byId(record.id), problem: `${record.file}: ${record.error}` }));
        assert.equal(failures.length, 0, report(failures));
      });
    }

    it('pyproject.toml parses with tomllib and holds the answers exactly', async function () {
      this.timeout(Math.max(300_000, runs * 1_000));
      const { records } = await results.toml!;
      checkEach(records, (record, project) => {
        const c = project.case;
        assert.equal(record.error, undefined);
        assert.equal(record.project.description, c.description, 'description');
        assert.deepEqual(record.project.authors, expectedAuthors(c), 'authors');
        assert.deepEqual(record.project.urls, expectedUrls(c), 'urls');
        assert.equal(record.project.version, c.moduleVersion, 'version');
      });
    });

    it('setuptools reads pyproject.toml and writes the answers into the core metadata exactly', async function () {
      this.timeout(Math.max(300_000, runs * 1_000));
      const { records } = await results.metadata!;
      checkEach(records, (record, project) => {
        const c = project.case;
        assert.equal(record.error, undefined);
        // Core metadata is e-mail headers: a value cannot begin with a space, and an
        // address's display name keeps spaces at its ends only when quoted. The rest must be exact.
        // and, unquoted, its runs of spaces folded into one.
        const spaceTrimmed = (text: string): string => text.replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
        assert.equal(record.summary, c.description.replace(/^[ \t]+/, ''), 'Summary');
        assert.equal(record.license_expression, c.license, 'License-Expression');
        if (c.email !== '') {
          const addresses = (record.author_addresses as Array<[string, string]>).map(([name, address]) => [spaceTrimmed(name), address]);
          assert.deepEqual(addresses, [[spaceTrimmed(c.author), c.email]], `Author-email ${JSON.stringify(record.author_email)}`);
        } else {
          assert.equal(record.author ?? '', c.author.replace(/^[ \t]+/, ''), 'Author');
        }
      });
    });

    it('every module loads as IRIS loads it, passes the health check and registers with its answers', async function () {
      this.timeout(Math.max(300_000, runs * 1_000));
      const { records } = await results.load!;
      checkEach(records, (record, project) => {
        const c = project.case;
        assert.equal(record.error, undefined, record.traceback);
        const loaded = record.report;
        assert.ok(loaded.loaded && loaded.healthy && loaded.registered === true, `${loaded.message} ${JSON.stringify(loaded.health_logs)} ${loaded.traceback ?? ''}`);
        assert.equal(record.description, c.description, 'module description');
        assert.equal(record.module_version, c.moduleVersion, 'module version');
        if (c.type === 'processor') {
          const { menuLabels } = expectationsOf(c);
          const manual = (loaded.registered_hooks as Array<Record<string, any>>).filter((hook) => String(hook.iris_hook_name).startsWith('on_manual_trigger_'));
          assert.deepEqual(
            Object.fromEntries(manual.map((hook) => [String(hook.iris_hook_name).slice('on_manual_trigger_'.length), hook.manual_hook_name])),
            menuLabels,
            'manual hooks registered with their menu names',
          );
          assert.ok(manual.every((hook) => hook.result === 'registered'), JSON.stringify(manual));
        } else {
          assert.deepEqual(loaded.pipeline_info.pipeline_args, c.pipelineArgs.map((arg) => [arg.name, arg.required ? 'required' : 'optional']));
        }
      });
    });

    it("no generated file is ignored by the project's .gitignore (so none is left out of git or removed by make clean)", async function () {
      this.timeout(Math.max(300_000, runs * 1_000));
      const ignoredFiles = await ignored;
      const failures = ignoredFiles.map((file) => ({ project: projects.find((p) => join(root, file).startsWith(p.dir + '/'))!, problem: `${file} is git-ignored` }));
      assert.equal(failures.length, 0, report(failures));
    });
  });

  it('refused answers stop the run with a message naming the value, before anything is written', async function () {
    this.timeout(Math.max(120_000, runs * 2_000));
    let count = 0;
    await fc.assert(
      fc.asyncProperty(refusedCaseArb, async ({ base, option, value, whole }) => {
        const parent = join(root, `refused-${count++}`);
        mkdirSync(parent);
        const options = { ...optionsOf(base), [option]: value };
        let message = '';
        await assert.rejects(
          helpers.run(generatorPath('app')).cd(parent).withArguments(['target']).withOptions({ yes: true, ...options } as never),
          (error: Error) => ((message = error.message), true),
          `--${kebab(option)} ${JSON.stringify(value)} was accepted`,
        );
        assert.ok(message.includes(`--${kebab(option)}`), `the message names the option --${kebab(option)}: ${message}`);
        assert.ok(namesValue(message, value, whole), `the message names the value ${JSON.stringify(value)}: ${message}`);
        assert.deepEqual(readdirSync(parent), [], 'nothing is written');
      }),
      fcParameters,
    );
  });

  it('module names whose derived keyword or package name would be refused stop the run and name the option to pass', async function () {
    this.timeout(Math.max(60_000, runs * 1_000));
    let count = 0;
    const derivedRefused = moduleNameArb.filter(
      (name) => acceptsModuleName(name) && (!acceptsKeyword(keywordOf(name)) || !acceptsPackageName(packageNameOf(name), stdlib)),
    );
    await fc.assert(
      fc.asyncProperty(validCaseArb, derivedRefused, async (base, moduleName) => {
        const parent = join(root, `derived-${count++}`);
        mkdirSync(parent);
        const options: Record<string, string> = { ...optionsOf(base), moduleName };
        delete options.keyword;
        delete options.packageName;
        let message = '';
        await assert.rejects(
          helpers.run(generatorPath('app')).cd(parent).withArguments(['target']).withOptions({ yes: true, ...options } as never),
          (error: Error) => ((message = error.message), true),
          `module name ${JSON.stringify(moduleName)} was accepted without --keyword and --package-name`,
        );
        const [option, derived] = acceptsKeyword(keywordOf(moduleName))
          ? ['--package-name', packageNameOf(moduleName)]
          : ['--keyword', keywordOf(moduleName)];
        assert.ok(message.includes(option), `the message names ${option}: ${message}`);
        assert.ok(quotedIn(message).includes(derived) || (derived === '' && /is empty/.test(message)), `the message names ${JSON.stringify(derived)}: ${message}`);
        assert.deepEqual(readdirSync(parent), [], 'nothing is written');
      }),
      { ...fcParameters, numRuns: Math.ceil(runs / 4) },
    );
  });

  it('escapers: any accepted one-line text survives TOML, Markdown and Python literals exactly, within the line length', async function () {
    this.timeout(Math.max(120_000, runs * 500));
    // Imported here: another change may move them; the generator-level checks above are the contract.
    const { markdownText, pythonString, pythonWrapped, tomlString } = await import('../../generators/lib/escape.js');
    const texts: string[] = [];
    fc.assert(
      fc.property(freeText(descriptionRule.max, false).filter((text) => acceptsSingleLine(text, descriptionRule)), (text) => {
        texts.push(text);
        const toml = parseToml(`value = ${tomlString(text)}\n`) as { value: string };
        assert.equal(toml.value, text, 'TOML');
        const html = marked.parse(`# Title\n\n${markdownText(text)}\n`, { async: false, gfm: true });
        const paragraph = /^<h1>Title<\/h1>\n<p>([\s\S]*?)<\/p>\n$/.exec(html);
        assert.ok(paragraph, `one paragraph: ${html}`);
        assert.equal(normalize(textContent(paragraph[1]!)), normalize(text), 'Markdown paragraph');
        const table = marked.parse(`| a | b |\n| --- | --- |\n| x | ${markdownText(text)} |\n`, { async: false, gfm: true });
        const cells = [...table.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!);
        assert.equal(cells.length, 2, `two cells: ${table}`);
        assert.equal(normalize(textContent(cells[1]!)), normalize(text), 'Markdown table cell');
      }),
      { ...fcParameters, numRuns: runs * 10 },
    );

    // Python: every text as a plain literal, and wrapped where the templates wrap
    // (column, indentation), in one file that 3.9 and 3.11 compile and evaluate.
    const places: Array<[column: number, indent: number]> = [[21, 0], [13, 8], [28, 8], [41, 4]];
    const lines = ['import json', 'import sys', '', 'PLAIN = []', 'WRAPPED = []'];
    const wrappedAt: Array<[first: number, last: number]> = [];
    texts.forEach((text, index) => {
      const [column, indent] = places[index % places.length]!;
      const pad = ' '.repeat(indent);
      for (let level = 0; level < indent; level += 4) lines.push(`${' '.repeat(level)}if True:`);
      const first = lines.length + 1;
      lines.push(...`${pad}${'_'.repeat(column - indent - 3)} = ${pythonWrapped(text, column, indent)}`.split('\n'));
      wrappedAt.push([first, lines.length]);
      lines.push(`${pad}WRAPPED.append(${'_'.repeat(column - indent - 3)})`, `PLAIN.append(${pythonString(text)})  # noqa: E501`);
    });
    lines.push('sys.stdout.write(json.dumps({"plain": PLAIN, "wrapped": WRAPPED}) + "\\n")', 'sys.stdout.write(json.dumps({"done": True}) + "\\n")', '');
    const file = join(root, 'literals.py');
    writeFileSync(file, lines.join('\n'));
    for (const python of [python39(), python311()]) {
      const { records } = await runPython(python, ['-W', 'error', file]);
      const { plain, wrapped } = records[0] as { plain: string[]; wrapped: string[] };
      assert.deepEqual(texts.filter((text, index) => plain[index] !== text).map((text) => visible(text)), [], `${python}: plain literals that are not their text (${replay})`);
      assert.deepEqual(texts.filter((text, index) => wrapped[index] !== text).map((text) => visible(text)), [], `${python}: wrapped literals that are not their text (${replay})`);
    }
    // Real ruff, as the generated pyproject.toml sets it: no wrapped literal makes a line too long.
    const workspace = new Workspace({ 'line-length': 100, 'target-version': 'py39', lint: { select: ['E501'] } }, PositionEncoding.Utf16);
    try {
      const findings = (workspace.check(lines.join('\n')) as Array<{ message: string; start_location: { row: number } }>).map(({ message, start_location: { row } }) => {
        const index = wrappedAt.findIndex(([first, last]) => row >= first && row <= last);
        return `${message}: ${index < 0 ? 'not a wrapped literal' : visible(texts[index])} at (column, indent) ${JSON.stringify(places[index % places.length])}\n${lines[row - 1]}`;
      });
      assert.deepEqual(findings, [], `ruff E501 in ${file} (${replay})`);
    } finally {
      workspace.free();
    }
  });
});

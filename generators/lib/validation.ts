// Validators shared by prompts and CLI options: each returns `true` or a
// message that names the value and says what is accepted.
import { isLicenseId, licenseIds } from './licenses.js';
import { hookObjects, type HookObject } from './hooks.js';
import { iocFamilyNames, isIocFamily } from './ioc-families.js';
import { irisToolPackageNames, moduleTypes, reservedPackageNames } from './iris.js';
import { pythonStdlibModules } from './python-stdlib.js';

export type Validation = true | string;
export type Validator = (value: string) => Validation;

/** Python's hard keywords (3.9 to 3.13). */
const pythonKeywords: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
  'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
  'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
  'try', 'while', 'with', 'yield',
]);

const show = (value: string): string => JSON.stringify(value);
/** The first 40 characters of a value too long to show, quoted, and an ellipsis. */
const showStart = (value: string): string => JSON.stringify(`${[...value].slice(0, 40).join('')}…`);

/**
 * Name lengths that keep every generated line within ruff's 100 columns: the
 * longest is `from <package>.<keyword>_handler import (`.
 */
export const maxKeywordLength = 30;
export const maxPackageNameLength = 40;

/** PEP 508 project name, as pip accepts it. */
export function validateModuleName(value: string): Validation {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(value) || value.length > 100) {
    return (
      `Module name ${show(value)} is not a valid pip distribution name: use letters, digits, ` +
      "'-', '_' and '.', starting and ending with a letter or digit (for example iris-threatfox-module)."
    );
  }
  return true;
}

/** Keyword: the part of class, file and parameter names that identifies the module. */
export function validateKeyword(value: string): Validation {
  if (value === '') {
    return 'The keyword is empty: give one with letters, digits and "_", starting with a letter (for example threatfox).';
  }
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value) || value.length > maxKeywordLength) {
    return (
      `Keyword ${show(value)} cannot be used in Python class and file names: ` +
      `use up to ${maxKeywordLength} ASCII letters, digits and "_", starting with a letter (for example threatfox or TFX).`
    );
  }
  return true;
}

/** Import package: the name an admin types into IRIS. */
export function validatePackageName(value: string): Validation {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) {
    return (
      `Package name ${show(value)} is not a Python identifier: IRIS imports it by name, so use ` +
      'ASCII letters, digits and "_", not starting with a digit (for example iris_threatfox_module).'
    );
  }
  if (value.length > maxPackageNameLength) {
    return `Package name ${show(value)} is ${value.length} characters long: keep it to ${maxPackageNameLength} at most, so that generated imports fit on a line (for example iris_threatfox_module).`;
  }
  if (pythonKeywords.has(value) || value === '_') {
    return `Package name ${show(value)} is a Python keyword: choose another name (for example iris_${value.toLowerCase()}_module).`;
  }
  if (reservedPackageNames.has(value.toLowerCase())) {
    return `Package name ${show(value)} would shadow a package IRIS itself imports: choose another name (for example iris_${value.toLowerCase()}_module).`;
  }
  if (irisToolPackageNames.has(value.toLowerCase())) {
    return `Package name ${show(value)} is a packaging tool installed in IRIS's Python, which installing the module would overwrite: choose another name (for example iris_${value.toLowerCase()}_module).`;
  }
  if (pythonStdlibModules.has(value)) {
    return `Package name ${show(value)} would shadow the Python standard library module of that name: choose another name (for example iris_${value.toLowerCase()}_module).`;
  }
  const clash = projectNames.get(value.toLowerCase());
  if (clash !== undefined) {
    return `Package name ${show(value)} is ${clash}: choose another name (for example iris_${value.toLowerCase().replace(/^_+|_+$/g, '')}_module).`;
  }
  return true;
}

const buildOutput = 'a folder the generated .gitignore hides and `make clean` deletes, with the package in it';
const rootTool = 'a tool the generated Makefile and CI run with `python -m` from the project root, where the package would replace it';
const testImport = "imported by the project's own tests, which run from its root, where the package would replace it";

/** Names the generated project itself gives a meaning to, and why a package cannot take them. */
const projectNames: ReadonlyMap<string, string> = new Map([
  ['build', buildOutput],
  ['dist', buildOutput],
  ['__pycache__', buildOutput],
  ['__main__', "the name of the running program's module: IRIS would import that instead of the package"],
  ['sitecustomize', 'a module Python imports at every start once it is installed: the package would replace it'],
  ['usercustomize', 'a module Python imports at every start once it is installed: the package would replace it'],
  ['iris_harness', "the package of IRIS stand-ins in the project's tests/ folder"],
  ['conftest', "pytest's configuration module of the project's tests/ folder"],
  ['pip', rootTool],
  ['pytest', rootTool],
  ['ruff', rootTool],
  ['_pytest', testImport],
  ['pluggy', testImport],
  ['iniconfig', testImport],
  ['exceptiongroup', testImport],
  ['tomli', testImport],
  ['markupsafe', testImport],
]);

/** Semantic version, as in semver.org 2.0.0. */
export function validateVersion(value: string): Validation {
  const semver =
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
  if (!semver.test(value)) {
    return `Version ${show(value)} is not a semantic version: use MAJOR.MINOR.PATCH (for example 0.1.0 or 1.0.0-rc.1).`;
  }
  // pyproject.toml holds it as is, and pip builds nothing whose version PEP 440 refuses.
  if (!pep440.test(value)) {
    return (
      `Version ${show(value)} is a semantic version that pip does not accept (PEP 440): after MAJOR.MINOR.PATCH, ` +
      'use a pre-release such as -alpha.1, -beta.2, -rc.1 or -dev.3, and build metadata of letters and digits (for example 1.0.0-rc.1 or 1.0.0+build.5).'
    );
  }
  return true;
}

/**
 * PEP 440 versions, in any spelling pip accepts, as far as a semantic version can
 * reach them (checked first): no epoch, no leading "v", and a pre-release after "-".
 */
const pep440 =
  /^[0-9]+(?:\.[0-9]+)*(?:-(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;

/** An email address of the usual form, or nothing. */
export function validateEmail(value: string): Validation {
  if (value === '') return true;
  // The name is an RFC 5322 dot-atom in ASCII: setuptools writes the address into
  // the wheel's metadata with Python's email package, which refuses anything else.
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value) || value.length > 254) {
    return (
      `Email ${show(value)} is not a valid address: use the form name@example.org, with ASCII letters, digits, ` +
      "dots between them and !#$%&'*+/=?^_`{|}~- before the @, or leave it empty."
    );
  }
  return true;
}

/** A GitHub user or organisation name, or nothing. */
export function validateGithubUser(value: string): Validation {
  if (value === '') return true;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(value)) {
    return `GitHub user ${show(value)} is not a valid GitHub name: use up to 39 letters, digits and single dashes, not starting or ending with a dash, or leave it empty.`;
  }
  return true;
}

export function validateLicense(value: string): Validation {
  if (!isLicenseId(value)) {
    return `License ${show(value)} is not one the generator knows: use one of ${licenseIds.join(', ')}.`;
  }
  return true;
}

export function validateType(value: string): Validation {
  if (!(moduleTypes as readonly string[]).includes(value)) {
    return `Module type ${show(value)} is unknown: use one of ${moduleTypes.join(', ')}.`;
  }
  return true;
}

/** A line break, another C0 control character or DEL: what one-line answers refuse. */
// eslint-disable-next-line no-control-regex
const hasControlCharacter = (value: string): boolean => /[\u0000-\u001f\u007f]/.test(value);

/** One line of free text: no line breaks or control characters, at most `max` characters. */
export function singleLine(label: string, { required, max }: { required: boolean; max: number }): Validator {
  return (value) => {
    if (required && value.trim() === '') return `The ${label} is empty: write one line of text.`;
    if (hasControlCharacter(value)) {
      return `The ${label} ${show(value)} holds a line break or control character: write it on one line.`;
    }
    if ([...value].length > max) {
      return `The ${label} ${showStart(value)} is ${[...value].length} characters long: keep it to ${max} at most.`;
    }
    return true;
  };
}

export const validateDescription = singleLine('description', { required: true, max: 500 });
export const validateAuthor = singleLine('author', { required: false, max: 200 });

/** Splits a comma-separated list answer, dropping blanks. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function validateHooks(value: string, validPairs: readonly string[]): Validation {
  const pairs = splitList(value);
  if (pairs.length === 0) {
    return `No hook chosen: give at least one object:trigger pair, from ${validPairs.join(', ')}.`;
  }
  const unknown = pairs.filter((pair) => !validPairs.includes(pair));
  if (unknown.length > 0) {
    return `Unknown hook ${unknown.map(show).join(', ')}: IRIS has no such hook. Valid object:trigger pairs are ${validPairs.join(', ')}.`;
  }
  const duplicates = pairs.filter((pair, index) => pairs.indexOf(pair) !== index);
  if (duplicates.length > 0) return `Hook ${show(duplicates[0]!)} is given twice: list each object:trigger pair once.`;
  return true;
}

/** `name:required,other:optional`: pipeline arguments, which IRIS puts into HTML ids and form fields. */
export function validatePipelineArgs(value: string): Validation {
  const items = splitList(value);
  if (items.length === 0) {
    return 'No pipeline argument given: IRIS needs at least one, as name:required or name:optional (for example tag:optional).';
  }
  const names: string[] = [];
  for (const item of items) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*):(required|optional)$/.exec(item);
    if (!match) {
      return `Pipeline argument ${show(item)} is not name:required or name:optional with a Python identifier as name (for example index:required).`;
    }
    if (pythonKeywords.has(match[1]!) || match[1]!.startsWith('__')) {
      return `Pipeline argument ${show(match[1]!)} cannot be used: the module receives arguments as Python attributes, so keywords and names starting with "__" are refused.`;
    }
    if (names.includes(match[1]!)) return `Pipeline argument ${show(match[1]!)} is given twice: name each argument once.`;
    names.push(match[1]!);
  }
  return true;
}

/** `.evtx,.json`: accepted upload extensions; empty means any file. */
export function validateFileTypes(value: string): Validation {
  for (const item of splitList(value)) {
    if (!/^\.?[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*$/.test(item)) {
      return `File type ${show(item)} is not an extension: use forms like .evtx or .tar.gz, separated by commas, or leave it empty for any file.`;
    }
  }
  return true;
}

const validateMenuLabel = singleLine('manual menu name', { required: true, max: 100 });

/**
 * Menu labels of manual triggers: one label for every object, or per object as
 * `ioc=Get IOC insight;asset=Get asset insight` (a plain label sets the rest).
 */
export function parseMenuNames(value: string): { all?: string; perObject: Partial<Record<HookObject, string>> } {
  const result: { all?: string; perObject: Partial<Record<HookObject, string>> } = { perObject: {} };
  for (const part of value.split(';')) {
    // [\s\S], not ".": a label may hold U+2028 or U+2029, which "." does not match.
    const match = /^\s*([a-z_]+)\s*=([\s\S]*)/.exec(part);
    if (match && (hookObjects as readonly string[]).includes(match[1]!)) {
      result.perObject[match[1] as HookObject] = match[2]!.trim();
    } else if (part.trim() !== '' || value.trim() === '') {
      result.all = part.trim();
    }
  }
  return result;
}

export function validateMenuNames(value: string): Validation {
  // Checked before labels are trimmed, so a line break at either end is refused too, as in every other one-line answer.
  if (hasControlCharacter(value)) {
    return `Manual menu name ${show(value)} holds a line break or control character: write it on one line.`;
  }
  // A second label for the same object would silently replace the first.
  const given = new Set<string>();
  for (const part of value.split(';')) {
    const match = /^\s*([a-z_]+)\s*=/.exec(part);
    const object = match && (hookObjects as readonly string[]).includes(match[1]!) ? match[1]! : part.trim() !== '' ? 'every object' : undefined;
    if (object === undefined) continue;
    if (given.has(object)) {
      return (
        `Manual menu name ${show(value)} gives ${object} two labels: ";" separates labels, one per object ` +
        '(for example ioc=Look it up;asset=Scan it), so a single label cannot contain it.'
      );
    }
    given.add(object);
  }
  const parsed = parseMenuNames(value);
  const labels: Array<[string, string | undefined]> = [['every object', parsed.all], ...Object.entries(parsed.perObject)];
  for (const [object, label] of labels) {
    if (label === undefined) continue;
    const verdict = validateMenuLabel(label);
    if (verdict !== true) return `Manual menu name for ${object} ${label === '' ? 'is empty' : JSON.stringify(label)}: ${verdict}`;
  }
  return true;
}

/** `--ioc-types`: IOC families, comma-separated, at least one. */
export function validateIocTypes(value: string): Validation {
  const families = splitList(value);
  const unknown = families.filter((family) => !isIocFamily(family));
  if (unknown.length > 0) {
    return `IOC type ${show(unknown[0]!)} is not an IOC family this generator knows: use ${iocFamilyNames.join(', ')}, comma-separated.`;
  }
  if (families.length === 0) {
    return `Choose at least one IOC family to look up: ${iocFamilyNames.join(', ')}.`;
  }
  return true;
}

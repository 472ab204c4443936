// A module package added to a Python repository this generator did not make:
// its tests must run there without touching the repository's own files.
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type Generator from 'yeoman-generator';
import type { TemplateContext } from './context.js';
import { renderFile, type FileLedger } from './layout.js';
import { manifestAdvice } from './manifest.js';
import { templateFiles } from './template-files.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyGenerator = Generator<any, any>;

/** The harness file that would be `tests/conftest.py` in a generated project. */
const rootConftest = 'tests/conftest.py';

/**
 * Writes the test harness for a package added to a foreign repository.
 *
 * `tests/iris_harness/` is written where it does not exist yet. The conftest,
 * which installs IRIS's stand-ins and the fixtures, goes into the package's own
 * test folder rather than `tests/conftest.py`: that file, if there is one, is the
 * repository's, and the stand-ins must not reach the repository's other tests
 * more than needed. No existing file is written. Returns the written paths.
 */
export function renderForeignHarness(generator: AnyGenerator, harnessDir: string, context: TemplateContext, ledger: FileLedger): string[] {
  const testFolder = `tests/test_${context.names.packageName}`;
  const written: string[] = [];
  for (const file of templateFiles(harnessDir, context.names)) {
    const target = file.target === rootConftest ? posix.join(testFolder, 'conftest.py') : file.target;
    if (existsSync(generator.destinationPath(target))) continue;
    const content = renderFile({ ...file, target }, { ...context, nestedHarness: testFolder });
    if (content === undefined) continue;
    generator.fs.write(generator.destinationPath(target), content);
    ledger.expect(target, content);
    written.push(target);
  }
  return written;
}

/** The message telling the user what to add to the repository's own manifest. */
export function foreignManifestMessage(generator: AnyGenerator, context: TemplateContext): string {
  const pyprojectPath = generator.destinationPath('pyproject.toml');
  const pyproject = existsSync(pyprojectPath) ? readFileSync(pyprojectPath, 'utf8') : undefined;
  const packages = [context.names.packageName, `${context.names.packageName}._runtime`, `${context.names.packageName}.${context.names.handlerPackage}`];
  return [
    'This folder was not made by generator-iris-module: no existing file was changed.',
    `So that the wheel holds the module: ${manifestAdvice(pyproject, existsSync(generator.destinationPath('setup.py')), packages)}`,
    `The module's tests (tests/test_${context.names.packageName}/) need iris-interface==1.2.0, pytest and jinja2 in your test dependencies.`,
  ].join('\n');
}

import { localSettingsFile } from './dev-loop.js';
import { irisCompose, irisContainers } from './iris.js';

/**
 * What to do after generation: test, try the module without IRIS, run it in IRIS, register.
 * @param replayCommand the primary package's `make replay` (or `make replay-pipeline`) example
 * @param packageArgument ` PACKAGE=<name>` in a repository of several packages, where make needs it
 */
export function nextSteps(folder: string, packageNames: readonly string[], replayCommand?: string, packageArgument = ''): string {
  const names = packageNames.map((name) => `    ${name}`).join('\n');
  return [
    '',
    `Your IRIS module is ready in ${folder}`,
    '',
    'Next steps:',
    `  cd ${JSON.stringify(folder)}`,
    "  pip install -e '.[test]' && make test   run the module's own tests",
    ...(replayCommand
      ? [
          `  ${replayCommand}`,
          `                                          one IRIS call on the module, without IRIS (settings: ${localSettingsFile})`,
        ]
      : []),
    `  make dev IRIS_DIR=../iris-web           IRIS (a checkout of iris-web ${irisCompose.tag}) with this project installed;`,
    '                                          make dev-reload after an edit',
    ...(packageArgument
      ? [`  make register${packageArgument}`, "                                          add, configure and enable it through IRIS's REST API"]
      : ["  make register                           add, configure and enable it through IRIS's REST API"]),
    '  make wheel                              build the wheel into dist/',
    `  make deploy                             install it into ${irisContainers.app} and ${irisContainers.worker}`,
    '                                          and restart both (APP=... WORKER=... to rename)',
    '  Or by hand, in IRIS: Advanced > Modules > "+" (Add module), and type exactly:',
    names,
    '  then configure its parameters and enable it. The README has the details.',
    '',
  ].join('\n');
}

/** What to do after adding a package to a repository this generator did not make (no Makefile there). */
export function foreignNextSteps(folder: string, packageName: string): string {
  return [
    '',
    `The IRIS module ${packageName} was added to ${folder}`,
    '',
    'Next steps:',
    `  cd ${JSON.stringify(folder)}`,
    `  python3 -m pytest tests/test_${packageName}     run the module's own tests`,
    '  add the package to your build manifest (see above), then build your wheel as usual',
    `  install the wheel into ${irisContainers.app} and ${irisContainers.worker}, and restart both`,
    '  In IRIS: Advanced > Modules > "+" (Add module), and type exactly:',
    `    ${packageName}`,
    '  then configure its parameters and enable it.',
    '',
  ].join('\n');
}

import { irisContainers } from './iris.js';

/** What to do after generation: build, deploy into IRIS, register, test. */
export function nextSteps(folder: string, packageNames: readonly string[]): string {
  const names = packageNames.map((name) => `    ${name}`).join('\n');
  return [
    '',
    `Your IRIS module is ready in ${folder}`,
    '',
    'Next steps:',
    `  cd ${JSON.stringify(folder)}`,
    "  pip install -e '.[test]' && make test   run the module's own tests",
    '  make wheel                              build the wheel into dist/',
    `  make deploy                             install it into ${irisContainers.app} and ${irisContainers.worker}`,
    '                                          and restart both (APP=... WORKER=... to rename)',
    '  In IRIS: Advanced > Modules > "+" (Add module), and type exactly:',
    names,
    '  then configure its parameters and enable it.',
    '',
  ].join('\n');
}

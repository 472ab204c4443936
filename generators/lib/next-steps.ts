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

// Mutation testing of the pure core (generators/lib) with Stryker: `npm run test:mutation`
// (add `--mutate generators/lib/naming.ts,...` for some files only). Slow, so not part of
// `npm test` or CI. Stryker 10 needs Node 22, which the npm script fetches with npx.
// Its reports land in reports/mutation/ (HTML and JSON).
//
// Unit tests import the mutated TypeScript sources through tsx; scenario tests run the
// compiled generators, so the build runs in Stryker's sandbox, on the instrumented
// sources (Stryker compiles every mutant in and switches them on one at a time; the
// generators run in the test process, where the switch is).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// See that file: lets Stryker's mocha runner load mocha 12.
const mocha12Shim = fileURLToPath(new URL('./test/support/stryker-mocha12.cjs', import.meta.url));
createRequire(import.meta.url)(mocha12Shim);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['generators/lib/**/*.ts'],
  testRunner: 'mocha',
  // mocha's "node-option" applies to the mocha command only, not to Stryker's test runner processes.
  testRunnerNodeArgs: ['--import', 'tsx/esm', '--require', mocha12Shim],
  mochaOptions: {
    config: '.mocharc.json',
    spec: ['test/unit/**/*.test.ts', 'test/scenarios/**/*.test.ts'],
  },
  buildCommand: 'npm run build',
  // The instrumented code does not type-check; the TypeScript checker below drops the
  // mutants that would not compile instead.
  disableTypeChecks: 'generators/**/*.ts',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
};

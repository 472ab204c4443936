// Stryker's mocha runner (10.1) requires mocha's CLI helpers by path without an
// extension (lib/cli/run-helpers, options, collect-files); mocha 12 names those files
// .cjs, so the runner fails to load ("no TestRunner plugins were loaded"). Upstream
// fix: stryker-js pull request 6205. Until it is released, let require() find .cjs
// files as it finds .js ones. Loaded by stryker.config.mjs (Stryker's own process)
// and by its test runner processes (testRunnerNodeArgs); nothing else uses it.
const Module = require('node:module');

if (!Module._extensions['.cjs']) Module._extensions['.cjs'] = Module._extensions['.js'];

// Work every test process shares, done once before mocha starts them (its workers
// run in parallel): the Python tools' environment, and `yo` with this package's
// tarball installed for the end-to-end tests. Each is also safe to ask for from a
// test on its own (a lock, or a cache per process), when a file runs alone.
import { installYo, yoInstallVariable } from '../e2e/lib/installed-yo.js';
import { ensurePythonTools } from './python-tools.js';

export function mochaGlobalSetup(): void {
  ensurePythonTools();
  // The workers mocha starts next inherit it; the install is removed when this process
  // exits, after mocha has stopped its workers.
  process.env[yoInstallVariable] = JSON.stringify(installYo());
}

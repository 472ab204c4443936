// Work every test process shares, done once before mocha starts them (its workers
// run in parallel): the Python tools' environment, and `yo` with this package's
// tarball installed for the end-to-end tests. Each is also safe to ask for from a
// test on its own (a lock, or a cache per process), when a file runs alone.
import { rmSync } from 'node:fs';
import { installYo, yoInstallVariable } from '../e2e/lib/installed-yo.js';
import { ensurePythonTools } from './python-tools.js';

let installedHere: string | undefined;

export function mochaGlobalSetup(): void {
  ensurePythonTools();
  if (process.env[yoInstallVariable] === undefined) {
    const install = installYo();
    installedHere = install.work;
    // The workers mocha starts next inherit it.
    process.env[yoInstallVariable] = JSON.stringify(install);
  }
}

export function mochaGlobalTeardown(): void {
  if (installedHere !== undefined) rmSync(installedHere, { recursive: true, force: true });
}

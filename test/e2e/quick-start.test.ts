// The README's quick start, and the example .yo-rc.json it documents.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../support/generate.js';
import { cliPath, repoRoot } from '../support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const commands = quickStart
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter((line) => line !== '');

describe('README quick start', () => {
  it('has exactly two commands: generate, then run every test', () => {
    assert.deepEqual(commands, ['npm install && npx iris-module iris-threatfox-module --yes', 'npm test']);
  });

  it('.ci/run runs the same test command', () => {
    const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    assert.match(ci, /^npm test$/m);
  });

  it('generates the example module whose answers are the committed .yo-rc.json', () => {
    const dir = tempFolder();
    const args = commands[0]!.split('&&')[1]!.trim().split(/\s+/).slice(2);
    const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const generated = JSON.parse(readFileSync(join(dir, 'iris-threatfox-module', '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    const committed = JSON.parse(readFileSync(join(repoRoot, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    // Ownership comes from the machine's git config, and the file hashes and version
    // from the generator that ran; the rest must match exactly.
    assert.equal(typeof generated.files, 'object');
    assert.equal(generated.generatorVersion, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    delete generated.files;
    delete generated.generatorVersion;
    for (const key of ['author', 'email', 'githubUser']) {
      assert.equal(typeof generated[key], 'string');
      delete generated[key];
      delete committed[key];
    }
    assert.deepEqual(generated, committed);
  });
});

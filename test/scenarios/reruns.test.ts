// Reruns in a generated project: the user's edits and deletions survive unless
// they ask otherwise; answers that change reach the files that depend on them;
// a run that fails writes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { tempFolder } from '../support/generate.js';
import { cliPath, generatorPath } from '../support/paths.js';
import { snapshot } from '../support/snapshot.js';

function cli(cwd: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

const handler = 'iris_toto/toto_handler/toto_handler.py';

/** A generated processor, with its handler and README edited and AUTHORS deleted. */
function editedProject(): string {
  const parent = tempFolder();
  assert.equal(cli(parent, 'iris-toto', '--yes').status, 0);
  const dir = join(parent, 'iris-toto');
  writeFileSync(join(dir, handler), `${readFileSync(join(dir, handler), 'utf8')}\n# my enrichment code\n`);
  writeFileSync(join(dir, 'README.md'), `${readFileSync(join(dir, 'README.md'), 'utf8')}\nMy notes.\n`);
  rmSync(join(dir, 'AUTHORS'));
  return dir;
}

describe('reruns in a generated project', () => {
  it('with the stored answers, keeps an edited handler, an edited README and a deleted file', () => {
    const dir = editedProject();
    const before = snapshot(dir);
    const result = cli(dir, '--yes');
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(snapshot(dir), before);
    assert.match(result.output, /toto_handler\.py was edited since it was generated: kept as it is/);
    assert.match(result.output, /README\.md was edited since it was generated: kept as it is/);
    assert.match(result.output, /AUTHORS was deleted since it was generated: not recreated/);
  });

  it('--force overwrites the edits and recreates the deleted file', () => {
    const dir = editedProject();
    const result = cli(dir, '--yes', '--force');
    assert.equal(result.status, 0, result.output);
    assert.doesNotMatch(readFileSync(join(dir, handler), 'utf8'), /my enrichment code/);
    assert.doesNotMatch(readFileSync(join(dir, 'README.md'), 'utf8'), /My notes/);
    assert.ok(existsSync(join(dir, 'AUTHORS')));
  });

  it('--bail stops at the first conflict, with a non-zero exit, changing nothing', () => {
    const dir = editedProject();
    const before = snapshot(dir);
    const result = cli(dir, '--yes', '--bail');
    assert.notEqual(result.status, 0, result.output);
    assert.match(result.output, /Process aborted by conflict/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a changed description and license reach the files that depend on them, and leave the user code alone', () => {
    const dir = editedProject();
    const result = cli(dir, '--yes', '--description', 'Looks IOCs up in Toto', '--license', 'Apache-2.0');
    assert.equal(result.status, 0, result.output);
    assert.match(readFileSync(join(dir, 'LICENSE'), 'utf8'), /^Apache License/);
    assert.match(readFileSync(join(dir, 'pyproject.toml'), 'utf8'), /^description = "Looks IOCs up in Toto"$/m);
    assert.match(readFileSync(join(dir, 'pyproject.toml'), 'utf8'), /^license = "Apache-2.0"$/m);
    assert.match(readFileSync(join(dir, 'iris_toto/IrisTotoConfig.py'), 'utf8'), /^module_description = "Looks IOCs up in Toto"$/m);
    assert.match(readFileSync(join(dir, handler), 'utf8'), /my enrichment code/);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /My notes/);
    const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    assert.equal(stored.description, 'Looks IOCs up in Toto');
    assert.equal(stored.license, 'Apache-2.0');
  });
});

describe('a rerun that keeps edited files', () => {
  it('names each changed answer the kept files no longer reflect, and the files', () => {
    const dir = editedProject();
    const config = join(dir, 'iris_toto/IrisTotoConfig.py');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n# my parameter notes\n`);
    const result = cli(dir, '--yes', '--description', 'Looks IOCs up in Toto', '--module-version', '1.2.0');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /README\.md and iris_toto\/IrisTotoConfig\.py keep the old description: edit them, or rerun with --force\./);
    assert.match(result.output, /iris_toto\/IrisTotoConfig\.py keeps the old version: edit it, or rerun with --force\./);
    // The handler does not depend on either answer: nothing is said of it.
    assert.doesNotMatch(result.output, /toto_handler\.py keeps/);
    assert.match(readFileSync(join(dir, 'pyproject.toml'), 'utf8'), /^version = "1\.2\.0"$/m);
  });
});

describe('a project from an older generator', () => {
  it('is not regenerated: the run says to update it first, and writes nothing', () => {
    const dir = editedProject();
    const rc = join(dir, '.yo-rc.json');
    const stored = JSON.parse(readFileSync(rc, 'utf8'));
    for (const key of ['schema', 'generatorVersion', 'files']) delete stored['generator-iris-module'][key];
    writeFileSync(rc, JSON.stringify(stored, null, 2));
    const before = snapshot(dir);
    const result = cli(dir, '--yes');
    assert.notEqual(result.status, 0);
    assert.match(result.output, /generated by generator-iris-module 0\.1\.0: run `yo iris-module:update`/);
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('an interrupted run', () => {
  it('leaves no file behind when a late task throws', async () => {
    const { default: AppGenerator } = await import(generatorPath('app'));
    // The app's writing task runs, queueing every base file, then fails.
    let queued = false;
    class FailingApp extends AppGenerator {
      writing(): void {
        super.writing();
        queued = this.fs.exists(this.destinationPath('README.md'));
        throw new Error('simulated failure after writing');
      }
    }
    const parent = tempFolder();
    await assert.rejects(
      helpers
        .run(FailingApp as never, { resolved: generatorPath('app'), namespace: 'iris-module:app' })
        .cd(parent)
        .withArguments(['iris-toto'])
        .withOptions({ yes: true } as never),
      /simulated failure after writing/,
    );
    assert.equal(queued, true, 'the base layout was queued in memory before the failure');
    const target = join(parent, 'iris-toto');
    assert.deepEqual(existsSync(target) ? readdirSync(target) : [], []);
  });
});

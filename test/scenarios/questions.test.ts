// Questions that do not apply are not asked, and their options are ignored with a
// word; the IOC families chosen decide the handler's lookups.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModule, tempFolder } from '../support/generate.js';
import { cliPath } from '../support/paths.js';

function cli(cwd: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

const stored = (dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
const handler = (dir: string, keyword: string): string => readFileSync(join(dir, `iris_${keyword}_module/${keyword}_handler/${keyword}_handler.py`), 'utf8');

describe('questions that depend on the hooks', () => {
  it('--ioc-types gives the handler a lookup for each family chosen, and no other', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module', options: { iocTypes: 'url,email' } });
    const functions = [...handler(dir, 'urlscan').matchAll(/^def (lookup_\w+)\(/gm)].map((match) => match[1]);
    assert.deepEqual(functions, ['lookup_url', 'lookup_email']);
    assert.equal(stored(dir).iocTypes, 'url,email');
  });

  it('without a hook that hands IOCs over, asks neither the IOC types nor, without a manual trigger, the menu name', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-assets-module', options: { hooks: 'asset:create,note:delete' } });
    const answers = stored(dir);
    assert.equal(answers.iocTypes, undefined);
    assert.equal(answers.manualMenuName, undefined);
    assert.doesNotMatch(handler(dir, 'assets'), /def lookup_/);
    assert.match(handler(dir, 'assets'), /^def enrich_asset\(asset, service\):$/m);
    assert.match(handler(dir, 'assets'), /^def on_note_deleted\(note_id, service\):$/m);
  });

  it('ignores, and says so, an option whose question does not apply', () => {
    const parent = tempFolder();
    const result = cli(parent, 'iris-assets-module', '--yes', '--hooks', 'asset:create', '--manual-menu-name', 'Look it up', '--ioc-types', 'hash');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /--manual-menu-name does not apply to these answers: ignored\./);
    assert.match(result.output, /--ioc-types does not apply to these answers: ignored\./);
    assert.equal(stored(join(parent, 'iris-assets-module')).manualMenuName, undefined);
  });
});

// The development loop's pure facts and helpers: names, example commands, the
// .gitignore lines update adds.
import assert from 'node:assert/strict';
import {
  exampleHook,
  imageTag,
  localSettingsFile,
  objectVariables,
  replayCommand,
  replayPipelineCommand,
  requiredIgnores,
  sourceMount,
  sourceVariable,
  withRequiredIgnores,
} from '../../generators/lib/dev-loop.js';
import { hookObjects, processorHooks } from '../../generators/lib/hooks.js';
import { irisCompose, irisContainers } from '../../generators/lib/iris.js';

describe('dev loop facts', () => {
  it('names one make variable and one option per object of the hook catalogue', () => {
    assert.deepEqual(
      objectVariables.map((item) => item.object),
      [...hookObjects],
    );
    const globalTask = objectVariables.find((item) => item.object === 'global_task')!;
    assert.equal(globalTask.variable, 'GLOBAL_TASK');
    assert.equal(globalTask.option, '--global-task');
    assert.match(objectVariables.find((item) => item.object === 'ioc')!.value, /<IRIS type>:<value>/);
  });

  it('takes the containers of make deploy from the compose facts', () => {
    assert.deepEqual(irisContainers, { app: irisCompose.services.app.container, worker: irisCompose.services.worker.container });
    assert.deepEqual(irisContainers, { app: 'iriswebapp_app', worker: 'iriswebapp_worker' });
  });

  it('names the source variable, the mount and the image tag after the project', () => {
    assert.equal(sourceVariable('iris-urlscan-module'), 'IRIS_URLSCAN_MODULE_DIR');
    assert.equal(sourceVariable('iris.Threat-Fox'), 'IRIS_THREAT_FOX_DIR');
    // A shell variable cannot start with a digit.
    assert.equal(sourceVariable('0'), 'MODULE_0_DIR');
    assert.equal(sourceVariable('9-lives'), 'MODULE_9_LIVES_DIR');
    assert.equal(sourceMount('Iris-Foo'), '/opt/iris-modules/iris-foo');
    assert.equal(imageTag('Iris.Foo_module'), 'with-iris.foo_module');
    assert.equal(imageTag('a'.repeat(200)).length, 128);
  });
});

describe('example replay commands', () => {
  const hooks = (pairs: string[]) => processorHooks(pairs, 'tfx_', { ioc: 'Look it up' });

  it('replays a manual trigger first, with an IOC of the first family looked up', () => {
    const chosen = hooks(['ioc:create', 'ioc:manual']);
    assert.equal(exampleHook(chosen)?.hookName, 'on_manual_trigger_ioc');
    assert.equal(replayCommand(chosen, ['ip', 'domain']), 'make replay HOOK=on_manual_trigger_ioc IOC=ip-dst:203.0.113.7');
  });

  it('gives other objects by name, deleted ones by id, and nothing without hooks', () => {
    assert.equal(replayCommand(hooks(['asset:create']), []), 'make replay HOOK=on_postload_asset_create ASSET=WKS-042');
    assert.equal(replayCommand(hooks(['note:delete']), []), 'make replay HOOK=on_postload_note_delete NOTE=42');
    assert.equal(replayCommand([], []), undefined);
  });

  it('uploads a file of the first accepted type, with every pipeline argument', () => {
    assert.equal(
      replayPipelineCommand(['.evtx', '.json'], [{ name: 'hostname', required: true }, { name: 'tag', required: false }]),
      'make replay-pipeline FILES="indicators.evtx" ARGS="hostname=dc01 tag=dc01"',
    );
    assert.equal(replayPipelineCommand([], []), 'make replay-pipeline FILES="indicators.txt"');
  });
});

describe('the .gitignore lines update adds', () => {
  const block = `${requiredIgnores.comment}\n${localSettingsFile}\n`;

  it('appends the local settings file, after a blank line, to a .gitignore that lacks it', () => {
    assert.deepEqual(withRequiredIgnores('dist/\nnotes/\n'), { text: `dist/\nnotes/\n\n${block}`, added: [localSettingsFile] });
    assert.deepEqual(withRequiredIgnores('dist/'), { text: `dist/\n\n${block}`, added: [localSettingsFile] });
    assert.deepEqual(withRequiredIgnores(''), { text: block, added: [localSettingsFile] });
  });

  it('keeps Windows line endings', () => {
    assert.equal(withRequiredIgnores('dist/\r\n').text, `dist/\r\n\r\n${requiredIgnores.comment}\r\n${localSettingsFile}\r\n`);
  });

  it('adds nothing when the file is listed already, anchored or not', () => {
    for (const text of [`${localSettingsFile}\n`, `dist/\n/${localSettingsFile}\n`, `  ${localSettingsFile}  \n`]) {
      assert.deepEqual(withRequiredIgnores(text), { text, added: [] });
    }
  });
});

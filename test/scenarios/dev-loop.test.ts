// The development loop's files in a generated project: the compose override for IRIS's
// own compose files, the image recipe, the Makefile targets, the .gitignore line, the
// end-of-run steps, and what `update` does to an edited .gitignore.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { devComposeFile, imageRecipeFile, localSettingsFile, requiredIgnores, sourceMount, sourceVariable } from '../../generators/lib/dev-loop.js';
import { irisCompose } from '../../generators/lib/iris.js';
import { contentHash } from '../../generators/lib/ownership.js';
import { generateModule, tempFolder } from '../support/generate.js';
import { cliPath } from '../support/paths.js';

interface ComposeVolume {
  type?: string;
  source?: string;
  target?: string;
  read_only?: boolean;
}
interface ComposeService {
  volumes?: Array<ComposeVolume | string>;
  command?: string[];
  [key: string]: unknown;
}

function run(dir: string, ...args: string[]): { status: number; output: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('the dev loop files of a generated project', () => {
  let dir: string;
  let compose: { services: Record<string, ComposeService>; volumes?: unknown; [key: string]: unknown };

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' }));
    compose = parse(readFileSync(join(dir, devComposeFile), 'utf8'));
  });

  it('writes the override, the image recipe and the harness commands', () => {
    for (const file of [devComposeFile, imageRecipeFile, 'tests/iris_harness/__main__.py', 'tests/iris_harness/replay.py', 'tests/iris_harness/register.py', 'tests/iris_harness/local_settings.py']) {
      assert.ok(existsSync(join(dir, file)), file);
    }
  });

  it("overrides only IRIS's app and worker services, and redeclares none of IRIS's volumes", () => {
    assert.deepEqual(Object.keys(compose.services).sort(), Object.keys(irisCompose.services).sort());
    assert.equal(compose.volumes, undefined, 'no top-level volumes: IRIS declares its own');
    assert.deepEqual(
      Object.keys(compose).filter((key) => !key.startsWith('x-')),
      ['services'],
    );
  });

  for (const [service, facts] of Object.entries(irisCompose.services)) {
    it(`mounts the project read-only into ${service}, next to IRIS's own mounts`, () => {
      const volumes = compose.services[service]!.volumes!;
      assert.equal(volumes.length, 1, 'only the module source: Compose keeps IRIS\'s mounts');
      const mount = volumes[0] as ComposeVolume;
      assert.equal(mount.type, 'bind');
      assert.equal(mount.read_only, true);
      assert.equal(mount.target, sourceMount('iris-urlscan-module'));
      assert.ok(!facts.mountTargets.includes(mount.target!), 'a target IRIS does not mount');
      // Compose reads relative paths from IRIS's folder: the project's comes from a variable, required.
      assert.match(mount.source!, new RegExp(`^\\$\\{${sourceVariable('iris-urlscan-module')}:\\?[^}]+\\}$`));
    });

    it(`installs the project in editable mode in ${service}, then runs IRIS's own command word for word`, () => {
      const command = compose.services[service]!.command!;
      assert.deepEqual(command.slice(0, 2), ['sh', '-c']);
      assert.deepEqual(command.slice(4), [...facts.command], "IRIS's command, as its compose file has it");
      const script = command[2]!;
      assert.match(script, new RegExp(`pip install .*--editable ${sourceMount('iris-urlscan-module')}`));
      // $$ is Compose's escape for a literal $: the shell gets exec "$@".
      assert.match(script, /exec "\$\$@"\s*$/);
      assert.ok(!/\$[^${]/.test(script.replace(/\$\$/g, '')), 'no other $ for Compose to interpolate');
    });
  }

  it("builds the durable image on IRIS's image, with the project's wheel in IRIS's dependencies folder", () => {
    const lines = readFileSync(join(dir, imageRecipeFile), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    assert.deepEqual(lines, [
      'ARG IRIS_IMAGE',
      'FROM ${IRIS_IMAGE}',
      `COPY *.whl ${irisCompose.dependenciesDir}/`,
      `RUN python -m pip install --no-cache-dir ${irisCompose.dependenciesDir}/iris_urlscan_module-*.whl`,
    ]);
  });

  it('has the make targets of the loop, and ignores the local settings', () => {
    const makefile = readFileSync(join(dir, 'Makefile'), 'utf8');
    for (const target of ['replay', 'replay-pipeline', 'register', 'dev', 'dev-reload', 'image']) {
      assert.match(makefile, new RegExp(`^${target}:`, 'm'), target);
    }
    assert.match(makefile, new RegExp(`${sourceVariable('iris-urlscan-module')}="\\$\\(CURDIR\\)" \\$\\(IRIS_COMPOSE\\) -f ${devComposeFile} up -d`));
    assert.match(readFileSync(join(dir, '.gitignore'), 'utf8'), new RegExp(`^${localSettingsFile.replace(/\./g, '\\.')}$`, 'm'));
  });
});

describe('end-of-run steps', () => {
  it('name the three commands of the loop', () => {
    const result = run(tempFolder(), 'iris-evtx-module', '--yes', '--type', 'pipeline', '--file-types', '.evtx');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /make replay-pipeline FILES="indicators\.evtx" ARGS="tag=dc01"\n +one IRIS call on the module, without IRIS/);
    assert.match(result.output, new RegExp(`make dev IRIS_DIR=\\.\\./iris-web +IRIS \\(a checkout of iris-web ${irisCompose.tag.replace(/\./g, '\\.')}\\)`));
    assert.match(result.output, /make register +add, configure and enable it through IRIS's REST API/);
  });
});

describe('update and the .gitignore', () => {
  it('adds the local settings line to an edited .gitignore that lacks it, and says so', async () => {
    const { dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' });
    const path = join(dir, '.gitignore');
    const generated = readFileSync(path, 'utf8');
    const block = `\n${requiredIgnores.comment}\n${localSettingsFile}\n`;
    // As an older version wrote it, then edited by the author.
    const edited = `${generated.replace(block, '')}my-notes/\n`;
    writeFileSync(path, edited);
    const first = run(dir, 'update', '--yes');
    assert.equal(first.status, 0, first.output);
    assert.equal(readFileSync(path, 'utf8'), `${edited}\n${requiredIgnores.comment}\n${localSettingsFile}\n`);
    assert.match(first.output, /edited by you: kept, with only the lines this version needs added:\n {2}\.gitignore: added iris-module\.local\.toml\n/);
    // Still the author's file: its recorded hash is the generated text's, not the amended one's.
    const stored = JSON.parse(readFileSync(join(dir, '.yo-rc.json'), 'utf8'))['generator-iris-module'];
    assert.equal(stored.files['.gitignore'], contentHash(generated));
    const second = run(dir, 'update', '--yes');
    assert.equal(second.status, 0, second.output);
    assert.match(second.output, /Nothing to update/);
  });
});

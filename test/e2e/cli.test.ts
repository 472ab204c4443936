// The generator as people install and run it: the packed tarball and an
// `npm link`ed clone under the real `yo` 7 CLI, run by an unprivileged user
// with a home of their own. The package's own bin: bin-bundle.test.ts.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appQuestions, typeQuestions } from '../../generators/lib/questions.js';
import { repoRoot } from '../support/paths.js';
import { installYo, yoVersion, type YoInstall } from './lib/installed-yo.js';
import { asUser, cliUser, userEnv, userFile, userFolder } from './lib/user.js';

interface Run {
  status: number;
  output: string;
}

/** Runs `argv` as the CLI user, in `cwd`, with exactly `env`. */
function runAsUser(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const [command, ...args] = asUser(argv);
  const result = spawnSync(command!, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env, timeout: 120_000 });
  return { status: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

const everyOption = [...appQuestions, ...typeQuestions.processor, ...typeQuestions.pipeline].map((q) => `--${q.option}`);

describe(`the real CLI, on Node ${process.version}`, function () {
  this.timeout(300_000);
  let install: YoInstall;

  before(function () {
    this.timeout(300_000);
    install = installYo();
  });

  for (const via of ['tarball', 'npm link'] as const) {
    describe(`yo ${yoVersion}, the package installed from ${via === 'tarball' ? 'the packed tarball' : 'a clone with npm link'}, run by an unprivileged user`, () => {
      let prefix: string;
      let out: string;
      let home: string;
      let env: NodeJS.ProcessEnv;
      const yo = (args: string[], cwd: string): Run => runAsUser([install.yo, ...args], cwd, env);
      const ownedByUser = (path: string): void =>
        assert.equal(statSync(path).uid, cliUser().uid, `${path} is owned by ${cliUser().name}`);

      before(function () {
        this.timeout(120_000);
        prefix = install.prefix;
        if (via === 'npm link') {
          prefix = join(install.work, 'link-prefix');
          mkdirSync(prefix, { recursive: true });
          // `npm link` with no argument links this package into the global prefix.
          execFileSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund'], {
            cwd: repoRoot,
            stdio: 'pipe',
            env: { ...process.env, npm_config_prefix: prefix },
          });
          assert.ok(existsSync(join(prefix, 'lib', 'node_modules', 'generator-iris-module', 'generators', 'app', 'index.ts')));
        }
        out = userFolder(join(install.work, via === 'tarball' ? 'out-tarball' : 'out-link'));
        home = userFolder(join(out, 'home'));
        userFolder(join(out, 'projects'));
        // yo looks generators up in the global prefix that `npm root -g` reports:
        // the user's own npm configuration names it, as after `npm config set prefix`.
        userFile(join(home, '.npmrc'), `prefix=${prefix}\n`);
        env = userEnv(home, [join(install.prefix, 'bin')]);
      });

      it('the user is unprivileged, has a writable home and runs the same Node as the tests', () => {
        const script =
          "const fs=require('fs'),os=require('os'),p=require('path');" +
          "fs.writeFileSync(p.join(os.homedir(),'probe'),'ok');" +
          'console.log(JSON.stringify({uid:process.getuid(),home:os.homedir(),node:process.version}))';
        const result = runAsUser(['node', '-e', script], home, env);
        assert.equal(result.status, 0, result.output);
        assert.deepEqual(JSON.parse(result.output), { uid: cliUser().uid, home, node: process.version });
        assert.notEqual(cliUser().uid, 0);
        const root = runAsUser(['npm', 'root', '--global'], home, env);
        assert.equal(root.status, 0, root.output);
        assert.equal(root.output.trim(), join(prefix, 'lib', 'node_modules'));
      });

      it('yo iris-module --yes writes a pipeline module', () => {
        const result = yo(['iris-module', 'iris-toto', '--yes', '--type', 'pipeline'], join(out, 'projects'));
        assert.equal(result.status, 0, result.output);
        const interfaceFile = join(out, 'projects', 'iris-toto', 'iris_toto', 'IrisTotoInterface.py');
        assert.ok(existsSync(interfaceFile), result.output);
        ownedByUser(interfaceFile);
        assert.match(result.output, /type exactly:\s+iris_toto/);
      });

      // What follows does not depend on how the package was installed: the tarball only.
      if (via === 'npm link') return;

      it('yo iris-module:processor adds a processor to it', () => {
        const project = join(out, 'projects', 'iris-toto');
        const result = yo(['iris-module:processor', '--yes', '--keyword', 'vt2'], project);
        assert.equal(result.status, 0, result.output);
        assert.ok(existsSync(join(project, 'iris_vt2_module', 'IrisVt2Interface.py')), result.output);
        assert.match(readFileSync(join(project, 'pyproject.toml'), 'utf8'), /"iris_toto\*", "iris_vt2_module\*"/);
      });

      it('yo iris-module --yes writes a processor module', () => {
        const result = yo(['iris-module', 'iris-threatfox-module', '--yes', '--keyword', 'TFX'], join(out, 'projects'));
        assert.equal(result.status, 0, result.output);
        const interfaceFile = join(out, 'projects', 'iris-threatfox-module', 'iris_threatfox_module', 'IrisTFXInterface.py');
        assert.ok(existsSync(interfaceFile), result.output);
        ownedByUser(interfaceFile);
      });

      it('yo iris-module --help lists every option', () => {
        const result = yo(['iris-module', '--help'], join(out, 'projects'));
        assert.equal(result.status, 0, result.output);
        for (const option of [...everyOption, '--yes']) {
          assert.ok(result.output.includes(option), `--help mentions ${option}:\n${result.output}`);
        }
      });

      it('yo iris-module:update finds nothing to update in a project of this version', () => {
        const result = yo(['iris-module:update', '--yes'], join(out, 'projects', 'iris-threatfox-module'));
        assert.equal(result.status, 0, result.output);
        assert.match(result.output, /Nothing to update: the project is up to date/);
      });

      it('yo refuses an option no generator declares, naming the nearest one, and writes nothing', () => {
        const result = yo(['iris-module', 'typo-one', '--yes', '--hook', 'ioc:create'], join(out, 'projects'));
        assert.notEqual(result.status, 0, result.output);
        assert.match(result.output, /Unknown option --hook: did you mean --hooks\?/);
        assert.equal(existsSync(join(out, 'projects', 'typo-one')), false);
      });

      it('yo refuses a bad option with a message and a non-zero exit', () => {
        const result = yo(['iris-module', 'bad-one', '--yes', '--package-name', 'json'], join(out, 'projects'));
        assert.notEqual(result.status, 0, result.output);
        assert.match(result.output, /Package name "json" would shadow the Python standard library/);
        assert.equal(existsSync(join(out, 'projects', 'bad-one')), false);
      });
    });
  }
});

// The generator as people install and run it: the packed tarball and an
// `npm link`ed clone under the real `yo` 7 CLI, and the package's own bin.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { appQuestions, typeQuestions } from '../../generators/lib/questions.js';
import { tempFolder } from '../support/generate.js';
import { cliPath, repoRoot } from '../support/paths.js';

/** `yo` runs generators as uid 1000 when started as root (package root-check). */
const yoUser = 1000;
const asRoot = process.getuid?.() === 0;

function chownTree(dir: string): void {
  if (!asRoot) return;
  chownSync(dir, yoUser, yoUser);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full);
    else chownSync(full, yoUser, yoUser);
  }
}

interface Run {
  status: number;
  output: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { status: result.status ?? -1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

const everyOption = [...appQuestions, ...typeQuestions.processor, ...typeQuestions.pipeline].map((q) => `--${q.option}`);

describe('the real CLI', function () {
  this.timeout(300_000);
  let yoPrefix: string;
  let work: string;

  before(function () {
    this.timeout(300_000);
    work = tempFolder('iris-e2e-');
    // mkdtemp makes 0700 folders; the user `yo` switches to must reach the installed packages.
    chmodSync(work, 0o755);
    yoPrefix = join(work, 'yo-prefix');
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync(
      'npm',
      ['install', '--global', '--prefix', yoPrefix, '--no-audit', '--no-fund', '--ignore-scripts', 'yo@7.0.1', join(work, tarball)],
      { stdio: 'pipe' },
    );
  });

  for (const install of ['tarball', 'npm link'] as const) {
    describe(`yo 7 with the package installed from ${install === 'tarball' ? 'the packed tarball' : 'a clone with npm link'}`, () => {
      let prefix: string;
      let out: string;
      let env: NodeJS.ProcessEnv;
      const yo = (): string => join(yoPrefix, 'bin', 'yo');

      before(function () {
        this.timeout(120_000);
        prefix = yoPrefix;
        if (install === 'npm link') {
          prefix = join(work, 'link-prefix');
          mkdirSync(prefix, { recursive: true });
          // `npm link` with no argument links this package into the global prefix.
          execFileSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund'], {
            cwd: repoRoot,
            stdio: 'pipe',
            env: { ...process.env, npm_config_prefix: prefix },
          });
          assert.ok(existsSync(join(prefix, 'lib', 'node_modules', 'generator-iris-module', 'generators', 'app', 'index.ts')));
        }
        out = join(work, install === 'tarball' ? 'out-tarball' : 'out-link');
        const home = join(out, 'home');
        mkdirSync(join(out, 'projects'), { recursive: true });
        mkdirSync(home, { recursive: true });
        chownTree(out);
        // yo looks generators up in the global prefix that `npm root -g` reports.
        env = { HOME: home, npm_config_prefix: prefix, PATH: [join(yoPrefix, 'bin'), process.env.PATH].join(delimiter) };
      });

      it('yo iris-module --yes writes a pipeline module', () => {
        const result = run(yo(), ['iris-module', 'iris-toto', '--yes', '--type', 'pipeline'], join(out, 'projects'), env);
        assert.equal(result.status, 0, result.output);
        assert.ok(existsSync(join(out, 'projects', 'iris-toto', 'iris_toto', 'IrisTotoInterface.py')), result.output);
        assert.match(result.output, /type exactly:\s+iris_toto/);
      });

      it('yo iris-module:processor adds a processor to it', () => {
        const project = join(out, 'projects', 'iris-toto');
        const result = run(yo(), ['iris-module:processor', '--yes', '--keyword', 'vt2'], project, env);
        assert.equal(result.status, 0, result.output);
        assert.ok(existsSync(join(project, 'iris_vt2_module', 'IrisVt2Interface.py')), result.output);
        assert.match(readFileSync(join(project, 'pyproject.toml'), 'utf8'), /"iris_toto\*", "iris_vt2_module\*"/);
      });

      it('yo iris-module --yes writes a processor module', () => {
        const result = run(yo(), ['iris-module', 'iris-threatfox-module', '--yes', '--keyword', 'TFX'], join(out, 'projects'), env);
        assert.equal(result.status, 0, result.output);
        assert.ok(existsSync(join(out, 'projects', 'iris-threatfox-module', 'iris_threatfox_module', 'IrisTFXInterface.py')));
      });

      it('yo iris-module --help lists every option', () => {
        const result = run(yo(), ['iris-module', '--help'], join(out, 'projects'), env);
        assert.equal(result.status, 0, result.output);
        for (const option of [...everyOption, '--yes']) {
          assert.ok(result.output.includes(option), `--help mentions ${option}:\n${result.output}`);
        }
      });

      it('yo refuses a bad option with a message and a non-zero exit', () => {
        const result = run(yo(), ['iris-module', 'bad-one', '--yes', '--package-name', 'json'], join(out, 'projects'), env);
        assert.notEqual(result.status, 0, result.output);
        assert.match(result.output, /Package name "json" would shadow the Python standard library/);
        assert.equal(existsSync(join(out, 'projects', 'bad-one')), false);
      });
    });
  }

  describe('the iris-module bin (no global yo)', () => {
    it('generates a processor module as root', () => {
      const dir = tempFolder();
      const result = run('node', [cliPath, 'iris-threatfox-module', '--yes'], dir);
      assert.equal(result.status, 0, result.output);
      assert.ok(existsSync(join(dir, 'iris-threatfox-module', 'iris_threatfox_module', 'IrisThreatfoxInterface.py')));
    });

    it('runs a sub-generator by name', () => {
      const dir = join(tempFolder(), 'evtx');
      mkdirSync(dir);
      const result = run('node', [cliPath, 'pipeline', '--yes', '--keyword', 'evtx'], dir);
      assert.equal(result.status, 0, result.output);
      assert.ok(existsSync(join(dir, 'iris_evtx_module', 'IrisEvtxInterface.py')), result.output);
    });

    it('refuses a bad option with a message and a non-zero exit', () => {
      const dir = tempFolder();
      const result = run('node', [cliPath, 'target', '--yes', '--module-version', '1.0'], dir);
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /Version "1.0" is not a semantic version/);
      assert.deepEqual(readdirSync(dir), []);
    });

    it('--help lists every option', () => {
      const result = run('node', [cliPath, '--help'], tempFolder());
      assert.equal(result.status, 0, result.output);
      for (const option of [...everyOption, '--yes']) assert.ok(result.output.includes(option), `--help mentions ${option}`);
    });
  });
});

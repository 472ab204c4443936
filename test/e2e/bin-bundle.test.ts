// The `iris-module` bin runs from one bundle (scripts/build.mjs): it imports no
// other module of ours and none of node_modules, whatever it generates; its
// interactive questions still work (the bundle loads the prompts on first
// use); and it runs from the packed tarball as installed with npm.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appQuestions, typeQuestions, type Question } from '../../generators/lib/questions.js';
import { tempFolder } from '../support/generate.js';
import { cliPath, repoRoot } from '../support/paths.js';
import { installYo } from './lib/installed-yo.js';
import { TmuxSession } from './lib/tmux.js';

const recorder = join(repoRoot, 'test', 'e2e', 'lib', 'record-imports.mjs');
const bundle = join(repoRoot, 'dist', 'generators', 'cli.bundle.js');
const everyOption = [...appQuestions, ...typeQuestions.processor, ...typeQuestions.pipeline].map((q) => `--${q.option}`);

interface Run {
  status: number;
  output: string;
  /** The ES modules the process loaded, by URL. */
  imports: string[];
}

function runBin(args: string[], cwd: string): Run {
  const log = join(tempFolder(), 'imports');
  const result = spawnSync(process.execPath, ['--import', recorder, cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RECORD_IMPORTS: log },
  });
  const imports = existsSync(log) ? [...new Set(readFileSync(log, 'utf8').trim().split('\n'))] : [];
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}`, imports };
}

describe('the bundled iris-module bin', function () {
  this.timeout(300_000);
  /**
   * The bin, the git prefetch it starts before the bundle loads (one module of the
   * compiled generators, with no import of ours), the bundle and its chunks.
   */
  const binFiles = (imports: string[]): boolean =>
    imports[0] === pathToFileURL(cliPath).href &&
    imports[1] === pathToFileURL(join(dirname(bundle), 'lib', 'git-defaults.js')).href &&
    imports[2] === pathToFileURL(bundle).href &&
    imports.slice(3).every((url) => url.startsWith(pathToFileURL(join(dirname(bundle), 'cli.chunk-')).href) && url.endsWith('.js'));

  it(".yo-resolve files still decide a file's fate: skipped even under --force", () => {
    const parent = tempFolder();
    assert.equal(runBin(['iris-resolve-module', '--yes'], parent).status, 0);
    const project = join(parent, 'iris-resolve-module');
    const edited = (file: string): string => `${readFileSync(join(project, file), 'utf8')}# edited\n`;
    const [readme, makefile, license] = ['README.md', 'Makefile', 'LICENSE'].map(edited) as [string, string, string];
    writeFileSync(join(project, 'README.md'), readme);
    writeFileSync(join(project, 'Makefile'), makefile);
    writeFileSync(join(project, 'LICENSE'), license);
    // One in the project for the README, one above it for the Makefile; none for the license.
    writeFileSync(join(project, '.yo-resolve'), 'README.md skip\n');
    writeFileSync(join(parent, '.yo-resolve'), '# a comment\n*/Makefile skip\n');
    const run = runBin(['--yes', '--force'], project);
    assert.equal(run.status, 0, run.output);
    assert.equal(readFileSync(join(project, 'README.md'), 'utf8'), readme);
    assert.equal(readFileSync(join(project, 'Makefile'), 'utf8'), makefile);
    assert.doesNotMatch(readFileSync(join(project, 'LICENSE'), 'utf8'), /# edited/);
  });

  it('generates both module types, adds packages and prints its help from the bundle alone', () => {
    const parent = tempFolder();
    const empty = join(parent, 'evtx');
    mkdirSync(empty);
    const runs: Array<[string[], string]> = [
      [['iris-bundle-module', '--yes'], parent],
      [['iris-bundle-pipeline', '--yes', '--type', 'pipeline'], parent],
      [['processor', '--yes', '--keyword', 'second'], join(parent, 'iris-bundle-module')],
      [['pipeline', '--yes', '--keyword', 'evtx'], empty],
      [['--help'], parent],
    ];
    let help = '';
    for (const [args, cwd] of runs) {
      const run = runBin(args, cwd);
      assert.equal(run.status, 0, `iris-module ${args.join(' ')}:\n${run.output}`);
      assert.ok(binFiles(run.imports), `iris-module ${args.join(' ')} loads only the bin and its bundle:\n${run.imports.join('\n')}`);
      if (args[0] === '--help') help = run.output;
    }
    for (const option of [...everyOption, '--yes']) assert.ok(help.includes(option), `--help mentions ${option}:\n${help}`);
    // The bin's own usage, with its generators, in place of commander's "program".
    assert.match(help, /^Usage: iris-module \[destination\] \[options\]/);
    for (const generator of ['processor|pipeline', 'update']) assert.ok(help.includes(`iris-module ${generator} [options]`), help);
    assert.ok(existsSync(join(parent, 'iris-bundle-module', 'iris_second_module', 'IrisSecondInterface.py')));
    assert.ok(existsSync(join(parent, 'iris-bundle-pipeline', 'iris_bundle_pipeline', 'IrisBundlePipelineInterface.py')));
    assert.ok(existsSync(join(empty, 'iris_evtx_module', 'IrisEvtxInterface.py')));
  });

  it('stops on a bad or unknown option with a message and exit status 1, writing nothing, from the bundle alone', () => {
    const refusals: Array<[string[], RegExp]> = [
      [['--package-name', 'json'], /Package name "json" would shadow the Python standard library/],
      [['--module-version', '1.0'], /Version "1.0" is not a semantic version/],
      [['--hook', 'ioc:create'], /unknown option '--hook'[\s\S]*--hooks/],
    ];
    for (const [options, message] of refusals) {
      const dir = tempFolder();
      const run = runBin(['target', '--yes', ...options], dir);
      assert.equal(run.status, 1, run.output);
      assert.match(run.output, message);
      assert.deepEqual(readdirSync(dir), [], `${options.join(' ')} writes nothing`);
      assert.ok(binFiles(run.imports), run.imports.join('\n'));
    }
  });

  it('asks its questions in a terminal, shows the welcome banner and writes the module', async function () {
    const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
    assert.equal(tmux.status, 0, `tmux is needed for this test (apt-get install tmux): ${tmux.error ?? tmux.stderr}`);
    const dir = tempFolder();
    const home = join(dir, 'home');
    mkdirSync(home);
    // The author's questions are answered by options: their defaults come from git, which may have none.
    const given = { author: 'Tmux Bin', email: 'bin@example.org', githubUser: 'bin-user' } as const;
    const session = TmuxSession.start({
      dir,
      cwd: dir,
      command: [process.execPath, cliPath, 'iris-tmux-module', '--author', given.author, '--email', given.email, '--github-user', given.githubUser],
      env: { ...process.env, HOME: home, NO_COLOR: '1' },
    });
    try {
      await session.waitFor('the welcome banner', (screen) => (screen.includes('generator-iris-module!') ? true : undefined));
      const asked = [...appQuestions, ...typeQuestions.processor].filter((question: Question) => !Object.hasOwn(given, question.name));
      for (const question of asked) {
        // Each default is taken with Enter; the prompt then shows ✔ before the message.
        await session.waitFor(`the question "${question.message}"`, (screen) =>
          screen.split('\n').findLast((line) => line.startsWith('? '))?.startsWith(`? ${question.message}`) ? true : undefined,
        );
        session.press('Enter');
        await session.waitFor(`"${question.message}" answered`, (screen) =>
          screen.split('\n').some((line) => line.startsWith(`✔ ${question.message}`)) ? true : undefined,
        );
      }
      assert.equal(await session.waitForExit(), 0, session.history());
    } finally {
      session.kill();
    }
    const project = join(dir, 'iris-tmux-module');
    assert.match(readFileSync(join(project, 'pyproject.toml'), 'utf8'), /name = "Tmux Bin", email = "bin@example.org"/);
    assert.ok(existsSync(join(project, 'iris_tmux_module', 'IrisTmuxInterface.py')));
  });

  it('runs from the packed tarball, installed with npm', () => {
    const install = installYo();
    const files = execFileSync('tar', ['-tzf', install.tarball], { encoding: 'utf8' }).split('\n');
    assert.ok(files.includes('package/dist/generators/cli.bundle.js'), 'the tarball holds the bundle');
    const dir = join(install.work, 'bin-from-tarball');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const result = spawnSync(join(install.prefix, 'bin', 'iris-module'), ['iris-packed-module', '--yes', '--license', 'GPL-3.0-or-later'], {
      cwd: dir,
      encoding: 'utf8',
      // `#!/usr/bin/env node` finds the Node the tests run on.
      env: { ...process.env, NO_COLOR: '1', PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    const project = join(dir, 'iris-packed-module');
    assert.ok(existsSync(join(project, 'iris_packed_module', 'IrisPackedInterface.py')));
    assert.match(readFileSync(join(project, 'LICENSE'), 'utf8'), /GNU GENERAL PUBLIC LICENSE/);
  });
});

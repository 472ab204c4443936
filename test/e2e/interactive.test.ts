// One interactive `yo iris-module` session in a real terminal (tmux), run by an
// unprivileged user: every question answered by keystrokes, in the order the
// generator declares them, with wrong answers refused on screen and then
// corrected; then the files are checked against what was typed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { hookPairs, irisHookName, type HookObject, type HookTrigger } from '../../generators/lib/hooks.js';
import { licenseIds } from '../../generators/lib/licenses.js';
import { moduleTypes } from '../../generators/lib/iris.js';
import { appQuestions, typeQuestions, type Question } from '../../generators/lib/questions.js';
import { loadLikeIris } from '../support/python-project.js';
import { repoRoot } from '../support/paths.js';
import { python39 } from '../support/python.js';
import { installYo, type YoInstall } from './lib/installed-yo.js';
import { TmuxSession } from './lib/tmux.js';
import { asUser, cliUser, userEnv, userFile, userFolder } from './lib/user.js';

/** What is typed, question by question; every value differs from its default. */
const typed = {
  moduleName: 'iris-tmux-demo-module',
  type: 'processor',
  keyword: 'tmuxdemo',
  packageName: 'iris_tmuxdemo',
  description: 'Looks up "IOCs" in the café\'s feed',
  author: "Zoë O'Brien",
  email: 'zoe@example.org',
  githubUser: 'zoe-ir',
  license: 'Apache-2.0',
  moduleVersion: '1.2.3-rc.1',
  hooks: 'case:manual,asset:create,ioc:manual',
  manualMenuName: 'case=Case insight from TMux;ioc=Ask TMux',
  iocTypes: 'domain,ip,hash,email',
} as const;

/** Refused first, then corrected. */
const wrong = { packageName: 'json', email: 'zoe@' } as const;

/** The default hooks, unticked one by one before the empty choice is submitted. */
const defaultHooks = typeQuestions.processor[0].default({}, { folderName: '', git: {} }).split(',');

const questions: readonly Question[] = [...appQuestions, ...typeQuestions.processor];

/** The question being asked: the last `? ` line and the lines below it. */
function activePrompt(screen: string): { line: string; below: string[] } | undefined {
  const lines = screen.split('\n');
  const index = lines.findLastIndex((line) => line.startsWith('? '));
  return index < 0 ? undefined : { line: lines[index]!, below: lines.slice(index + 1) };
}

/** The list item under the cursor (`❯`), without its checkbox. */
function cursorItem(screen: string): { name: string; checked?: boolean } | undefined {
  const line = activePrompt(screen)?.below.find((candidate) => candidate.startsWith('❯'));
  if (line === undefined) return undefined;
  const match = /^❯([◯◉])? (.*)$/.exec(line);
  if (!match) return undefined;
  return { name: match[2]!, checked: match[1] === undefined ? undefined : match[1] === '◉' };
}

/** The error under the question, its lines (which inquirer breaks at the terminal's width) joined. */
function errorShown(screen: string): string | undefined {
  const below = activePrompt(screen)?.below ?? [];
  const start = below.findIndex((line) => line.startsWith('> '));
  if (start < 0) return undefined;
  const end = below.findIndex((line, index) => index > start && (line === '' || line.startsWith('↑↓')));
  return below.slice(start, end < 0 ? undefined : end).join('').slice(2);
}

const hasLine = (screen: string, expected: string): boolean => screen.split('\n').includes(expected);

describe('an interactive yo session in a terminal (tmux)', function () {
  this.timeout(300_000);
  let install: YoInstall;
  let projects: string;
  let session: TmuxSession | undefined;
  let finished = false;
  const project = (): string => join(projects, typed.moduleName);

  before(function () {
    this.timeout(300_000);
    const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
    assert.equal(tmux.status, 0, `tmux is needed for this test (apt-get install tmux): ${tmux.error ?? tmux.stderr}`);
    install = installYo();
    const dir = userFolder(join(install.work, 'interactive'));
    const home = userFolder(join(dir, 'home'));
    projects = userFolder(join(dir, 'projects'));
    userFile(join(home, '.npmrc'), `prefix=${install.prefix}\n`);
    session = TmuxSession.start({
      dir,
      cwd: projects,
      command: asUser([install.yo, 'iris-module']),
      env: userEnv(home, [join(install.prefix, 'bin')]),
    });
  });

  after(() => session?.kill());

  it('asks every question in order and takes answers, list choices and corrections from the keyboard', async function () {
    this.timeout(240_000);
    assert.deepEqual(Object.keys(typed), questions.map((question) => question.name), 'one typed answer per question, in order');
    const terminal = session!;

    /** Waits until `question` is the one asked, idle, with `shown` after its message. */
    const asking = (question: Question, shown?: string): Promise<string> =>
      terminal.waitFor(`the question "${question.message}"${shown === undefined ? '' : ` showing ${JSON.stringify(shown)}`}`, (screen) => {
        const line = activePrompt(screen)?.line;
        if (line === undefined || !line.startsWith(`? ${question.message}`)) return undefined;
        const rest = line.slice(`? ${question.message}`.length);
        if (shown === undefined) return rest.startsWith(' (') || rest === '' ? screen : undefined;
        return rest === ` ${shown}` ? screen : undefined;
      });

    const answered = (question: Question, shown: string): Promise<true> =>
      terminal.waitFor(`"${question.message}" answered with ${JSON.stringify(shown)}`, (screen) =>
        hasLine(screen, `✔ ${question.message} ${shown}`) ? true : undefined,
      );

    const input = async (question: Question, text: string): Promise<void> => {
      await asking(question);
      terminal.type(text);
      await asking(question, text);
      terminal.press('Enter');
      await answered(question, text);
    };

    /** Types `text`, and waits for an error under the question that holds every one of `says`. */
    const refused = async (question: Question, text: string, says: readonly string[]): Promise<void> => {
      await asking(question);
      terminal.type(text);
      await asking(question, text);
      terminal.press('Enter');
      await terminal.waitFor(`the refusal of ${JSON.stringify(text)}, saying ${says.map((part) => JSON.stringify(part)).join(' and ')}`, (screen) => {
        const error = errorShown(screen);
        return activePrompt(screen)?.line === `? ${question.message} ${text}` && error !== undefined && says.every((part) => error.includes(part))
          ? true
          : undefined;
      });
      terminal.press('C-u');
      await terminal.waitFor(`"${question.message}" emptied, its error gone`, (screen) => {
        const prompt = activePrompt(screen);
        if (!prompt?.line.startsWith(`? ${question.message}`) || prompt.line.endsWith(text)) return undefined;
        return errorShown(screen) === undefined ? true : undefined;
      });
    };

    /** Moves the list cursor down to `target`, checking each step on screen. */
    const moveTo = async (items: readonly string[], target: string): Promise<void> => {
      let current = (await terminal.waitFor('a list cursor', cursorItem)).name;
      for (let steps = 0; current !== target; steps++) {
        assert.ok(steps < items.length, `${target} is not in the list`);
        const next = items[(items.indexOf(current) + 1) % items.length]!;
        terminal.press('Down');
        current = await terminal.waitFor(`the cursor on ${next}`, (screen) => (cursorItem(screen)?.name === next ? next : undefined));
      }
    };

    const select = async (question: Question, choice: string): Promise<void> => {
      await asking(question);
      await moveTo(question.choices!, choice);
      terminal.press('Enter');
      await answered(question, choice);
    };

    /** Ticks or unticks the item under the cursor. */
    const toggle = async (name: string, checked: boolean): Promise<void> => {
      terminal.press('Space');
      await terminal.waitFor(`${name} ${checked ? 'ticked' : 'unticked'}`, (screen) => {
        const item = cursorItem(screen);
        return item?.name === name && item.checked === checked ? true : undefined;
      });
    };

    for (const question of questions) {
      switch (question.name) {
        case 'type': {
          // Down to the other type and back up: the list follows the arrow keys.
          await asking(question);
          const other = moduleTypes.find((type) => type !== typed.type)!;
          await moveTo(moduleTypes, other);
          terminal.press('Up');
          await terminal.waitFor(`the cursor back on ${typed.type}`, (screen) => (cursorItem(screen)?.name === typed.type ? true : undefined));
          terminal.press('Enter');
          await answered(question, typed.type);
          break;
        }
        case 'license':
          assert.deepEqual(question.choices, licenseIds);
          await select(question, typed.license);
          break;
        case 'packageName':
          await refused(question, wrong.packageName, ['Package name "json"', 'shadow the Python standard library']);
          await input(question, typed.packageName);
          break;
        case 'email':
          await refused(question, wrong.email, ['Email "zoe@"', 'not a valid address']);
          await input(question, typed.email);
          break;
        case 'hooks': {
          await asking(question);
          // Down the list to the last default hook: exactly the defaults are ticked; untick them.
          for (const hook of hookPairs) {
            await moveTo(hookPairs, hook);
            const item = await terminal.waitFor('a list cursor', cursorItem);
            assert.equal(item.checked, defaultHooks.includes(hook), `${hook} is ticked by default, and only the defaults are`);
            if (item.checked) await toggle(hook, false);
            if (hook === defaultHooks.at(-1)) break;
          }
          terminal.press('Enter');
          const noHook = ['No hook chosen', 'at least one object:trigger pair'];
          await terminal.waitFor(`the refusal of no hook, saying ${noHook.join(' and ')}`, (screen) => {
            const error = errorShown(screen);
            return error !== undefined && noHook.every((part) => error.includes(part)) ? true : undefined;
          });
          // Then tick the chosen ones, going round the list.
          for (const hook of typed.hooks.split(',')) {
            await moveTo(hookPairs, hook);
            await toggle(hook, true);
          }
          terminal.press('Enter');
          await answered(question, typed.hooks.split(',').join(', '));
          break;
        }
        case 'iocTypes': {
          // The four families of the default are ticked; untick url, tick email.
          const families = question.choices!;
          await asking(question);
          for (const family of families) {
            await moveTo(families, family);
            const item = await terminal.waitFor('a list cursor', cursorItem);
            assert.equal(item.checked, ['domain', 'ip', 'hash', 'url'].includes(family), `${family} is ticked by default`);
            if (family === 'url') await toggle(family, false);
            if (family === 'email') await toggle(family, true);
          }
          terminal.press('Enter');
          await answered(question, typed.iocTypes.split(',').join(', '));
          break;
        }
        default:
          await input(question, typed[question.name as keyof typeof typed]);
      }
    }

    const status = await terminal.waitForExit();
    assert.equal(status, 0, terminal.history());
    assert.match(terminal.history(), /type exactly:\s+iris_tmuxdemo/);
    finished = true;
  });

  describe('what the session wrote', () => {
    beforeEach(function () {
      if (!finished) this.skip();
    });

    it('stores exactly the typed answers in .yo-rc.json, with the schema, version and file hashes', () => {
      const stored = JSON.parse(readFileSync(join(project(), '.yo-rc.json'), 'utf8'))['generator-iris-module'] as Record<string, unknown>;
      const { schema, generatorVersion, files, ...answers } = stored;
      assert.deepEqual(answers, typed);
      assert.equal(schema, 2);
      assert.equal(generatorVersion, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
      assert.ok(Object.keys(files as object).includes('iris_tmuxdemo/tmuxdemo_handler/tmuxdemo_handler.py'));
    });

    it('writes the project as the unprivileged user', () => {
      assert.deepEqual(readdirSync(projects), [typed.moduleName]);
      for (const file of ['.yo-rc.json', 'pyproject.toml', join('iris_tmuxdemo', 'IrisTmuxdemoInterface.py')]) {
        assert.equal(statSync(join(project(), file)).uid, cliUser().uid, file);
      }
    });

    it('writes the typed metadata into pyproject.toml, LICENSE and AUTHORS', () => {
      const pyproject = parseToml(readFileSync(join(project(), 'pyproject.toml'), 'utf8')) as {
        project: { name: string; version: string; description: string; license: string; authors: unknown[]; urls: Record<string, string> };
      };
      assert.equal(pyproject.project.name, typed.moduleName);
      assert.equal(pyproject.project.version, typed.moduleVersion);
      assert.equal(pyproject.project.description, typed.description);
      assert.equal(pyproject.project.license, typed.license);
      // smol-toml makes null-prototype tables: compare their entries.
      assert.deepEqual(pyproject.project.authors.map((author) => ({ ...(author as object) })), [{ name: typed.author, email: typed.email }]);
      assert.equal(pyproject.project.urls.Homepage, `https://github.com/${typed.githubUser}/${typed.moduleName}`);
      assert.match(readFileSync(join(project(), 'LICENSE'), 'utf8'), /^\s*Apache License\s+Version 2\.0, January 2004/);
      assert.equal(readFileSync(join(project(), 'AUTHORS'), 'utf8').trim(), `${typed.author} <${typed.email}>`);
    });

    it('loads as IRIS does and follows exactly the ticked hooks, with the typed menu labels', () => {
      assert.ok(existsSync(join(project(), 'iris_tmuxdemo', 'tmuxdemo_handler')));
      const report = loadLikeIris(python39(), typed.packageName, project(), ['--register-hooks']);
      assert.equal(report.loaded && report.healthy, true, JSON.stringify(report, null, 2));
      const expected = typed.hooks.split(',').map((pair) => {
        const [object, trigger] = pair.split(':') as [HookObject, HookTrigger];
        return irisHookName(object, trigger)!;
      });
      const known = [...report.registered_hooks, ...report.deregistered_hooks].map((hook) => String(hook.iris_hook_name));
      assert.deepEqual(known.sort(), [...expected].sort());
      // Manual triggers are on by default and carry the label typed for their object.
      const menus = Object.fromEntries(report.registered_hooks.map((hook) => [hook.iris_hook_name, hook.manual_hook_name]));
      assert.deepEqual(menus, { on_manual_trigger_case: 'Case insight from TMux', on_manual_trigger_ioc: 'Ask TMux' });
    });
  });
});

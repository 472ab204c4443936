// Processors generated for a spread of hook sets, proven with real Python: each
// one's own tests pass, and, loaded as IRIS loads it on IRIS's Python 3.9, it
// registers exactly the hooks whose toggle is on and deregisters the others.
// The wheel and the default hooks' own suite are proven in modules.test.ts.
import assert from 'node:assert/strict';
import { generateModule } from '../support/generate.js';
import { loadLikeIris, runPytest, type LoadReport } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';

/** What load_like_iris.py reports after --register-hooks. */
type RegistrationReport = LoadReport & {
  registered: boolean | null;
  warnings: string[];
  active_hooks: Array<{ iris_hook_name: string; ui_name: string | null; run_asynchronously: boolean }>;
};

const objects = ['case', 'asset', 'note', 'ioc', 'event', 'evidence', 'task', 'global_task'];

/** IRIS's name for an `object:trigger` pair, written out here rather than taken from the generator. */
function irisHookName(pair: string): string {
  const [object, trigger] = pair.split(':') as [string, string];
  if (trigger === 'manual') return `on_manual_trigger_${object}`;
  if (trigger.startsWith('preload-')) return `on_preload_${object}_${trigger.slice('preload-'.length)}`;
  return `on_postload_${object}_${trigger}`;
}

interface HookSet {
  label: string;
  keyword: string;
  /** Leave `--hooks` out, so the generator's default applies; otherwise `--hooks` is `pairs`. */
  generatorDefault?: true;
  manualMenuName?: string;
  /** The pairs the module must follow. */
  pairs: string[];
  /** Menu label expected for each manual hook. */
  menus: Record<string, string>;
}

const hookSets: HookSet[] = [
  {
    label: 'the default hooks',
    keyword: 'defaulthooks',
    generatorDefault: true,
    pairs: ['ioc:create', 'ioc:update', 'ioc:manual'],
    menus: { on_manual_trigger_ioc: 'Get Defaulthooks insight' },
  },
  {
    label: 'every post-load hook (create, update and delete of every object)',
    keyword: 'postload',
    pairs: objects.flatMap((object) => ['create', 'update', 'delete'].map((trigger) => `${object}:${trigger}`)),
    menus: {},
  },
  {
    label: 'every manual trigger, with a label per object',
    keyword: 'manual',
    manualMenuName: 'ioc=Ask "Manual" about it;case=Case insight;Manual insight',
    pairs: objects.map((object) => `${object}:manual`),
    menus: Object.fromEntries(
      objects.map((object) => [
        `on_manual_trigger_${object}`,
        object === 'ioc' ? 'Ask "Manual" about it' : object === 'case' ? 'Case insight' : 'Manual insight',
      ]),
    ),
  },
  {
    label: 'pre-load hooks',
    keyword: 'preload',
    pairs: ['ioc:preload-create', 'note:preload-update', 'asset:manual'],
    menus: { on_manual_trigger_asset: 'Get Preload insight' },
  },
  {
    label: 'delete hooks',
    keyword: 'deletes',
    pairs: ['case:delete', 'asset:delete', 'ioc:delete', 'evidence:delete', 'global_task:delete'],
    menus: {},
  },
];

describe('processors for a spread of hook sets, proven with real Python', function () {
  this.timeout(300_000);

  for (const set of hookSets) {
    describe(set.label, () => {
      const packageName = `iris_${set.keyword}_module`;
      const hookNames = set.pairs.map(irisHookName);
      let dir: string;

      /** --config storing every hook toggle as `enabled`. */
      const toggles = (enabled: boolean): string[] => [
        '--config',
        JSON.stringify(hookNames.map((hook) => ({ param_name: `${set.keyword}_${hook}_enabled`, value: enabled }))),
      ];

      const register = (extra: string[]): RegistrationReport => {
        const report = loadLikeIris(python39(), packageName, dir, ['--register-hooks', ...extra]) as RegistrationReport;
        assert.equal(report.registered, true, `${report.message}\n${JSON.stringify(report, null, 2)}`);
        assert.deepEqual(report.warnings, [], 'every toggle given is a parameter of the module');
        return report;
      };

      const names = (calls: Array<Record<string, unknown>>): string[] => calls.map((call) => String(call.iris_hook_name)).sort();

      before(async function () {
        this.timeout(120_000);
        const options: Record<string, string> = { keyword: set.keyword };
        if (!set.generatorDefault) options.hooks = set.pairs.join(',');
        if (set.manualMenuName !== undefined) options.manualMenuName = set.manualMenuName;
        ({ dir } = await generateModule({ type: 'processor', moduleName: `iris-${set.keyword}-module`, options }));
      });

      // The default hooks' suite runs for every name in modules.test.ts.
      if (!set.generatorDefault) {
        it('passes its own test suite, whose hook tests follow the chosen hooks (pytest, Python 3.11)', () => {
          const report = runPytest(python311(), dir);
          assert.equal(report.status, 0, report.output);
          assert.ok(report.collected > 0, report.output);
          assert.equal(report.passed, report.collected, report.output);
          assert.equal(report.skipped, 0, report.output);
        });
      }

      it('with every toggle on, registers exactly the chosen hooks and deregisters none (Python 3.9)', () => {
        const report = register(toggles(true));

        assert.deepEqual(names(report.registered_hooks), [...hookNames].sort());
        assert.deepEqual(names(report.active_hooks), [...hookNames].sort());
        assert.deepEqual(report.deregistered_hooks, []);
      });

      it('registers pre-load hooks synchronously, the others asynchronously, manual ones under their menu label', () => {
        const report = register(toggles(true));

        assert.equal(report.active_hooks.length, hookNames.length);
        for (const row of report.active_hooks) {
          const preload = row.iris_hook_name.startsWith('on_preload_');
          assert.equal(row.run_asynchronously, !preload, row.iris_hook_name);
          assert.equal(row.ui_name, set.menus[row.iris_hook_name] ?? null, row.iris_hook_name);
        }
      });

      it('with every toggle off, registers nothing and deregisters every chosen hook', () => {
        const report = register(toggles(false));

        assert.deepEqual(report.registered_hooks, []);
        assert.deepEqual(report.active_hooks, []);
        assert.deepEqual(names(report.deregistered_hooks), [...hookNames].sort());
      });

      it('with the defaults, registers the manual triggers only', () => {
        const report = register([]);

        const manual = hookNames.filter((hook) => hook.startsWith('on_manual_trigger_')).sort();
        assert.deepEqual(names(report.active_hooks), manual);
        assert.deepEqual(names(report.deregistered_hooks), hookNames.filter((hook) => !manual.includes(hook)).sort());
      });
    });
  }
});

// Pipeline modules for several argument and file-type choices, proven with real
// Python: their own tests pass on 3.11 (and cover what issue 5 asks of them), and the
// installed wheel loads, passes the health check and imports uploads on 3.9, IRIS's
// Python, with pipeline_info matching the options.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateModule } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { buildWheel, collectTests, compileAll, installWheel, loadLikeIris, runPytest } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';
import { ruffCheck, ruffFormatCheck } from '../support/ruff.js';

interface PipelineCase {
  label: string;
  moduleName: string;
  packageName: string;
  options: Record<string, string>;
  /** pipeline_info's pipeline_args as IRIS must see them. */
  args: Array<[string, 'required' | 'optional']>;
  /** Accepted extensions, lower case; empty for any file. */
  fileTypes: string[];
}

const manyOptional = ['source', 'host', 'tag', 'analyst_note', 'batch_id', 'priority', 'Sub_Type', 'x'];

const cases: PipelineCase[] = [
  {
    label: 'default answers',
    moduleName: 'iris-plain-ingest-module',
    packageName: 'iris_plain_ingest_module',
    options: {},
    args: [['tag', 'optional']],
    fileTypes: [],
  },
  {
    label: 'index:required,tag:optional with .evtx,.json',
    moduleName: 'iris-evtx-ingest-module',
    packageName: 'iris_evtx_ingest_module',
    options: { pipelineArgs: 'index:required,tag:optional', fileTypes: '.evtx,.json' },
    args: [
      ['index', 'required'],
      ['tag', 'optional'],
    ],
    fileTypes: ['.evtx', '.json'],
  },
  {
    label: 'case_ref:required with .tar.gz,.E01',
    moduleName: 'iris-disk-ingest-module',
    packageName: 'iris_disk_ingest_module',
    options: { pipelineArgs: 'case_ref:required', fileTypes: '.tar.gz,.E01' },
    args: [['case_ref', 'required']],
    fileTypes: ['.tar.gz', '.e01'],
  },
  {
    label: 'many optional arguments, extensions without dots',
    moduleName: 'iris-many-args-module',
    packageName: 'iris_many_args_module',
    options: { pipelineArgs: manyOptional.map((name) => `${name}:optional`).join(','), fileTypes: 'log, TXT' },
    args: manyOptional.map((name) => [name, 'optional']),
    fileTypes: ['.log', '.txt'],
  },
];

// Runs on Python 3.9 against the installed wheel: uploads as IRIS's app does (names
// already through secure_filename, or not), then pipeline runs as IRIS's worker does.
// Prints what happened as JSON.
const ingestScript = String.raw`
import json, os, site, sys, tempfile
site_dir, project, package, extension, arguments = sys.argv[1:6]
arguments = json.loads(arguments)
# The wheel's folder as IRIS's site-packages: after the standard library.
site.addsitedir(site_dir)
sys.path.insert(0, os.path.join(project, "tests"))
from iris_harness import stubs
from iris_harness.loader import load_like_iris
from iris_harness.objects import FileUpload, make_pipeline_data
recorder = stubs.install()
root = tempfile.mkdtemp()
folder = os.path.join(root, "downloads", "customer", "case_1", package)

def upload(name, content):
    status = load_like_iris(package).pipeline_files_upload(folder + "/", FileUpload(name, content), "customer", "case 1", "true")
    return status.is_success()

def run(pipeline_type, args):
    data = make_pipeline_data(folder, pipeline_args=args, case_id=7, user_id=2)
    status = load_like_iris(package).pipeline_handler(pipeline_type=pipeline_type, pipeline_data=data)
    return {"success": status.is_success(), "message": status.get_message(), "data": status.get_data(), "logs": status.get_logs()}

report = {"uploads": {}}
report["run_before_upload"] = run("pipeline_update", arguments)
for name, content in [("../../escape" + extension, b"one"), ("first" + extension.upper(), b"two"), ("second" + extension, b"one"), ("notes.unaccepted", b"three")]:
    report["uploads"][name] = upload(name, content)
report["files"] = sorted(os.path.relpath(os.path.join(d, f), root) for d, _s, fs in os.walk(root) for f in fs)
missing = {name: None for name in arguments}
report["missing_arguments"] = run("pipeline_update", missing)
report["update"] = run("pipeline_update", arguments)
upload("third" + extension, b"four")
report["import"] = run("pipeline_import", arguments)
report["other_type"] = run("pipeline_delete", arguments)
report["evidence"] = [[e["filename"], e["case_id"], e["user_id"]] for e in recorder.evidence]
report["python"] = sys.version_info[:2]
print(json.dumps(report))
`;

interface RunReport {
  success: boolean;
  message: string;
  data: Record<string, string[]> | null;
  logs: string[];
}

interface IngestReport {
  uploads: Record<string, boolean>;
  run_before_upload: RunReport;
  missing_arguments: RunReport;
  update: RunReport;
  import: RunReport;
  other_type: RunReport;
  evidence: Array<[string, number, number]>;
  files: string[];
  python: [number, number];
}

describe('pipeline modules for several argument and file-type choices, proven with real Python', function () {
  this.timeout(180_000);

  for (const pipeline of cases) {
    describe(pipeline.label, () => {
      let dir: string;
      let site: string;

      before(async function () {
        this.timeout(120_000);
        ({ dir } = await generateModule({ type: 'pipeline', moduleName: pipeline.moduleName, options: pipeline.options }));
        compileAll(python39(), dir);
        site = installWheel(buildWheel(dir));
      });

      it('loads from the wheel on Python 3.9, passes the health check, and declares the chosen arguments', () => {
        const report = loadLikeIris(python39(), pipeline.packageName, site);
        assert.equal(report.loaded && report.healthy, true, JSON.stringify(report, null, 2));
        assert.equal(report.module_type, 'module_pipeline');
        const info = report.pipeline_info;
        assert.deepEqual(info.pipeline_args, pipeline.args);
        assert.equal(info.pipeline_update_support, true);
        assert.equal(info.pipeline_import_support, true);
        assert.match(String(info.pipeline_internal_name), /^[A-Za-z_][A-Za-z0-9_]*$/);
        assert.ok(String(info.pipeline_human_name).length > 0);
      });

      it('imports uploads safely on Python 3.9 from the installed wheel', () => {
        const extension = pipeline.fileTypes[0] ?? '.bin';
        const filled = Object.fromEntries(pipeline.args.map(([name]) => [name, `value of ${name}`]));
        const result = spawnSync(
          python39(),
          ['-c', ingestScript, site, dir, pipeline.packageName, extension, JSON.stringify(filled)],
          { encoding: 'utf8', env: { ...process.env, PYTHONPATH: irisInterfacePath(), PYTHONDONTWRITEBYTECODE: '1' } },
        );
        assert.equal(result.status, 0, result.stdout + result.stderr);
        const report = JSON.parse(result.stdout) as IngestReport;
        assert.deepEqual(report.python, [3, 9]);
        const anyFile = pipeline.fileTypes.length === 0;
        const upper = extension.toUpperCase();

        // Nothing uploaded yet: the folder does not exist, and there is nothing to import.
        assert.equal(report.run_before_upload.success, true);
        assert.match(report.run_before_upload.message, /^Nothing to import/);

        // A traversal name lands in the upload folder; an unaccepted type is refused.
        assert.equal(report.uploads[`../../escape${extension}`], true);
        assert.equal(report.uploads['notes.unaccepted'], anyFile);
        assert.equal(report.files.length, anyFile ? 4 : 3, report.files.join('\n'));
        assert.ok(
          report.files.every((file) => file.startsWith(`downloads/customer/case_1/${pipeline.packageName}/`)),
          report.files.join('\n'),
        );

        const required = pipeline.args.filter(([, need]) => need === 'required').map(([name]) => name);
        if (required.length > 0) {
          assert.equal(report.missing_arguments.success, false);
          for (const name of required) assert.match(report.missing_arguments.message, new RegExp(name));
        } else {
          assert.equal(report.missing_arguments.success, true, report.missing_arguments.logs.join('\n'));
        }

        // "escape" and "second" hold the same bytes: one is registered, the other skipped.
        const update = required.length > 0 ? report.update : report.missing_arguments;
        assert.equal(update.success, true, update.logs.join('\n'));
        assert.equal(update.data!.imported!.length, anyFile ? 3 : 2, update.logs.join('\n'));
        assert.equal(update.data!.already_registered!.length, 1);
        assert.ok(update.data!.imported!.includes(`first${upper}`), JSON.stringify(update.data));
        assert.ok(update.logs.some((line) => line.includes('already registered')), update.logs.join('\n'));

        // The second run type imports the new file only (the uploads imported before are kept,
        // and found already registered); an unknown type is refused by name.
        assert.equal(report.import.success, true, report.import.logs.join('\n'));
        assert.deepEqual(report.import.data!.imported, [`third${extension}`]);
        assert.equal(report.import.data!.already_registered!.length, anyFile ? 4 : 3, JSON.stringify(report.import.data));
        assert.equal(report.other_type.success, false);
        assert.match(report.other_type.message, /pipeline_delete/);

        assert.equal(report.evidence.length, anyFile ? 4 : 3);
        assert.ok(report.evidence.every(([, caseId, userId]) => caseId === 7 && userId === 2));
      });

      it('is clean under ruff check and ruff format --check', () => {
        assert.deepEqual(ruffCheck(dir), []);
        assert.equal(ruffFormatCheck(dir), '');
      });

      it('passes its own tests on Python 3.11, which cover what a pipeline must handle', function () {
        this.timeout(120_000);
        const tests = collectTests(python311(), dir);
        const expected = [
          'test_upload_names_cannot_leave_the_upload_folder',
          'test_an_absolute_upload_name_stays_in_the_upload_folder',
          'test_names_reduced_to_nothing_get_a_generated_one',
          'test_a_missing_upload_folder_is_created',
          'test_a_refused_upload_says_what_is_accepted_and_what_to_do_next',
          'test_nothing_to_import[missing]',
          'test_nothing_to_import[empty]',
          'test_uploads_are_kept_by_default',
          'test_a_bad_number_costs_only_its_own_parameter',
          'test_files_already_registered_are_skipped_and_the_parameter_is_named',
          'test_files_already_registered_can_be_imported_again',
          'test_one_failing_file_does_not_stop_the_others',
          'test_a_rejected_file_gets_its_reason_without_a_traceback',
          'test_uploads_are_registered_as_evidence[pipeline_update]',
          'test_uploads_are_registered_as_evidence[pipeline_import]',
          'test_an_unknown_pipeline_type_is_a_failure_status',
          'test_files_of_other_types_are_skipped_and_said_so',
          'test_a_required_argument_left_empty_stops_the_run',
        ];
        for (const name of expected) {
          assert.ok(
            tests.some((id) => id.endsWith(`::${name}`) || id.includes(`::${name}[`)),
            `${name} not among the generated tests:\n${tests.join('\n')}`,
          );
        }

        const report = runPytest(python311(), dir);
        assert.equal(report.status, 0, report.output);
        assert.ok(report.collected > 0, report.output);
        assert.equal(report.collected, tests.length, report.output);
        assert.equal(report.passed, report.collected, report.output);
        assert.equal(report.skipped, 0, report.output);
      });
    });
  }
});

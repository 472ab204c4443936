// An author's work, scripted: the example lookups or process_file replaced by a
// different implementation, and the author's test by one for it. The generator's
// own tests keep passing, and the module still loads and passes IRIS's health check.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModule } from '../support/generate.js';
import { collectTests, loadLikeIris, runPytest } from '../support/python-project.js';
import { python311, python39 } from '../support/python.js';

const processorHandler = `"""Urlscan: a search service that knows domains only."""

from iris_urlscan_module._runtime import Finding

API_KEY_HEADER = "x-apikey"


def lookup_domain(value, service):
    """POST the domain to the service's search, and tag what it calls malicious."""
    answer = service.post("search", json={"query": value, "kind": "domain"}, params={"limit": 5})
    hits = (answer or {}).get("results") or []
    if not hits:
        return None
    verdicts = sorted({hit.get("verdict", "unknown") for hit in hits})
    return Finding({"hits": hits}, tags=[f"urlscan:{verdict}" for verdict in verdicts])
`;

const processorTest = `"""The search lookup."""

from iris_urlscan_module._runtime import Service
from iris_urlscan_module.urlscan_handler import urlscan_handler as handler


def test_a_domain_is_searched_and_tagged_by_verdict(fake_service):
    fake_service.answer({"results": [{"verdict": "malicious"}, {"verdict": "clean"}]})
    service = Service.standalone(fake_service.url, "k", handler=handler)

    finding = handler.lookup_domain("evil.example.com", service)

    assert finding.tags == ("urlscan:clean", "urlscan:malicious")
    (request,) = fake_service.requests
    assert (request.method, request.path, request.query) == ("POST", "/search", {"limit": ["5"]})
    assert request.json == {"query": "evil.example.com", "kind": "domain"}
    assert request.headers["x-apikey"] == "k"


def test_no_hit_is_no_finding(fake_service):
    fake_service.answer({"results": []})

    assert handler.lookup_domain("x.example", Service.standalone(fake_service.url)) is None
`;

const pipelineHandler = `"""Evtx: counts the lines of CSV exports."""

from iris_evtx_module._runtime import RejectFile

ACCEPTED_FILE_TYPES = (".csv",)


def process_file(path, sha256, context):
    """Count the rows of a CSV export; refuse an empty one."""
    with open(path, encoding="utf-8", errors="replace") as stream:
        rows = sum(1 for line in stream if line.strip())
    if rows == 0:
        raise RejectFile("the file holds no row")
    context.log.info("%s: %d rows", path, rows)
    return f"CSV export of {rows} rows"
`;

const pipelineTest = `"""The CSV row counter."""

from iris_harness.objects import FileUpload
from iris_harness.pipelines import run, upload

PACKAGE = "iris_evtx_module"


def test_rows_are_counted_into_the_evidence_description(iris, upload_dir):
    assert upload(PACKAGE, upload_dir, FileUpload("export.csv", b"a,b\\nc,d\\n")).is_success()

    status = run(PACKAGE, upload_dir)

    assert status.is_success(), status.get_logs()
    assert [evidence["description"] for evidence in iris.evidence] == ["CSV export of 2 rows"]


def test_an_empty_export_is_rejected(iris, upload_dir):
    assert upload(PACKAGE, upload_dir, FileUpload("empty.csv", b"\\n")).is_success()

    status = run(PACKAGE, upload_dir)

    assert status.get_data()["rejected"] == ["empty.csv"]
    assert iris.evidence == []
`;

const edits = [
  {
    type: 'processor' as const,
    moduleName: 'iris-urlscan-module',
    packageName: 'iris_urlscan_module',
    handler: 'iris_urlscan_module/urlscan_handler/urlscan_handler.py',
    test: 'tests/test_iris_urlscan_module/test_urlscan.py',
    files: [processorHandler, processorTest],
  },
  {
    type: 'pipeline' as const,
    moduleName: 'iris-evtx-module',
    packageName: 'iris_evtx_module',
    handler: 'iris_evtx_module/evtx_handler/evtx_handler.py',
    test: 'tests/test_iris_evtx_module/test_evtx.py',
    files: [pipelineHandler, pipelineTest],
  },
];

describe("an author's own code in place of the examples, proven with real Python", function () {
  this.timeout(300_000);
  for (const edit of edits) {
    it(`a ${edit.type}: every test passes, the generator's included, and IRIS still loads it`, async () => {
      const { dir } = await generateModule({ type: edit.type, moduleName: edit.moduleName });
      const before = collectTests(python311(), dir).length;
      writeFileSync(join(dir, edit.handler), edit.files[0]!);
      writeFileSync(join(dir, edit.test), edit.files[1]!);

      const report = runPytest(python311(), dir);

      assert.equal(report.status, 0, report.output);
      assert.equal(report.passed, report.collected, report.output);
      assert.equal(report.skipped, 0, report.output);
      // The generator's tests are all still there; the author's two replace the examples.
      assert.ok(report.collected >= before - 5, `${report.collected} tests, ${before} before:\n${report.output}`);
      const load = loadLikeIris(python39(), edit.packageName, dir);
      assert.equal(load.message, 'Success', JSON.stringify(load, null, 2));
      assert.equal(load.healthy, true, load.health_logs.join('\n'));
    });
  }
});

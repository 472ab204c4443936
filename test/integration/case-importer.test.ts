// The most common pipeline, written as an author would: a CSV of indicators, each
// row an IOC of the case, through the runtime's case writer. Hostile files import
// what is valid, refuse the rest with line numbers, write nothing outside the
// upload folder, and keep what failed. Proven with the module's own pytest suite.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModule } from '../support/generate.js';
import { runPytest } from '../support/python-project.js';
import { python311 } from '../support/python.js';

const importer = `"""Indicators: a CSV export of type,value,description rows, each an IOC of the case."""

import csv

from iris_indicators_module._runtime import RejectFile

ACCEPTED_FILE_TYPES = (".csv",)


def process_file(path, sha256, context):
    """Add one IOC per row; refuse a file with no row at all."""
    rows = 0
    with open(path, encoding="utf-8", errors="replace", newline="") as stream:
        lines = (line.replace("\\0", "") for line in stream)
        for number, row in enumerate(csv.reader(lines), 1):
            if not row or not "".join(row).strip():
                continue
            rows += 1
            if len(row) < 2:
                context.log.warning("Line %d: expected type,value[,description]", number)
                continue
            outcome = context.case.add_ioc(row[0].strip(), row[1], description=",".join(row[2:]))
            if not outcome:
                context.log.warning("Line %d: %s", number, outcome.reason)
    if rows == 0:
        raise RejectFile("no row in the file")
    return f"{rows} rows of indicators"
`;

const importerTests = String.raw`"""The CSV importer, with hostile files."""

import csv

import pytest
from iris_harness.objects import FileUpload
from iris_harness.pipelines import files_under, run, upload

PACKAGE = "iris_indicators_module"
CASE = 3


def imported(iris, tmp_path, upload_dir, name, content):
    assert upload(PACKAGE, upload_dir, FileUpload(name, content)).is_success()
    status = run(PACKAGE, upload_dir, case_id=CASE)
    outside = [path for path in files_under(tmp_path) if upload_dir not in path.parents]
    assert outside == [], outside
    return status, [(ioc.ioc_type.type_name, ioc.ioc_value) for ioc in iris.case_store.iocs_of(CASE)]


def warnings(status):
    return [line for line in status.get_logs() if "Line " in line]


def test_valid_rows_are_imported_and_the_others_refused_with_their_line(iris, tmp_path, upload_dir):
    content = b"domain,evil.example.com,phishing\nmd5,not-a-hash,bad\nsha-256,abc,unknown type\nip-dst,203.0.113.7\njust-one-field\n"

    status, iocs = imported(iris, tmp_path, upload_dir, "rows.csv", content)

    assert status.is_success(), status.get_logs()
    assert iocs == [("domain", "evil.example.com"), ("ip-dst", "203.0.113.7")]
    assert [line.split(":")[0].split(" ")[-1] for line in warnings(status)] == ["2", "3", "5"]
    assert "IOCs: 2 added, 2 refused" in status.get_message()
    assert [evidence["description"] for evidence in iris.evidence] == ["5 rows of indicators"]


def test_invalid_utf8_is_read_around(iris, tmp_path, upload_dir):
    content = b"domain,ok.example.com\ndomain,\xff\xfe\xfdbad.example.com\n"

    status, iocs = imported(iris, tmp_path, upload_dir, "latin.csv", content)

    assert status.is_success(), status.get_logs()
    assert ("domain", "ok.example.com") in iocs
    assert len(iocs) == 2


def test_a_nul_byte_does_not_stop_the_file(iris, tmp_path, upload_dir):
    status, iocs = imported(iris, tmp_path, upload_dir, "nul.csv", b"domain,a.example.com\n\x00\nmd5,44d88612fea8a8f36de82e1278abb02f\n")

    assert status.is_success(), status.get_logs()
    assert iocs == [("domain", "a.example.com"), ("md5", "44d88612fea8a8f36de82e1278abb02f")]


def test_a_200000_character_field_is_refused_or_kept_whole(iris, tmp_path, upload_dir):
    csv.field_size_limit(1_000_000)
    long_value = "a" * 200_000
    status, iocs = imported(iris, tmp_path, upload_dir, "long.csv", f"md5,{long_value}\ndomain,b.example.com\n".encode())

    assert status.is_success(), status.get_logs()
    assert iocs == [("domain", "b.example.com")]
    assert warnings(status) and "32 hexadecimal characters" in warnings(status)[0]


def test_an_empty_file_is_rejected_and_kept(iris, tmp_path, upload_dir):
    status, iocs = imported(iris, tmp_path, upload_dir, "empty.csv", b"")

    assert status.get_data()["rejected"] == ["empty.csv"]
    assert iocs == []
    assert [path.name for path in files_under(upload_dir)] == ["empty.csv"]


def test_a_refused_extension_is_not_saved(iris, tmp_path, upload_dir):
    status = upload(PACKAGE, upload_dir, FileUpload("rows.xlsx", b"domain,x.example.com\n"))

    assert status.is_failure()
    assert ".csv" in status.get_message()
    assert files_under(tmp_path) == []
`;

describe('a CSV importer written on the case writer, with hostile files, proven with real Python', function () {
  this.timeout(300_000);
  it('imports what is valid, refuses the rest by line, writes nothing elsewhere, keeps what failed', async () => {
    const { dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-indicators-module', options: { fileTypes: '.csv' } });
    writeFileSync(join(dir, 'iris_indicators_module/indicators_handler/indicators_handler.py'), importer);
    writeFileSync(join(dir, 'tests/test_iris_indicators_module/test_indicators.py'), importerTests);

    const report = runPytest(python311(), dir);

    assert.equal(report.status, 0, report.output);
    assert.equal(report.passed, report.collected, report.output);
    assert.equal(report.skipped, 0, report.output);
    assert.match(report.output, /\d+ passed/);
    // The six tests of the importer, with every test of the generator's.
    assert.ok(report.collected > 120, `${report.collected} tests:\n${report.output}`);
  });
});

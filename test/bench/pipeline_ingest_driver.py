"""Times a generated pipeline module's ``pipeline_update`` run next to ``openssl dgst -sha256``.

Driven by pipeline-ingest.bench.ts, which generates the module and the files:

    python pipeline_ingest_driver.py --project DIR --package NAME --stand-in DIR \
        --data DIR --runs N

The module runs in this process, as in IRIS's long-running worker: a new instance per
run (IRIS creates one per run), the real ``pipeline_handler`` walking the upload folder,
hashing, checking and registering evidence. Two things are replaced, so the figure is
the module's own cost: the evidence storage is an in-memory dict (IRIS's is a database),
and ``process_file`` does nothing. "Remove uploads once imported" is off, and each run
gets an empty storage, so every run imports every file.

openssl runs as a child process over the same files, named relative to the folder.
Both are timed alternately, after one untimed run of each that warms the page cache
and checks that both found the same SHA-256 for every file. One JSON object is
printed: for each run, the wall time and the CPU time (user + system) in seconds.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time


class MemoryEvidenceStorage:
    """IRIS's EvidenceStorage for one case, with a dict for a database: file name by SHA-256."""

    def __init__(self):
        self.names = {}

    def is_evidence_registered(self, case_id, sha256):
        return sha256 in self.names

    def add_evidence(self, case_id, filename, description, size, sha256, date_added, user_id):
        self.names[sha256] = filename
        return filename


def no_processing(file_path, sha256, context):
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", required=True, help="the generated project's folder")
    parser.add_argument("--package", required=True, help="the module's import name")
    parser.add_argument("--stand-in", required=True, help="folder holding iris_interface")
    parser.add_argument("--data", required=True, help="the upload folder to import")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    sys.path[:0] = [os.path.join(options.project, "tests"), options.project, options.stand_in]
    from iris_harness import stubs
    from iris_harness.loader import load_like_iris

    recorder = stubs.install()
    probe = load_like_iris(options.package)
    interface_module = sys.modules[probe.__module__]
    config, handler = interface_module.config, interface_module.handler
    recorder.configure(
        probe.get_module_name(),
        probe.get_init_configuration(),
        **{config.parameter_prefix + "remove_imported_uploads": False},
    )
    handler.process_file = no_processing

    names = sorted(
        os.path.relpath(os.path.join(root, name), options.data)
        for root, _dirs, files in os.walk(options.data)
        for name in files
    )
    pipeline_data = {
        "pipeline_args": {},
        "db_name": "",
        "user": "bench",
        "user_id": 1,
        "case_name": "bench",
        "case_id": 1,
        "path": options.data,
        "is_update": True,
    }

    def run_pipeline():
        storage = MemoryEvidenceStorage()
        cpu_start = time.process_time()
        start = time.perf_counter()
        instance = load_like_iris(options.package)
        instance._evidence_storage = storage
        status = instance.pipeline_handler(
            pipeline_type="pipeline_update", pipeline_data=dict(pipeline_data)
        )
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        if not status.is_success() or len(status.get_data()["imported"]) != len(names):
            raise SystemExit(f"the pipeline did not import every file: {status.get_message()}")
        return elapsed, cpu, {name: sha256 for sha256, name in storage.names.items()}

    def children_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    def run_openssl():
        cpu_start = children_cpu()
        start = time.perf_counter()
        result = subprocess.run(
            ["openssl", "dgst", "-sha256", "-r", *names],
            cwd=options.data,
            stdout=subprocess.PIPE,
            check=True,
        )
        elapsed = time.perf_counter() - start
        cpu = children_cpu() - cpu_start
        digests = {}
        for line in result.stdout.decode().splitlines():
            digest, _space, name = line.partition(" ")
            digests[name.lstrip("*")] = digest
        return elapsed, cpu, digests

    reference = run_openssl()[2]
    imported = run_pipeline()[2]
    if imported != reference:
        raise SystemExit("the pipeline's SHA-256 differ from openssl's")
    if len(set(reference.values())) != len(names):
        raise SystemExit("the files are not all different: duplicate skipping would cheat")

    timings = {"openssl": [], "pipeline": [], "openssl_cpu": [], "pipeline_cpu": []}
    for _run in range(options.runs):
        for label, measure in (("openssl", run_openssl), ("pipeline", run_pipeline)):
            elapsed, cpu, _digests = measure()
            timings[label].append(elapsed)
            timings[label + "_cpu"].append(cpu)
    print(
        json.dumps(
            {
                "files": len(names),
                "bytes": sum(os.path.getsize(os.path.join(options.data, n)) for n in names),
                "python": sys.version.split()[0],
                **timings,
            }
        )
    )


if __name__ == "__main__":
    main()

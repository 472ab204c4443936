"""Times a generated pipeline's example importer writing IOCs through the case writer.

Driven by case-writer.bench.ts. In one Python process, with the project's test harness
(IRIS's case store in memory), each run uploads one file of N lines, every line a
different domain, and runs the pipeline on it; the run's time covers the whole
pipeline: walk, hash, process_file (one ``add_ioc`` per line) and evidence.
Prints JSON: the seconds of each run, by line count.
"""

import argparse
import json
import os
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", required=True)
    parser.add_argument("--package", required=True)
    parser.add_argument("--stand-in", required=True)
    parser.add_argument("--lines", type=int, nargs="+", required=True)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    sys.path[:0] = [os.path.join(options.project, "tests"), options.project, options.stand_in]
    from iris_harness import stubs
    from iris_harness.objects import FileUpload
    from iris_harness.pipelines import run, upload

    recorder = stubs.install()
    timings = {}
    for count in options.lines:
        content = "".join(f"host-{index}.evil-{count}.example.com\n" for index in range(count)).encode()
        seconds = []
        for _run in range(options.runs):
            recorder.reset()
            folder = tempfile.mkdtemp(prefix="iris-writer-bench-")
            if not upload(options.package, folder, FileUpload("indicators.txt", content)).is_success():
                raise SystemExit("the upload was refused")
            start = time.perf_counter()
            status = run(options.package, folder)
            seconds.append(time.perf_counter() - start)
            added = len(recorder.case_store.iocs)
            if not status.is_success() or added != count:
                raise SystemExit(f"{added} IOCs added of {count}: {status.get_message()}")
        timings[str(count)] = seconds
    print(json.dumps({"python": sys.version.split()[0], "seconds": timings}))


if __name__ == "__main__":
    main()

"""Load many generated modules the way IRIS does, in one Python process.

    python load_modules.py <manifest.json>

The manifest is a JSON list of {"id", "dir", "package"}. For each entry the
project folder is added as IRIS's site-packages are (site.addsitedir: after
the standard library, so a package named like a standard module loses to it,
as in IRIS), then test/python/load_like_iris.py instantiates the module,
runs IRIS's health check and registers it (hooks of processors included).
Between entries the package is unloaded and the IRIS stubs are reset, so each
module is seen as by a fresh IRIS. One JSON line is printed per module:

    {"id", "report": <load_like_iris report>, "description": ..., "module_version": ...}

then {"done": true}. What the modules print goes to stderr.
"""
import contextlib
import importlib
import json
import os
import site
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))

import load_like_iris  # noqa: E402  (puts the IRIS stubs and the iris_interface in use on sys.path)
from app import _recorder  # noqa: E402


def unload(package):
    for name in list(sys.modules):
        if name == package or name.startswith(package + "."):
            del sys.modules[name]


def check(entry):
    package = entry["package"]
    _recorder.reset()
    folder = os.path.abspath(entry["dir"])
    site.addsitedir(folder)
    importlib.invalidate_caches()
    try:
        report = load_like_iris.run(package, register_hooks=True)
        instance, message = load_like_iris.instantiate_module_from_name(package)
        return {
            "id": entry["id"],
            "report": report,
            "description": instance.get_module_description() if instance is not None else None,
            "module_version": instance.get_module_version() if instance is not None else None,
            "instantiate": message,
        }
    finally:
        sys.path.remove(folder)
        unload(package)


def main(argv):
    with open(argv[1], encoding="utf-8") as handle:
        entries = json.load(handle)
    out = sys.stdout
    for entry in entries:
        try:
            with contextlib.redirect_stdout(sys.stderr):
                record = check(entry)
        except Exception as exc:
            record = {"id": entry["id"], "error": "{}: {}".format(type(exc).__name__, exc), "traceback": traceback.format_exc()}
        out.write(json.dumps(record, default=repr) + "\n")
        out.flush()
    out.write(json.dumps({"done": True}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

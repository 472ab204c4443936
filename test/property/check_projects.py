"""Batch checks of many generated projects in one Python process.

    python check_projects.py compile <manifest.json>      every .py file compiles, warnings as errors
    python check_projects.py toml <manifest.json>         pyproject.toml parses with tomllib (3.11+)
    python check_projects.py metadata <manifest.json>     setuptools reads pyproject.toml and writes core metadata
    python check_projects.py stdlib                       this interpreter's standard library (see stdlib_names)

The manifest is a JSON list of {"id": ..., "dir": ...}. One JSON object is
printed per line: results for each project, then {"done": ...}. The property
tests (test/property/inputs.test.ts) compare them with the answers given.
"""
import io
import json
import os
import sys
import warnings


def emit(record):
    sys.stdout.write(json.dumps(record) + "\n")


def python_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def compile_all(projects):
    count = 0
    for project in projects:
        for path in python_files(project["dir"]):
            count += 1
            with open(path, "rb") as handle:
                source = handle.read()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error")
                    compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, Warning) as exc:
                emit({"id": project["id"], "file": path, "error": "{}: {}".format(type(exc).__name__, exc)})
    emit({"done": True, "files": count, "version": sys.version.split()[0]})


def parse_toml(projects):
    import tomllib

    for project in projects:
        path = os.path.join(project["dir"], "pyproject.toml")
        try:
            with open(path, "rb") as handle:
                emit({"id": project["id"], "project": tomllib.load(handle)["project"]})
        except Exception as exc:
            emit({"id": project["id"], "error": "{}: {}".format(type(exc).__name__, exc)})
    emit({"done": True})


def core_metadata(projects):
    """What a wheel's METADATA would say, as setuptools writes it from pyproject.toml."""
    from email import message_from_string
    from email.utils import getaddresses

    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    warnings.simplefilter("ignore")
    for project in projects:
        path = os.path.join(project["dir"], "pyproject.toml")
        try:
            dist = Distribution()
            apply_configuration(dist, path)
            buffer = io.StringIO()
            dist.metadata.write_pkg_file(buffer)
            metadata = message_from_string(buffer.getvalue())
            author_email = metadata.get("Author-email")
            emit({
                "id": project["id"],
                "name": metadata.get("Name"),
                "version": metadata.get("Version"),
                "summary": metadata.get("Summary"),
                "author": metadata.get("Author"),
                "author_email": author_email,
                "author_addresses": getaddresses([author_email]) if author_email is not None else None,
                "license_expression": metadata.get("License-Expression"),
            })
        except Exception as exc:
            emit({"id": project["id"], "error": "{}: {}".format(type(exc).__name__, exc)})
    emit({"done": True})


def stdlib_names():
    """Top-level modules of this interpreter's standard library, from two sources.

    - "found": what pkgutil finds in the standard library's folders (lib-dynload
      included) plus the modules built into the interpreter: what an import
      finds there, and IRIS's site-packages come after it. Python 3.9 has only
      this source.
    - "declared": sys.stdlib_module_names, Python's own list (3.10 and later).
    """
    import pkgutil
    import sysconfig

    folders = set()
    for key in ("stdlib", "platstdlib"):
        folder = sysconfig.get_paths()[key]
        folders.update([folder, os.path.join(folder, "lib-dynload")])
    found = {module.name for module in pkgutil.iter_modules(sorted(f for f in folders if os.path.isdir(f)))}
    found.update(sys.builtin_module_names)
    declared = getattr(sys, "stdlib_module_names", None)
    return {
        "version": "{}.{}.{}".format(*sys.version_info[:3]),
        "folders": sorted(folders),
        "found": sorted(found),
        "declared": sorted(declared) if declared is not None else None,
    }


def main(argv):
    mode = argv[1]
    if mode == "stdlib":
        emit(stdlib_names())
        emit({"done": True})
        return 0
    with open(argv[2], encoding="utf-8") as handle:
        projects = json.load(handle)
    {"compile": compile_all, "toml": parse_toml, "metadata": core_metadata}[mode](projects)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

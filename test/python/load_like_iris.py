#!/usr/bin/env python3
"""Load a generated IRIS module the way IRIS does, and report as JSON.

Used by the generator-iris-module integration tests:

    python load_like_iris.py <package_name> [--site DIR]... [--register-hooks] [--config JSON]

The stubs of IRIS internals (test/python/stubs) and an iris_interface are put
first on sys.path by this script: the stand-in (test/python/stand-in), or the
real package when IRIS_INTERFACE_PATH names a folder holding it (a checkout
of iris-module-interface or an unpacked wheel). The module under test is found
in the --site folders, added as site-packages are (site.addsitedir): after the
standard library, so a package named like a standard module loses to it, as
in IRIS.

Steps, following IRIS 2.4 (app/iris_engine/module_handler/module_handler.py):
  1. instantiate the module like instantiate_module_from_name;
  2. run the health check of check_module_health;
  3. with --register-hooks, store the module configuration as registration
     does (defaults, overlaid with --config values), create a new instance
     and, for processors, call register_hooks(module_id=1).

One JSON object is printed on stdout (anything the module prints goes to
stderr). Exit status: 0 when the module loaded, passed the health check and,
if asked, registered; 1 otherwise; 2 on bad command-line arguments or an
IRIS_INTERFACE_PATH without iris_interface.
"""
import argparse
import contextlib
import importlib
import json
import logging
import os
import re
import site
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
STUBS_DIR = os.path.join(HERE, "stubs")
STAND_IN_DIR = os.path.join(HERE, "stand-in")

# Same bounds as IRIS's Config (MODULES_INTERFACE_MIN/MAX_VERSION).
MODULES_INTERFACE_MIN_VERSION = '1.1'
MODULES_INTERFACE_MAX_VERSION = '1.2.0'

MODULE_PIPELINE = 'module_pipeline'
MODULE_PROCESSOR = 'module_processor'
PIPELINE_INFO_KEYS = ("pipeline_internal_name", "pipeline_human_name", "pipeline_args",
                      "pipeline_update_support", "pipeline_import_support")
DEFAULT_MODULE_ID = 1


class InterfacePathError(Exception):
    """IRIS_INTERFACE_PATH is set but does not hold an iris_interface package."""


def interface_dir():
    """The folder iris_interface is imported from: IRIS_INTERFACE_PATH, or the stand-in's."""
    chosen = os.environ.get("IRIS_INTERFACE_PATH")
    if not chosen:
        return STAND_IN_DIR
    chosen = os.path.abspath(chosen)
    if not os.path.isfile(os.path.join(chosen, "iris_interface", "IrisModuleInterface.py")):
        raise InterfacePathError(
            "IRIS_INTERFACE_PATH={} holds no iris_interface/IrisModuleInterface.py: point it at a checkout "
            "of iris-module-interface or an unpacked iris-interface wheel (the folder that contains "
            "iris_interface/), or unset it to use the stand-in".format(chosen))
    return chosen


def install_test_paths():
    """Put the stubs first, then the iris_interface in use, ahead of the rest of sys.path."""
    for path in reversed([STUBS_DIR, interface_dir()]):
        if path not in sys.path:
            sys.path.insert(0, path)


try:
    install_test_paths()
except InterfacePathError as _error:
    sys.stderr.write("load_like_iris.py: {}\n".format(_error))
    sys.exit(2)


def add_site_dirs(folders):
    """Make the packages in `folders` importable as installed ones: after the standard library."""
    for folder in folders:
        site.addsitedir(os.path.abspath(folder))


# -- PEP 440 version comparison ---------------------------------------------
# `packaging` is not available to the tests, so this is a small comparator
# covering release segments, epochs, a/b/rc pre-releases, post and dev
# releases and local labels. A string that is not a valid version sorts below
# every valid one, as packaging 21.3 (pinned by IRIS) does with LegacyVersion.

_VERSION_PATTERN = re.compile(
    r"""^\s*v?
    (?:(?P<epoch>\d+)!)?
    (?P<release>\d+(?:\.\d+)*)
    (?:[-_.]?(?P<pre_label>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?P<pre_n>\d+)?)?
    (?:-(?P<post_implicit>\d+)|[-_.]?(?P<post_label>post|rev|r)[-_.]?(?P<post_n>\d+)?)?
    (?:[-_.]?(?P<dev_label>dev)[-_.]?(?P<dev_n>\d+)?)?
    (?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_PRE_RANK = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "c": 2, "rc": 2, "pre": 2, "preview": 2}

# Sentinels: tuples starting with 0 sort before tuples starting with 1, which
# sort before tuples starting with 2.
_LOWEST = (0,)
_HIGHEST = (2,)


class ComparableVersion(object):
    """Totally ordered version; invalid strings are 'legacy' and sort lowest."""

    def __init__(self, text):
        self.text = text
        match = _VERSION_PATTERN.match(text)
        self.is_valid = match is not None
        if not self.is_valid:
            self._key = (0, text)
            return

        release = [int(part) for part in match.group("release").split(".")]
        while len(release) > 1 and release[-1] == 0:
            release.pop()

        has_pre = match.group("pre_label") is not None
        has_post = match.group("post_implicit") is not None or match.group("post_label") is not None
        has_dev = match.group("dev_label") is not None

        if has_pre:
            pre = (1, _PRE_RANK[match.group("pre_label").lower()], int(match.group("pre_n") or 0))
        elif has_dev and not has_post:
            pre = _LOWEST           # 1.0.dev1 < 1.0a1
        else:
            pre = _HIGHEST          # a final release is above its pre-releases

        if has_post:
            post = (1, int(match.group("post_implicit") or match.group("post_n") or 0))
        else:
            post = _LOWEST

        dev = (1, int(match.group("dev_n") or 0)) if has_dev else _HIGHEST

        if match.group("local"):
            parts = re.split(r"[-_.]", match.group("local").lower())
            local = (1, tuple((1, int(p), "") if p.isdigit() else (0, 0, p) for p in parts))
        else:
            local = _LOWEST

        self._key = (1, int(match.group("epoch") or 0), tuple(release), pre, post, dev, local)

    def __repr__(self):
        return "ComparableVersion({!r})".format(self.text)

    def __eq__(self, other):
        return self._key == other._key

    def __lt__(self, other):
        return self._key < other._key

    def __le__(self, other):
        return self._key <= other._key

    def __gt__(self, other):
        return self._key > other._key

    def __ge__(self, other):
        return self._key >= other._key


def parse_version(text):
    return ComparableVersion(text)


# -- IRIS loading and health check -----------------------------------------

def instantiate_module_from_name(module_name):
    """Return (instance, 'Success') or (None, <IRIS error message>)."""
    try:
        root_module = importlib.import_module(module_name)
    except Exception as exc:
        return None, "Could not import root module {}: {}".format(module_name, exc)

    try:
        # A plain module-level string in the package's __init__.py. Read with
        # getattr on the module object, so no name mangling is involved.
        interface_name = getattr(root_module, "__iris_module_interface")
        interface_module = importlib.import_module("{}.{}".format(module_name, interface_name))
    except Exception as exc:
        return None, "Could not import module {}: {}".format(module_name, exc)

    try:
        interface_class = getattr(interface_module, interface_name)
    except Exception as exc:
        return None, "Could not get handle on the interface class {}: {}".format(module_name, exc)

    try:
        instance = interface_class()
    except Exception as exc:
        return None, "Could not instantiate the class {}: {}".format(module_name, exc)

    return instance, "Success"


def check_pipeline_args(pipeline_info, logs):
    if not isinstance(pipeline_info, dict):
        logs.append("Pipeline information is not a dict")
        return False
    for key in PIPELINE_INFO_KEYS:
        if not pipeline_info.get(key):
            logs.append("Pipeline information: {} is missing or empty".format(key))
            return False
    return True


def check_module_health(module_instance):
    """Return (healthy, logs) following IRIS's check_module_health."""
    logs = []
    if not module_instance:
        return False, ["Error - cannot instantiate the module"]

    try:
        version = module_instance.get_interface_version()
        if not isinstance(version, str):
            version = str(version)
        minimum = parse_version(MODULES_INTERFACE_MIN_VERSION)
        maximum = parse_version(MODULES_INTERFACE_MAX_VERSION)
        current = parse_version(version)
        if not (minimum <= current <= maximum):
            logs.append("Module interface version mismatch: {} is not within {} - {}".format(
                version, MODULES_INTERFACE_MIN_VERSION, MODULES_INTERFACE_MAX_VERSION))
            return False, logs
        logs.append("Module interface version {} accepted".format(version))

        module_type = module_instance.get_module_type()
        if module_type not in (MODULE_PIPELINE, MODULE_PROCESSOR):
            logs.append("Unrecognised module type {!r}".format(module_type))
            return False, logs
        logs.append("Module type {} accepted".format(module_type))

        if module_instance.is_providing_pipeline():
            if not check_pipeline_args(module_instance.pipeline_get_info(), logs):
                return False, logs
            logs.append("Pipeline information accepted")

        ready = module_instance.is_ready()
        if not ready:
            logs.append("Module is not ready")
        return ready, logs

    except Exception as exc:
        logs.append(str(exc))
        return False, logs


def preset_configuration(module_instance, overrides, warnings):
    """Build the configuration IRIS stores when it registers a module.

    Like IRIS, the module's class-level parameter list is modified in place:
    each parameter with a non-None default gets a 'value'. The stored copy
    then receives the values given with --config.
    """
    parameters = module_instance.get_init_configuration()
    for parameter in parameters:
        if parameter.get("default") is not None:
            parameter["value"] = parameter["default"]

    stored = json.loads(json.dumps(parameters))
    by_name = {parameter.get("param_name"): parameter for parameter in stored}
    for entry in overrides or []:
        name = entry.get("param_name")
        if name not in by_name:
            warnings.append("--config: unknown parameter {!r} ignored".format(name))
            continue
        by_name[name]["value"] = entry.get("value")
    return stored


def _safe(call):
    try:
        return call()
    except Exception as exc:
        return "<error: {}>".format(exc)


def run(package, register_hooks=False, config=None, module_id=DEFAULT_MODULE_ID):
    """Do the whole IRIS-like sequence and return the report dict."""
    from app import _recorder

    # Root at INFO, as in the IRIS app and worker.
    logging.getLogger().setLevel(logging.INFO)

    report = {
        "loaded": False,
        "message": "",
        "healthy": False,
        "health_logs": [],
        "module_type": None,
        "module_name": None,
        "interface_version": None,
        "module_version": None,
        "pipeline_info": None,
        "registered": None,
        "registered_hooks": [],
        "deregistered_hooks": [],
        "active_hooks": [],
        "message_queue": [],
        "health_message_queue": [],
        "warnings": [],
        "traceback": None,
        "iris_interface": None,
    }
    report["iris_interface"] = _safe(lambda: os.path.dirname(importlib.import_module("iris_interface").__file__))

    instance, message = instantiate_module_from_name(package)
    if instance is None:
        report["message"] = message
        return report

    report["loaded"] = True
    report["module_type"] = _safe(instance.get_module_type)
    report["module_name"] = _safe(instance.get_module_name)
    report["interface_version"] = _safe(instance.get_interface_version)
    report["module_version"] = _safe(instance.get_module_version)
    report["pipeline_info"] = _safe(instance.pipeline_get_info)

    healthy, health_logs = check_module_health(instance)
    report["healthy"] = bool(healthy)
    report["health_logs"] = list(health_logs)
    report["health_message_queue"] = list(getattr(instance, "message_queue", []) or [])
    report["message_queue"] = list(report["health_message_queue"])
    if not healthy:
        report["message"] = "Cannot import module. Health check didn't pass. Please check logs below"
        return report

    report["message"] = "Success"
    if not register_hooks:
        return report

    try:
        _recorder.module_import_names[module_id] = package
        stored = preset_configuration(instance, config, report["warnings"])
        _recorder.set_module_config(instance.get_module_name(), stored)

        # IRIS creates a new instance for registration and for every later call.
        registered_instance, message = instantiate_module_from_name(package)
        if registered_instance is None:
            raise RuntimeError(message)
        if registered_instance.get_module_type() == MODULE_PROCESSOR:
            registered_instance.register_hooks(module_id=module_id)
        report["message_queue"] = list(getattr(registered_instance, "message_queue", []) or [])
        report["registered"] = True
        report["message"] = "Module registered"
    except Exception as exc:
        report["registered"] = False
        report["message"] = "Unable to register module: Fatal - {}".format(exc)
        report["traceback"] = traceback.format_exc()
    finally:
        recorded = _recorder.snapshot()
        report["registered_hooks"] = recorded["registered_hooks"]
        report["deregistered_hooks"] = recorded["deregistered_hooks"]
        report["active_hooks"] = recorded["active_hooks"]

    return report


def _parse_config(text):
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(item, dict) and "param_name" in item for item in value):
        raise ValueError("expected a JSON list of {\"param_name\": ..., \"value\": ...} objects")
    return value


def main(argv=None):
    parser = argparse.ArgumentParser(description="Load an IRIS module like IRIS does and report as JSON.")
    parser.add_argument("package", help="import name of the module package (e.g. iris_example_module)")
    parser.add_argument("--site", action="append", default=[], metavar="DIR",
                        help="folder of installed packages (a pip --target folder, or a source tree) holding the "
                             "module, added after the standard library as site-packages are; may be repeated")
    parser.add_argument("--register-hooks", action="store_true",
                        help="register the module (store its configuration, call register_hooks(module_id=1))")
    parser.add_argument("--config", type=_parse_config, default=None,
                        help="JSON list of {param_name, value} stored as the module configuration")
    args = parser.parse_args(argv)
    if args.config is not None and not args.register_hooks:
        parser.error("--config only applies together with --register-hooks")

    add_site_dirs(args.site)
    real_stdout = sys.stdout
    try:
        with contextlib.redirect_stdout(sys.stderr):
            report = run(args.package, register_hooks=args.register_hooks, config=args.config)
    except Exception as exc:
        report = {"loaded": False, "healthy": False, "message": "Loader failure: {}".format(exc),
                  "traceback": traceback.format_exc()}

    real_stdout.write(json.dumps(report, default=repr) + "\n")
    real_stdout.flush()

    succeeded = report.get("loaded") and report.get("healthy") and report.get("registered") is not False
    return 0 if succeeded else 1


if __name__ == "__main__":
    sys.exit(main())

"""Stub of the IRIS module handler functions that iris_interface imports.

Registration calls are recorded in app._recorder; configurations stored there
with set_module_config() are served by get_mod_config_by_name().
"""
import copy
import re

from app import _recorder
from iris_interface import IrisInterfaceStatus as InterfaceStatus

_HOOK_NAME = re.compile(r"^on_(preload|postload|manual_trigger)_[a-z_]+$")


def _hook_is_known(iris_hook_name):
    if not isinstance(iris_hook_name, str) or not _HOOK_NAME.match(iris_hook_name):
        return False
    if _recorder.known_hooks is not None:
        return iris_hook_name in _recorder.known_hooks
    return True


def register_hook(module_id, iris_hook_name, manual_hook_name=None, run_asynchronously=True):
    call = {
        "module_id": module_id,
        "iris_hook_name": iris_hook_name,
        "manual_hook_name": manual_hook_name,
        "run_asynchronously": run_asynchronously,
    }
    _recorder.registered_hooks.append(call)

    if not isinstance(module_id, int) or isinstance(module_id, bool):
        call["result"] = "unknown module"
        return False, ["Module ID {} not found".format(module_id)]
    if not _hook_is_known(iris_hook_name):
        call["result"] = "unknown hook"
        return False, ["Hook {} not found".format(iris_hook_name)]

    ui_name = manual_hook_name
    if iris_hook_name.startswith("on_manual_trigger_") and not ui_name:
        import_name = _recorder.module_import_names.get(module_id, "<module>")
        ui_name = "{}::{}".format(import_name, iris_hook_name)
    call["ui_name"] = ui_name

    key = (iris_hook_name, module_id, ui_name)
    if key in _recorder.active_hooks:
        call["result"] = "already registered"
        return True, ["Module already registered to hook {}".format(iris_hook_name)]

    _recorder.active_hooks[key] = bool(run_asynchronously)
    _recorder.count_commit()
    call["result"] = "registered"
    return True, ["Hook {} registered".format(iris_hook_name)]


def deregister_from_hook(module_id, iris_hook_name):
    removed = [key for key in _recorder.active_hooks if key[0] == iris_hook_name and key[1] == module_id]
    for key in removed:
        del _recorder.active_hooks[key]
    # IRIS deletes the rows without committing; no commit is counted here.
    _recorder.deregistered_hooks.append({
        "module_id": module_id,
        "iris_hook_name": iris_hook_name,
        "removed": len(removed),
    })
    return True, ["Hook {} deregistered".format(iris_hook_name)]


def get_mod_config_by_name(module_name):
    _recorder.config_lookups.append(module_name)
    if module_name in _recorder.module_configs:
        # A fresh copy each time, as IRIS reads it back from its database.
        return InterfaceStatus.I2Success(data=copy.deepcopy(_recorder.module_configs[module_name]))
    # As in IRIS: the shared singleton, with its message set and its data
    # left as whatever the last caller stored in it.
    return InterfaceStatus.I2InterfaceNotReady(message="Module not registered")

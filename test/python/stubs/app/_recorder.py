"""Shared recording state of the IRIS stubs (generator-iris-module tests).

Tests read the lists below after calling a module, and call reset() between
scenarios. Everything is plain module-level state, one process = one IRIS.

Recorded calls (lists of dicts, in call order):
    registered_hooks      register_hook(...) calls, with their outcome
    deregistered_hooks    deregister_from_hook(...) calls
    evidence_checks       EvidenceStorage.is_evidence_registered(...) calls
    evidences_added       EvidenceStorage.add_evidence(...) calls
    attributes_added      add_tab_attribute_field(...) calls
    config_lookups        names passed to get_mod_config_by_name(...)
Simulated IRIS state:
    active_hooks          {(iris_hook_name, module_id, ui_name): run_asynchronously}
    module_configs        {module human name: stored list of parameter dicts}
    registered_evidence   set of (case_id, sha256) known to the evidence storage
    server_settings       dict served by get_server_settings_as_dict()
    module_import_names   {module_id: import name}, for default manual hook names
    known_hooks           None (any on_preload_/on_postload_/on_manual_trigger_
                          name is accepted) or a set of accepted hook names
    commits               number of commits the stubs performed
"""
import copy

_DEFAULT_SERVER_SETTINGS = {
    "id": 1,
    "http_proxy": None,
    "https_proxy": None,
    "prevent_post_mod_repush": False,
    "prevent_post_objects_repush": False,
    "has_updates_available": False,
    "enable_updates_check": True,
    "password_policy_min_length": 12,
    "password_policy_upper_case": False,
    "password_policy_lower_case": False,
    "password_policy_digit": False,
    "password_policy_special_chars": "",
    "enforce_mfa": False,
}

registered_hooks = []
deregistered_hooks = []
evidence_checks = []
evidences_added = []
attributes_added = []
config_lookups = []

active_hooks = {}
module_configs = {}
registered_evidence = set()
server_settings = copy.deepcopy(_DEFAULT_SERVER_SETTINGS)
module_import_names = {}
known_hooks = None
commits = 0


def reset():
    """Forget every recorded call and restore the default IRIS state."""
    global known_hooks, commits
    for recorded in (registered_hooks, deregistered_hooks, evidence_checks,
                     evidences_added, attributes_added, config_lookups):
        del recorded[:]
    active_hooks.clear()
    module_configs.clear()
    registered_evidence.clear()
    server_settings.clear()
    server_settings.update(copy.deepcopy(_DEFAULT_SERVER_SETTINGS))
    module_import_names.clear()
    known_hooks = None
    commits = 0


def set_module_config(module_name, parameters):
    """Store a configuration as IRIS would after registration.

    `parameters` is the list of parameter dicts (each with 'param_name' and
    'value'); it is copied, as IRIS reads it back from its database.
    """
    module_configs[module_name] = copy.deepcopy(list(parameters))


def clear_module_config(module_name):
    module_configs.pop(module_name, None)


def count_commit():
    global commits
    commits += 1


def snapshot():
    """JSON-friendly view of the recorded calls."""
    return {
        "registered_hooks": copy.deepcopy(registered_hooks),
        "deregistered_hooks": copy.deepcopy(deregistered_hooks),
        "evidence_checks": copy.deepcopy(evidence_checks),
        "evidences_added": copy.deepcopy(evidences_added),
        "attributes_added": copy.deepcopy(attributes_added),
        "config_lookups": list(config_lookups),
        "active_hooks": [
            {"iris_hook_name": hook, "module_id": module_id, "ui_name": ui_name,
             "run_asynchronously": run_async}
            for (hook, module_id, ui_name), run_async in active_hooks.items()
        ],
        "commits": commits,
    }

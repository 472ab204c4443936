#!/usr/bin/env python3
"""Self-test of the IRIS test infrastructure of generator-iris-module.

Checks that the iris_interface stand-in, the IRIS stubs and load_like_iris.py
behave as the real iris-interface 1.2.0 and IRIS 2.4 do,
quirks included. Every expectation is stated from the real package's behaviour,
so the same tests pass against it: with IRIS_INTERFACE_PATH set to a folder
holding the real iris_interface (a checkout or an unpacked wheel), they run
against that instead of the stand-in. Runs with plain Python (3.9+):

    python test/python/selftest_stand_in.py

or with pytest:

    python -m pytest test/python/selftest_stand_in.py

`npm test` runs it on Python 3.9 and 3.11 (test/integration/stand-in.test.ts).
"""
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import load_like_iris as loader  # noqa: E402  (also puts the stubs and an iris_interface on sys.path)
from app import _recorder  # noqa: E402
from app.datamgmt.iris_engine.evidence_storage import EvidenceStorage  # noqa: E402
from app.datamgmt.manage.manage_attribute_db import add_tab_attribute_field  # noqa: E402
from app.datamgmt.manage.manage_srv_settings_db import get_server_settings_as_dict  # noqa: E402
from iris_interface import IrisInterfaceStatus as S  # noqa: E402
from iris_interface.IrisModuleInterface import (  # noqa: E402
    IrisModuleInterface, IrisModuleTypes, IrisPipelineTypes)

LOADER = os.path.join(HERE, "load_like_iris.py")

VALID_PIPELINE_INFO = {
    "pipeline_internal_name": "selftest_pipeline",
    "pipeline_human_name": "Selftest pipeline",
    "pipeline_args": [["tag", "optional"]],
    "pipeline_update_support": True,
    "pipeline_import_support": True,
}


def _fresh_process_state():
    """Forget what earlier tests left in the stubs and in the shared singletons.

    Inside IRIS nothing resets them; the tests do it to start from the state
    of a newly started IRIS process.
    """
    _recorder.reset()
    for status, message in ((S.I2InterfaceNotReady, "Interface not ready"), (S.I2Success, "Success"),
                            (S.I2Error, "Unspecified error")):
        status.data = None
        status.message = message
        status.logs = []
    logging.getLogger().setLevel(logging.INFO)


def _module_class(name, **attributes):
    """A module class deriving from the stand-in base, processor by default."""
    body = {
        "_module_name": name,
        "_module_description": "selftest module",
        "_interface_version": "1.2.0",
        "_module_version": "0.1.0",
        "_module_type": IrisModuleTypes.module_processor,
        "_pipeline_support": False,
        "_pipeline_info": {},
        "_module_configuration": [],
    }
    body.update(attributes)
    return type("Selftest" + "".join(c for c in name if c.isalnum()), (IrisModuleInterface,), body)


def _param(name, default, type_="string", **extra):
    entry = {"param_name": name, "param_human_name": name, "param_description": name,
             "default": default, "mandatory": False, "type": type_}
    entry.update(extra)
    return entry


# -- IrisInterfaceStatus ---------------------------------------------------

def test_status_basics():
    assert S.I2CodeError == 0xFFFE and S.I2CodeNoError == 0x1 and S.I2CodeSuccess == 0x2
    status = S.IIStatus()
    assert status.code == 0xFFFF and status.message == "Unknown error"
    assert status.get_data() is None and status.get_logs() == []
    assert S.IIStatus(code=0).code == 0xFFFF
    assert S.IIStatus(code=None).code == 0xFFFF
    assert S.IIStatus().get_logs() is not S.IIStatus().get_logs()
    assert S.IIStatus(code=0xFEFF).is_success() and bool(S.IIStatus(code=0xFEFF))
    assert S.IIStatus(code=0xFF00).is_failure() and not S.IIStatus(code=0xFF00)
    ok = S.IIStatus(code=S.I2CodeSuccess, message="m", data=[1], logs=["l"])
    assert ok.get_message() == "m" and ok.get_data() == [1] and ok.get_logs() == ["l"]


def test_status_call_mutates_and_ignores_falsy():
    status = S.IIStatus(code=S.I2CodeSuccess, message="first", data=[1], logs=["a"])
    returned = status(data=None, logs=[], message="", code=0, user="x", caseid=3, msg="ignored")
    assert returned is status
    assert (status.code, status.message, status.data, status.logs) == (S.I2CodeSuccess, "first", [1], ["a"])
    status("second")
    assert status.get_message() == "second"
    status(message="third", data={"k": 1}, logs=["b"], code=S.I2CodeError)
    assert status.get_message() == "third" and status.get_data() == {"k": 1}
    assert status.get_logs() == ["b"] and status.is_failure()
    status(42)  # a positional that is not a string is ignored
    assert status.get_message() == "third"


def test_singleton_table():
    table = [
        ("I2UnknownError", 0xFFFF, "Unknown error"),
        ("I2Error", 0xFFFE, "Unspecified error"),
        ("I2InterfaceNotImplemented", 0xFF00, "Interface function not implemented"),
        ("I2UnexpectedResult", 0xFF01, "Unexpected result"),
        ("I2FileNotFound", 0xFF02, "File not found"),
        ("I2InterfaceNotReady", 0xFF03, "Interface not ready"),
        ("I2InterfaceNotInitialized", 0xFF04, "Interface not initialized"),
        ("I2CriticalError", 0xFF05, "Critical error"),
        ("I2NoError", 0x1, "No errors"),
        ("I2Success", 0x2, "Success"),
        ("I2ConfigureSuccess", 0x3, "Configured successfully"),
    ]
    _fresh_process_state()
    for name, code, message in table:
        status = getattr(S, name)
        assert isinstance(status, S.IIStatus), name
        assert status.code == code, name
        assert status.get_message() == message, name


def test_singleton_hazard():
    _fresh_process_state()
    first = S.I2Success(data=["X"], logs=["from first caller"])
    second = S.I2Success()
    assert second is first is S.I2Success
    assert second.get_data() == ["X"] and second.get_logs() == ["from first caller"]
    assert S.I2Success(data=None).get_data() == ["X"]
    S.I2Error("boom")
    assert S.I2Error().get_message() == "boom"
    _fresh_process_state()


def test_merge_status():
    a = S.IIStatus(code=S.I2CodeSuccess, message="a")
    assert S.merge_status(None, a) is a and S.merge_status(a, None) is a

    seed = S.IIStatus(code=S.I2CodeNoError)
    one = S.IIStatus(code=S.I2CodeSuccess, message="one", data="d1", logs=["l1"])
    merged = S.merge_status(seed, one)
    assert merged is seed
    assert merged.code == S.I2CodeNoError            # a success keeps status_1's code
    assert merged.get_data() == "d1"                 # data_1 was falsy
    assert merged.get_message() == "Unknown error - one"
    assert merged.get_logs() == [["l1"]]             # nested, not extended

    two = S.IIStatus(code=S.I2CodeError, message="two", data="d2", logs=["l2", "l3"])
    S.merge_status(merged, two)
    assert merged.code == S.I2CodeError and merged.is_failure()
    assert merged.get_data() == ["d1", "d2"]
    assert merged.get_message() == "Unknown error - one - two"
    assert merged.get_logs() == [["l1"], ["l2", "l3"]]


def test_queuing_handler():
    class FakeTask(object):
        request_stack = None

        def __init__(self):
            self.updates = []

        def update_state(self, **kwargs):
            self.updates.append(kwargs)

    queue, task = [], FakeTask()
    handler = S.QueuingHandler(message_queue=queue, celery_task=task, level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))
    logger = logging.getLogger("selftest.queuing_handler")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    logger.info("hello %s", "there")
    assert queue == ["INFO:hello there"] and task.updates == []
    task.request_stack = ["bound"]
    logger.warning("again")
    assert queue[-1] == "WARNING:again"
    assert len(task.updates) == 1 and task.updates[0]["state"] == "PROGRESS"
    logger.removeHandler(handler)


# -- IrisModuleInterface ---------------------------------------------------

def test_interface_imports_need_iris_stubs():
    code = "import iris_interface.IrisModuleInterface"
    env = dict(os.environ, PYTHONPATH=loader.interface_dir())
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "No module named 'app'" in result.stderr, result.stderr
    env["PYTHONPATH"] = os.pathsep.join([loader.interface_dir(), loader.STUBS_DIR])
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_constants_and_base_defaults():
    assert IrisPipelineTypes.pipeline_type_update == 'pipeline_update'
    assert IrisPipelineTypes.pipeline_type_import == 'pipeline_import'
    assert IrisModuleTypes.module_pipeline == 'module_pipeline'
    assert IrisModuleTypes.module_processor == 'module_processor'
    assert IrisModuleInterface._module_name == "IrisBaseModule"
    assert IrisModuleInterface._module_type == 'pipeline'
    assert IrisModuleInterface._pipeline_support is True
    assert IrisModuleInterface._interface_version == "1.2.0"
    assert IrisModuleInterface._module_version == "1.0.0"
    assert len(IrisModuleInterface._module_configuration) == 2


def test_constructor_logger_and_reads():
    _fresh_process_state()
    module = _module_class("Logger module")()
    name = module.log.name
    prefix = "iris_interface.IrisModuleInterface_"
    suffix = name[len(prefix):]
    assert name.startswith(prefix) and len(suffix) == 8 and suffix.isalpha() and suffix.islower(), name
    assert module.log.name != _module_class("Logger module")().log.name
    queued = len(module.message_queue)
    module.log.info("info line")
    assert module.message_queue[queued:] == ["info line"]      # the message alone, no level or name
    assert isinstance(module._evidence_storage, EvidenceStorage)
    assert module._server_conf["http_proxy"] is None and "https_proxy" in module._server_conf
    assert module.server_dict_conf == get_server_settings_as_dict()
    assert _recorder.config_lookups[-1] == "Logger module"
    assert module._celery_decorator is None and module.request_stack is None


def test_default_methods():
    _fresh_process_state()
    module = _module_class("Defaults module")()
    for status in (module.hooks_handler("on_manual_trigger_ioc", "ui", data=[]),
                   module.pipeline_handler(pipeline_type="pipeline_update", pipeline_data={}),
                   module.pipeline_files_upload("/tmp/", None, "c", "n", "true"),
                   module.run("pipeline_update", {}),
                   module.return_not_implemented()):
        assert status is S.I2InterfaceNotImplemented
    assert IrisModuleInterface.return_success("ok") == (True, "ok")
    assert IrisModuleInterface.return_error("ko") == (False, "ko")
    assert module.get_init_configuration() is module._module_configuration
    assert module.get_evidence_storage().get_data() is module._evidence_storage
    module.internal_configure(mod_web_config=[_param("k", "v")])
    assert module.get_evidence_storage() is S.I2InterfaceNotReady
    assert module.module_dict_conf == {"k": "v"}


def test_cast_rules():
    cast = IrisModuleInterface._cast_configuration_value
    assert cast("True", "bool") is True and cast("TRUE", "bool") is True
    assert cast("false", "bool") is False and cast("yes", "bool") is False
    assert cast(True, "bool") is True and cast(0, "bool") == 0
    assert cast("12", "int") == 12 and cast(7, "int") == 7
    assert cast("12", "integer") == "12" and cast("1.5", "float") == "1.5"
    assert cast("{}", "textfield_json") == "{}"
    try:
        cast("abc", "int")
    except ValueError:
        pass
    else:
        raise AssertionError("int('abc') should raise")


def test_registered_configuration_is_cast():
    _fresh_process_state()
    params = [_param("flag", False, "bool", value="true"),
              _param("count", "1", "int", value="5"),
              _param("ratio", "0.5", "float", value="0.7"),
              _param("unset", "fallback", "string", value=None),
              _param("novalue", "dflt", "string")]
    _recorder.set_module_config("Cast module", params)
    module = _module_class("Cast module", _module_configuration=params)()
    expected = {"flag": True, "count": 5, "ratio": "0.7", "unset": "fallback", "novalue": "dflt"}
    assert module._dict_conf == expected
    assert module.module_dict_conf == expected


def test_malformed_int_gives_error_singleton_with_stale_data():
    _fresh_process_state()
    S.I2Error(data={"left": "by someone else"})
    params = [_param("count", "1", "int", value="not a number")]
    _recorder.set_module_config("Malformed module", params)
    module = _module_class("Malformed module", _module_configuration=params)()
    status = module.get_configuration_dict()
    assert status is S.I2Error and status.is_failure()
    assert status.get_message().startswith("Configuration malformed: ")
    assert module._dict_conf == {"left": "by someone else"}
    _fresh_process_state()


def test_unregistered_module_gets_init_list():
    _fresh_process_state()
    params = [_param("a_key", "AAA")]
    module = _module_class("Unregistered module", _module_configuration=params)()
    assert module._mod_web_config is None
    status = module.get_configuration_dict()
    assert status is S.I2InterfaceNotReady and status.get_data() is params
    assert isinstance(module._dict_conf, list) and module._dict_conf is params
    assert isinstance(module.module_dict_conf, list)


def test_stale_configuration_across_unregistered_modules():
    # Contract §3.4: module B, never registered, gets module A's parameters
    # through the shared I2InterfaceNotReady singleton.
    _fresh_process_state()
    module_a = _module_class("Module A", _module_configuration=[_param("a_key", "AAA")])()
    assert isinstance(module_a._dict_conf, list)
    module_b = _module_class("Module B", _module_configuration=[_param("b_key", "BBB")])()
    assert S.I2InterfaceNotReady.get_message() == "Module not registered"
    assert module_b._mod_web_config == module_a._module_configuration
    assert module_b._dict_conf == {"a_key": "AAA"}
    assert module_b.module_dict_conf == {"a_key": "AAA"}


def test_readiness_checks():
    _fresh_process_state()
    assert not _module_class("IrisBaseModule").__call__().is_ready()
    assert _module_class("Ready processor")().is_ready()
    bad_processor = _module_class("Processor with pipeline", _pipeline_support=True,
                                  _pipeline_info=dict(VALID_PIPELINE_INFO))()
    assert not bad_processor.is_ready()
    update_only = dict(VALID_PIPELINE_INFO, pipeline_import_support=False)
    assert not _module_class("Update only", _module_type=IrisModuleTypes.module_pipeline,
                             _pipeline_support=True, _pipeline_info=update_only)().is_ready()
    assert _module_class("Good pipeline", _module_type=IrisModuleTypes.module_pipeline,
                         _pipeline_support=True, _pipeline_info=dict(VALID_PIPELINE_INFO))().is_ready()
    try:
        _module_class("List pipeline info", _module_type=IrisModuleTypes.module_pipeline,
                      _pipeline_support=True, _pipeline_info=[])()
    except Exception:
        pass
    else:
        raise AssertionError("a non-dict pipeline info with pipeline support must raise")
    # Without pipeline support the pipeline info is not inspected.
    assert _module_class("Processor list info", _pipeline_info=[])().is_ready()


def test_register_and_deregister_wrappers():
    _fresh_process_state()
    ok = IrisModuleInterface.register_to_hook(3, iris_hook_name="on_postload_ioc_create")
    assert ok is S.I2Success and isinstance(ok.get_message(), list)
    again = IrisModuleInterface.register_to_hook(3, iris_hook_name="on_postload_ioc_create")
    assert again.is_success() and "already" in again.get_message()[0]
    bad = IrisModuleInterface.register_to_hook(3, iris_hook_name="on_something_wrong")
    assert bad is S.I2Error and isinstance(bad.get_message(), list)
    gone = IrisModuleInterface.deregister_from_hook(module_id=3, iris_hook_name="on_postload_ioc_create")
    assert gone is S.I2Success and isinstance(gone.get_message(), list)
    gone = IrisModuleInterface.deregister_from_hook(module_id=3, iris_hook_name="on_postload_ioc_update")
    assert gone.is_success()
    assert [c["result"] for c in _recorder.registered_hooks] == ["registered", "already registered", "unknown hook"]
    assert [d["removed"] for d in _recorder.deregistered_hooks] == [1, 0]
    assert _recorder.active_hooks == {}
    _recorder.module_import_names[4] = "iris_x_module"
    IrisModuleInterface.register_to_hook(4, iris_hook_name="on_manual_trigger_ioc")
    assert ("on_manual_trigger_ioc", 4, "iris_x_module::on_manual_trigger_ioc") in _recorder.active_hooks
    _fresh_process_state()


def test_evidence_and_attribute_stubs():
    _fresh_process_state()
    storage = EvidenceStorage()
    assert storage.is_evidence_registered(case_id=1, sha256="abc") is False
    created = storage.add_evidence(case_id=1, filename="f.evtx", description="d", size=3,
                                   sha256="abc", date_added="ignored", user_id=2)
    assert created.file_hash == "abc" and created.date_added != "ignored"
    assert storage.is_evidence_registered(1, "abc") is True
    assert len(_recorder.evidence_checks) == 2 and _recorder.evidences_added[0]["filename"] == "f.evtx"

    class Obj(object):
        custom_attributes = None

    obj = Obj()
    assert add_tab_attribute_field(None, "T", "F", "html", "v") is False
    assert add_tab_attribute_field(obj, "VT Report", "HTML report", field_type="html", field_value="<p>")
    assert obj.custom_attributes == {"VT Report": {"HTML report": {"mandatory": False, "type": "html",
                                                                   "value": "<p>"}}}
    add_tab_attribute_field(obj, "VT Report", "Choice", "input_select", "a", mandatory=True, field_options=["a"])
    assert obj.custom_attributes["VT Report"]["Choice"]["options"] == ["a"]
    assert len(_recorder.attributes_added) == 3
    settings = get_server_settings_as_dict()
    assert all(key == key.lower() for key in settings)
    settings["http_proxy"] = "changed"
    assert get_server_settings_as_dict()["http_proxy"] is None
    _fresh_process_state()


# -- behaviours of the real iris-interface 1.2.0 (issue 14) -----------------
# Each test states what the real package does, read in its source and checked
# by running it (IRIS_INTERFACE_PATH=<real package> runs these against it).

UNREGISTERED = "Module configuration not retrieved, using default"
FAULTY = "Returning faulty configuration.Module configuration not retrieved, using default. []"


class _Task(object):
    """A Celery task as QueuingHandler sees it: unbound (request_stack None) unless told."""

    def __init__(self, request_stack=None):
        self.request_stack = request_stack
        self.updates = []

    def update_state(self, **kwargs):
        self.updates.append(kwargs)


def _queue_logger(name, handler):
    logger = logging.getLogger("selftest." + name)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    for old in list(logger.handlers):
        logger.removeHandler(old)
    logger.addHandler(handler)
    return logger


def test_real_status_replaces_an_empty_log_list():
    given = []
    status = S.IIStatus(code=S.I2CodeSuccess, logs=given)
    assert status.get_logs() == [] and status.get_logs() is not given
    status.get_logs().append("line")
    assert given == []
    kept = ["kept"]
    assert S.IIStatus(code=S.I2CodeSuccess, logs=kept).get_logs() is kept


def test_real_status_names_the_code_when_the_message_is_empty():
    assert S.IIStatus(code=S.I2CodeSuccess, message=None).get_message() == "Unknown message 2"
    assert S.IIStatus(code=0xFF01, message="").get_message() == "Unknown message 65281"
    # The code as it was given, before a falsy one becomes 0xFFFF.
    status = S.IIStatus(code=0, message="")
    assert status.get_message() == "Unknown message 0" and status.code == 0xFFFF
    assert S.IIStatus(code=None, message=None).get_message() == "Unknown message None"
    assert S.IIStatus(code=S.I2CodeSuccess).get_message() == "Unknown error"     # the default is a message


def test_real_status_call_positional_message_wins():
    status = S.IIStatus(code=S.I2CodeSuccess, message="before")
    assert status("positional", message="keyword").get_message() == "positional"
    assert status(message="keyword").get_message() == "keyword"
    # Only one positional argument, of type str exactly, counts.
    assert status("one", "two").get_message() == "keyword"

    class Text(str):
        pass

    assert status(Text("subclass")).get_message() == "keyword"


def test_real_status_code_has_status_code():
    holder = S.IIStatusCode(0x2, "Success")
    assert holder.status_code == 0x2 and holder.message == "Success"
    assert not hasattr(holder, "code")


def test_real_queuing_handler_keyword_only():
    queue, task = [], _Task()
    for positional in ((queue, task), (queue,)):
        try:
            S.QueuingHandler(*positional)
        except TypeError:
            pass
        else:
            raise AssertionError("QueuingHandler{} should need message_queue= and celery_task=".format(positional))
    try:
        S.QueuingHandler(message_queue=queue)
    except TypeError:
        pass
    else:
        raise AssertionError("celery_task= is required")
    # Other arguments go to logging.Handler: the level, positional or not.
    assert S.QueuingHandler(logging.WARNING, message_queue=queue, celery_task=task).level == logging.WARNING
    assert S.QueuingHandler(message_queue=queue, celery_task=task, level=logging.ERROR).level == logging.ERROR
    assert S.QueuingHandler(message_queue=queue, celery_task=task).level == logging.NOTSET


def test_real_queuing_handler_strips_trailing_newlines_only():
    queue, task = [], _Task()
    logger = _queue_logger("newlines", S.QueuingHandler(message_queue=queue, celery_task=task))
    logger.info("one\n")
    logger.info("two\n\n")
    logger.info("\nthree")
    logger.info("four\r\n")
    logger.info("five \n")
    assert queue == ["one", "two", "\nthree", "four\r", "five "]


def test_real_queuing_handler_lets_format_errors_out():
    queue, task = [], _Task()
    logger = _queue_logger("format_errors", S.QueuingHandler(message_queue=queue, celery_task=task))
    try:
        logger.error("%d", "x")
    except TypeError:
        pass
    else:
        raise AssertionError("a record that cannot be formatted must raise out of the logging call")
    assert queue == []
    logger.error("%d", 7)
    assert queue == ["7"]


def test_real_queuing_handler_needs_request_stack_on_the_task():
    queue = []
    logger = _queue_logger("no_request_stack", S.QueuingHandler(message_queue=queue, celery_task=object()))
    try:
        logger.info("line")
    except AttributeError:
        pass
    else:
        raise AssertionError("the task's request_stack is read without a default")
    bound = _Task(request_stack=["request"])
    logger = _queue_logger("bound", S.QueuingHandler(message_queue=queue, celery_task=bound))
    logger.info("progress")
    assert bound.updates == [{"state": "PROGRESS", "meta": ["line", "progress"]}]
    assert bound.updates[0]["meta"] is not queue


def test_real_module_logger_is_at_debug():
    _fresh_process_state()
    logging.getLogger().setLevel(logging.WARNING)
    try:
        module = _module_class("Debug module")()
        assert module.log.level == logging.DEBUG
        queued = len(module.message_queue)
        module.log.debug("debug line")
        assert module.message_queue[queued:] == ["debug line"]
    finally:
        _fresh_process_state()


def test_real_module_log_errors_raise():
    _fresh_process_state()
    module = _module_class("Raising log module")()
    try:
        module.log.error("%d", "x")
    except TypeError:
        pass
    else:
        raise AssertionError("log.error('%d', 'x') raises out of the module in the real interface")


def test_real_init_log_lines_unregistered():
    _fresh_process_state()
    module = _module_class("Fresh module", _module_configuration=[_param("k", "v")])()
    assert module.message_queue == [UNREGISTERED, FAULTY, "Module has initiated"]


def test_real_init_log_lines_registered_and_not_ready():
    _fresh_process_state()
    params = [_param("k", "d", value="v")]
    _recorder.set_module_config("Stored module", params)
    module = _module_class("Stored module", _module_configuration=params)()
    assert module.message_queue == ["Retrieved server configuration", "Module has initiated"]

    # Only the first failed readiness check is logged, and "Module has initiated" is not.
    _fresh_process_state()
    base = _module_class("IrisBaseModule", _module_type=IrisModuleTypes.module_processor, _pipeline_support=True,
                         _pipeline_info=dict(VALID_PIPELINE_INFO))()
    assert base.message_queue == [UNREGISTERED, FAULTY,
                                  "The module cannot be named as IrisBaseModule. Please reconfigure the module"]
    _fresh_process_state()
    processor = _module_class("Processor with pipeline", _pipeline_support=True, _pipeline_info="not a dict")()
    assert processor.message_queue[2:] == ["Modules of type processor can't have pipelines"]
    assert not processor.is_ready()
    _fresh_process_state()
    update_only = _module_class("Update only", _module_type=IrisModuleTypes.module_pipeline, _pipeline_support=True,
                                _pipeline_info=dict(VALID_PIPELINE_INFO, pipeline_import_support=False))()
    assert update_only.message_queue[2:] == [
        "Logic error in the module pipeline. Update cannot be supported without import."]


def test_real_module_dict_conf_logs_each_access():
    _fresh_process_state()
    module = _module_class("Unregistered access module", _module_configuration=[_param("k", "v")])()
    before = len(module.message_queue)
    module.module_dict_conf
    module.module_dict_conf
    assert module.message_queue[before:] == [UNREGISTERED, FAULTY, UNREGISTERED, FAULTY]

    _fresh_process_state()
    _recorder.set_module_config("Registered access module", [_param("k", "d", value="v")])
    module = _module_class("Registered access module")()
    before = len(module.message_queue)
    assert module.module_dict_conf == {"k": "v"}
    assert module.message_queue[before:] == ["Retrieved server configuration"]
    # server_dict_conf logs nothing.
    module.server_dict_conf
    assert len(module.message_queue) == before + 1


def test_real_malformed_configuration_logs():
    _fresh_process_state()
    _recorder.set_module_config("Malformed log module", [_param("count", "1", "int", value="many")])
    module = _module_class("Malformed log module")()
    assert module.message_queue == ["Retrieved server configuration", "Configuration malformed",
                                    "Module has initiated"]


def test_real_unregistered_configuration_message():
    _fresh_process_state()
    params = [_param("k", "v")]
    module = _module_class("Unregistered message module", _module_configuration=params)()
    status = module.get_configuration()
    assert status is S.I2InterfaceNotReady and status.is_failure()
    assert status.get_message() == UNREGISTERED
    assert status.get_data() is params


def test_real_parameter_without_param_name_maps_to_none():
    _fresh_process_state()
    _recorder.set_module_config("Nameless module", [{"value": "v", "type": "string"},
                                                    {"param_name": "named", "default": "d", "type": "string"}])
    module = _module_class("Nameless module")()
    assert module.get_configuration_dict().is_success()
    assert module.module_dict_conf == {None: "v", "named": "d"}


def test_real_conf_properties_update_the_snapshots():
    _fresh_process_state()
    _recorder.set_module_config("Snapshot module", [_param("k", "d", value="v")])
    module = _module_class("Snapshot module")()
    module._dict_conf = "replaced"
    fresh = module.module_dict_conf
    assert fresh == {"k": "v"} and module._dict_conf is fresh

    _recorder.server_settings["http_proxy"] = "http://proxy.invalid:3128"
    assert module._server_conf["http_proxy"] is None        # read once in __init__
    fresh = module.server_dict_conf
    assert fresh["http_proxy"] == "http://proxy.invalid:3128" and module._server_conf is fresh
    _fresh_process_state()


def test_real_evidence_storage_not_initialized():
    _fresh_process_state()
    module = _module_class("No storage module")()
    module._evidence_storage = None
    status = module.get_evidence_storage()
    assert status is S.I2InterfaceNotReady and status.is_failure()
    assert status.get_message() == "Evidence storage not initialized"


def test_real_internal_configure_returns_success():
    _fresh_process_state()
    module = _module_class("Internal configure module")()
    status = module.internal_configure(evidence_storage="storage", mod_web_config=[_param("k", "v")])
    assert status is S.I2Success and status.code == 2
    assert module._evidence_storage == "storage"


def test_real_legacy_returns_carry_an_empty_list():
    assert IrisModuleInterface.return_success() == (True, [])
    assert IrisModuleInterface.return_success("") == (True, [])
    assert IrisModuleInterface.return_error() == (False, [])
    assert IrisModuleInterface.return_error(None, S.I2CodeError) == (False, [])
    assert IrisModuleInterface.return_error("ko") == (False, "ko")


def test_real_run_passes_arguments_by_position():
    _fresh_process_state()

    class Renamed(_module_class("Renamed pipeline module")):
        def pipeline_handler(self, kind, data):
            return kind, data

    assert Renamed().run("pipeline_update", {"x": 1}) == ("pipeline_update", {"x": 1})


# -- health check and version comparison ----------------------------------

ACCEPTED_VERSIONS = [1.1, 1.2, "1.1", "1.1.0", "1.2", "1.2.0", "1.2.0rc1"]
REJECTED_VERSIONS = ["1.2.1", 1.3, "1.0", 1.0, "2.0.0", "1.2.0.post1", "not a version", "", "1.x"]


def test_health_check_interface_versions():
    _fresh_process_state()
    for version in ACCEPTED_VERSIONS:
        module = _module_class("Version module", _interface_version=version)()
        healthy, logs = loader.check_module_health(module)
        assert healthy, (version, logs)
    for version in REJECTED_VERSIONS:
        module = _module_class("Version module", _interface_version=version)()
        healthy, logs = loader.check_module_health(module)
        assert not healthy, (version, logs)


def test_version_comparator_against_packaging_when_available():
    try:
        from packaging.version import Version
    except ImportError:
        return  # not installed (Python 3.9 here): nothing to compare with
    samples = ["1.1", "1.1.0", "1.2", "1.2.0", "1.2.0rc1", "1.2.0a1", "1.2.0b2", "1.2.0.dev1",
               "1.2.0rc1.dev2", "1.2.0.post1", "1.2.0.post1.dev1", "1.2.0-1", "1.2.0+local.1",
               "1.2.0+local.a", "1!0.1", "1.2.1", "2.0.0", "1.0", "0.9.9", "v1.2.0", "1.2.0c1",
               "1.2.0-rc.1", "1.2.0_alpha", "1.2.0.pre3"]
    for left in samples:
        for right in samples:
            expected = (Version(left) > Version(right), Version(left) == Version(right))
            got = (loader.parse_version(left) > loader.parse_version(right),
                   loader.parse_version(left) == loader.parse_version(right))
            assert got == expected, (left, right, got, expected)


def test_health_check_types_pipelines_and_base():
    _fresh_process_state()
    base = IrisModuleInterface()
    healthy, logs = loader.check_module_health(base)
    assert not healthy and "'pipeline'" in logs[-1]
    assert not base.is_ready()

    assert not loader.check_module_health(_module_class("Typeless", _module_type="processor")())[0]
    assert loader.check_module_health(_module_class("Processor ok")())[0]
    assert not loader.check_module_health(_module_class("Processor with pipeline", _pipeline_support=True,
                                                        _pipeline_info=dict(VALID_PIPELINE_INFO))())[0]
    pipeline = dict(_module_type=IrisModuleTypes.module_pipeline, _pipeline_support=True)
    assert loader.check_module_health(_module_class("Pipeline ok", _pipeline_info=dict(VALID_PIPELINE_INFO),
                                                    **pipeline)())[0]
    for key in loader.PIPELINE_INFO_KEYS:
        info = dict(VALID_PIPELINE_INFO)
        del info[key]
        assert not loader.check_module_health(_module_class("Pipeline missing", _pipeline_info=info,
                                                            **pipeline)())[0], key
        info = dict(VALID_PIPELINE_INFO, **{key: [] if key == "pipeline_args" else ""})
        assert not loader.check_module_health(_module_class("Pipeline empty", _pipeline_info=info,
                                                            **pipeline)())[0], key
    doc_example = {k: v for k, v in VALID_PIPELINE_INFO.items() if not k.endswith("_support")}
    assert not loader.check_module_health(_module_class("Doc pipeline", _pipeline_info=doc_example,
                                                        **pipeline)())[0]

    class Exploding(_module_class("Exploding")):
        def get_module_type(self):
            raise RuntimeError("kaboom")

    healthy, logs = loader.check_module_health(Exploding())
    assert not healthy and logs[-1] == "kaboom"


# -- the loader CLI ----------------------------------------------------------

PROCESSOR_INTERFACE = '''
from iris_interface import IrisInterfaceStatus as InterfaceStatus
from iris_interface.IrisModuleInterface import IrisModuleInterface, IrisModuleTypes


class {cls}(IrisModuleInterface):
    name = "{cls}"
    _module_name = "Selftest {cls}"
    _module_description = "selftest"
    _interface_version = "1.2.0"
    _module_version = "0.1.0"
    _module_type = IrisModuleTypes.module_processor
    _pipeline_support = False
    _pipeline_info = {{}}
    _module_configuration = [
        {{"param_name": "st_manual_hook_enabled", "param_human_name": "Manual", "param_description": "",
          "default": True, "mandatory": True, "type": "bool", "section": "Triggers"}},
        {{"param_name": "st_on_create_hook_enabled", "param_human_name": "Create", "param_description": "",
          "default": False, "mandatory": True, "type": "bool", "section": "Triggers"}},
    ]

    def register_hooks(self, module_id):
        print("noise on stdout must not break the JSON")
        conf = self.module_dict_conf
        conf = conf if isinstance(conf, dict) else {{}}
        self.log.info("registering hooks with %s", sorted(conf.items()))
        if conf.get("st_manual_hook_enabled"):
            self.register_to_hook(module_id, iris_hook_name="on_manual_trigger_ioc", manual_hook_name="Get insight")
        else:
            self.deregister_from_hook(module_id=module_id, iris_hook_name="on_manual_trigger_ioc")
        if conf.get("st_on_create_hook_enabled"):
            self.register_to_hook(module_id, iris_hook_name="on_postload_ioc_create")
        else:
            self.deregister_from_hook(module_id=module_id, iris_hook_name="on_postload_ioc_create")
'''


class _Packages(object):
    """Temporary directory of small module packages for the CLI tests."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="iris-selftest-")

    def add(self, package, files):
        directory = os.path.join(self.root, package)
        os.makedirs(directory)
        for name, text in files.items():
            with open(os.path.join(directory, name), "w") as handle:
                handle.write(textwrap.dedent(text))

    def run(self, *args):
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        result = subprocess.run([sys.executable, LOADER, "--site", self.root] + list(args), env=env,
                                capture_output=True, text=True)
        lines = result.stdout.splitlines()
        assert len(lines) == 1, (result.stdout, result.stderr)
        return result.returncode, json.loads(lines[0]), result.stderr

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def test_loader_failure_messages():
    packages = _Packages()
    try:
        packages.add("st_no_attr", {"__init__.py": "x = 1\n"})
        packages.add("st_no_file", {"__init__.py": '__iris_module_interface = "Missing"\n'})
        packages.add("st_no_class", {"__init__.py": '__iris_module_interface = "StIface"\n',
                                     "StIface.py": "class Other(object):\n    pass\n"})
        packages.add("st_raises", {"__init__.py": '__iris_module_interface = "StRaises"\n',
                                   "StRaises.py": "class StRaises(object):\n"
                                                  "    def __init__(self):\n"
                                                  "        raise ValueError('no way')\n"})
        packages.add("st_broken_root", {"__init__.py": "import does_not_exist_anywhere\n"})
        expectations = [
            ("st_does_not_exist", "Could not import root module st_does_not_exist"),
            ("st_broken_root", "Could not import root module st_broken_root"),
            ("st_no_attr", "Could not import module st_no_attr"),
            ("st_no_file", "Could not import module st_no_file"),
            ("st_no_class", "Could not get handle on the interface class st_no_class"),
            ("st_raises", "Could not instantiate the class st_raises"),
        ]
        for package, prefix in expectations:
            code, report, _ = packages.run(package)
            assert code == 1, (package, report)
            assert report["loaded"] is False and report["healthy"] is False
            assert report["message"].startswith(prefix), (package, report["message"])
        # Site folders come after the standard library, as site-packages do in
        # IRIS: a package named like a standard module is never the one imported.
        shadowing = ["json"] + (["symbol"] if sys.version_info < (3, 10) else [])
        for package in shadowing:
            packages.add(package, {"__init__.py": '__iris_module_interface = "StShadow"\n',
                                   "StShadow.py": "class StShadow(object):\n    pass\n"})
            code, report, _ = packages.run(package)
            assert code == 1 and report["loaded"] is False, (package, report)
            assert report["message"].startswith("Could not import module {}".format(package)), report["message"]
        # --config without --register-hooks is a usage error: exit 2, no JSON.
        result = subprocess.run([sys.executable, LOADER, "st_raises", "--config", "[]"],
                                capture_output=True, text=True)
        assert result.returncode == 2 and result.stdout == "", result
    finally:
        packages.close()


def test_loader_interface_path():
    empty = tempfile.mkdtemp(prefix="iris-selftest-no-interface-")
    try:
        env = dict(os.environ, IRIS_INTERFACE_PATH=empty)
        result = subprocess.run([sys.executable, LOADER, "st_anything"], env=env, capture_output=True, text=True)
        assert result.returncode == 2 and result.stdout == "", result
        assert "IRIS_INTERFACE_PATH={} holds no iris_interface".format(empty) in result.stderr, result.stderr
    finally:
        shutil.rmtree(empty, ignore_errors=True)


def test_loader_processor_flow():
    packages = _Packages()
    try:
        packages.add("st_proc_module", {"__init__.py": '__iris_module_interface = "StProc"\n',
                                        "StProc.py": PROCESSOR_INTERFACE.format(cls="StProc")})
        code, report, _ = packages.run("st_proc_module")
        assert code == 0, report
        assert report["loaded"] and report["healthy"] and report["message"] == "Success"
        assert report["module_type"] == "module_processor" and report["module_name"] == "Selftest StProc"
        assert report["interface_version"] == "1.2.0" and report["pipeline_info"] == {}
        assert report["iris_interface"] == os.path.join(loader.interface_dir(), "iris_interface")
        assert report["registered_hooks"] == [] and report["registered"] is None

        code, report, stderr = packages.run("st_proc_module", "--register-hooks")
        assert code == 0, report
        assert "noise on stdout" in stderr
        assert [h["iris_hook_name"] for h in report["registered_hooks"]] == ["on_manual_trigger_ioc"]
        assert report["registered_hooks"][0]["manual_hook_name"] == "Get insight"
        assert report["registered_hooks"][0]["module_id"] == 1
        assert [h["iris_hook_name"] for h in report["deregistered_hooks"]] == ["on_postload_ioc_create"]
        assert any("registering hooks" in line for line in report["message_queue"])

        config = json.dumps([{"param_name": "st_manual_hook_enabled", "value": False},
                             {"param_name": "st_on_create_hook_enabled", "value": "true"},
                             {"param_name": "unknown_param", "value": 1}])
        code, report, _ = packages.run("st_proc_module", "--register-hooks", "--config", config)
        assert code == 0, report
        assert [h["iris_hook_name"] for h in report["registered_hooks"]] == ["on_postload_ioc_create"]
        assert [h["iris_hook_name"] for h in report["deregistered_hooks"]] == ["on_manual_trigger_ioc"]
        assert report["warnings"] and "unknown_param" in report["warnings"][0]
    finally:
        packages.close()


def test_loader_pipeline_and_unhealthy():
    packages = _Packages()
    try:
        pipeline = PROCESSOR_INTERFACE.format(cls="StPipe").replace(
            "module_processor", "module_pipeline").replace(
            "_pipeline_support = False", "_pipeline_support = True").replace(
            "_pipeline_info = {}", "_pipeline_info = " + repr(VALID_PIPELINE_INFO))
        packages.add("st_pipe_module", {"__init__.py": '__iris_module_interface = "StPipe"\n',
                                        "StPipe.py": pipeline})
        code, report, _ = packages.run("st_pipe_module", "--register-hooks")
        assert code == 0, report
        assert report["module_type"] == "module_pipeline" and report["registered"] is True
        assert report["pipeline_info"] == VALID_PIPELINE_INFO
        assert report["registered_hooks"] == []       # IRIS calls register_hooks for processors only

        unhealthy = PROCESSOR_INTERFACE.format(cls="StOld").replace('"1.2.0"', '"1.2.1"')
        packages.add("st_old_module", {"__init__.py": '__iris_module_interface = "StOld"\n',
                                       "StOld.py": unhealthy})
        code, report, _ = packages.run("st_old_module", "--register-hooks")
        assert code == 1 and report["loaded"] and not report["healthy"]
        assert report["message"] == "Cannot import module. Health check didn't pass. Please check logs below"
        assert any("1.2.1" in line for line in report["health_logs"])
        assert report["registered_hooks"] == []

        failing = PROCESSOR_INTERFACE.format(cls="StFail").replace(
            'print("noise on stdout must not break the JSON")', 'raise RuntimeError("hook failure")')
        packages.add("st_fail_module", {"__init__.py": '__iris_module_interface = "StFail"\n',
                                        "StFail.py": failing})
        code, report, _ = packages.run("st_fail_module", "--register-hooks")
        assert code == 1 and report["healthy"] and report["registered"] is False
        assert report["message"] == "Unable to register module: Fatal - hook failure"
    finally:
        packages.close()


def _run_all():
    tests = [(name, value) for name, value in globals().items() if name.startswith("test_") and callable(value)]
    tests.sort(key=lambda item: item[1].__code__.co_firstlineno)
    failures = 0
    for name, test in tests:
        try:
            test()
        except Exception:
            failures += 1
            import traceback
            print("FAIL {}".format(name))
            traceback.print_exc()
        else:
            print("ok   {}".format(name))
    print("{} passed, {} failed (Python {})".format(len(tests) - failures, failures, sys.version.split()[0]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(_run_all())

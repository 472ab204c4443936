"""Base class of IRIS modules (stand-in for generator-iris-module tests).

Behaves as iris-interface 1.2.0 does (test/python/selftest_stand_in.py pins
each behaviour, log lines included): the constructor reads the evidence
storage, the module's stored configuration and the server settings through
IRIS internals, which are imported at module level. Importing this file therefore needs the `app.*` and `celery` stubs of
test/python/stubs (or a real IRIS), exactly like the real package.
"""
import logging
import random
import string

from app.datamgmt.iris_engine.evidence_storage import EvidenceStorage
from app.datamgmt.manage.manage_srv_settings_db import get_server_settings_as_dict
from app.iris_engine.module_handler.module_handler import deregister_from_hook as iris_deregister_from_hook
from app.iris_engine.module_handler.module_handler import get_mod_config_by_name
from app.iris_engine.module_handler.module_handler import register_hook as iris_register_hook
from celery import Task

from iris_interface import IrisInterfaceStatus as InterfaceStatus


class IrisPipelineTypes(object):
    pipeline_type_update = 'pipeline_update'
    pipeline_type_import = 'pipeline_import'


class IrisModuleTypes(object):
    module_pipeline = 'module_pipeline'
    module_processor = 'module_processor'


class IrisModuleInterface(Task):
    """Every IRIS module subclasses this and overrides the class attributes."""

    _module_name = "IrisBaseModule"
    _module_description = "Base class of IRIS modules - set your own description"
    _interface_version = "1.2.0"
    _module_version = "1.0.0"
    # Not a valid module type: the IRIS health check rejects it, so every
    # module has to set IrisModuleTypes.module_pipeline or module_processor.
    _module_type = 'pipeline'
    _pipeline_support = True
    _pipeline_info = {
        "pipeline_internal_name": "base_pipeline",
        "pipeline_human_name": "Base pipeline",
        "pipeline_args": [["example_arg", "optional"]],
        "pipeline_update_support": True,
        "pipeline_import_support": True,
    }
    _module_configuration = [
        {
            "param_name": "base_example_string",
            "param_human_name": "Example string",
            "param_description": "Example parameter of the base class",
            "default": None,
            "mandatory": False,
            "type": "string",
        },
        {
            "param_name": "base_example_flag",
            "param_human_name": "Example flag",
            "param_description": "Example boolean parameter of the base class",
            "default": False,
            "mandatory": False,
            "type": "bool",
        },
    ]

    def __init__(self):
        # One logger per instance, named after this file plus 8 random
        # lower-case letters, at DEBUG (the level the 1.2.0 source sets), so
        # debug lines are queued too. Its handler appends to message_queue.
        suffix = "".join(random.choice(string.ascii_lowercase) for _ in range(8))
        self.log = logging.getLogger("{}_{}".format(__name__, suffix))
        self.log.setLevel(logging.DEBUG)
        self.message_queue = []
        self.set_log_handler()

        self._is_ready = False
        self._celery_decorator = None
        # The configuration reads below log lines of their own (see
        # get_configuration and get_configuration_dict): an unregistered module
        # starts with two lines in its queue.
        self._evidence_storage = EvidenceStorage()
        self._mod_web_config = get_mod_config_by_name(self._module_name).get_data()
        self._dict_conf = self.get_configuration_dict().get_data()
        self._server_conf = get_server_settings_as_dict()

        problem = self._first_readiness_problem()
        if problem is not None:
            # Only the first problem is logged; the module stays not ready.
            self.log.critical(problem)
            return
        self.log.info("Module has initiated")
        self._is_ready = True

    def _first_readiness_problem(self):
        """The message of the first failed readiness check, or None."""
        if self._module_name == "IrisBaseModule":
            return "The module cannot be named as IrisBaseModule. Please reconfigure the module"
        if not self._pipeline_support:
            return None
        if self._module_type == IrisModuleTypes.module_processor:
            return "Modules of type processor can't have pipelines"
        # Read with .get(): pipeline information that is not a dict raises here.
        if self._pipeline_info.get("pipeline_update_support") and \
                not self._pipeline_info.get("pipeline_import_support"):
            return "Logic error in the module pipeline. Update cannot be supported without import."
        return None

    # -- configuration -------------------------------------------------------

    @property
    def module_dict_conf(self):
        # Re-casts the snapshot taken in __init__ (the stored configuration is
        # not read again), logs as get_configuration_dict does, and keeps the
        # result in _dict_conf.
        self._dict_conf = self.get_configuration_dict().get_data()
        return self._dict_conf

    @property
    def server_dict_conf(self):
        # Asks IRIS again, and keeps the answer in _server_conf.
        self._server_conf = get_server_settings_as_dict()
        return self._server_conf

    def auto_configure(self):
        self._evidence_storage = EvidenceStorage()
        self._mod_web_config = get_mod_config_by_name(self._module_name).get_data()

    def set_log_handler(self):
        handler = InterfaceStatus.QueuingHandler(level=logging.DEBUG, message_queue=self.message_queue,
                                                 celery_task=self)
        self.log.addHandler(handler)

    def internal_configure(self, celery_decorator=None, evidence_storage=None, mod_web_config=None):
        # Legacy entry point; IRIS 2.x never reaches it. Answers with the
        # shared success singleton, as it stands.
        self._celery_decorator = celery_decorator
        self._evidence_storage = evidence_storage
        self._mod_web_config = mod_web_config
        return InterfaceStatus.I2Success

    def get_evidence_storage(self):
        if not self._evidence_storage:
            return InterfaceStatus.I2InterfaceNotReady("Evidence storage not initialized")
        return InterfaceStatus.I2Success(data=self._evidence_storage)

    def get_init_configuration(self):
        return self._module_configuration

    def get_configuration(self):
        # Both answers are shared singletons: a falsy data value leaves
        # whatever a previous caller stored in place.
        if self._mod_web_config:
            return InterfaceStatus.I2Success(data=self._mod_web_config)
        message = "Module configuration not retrieved, using default"
        self.log.warning(message)
        return InterfaceStatus.I2InterfaceNotReady(message, data=self.get_init_configuration())

    @staticmethod
    def _cast_configuration_value(value, value_type):
        if value_type == "bool" and isinstance(value, str):
            return value.lower() == "true"
        if value_type == "int" and isinstance(value, str):
            return int(value)
        return value

    def get_configuration_dict(self):
        configuration = self.get_configuration()
        if not configuration.is_success():
            # Handed back as it is: for a module not registered yet, its data
            # is the initial parameter LIST, not a dict.
            self.log.info("Returning faulty configuration.{}. {}".format(configuration.message,
                                                                          configuration.logs))
            return configuration

        self.log.info("Retrieved server configuration")
        try:
            values = {}
            for parameter in configuration.get_data():
                value = parameter.get("value")
                if value is None:
                    value = parameter.get("default")
                # An entry without param_name lands under the key None.
                values[parameter.get("param_name")] = self._cast_configuration_value(value, parameter.get("type"))
        except Exception as error:
            self.log.info("Configuration malformed")
            return InterfaceStatus.I2Error("Configuration malformed: {}".format(error))
        return InterfaceStatus.I2Success(data=values)

    # -- identity ------------------------------------------------------------

    def is_ready(self):
        return self._is_ready

    def get_module_type(self):
        return self._module_type

    def get_module_name(self):
        return self._module_name

    def get_module_description(self):
        return self._module_description

    def get_module_version(self):
        return self._module_version

    def get_interface_version(self):
        return self._interface_version

    # -- pipelines -----------------------------------------------------------

    def is_providing_pipeline(self):
        return self._pipeline_support

    def pipeline_get_info(self):
        return self._pipeline_info

    def pipeline_init(self, app_info):
        return self.return_not_implemented()

    def pipeline_files_upload(self, base_path, file_handle, case_customer, case_name, is_update):
        return self.return_not_implemented()

    def pipeline_handler(self, pipeline_type, pipeline_data):
        return self.return_not_implemented()

    def run(self, pipeline_type, pipeline_data):
        # Positional, whatever names an override gives its parameters.
        return self.pipeline_handler(pipeline_type, pipeline_data)

    # -- hooks ---------------------------------------------------------------

    def hooks_handler(self, hook_name, hook_ui_name, data):
        return InterfaceStatus.I2InterfaceNotImplemented

    def register_hooks(self, module_id):
        return InterfaceStatus.I2InterfaceNotImplemented

    @staticmethod
    def register_to_hook(module_id, iris_hook_name, manual_hook_name=None, run_asynchronously=True):
        # IRIS's functions are called with positional arguments.
        success, logs = iris_register_hook(module_id, iris_hook_name, manual_hook_name, run_asynchronously)
        # The message of the returned singleton is the LIST of IRIS log lines.
        if success:
            return InterfaceStatus.I2Success(message=logs)
        return InterfaceStatus.I2Error(message=logs)

    @staticmethod
    def deregister_from_hook(module_id, iris_hook_name):
        success, logs = iris_deregister_from_hook(module_id, iris_hook_name)
        return InterfaceStatus.I2Success(message=logs)

    # -- legacy helpers ------------------------------------------------------

    @staticmethod
    def return_not_implemented():
        return InterfaceStatus.I2InterfaceNotImplemented

    # Tuples, not statuses; without a message they carry an empty list.
    @staticmethod
    def return_success(message=None):
        return True, (message if message else [])

    @staticmethod
    def return_error(message=None, code=InterfaceStatus.I2UnknownError):
        return False, (message if message else [])

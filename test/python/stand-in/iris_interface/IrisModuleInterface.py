"""Base class of IRIS modules (stand-in for generator-iris-module tests).

Mirrors the documented behaviour of iris-interface 1.2.0 as bundled with IRIS:
the constructor reads the evidence storage, the module's stored configuration
and the server settings through IRIS internals, which are imported at module
level. Importing this file therefore needs the `app.*` and `celery` stubs of
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
        super(IrisModuleInterface, self).__init__()
        self.message_queue = []
        self._is_ready = False
        self._celery_decorator = None

        # One logger per instance. Its level is left unset (IRIS-bundled
        # build), so it inherits the root level: INFO inside IRIS.
        suffix = "".join(random.choice(string.ascii_letters) for _ in range(8))
        self.log = logging.getLogger("iris_interface.IrisModuleInterface_{}".format(suffix))
        self.set_log_handler()

        self._evidence_storage = EvidenceStorage()
        self._mod_web_config = get_mod_config_by_name(self._module_name).get_data()
        self._dict_conf = self.get_configuration_dict().get_data()
        self._server_conf = get_server_settings_as_dict()

        self._is_ready = self._readiness_checks()

    def _readiness_checks(self):
        ready = True
        if self._module_name == "IrisBaseModule":
            self.log.critical("The module name is still the base default 'IrisBaseModule'")
            ready = False

        if self._pipeline_support:
            if not isinstance(self._pipeline_info, dict):
                raise TypeError("Pipeline support is enabled but the pipeline information is not a dict")

            if self._module_type == IrisModuleTypes.module_processor:
                self.log.critical("A processor module cannot provide a pipeline")
                ready = False

            if self._pipeline_info.get("pipeline_update_support") and \
                    not self._pipeline_info.get("pipeline_import_support"):
                self.log.critical("Pipeline update support requires pipeline import support")
                ready = False

        return ready

    # -- configuration -------------------------------------------------------

    @property
    def module_dict_conf(self):
        # Re-casts the snapshot taken in __init__; the stored configuration is
        # not read again.
        return self.get_configuration_dict().get_data()

    @property
    def server_dict_conf(self):
        return get_server_settings_as_dict()

    def auto_configure(self):
        self._evidence_storage = EvidenceStorage()
        self._mod_web_config = get_mod_config_by_name(self._module_name).get_data()

    def set_log_handler(self):
        handler = InterfaceStatus.QueuingHandler(message_queue=self.message_queue,
                                                 celery_task=self,
                                                 level=logging.DEBUG)
        self.log.addHandler(handler)

    def internal_configure(self, celery_decorator=None, evidence_storage=None, mod_web_config=None):
        # Legacy entry point; IRIS 2.x never reaches it.
        self._celery_decorator = celery_decorator
        self._evidence_storage = evidence_storage
        self._mod_web_config = mod_web_config
        return InterfaceStatus.I2ConfigureSuccess

    def get_evidence_storage(self):
        if self._evidence_storage:
            return InterfaceStatus.I2Success(data=self._evidence_storage)
        return InterfaceStatus.I2InterfaceNotReady()

    def get_init_configuration(self):
        return self._module_configuration

    def get_configuration(self):
        # Both branches go through the shared singletons: a falsy data value
        # leaves whatever a previous caller stored in place.
        if self._mod_web_config:
            return InterfaceStatus.I2Success(data=self._mod_web_config)
        return InterfaceStatus.I2InterfaceNotReady(data=self.get_init_configuration())

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
            # Handed back unchanged: its data is the initial parameter LIST.
            return configuration

        try:
            conf_dict = {}
            for parameter in configuration.get_data():
                value = parameter.get("value")
                if value is None:
                    value = parameter.get("default")
                conf_dict[parameter["param_name"]] = self._cast_configuration_value(value, parameter.get("type"))
        except Exception as exc:
            return InterfaceStatus.I2Error("Configuration malformed: {}".format(exc))

        return InterfaceStatus.I2Success(data=conf_dict)

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
        return self.pipeline_handler(pipeline_type=pipeline_type, pipeline_data=pipeline_data)

    # -- hooks ---------------------------------------------------------------

    def hooks_handler(self, hook_name, hook_ui_name, data):
        return self.return_not_implemented()

    def register_hooks(self, module_id):
        return self.return_not_implemented()

    @staticmethod
    def register_to_hook(module_id, iris_hook_name, manual_hook_name=None, run_asynchronously=True):
        success, logs = iris_register_hook(module_id, iris_hook_name=iris_hook_name,
                                           manual_hook_name=manual_hook_name,
                                           run_asynchronously=run_asynchronously)
        # The message of the returned singleton is the LIST of IRIS log lines.
        if success:
            return InterfaceStatus.I2Success(message=logs)
        return InterfaceStatus.I2Error(message=logs)

    @staticmethod
    def deregister_from_hook(module_id, iris_hook_name):
        success, logs = iris_deregister_from_hook(module_id=module_id, iris_hook_name=iris_hook_name)
        return InterfaceStatus.I2Success(message=logs)

    # -- legacy helpers ------------------------------------------------------

    @staticmethod
    def return_not_implemented():
        return InterfaceStatus.I2InterfaceNotImplemented

    @staticmethod
    def return_success(message=None):
        return True, message

    @staticmethod
    def return_error(message=None, code=InterfaceStatus.I2CodeError):
        return False, message

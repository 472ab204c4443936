"""Status objects returned by IRIS modules (stand-in for generator-iris-module tests).

Reproduces the documented behaviour of iris-interface 1.2.0, quirks included:
the module-level statuses are shared, mutable singletons, ``__call__`` mutates
them and only ever sets truthy values, and ``merge_status`` nests the log list
of the second status inside the first one.
"""
import logging

I2CodeError = 0xFFFE
I2CodeNoError = 0x1
I2CodeSuccess = 0x2

# Every code at or above this value means failure.
_FAILURE_FLOOR = 0xFF00


class IIStatusCode(object):
    """Plain code/message holder. IRIS never uses it; kept for completeness."""

    def __init__(self, code, message):
        self.code = code
        self.message = message


class IIStatus(object):
    """Result of a module call. Codes below 0xFF00 are successes."""

    def __init__(self, code=0xFFFF, message="Unknown error", data=None, logs=None):
        # A falsy code (0, None) is turned into the generic unknown error.
        self.code = code if code else 0xFFFF
        self.message = message
        self.data = data
        self.logs = logs if logs is not None else []

    def __call__(self, *args, **kwargs):
        # Mutates this very object (also when it is a module-level singleton)
        # and returns it. Falsy values are ignored, so data=None or logs=[]
        # never clears what an earlier caller stored. Unknown keywords are
        # dropped silently.
        if len(args) == 1 and isinstance(args[0], str):
            self.message = args[0]
        for attribute in ("message", "code", "data", "logs"):
            value = kwargs.get(attribute)
            if value:
                setattr(self, attribute, value)
        return self

    def __bool__(self):
        return self.is_success()

    def __repr__(self):
        return "IIStatus(code={:#06x}, message={!r})".format(self.code, self.message)

    def is_success(self):
        return self.code < _FAILURE_FLOOR

    def is_failure(self):
        return self.code >= _FAILURE_FLOOR

    def get_data(self):
        return self.data

    def get_logs(self):
        return self.logs

    def get_message(self):
        return self.message


# Shared singletons. Calling one of them (I2Success(data=...)) changes it for
# every later user in the same process, IRIS itself included.
I2UnknownError = IIStatus(code=0xFFFF, message="Unknown error")
I2Error = IIStatus(code=0xFFFE, message="Unspecified error")
I2InterfaceNotImplemented = IIStatus(code=0xFF00, message="Interface function not implemented")
I2UnexpectedResult = IIStatus(code=0xFF01, message="Unexpected result")
I2FileNotFound = IIStatus(code=0xFF02, message="File not found")
I2InterfaceNotReady = IIStatus(code=0xFF03, message="Interface not ready")
I2InterfaceNotInitialized = IIStatus(code=0xFF04, message="Interface not initialized")
I2CriticalError = IIStatus(code=0xFF05, message="Critical error")
I2NoError = IIStatus(code=0x1, message="No errors")
I2Success = IIStatus(code=0x2, message="Success")
I2ConfigureSuccess = IIStatus(code=0x3, message="Configured successfully")


def merge_status(status_1, status_2):
    """Fold status_2 into status_1 and return status_1 (which is mutated).

    - a missing side gives the other one back;
    - a failing status_2 imposes its code;
    - data becomes [data_1, data_2] when data_1 is truthy, else data_2;
    - messages are joined with " - ";
    - the whole log list of status_2 is appended as ONE nested element.
    """
    if status_1 is None:
        return status_2
    if status_2 is None:
        return status_1

    if status_2.is_failure():
        status_1.code = status_2.code

    if status_1.data:
        status_1.data = [status_1.data, status_2.data]
    else:
        status_1.data = status_2.data

    status_1.message = "{} - {}".format(status_1.message, status_2.message)
    status_1.logs.append(status_2.logs)
    return status_1


class QueuingHandler(logging.Handler):
    """Logging handler that keeps every formatted line in a list.

    The module's ``message_queue`` is that list. The Celery task is told about
    progress only when it is bound to a request (``request_stack`` truthy),
    which never happens for a module instance created by IRIS.
    """

    def __init__(self, message_queue, celery_task, level=logging.NOTSET):
        super(QueuingHandler, self).__init__(level)
        self.message_queue = message_queue
        self.celery_task = celery_task

    def emit(self, record):
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            return
        self.message_queue.append(line)
        if getattr(self.celery_task, "request_stack", None):
            self.celery_task.update_state(state="PROGRESS", meta=list(self.message_queue))

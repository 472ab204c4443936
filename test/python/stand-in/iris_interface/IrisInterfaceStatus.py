"""Status objects returned by IRIS modules (stand-in for generator-iris-module tests).

Behaves as iris-interface 1.2.0 does, quirks included (each one is pinned by
test/python/selftest_stand_in.py):

- the module-level statuses are shared, mutable singletons: calling one sets
  its attributes from the arguments that are truthy and returns the same object;
- a missing message becomes "Unknown message <code>", a missing log list a new
  empty list (even an empty list the caller passed is replaced);
- ``merge_status`` nests the whole log list of the second status inside the first;
- the log handler of modules lets formatting errors out to the caller.
"""
import logging

I2CodeError = 0xFFFE
I2CodeNoError = 0x1
I2CodeSuccess = 0x2

# Codes from this value up are failures; below it, successes.
_FIRST_FAILURE_CODE = 0xFF00
_UNKNOWN_ERROR_CODE = 0xFFFF


class IIStatusCode(object):
    """A code and its message. Nothing in IRIS uses it."""

    def __init__(self, code, message):
        self.status_code = code
        self.message = message


class IIStatus(object):
    """Result of a module call: a code (success below 0xFF00), message, data and logs."""

    def __init__(self, code=_UNKNOWN_ERROR_CODE, message="Unknown error", data=None, logs=None):
        # Every falsy argument is replaced: code 0 or None by the unknown-error
        # code; an empty or missing message by one naming the code as it was
        # passed; an empty or missing log list by a list of this object's own.
        self.message = message or "Unknown message {}".format(code)
        self.code = code or _UNKNOWN_ERROR_CODE
        self.data = data
        self.logs = logs or []

    def __call__(self, *args, **kwargs):
        # Changes this very object, singleton or not, and returns it. Keywords
        # other than these four are dropped; falsy values change nothing, so
        # data=None never clears what an earlier caller left.
        for attribute in ("message", "code", "data", "logs"):
            if kwargs.get(attribute):
                setattr(self, attribute, kwargs[attribute])
        # A lone positional str is the message, and it beats message=.
        if len(args) == 1 and type(args[0]) is str:
            self.message = args[0]
        return self

    def __bool__(self):
        return self.is_success()

    def is_success(self):
        return self.code < _FIRST_FAILURE_CODE

    def is_failure(self):
        return self.code >= _FIRST_FAILURE_CODE

    def get_data(self):
        return self.data

    def get_logs(self):
        return self.logs

    def get_message(self):
        return self.message


def merge_status(status_1, status_2):
    """Fold status_2 into status_1, which is changed and returned.

    A missing side gives the other back. A failing status_2 imposes its code.
    The data becomes [data_1, data_2] when data_1 is truthy, data_2 otherwise;
    the messages are joined by " - "; the log list of status_2 is appended to
    status_1's logs as ONE element.
    """
    if status_2 is None:
        return status_1
    if status_1 is None:
        return status_2

    if status_2.is_failure():
        status_1.code = status_2.code
    status_1.data = [status_1.data, status_2.data] if status_1.data else status_2.data
    status_1.message = "{} - {}".format(status_1.message, status_2.message)
    status_1.logs.append(status_2.logs)
    return status_1


# The shared singletons. I2Error("boom") changes the message of I2Error for
# every later user in the process, IRIS itself included.
I2UnknownError = IIStatus(_UNKNOWN_ERROR_CODE, "Unknown error")
I2Error = IIStatus(I2CodeError, "Unspecified error")
I2InterfaceNotImplemented = IIStatus(0xFF00, "Interface function not implemented")
I2UnexpectedResult = IIStatus(0xFF01, "Unexpected result")
I2FileNotFound = IIStatus(0xFF02, "File not found")
I2InterfaceNotReady = IIStatus(0xFF03, "Interface not ready")
I2InterfaceNotInitialized = IIStatus(0xFF04, "Interface not initialized")
I2CriticalError = IIStatus(0xFF05, "Critical error")
I2NoError = IIStatus(I2CodeNoError, "No errors")
I2Success = IIStatus(I2CodeSuccess, "Success")
I2ConfigureSuccess = IIStatus(0x3, "Configured successfully")


class QueuingHandler(logging.Handler):
    """Logging handler that appends each formatted line to a list.

    A module's ``message_queue`` is that list. ``message_queue`` and
    ``celery_task`` are keyword-only; anything else goes to logging.Handler
    (the level, positionally or not).
    """

    def __init__(self, *args, message_queue, celery_task, **kwargs):
        logging.Handler.__init__(self, *args, **kwargs)
        self.message_queue = message_queue
        self.celery_task = celery_task

    def emit(self, record):
        # No try/except, unlike the standard handlers: a record that cannot be
        # formatted (log.error("%d", "x")) raises out of the logging call.
        line = self.format(record)
        self.message_queue.append(line.rstrip("\n"))
        # The task reports progress only once bound to a Celery request, which
        # a module instance created by IRIS never is.
        if self.celery_task.request_stack:
            self.celery_task.update_state(state="PROGRESS", meta=list(self.message_queue))

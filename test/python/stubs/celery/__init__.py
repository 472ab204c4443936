"""Minimal `celery` stub for generator-iris-module tests.

Only what iris_interface needs: a Task base class that is never bound to a
Celery app, so its request_stack stays falsy.
"""


class Task(object):
    name = None
    request_stack = None

    def update_state(self, task_id=None, state=None, meta=None, **kwargs):
        return None

"""Stub of the IRIS server settings access (generator-iris-module tests)."""
import copy

from app import _recorder


def get_server_settings_as_dict():
    # A fresh dump on every call, keys in lower case like the IRIS columns.
    return copy.deepcopy(_recorder.server_settings)

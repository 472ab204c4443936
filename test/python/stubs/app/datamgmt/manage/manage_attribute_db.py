"""Stub of the IRIS custom-attribute helper (generator-iris-module tests)."""
import copy

from app import _recorder


def add_tab_attribute_field(obj, tab_name, field_name, field_type, field_value, mandatory=None, field_options=None):
    _recorder.attributes_added.append({
        "object": repr(obj),
        "tab_name": tab_name,
        "field_name": field_name,
        "field_type": field_type,
        "field_value": copy.deepcopy(field_value),
        "mandatory": mandatory,
        "field_options": copy.deepcopy(field_options),
    })
    if not obj:
        return False

    # Objects without a custom_attributes column (Alert, GlobalTasks) fail here
    # with AttributeError, as they do in IRIS.
    attributes = obj.custom_attributes
    if attributes is None:
        attributes = {}
    attributes = dict(attributes)
    tab = dict(attributes.get(tab_name) or {})
    field = {"mandatory": bool(mandatory), "type": field_type, "value": field_value}
    if field_options:
        field["options"] = field_options
    tab[field_name] = field
    attributes[tab_name] = tab
    obj.custom_attributes = attributes
    _recorder.count_commit()
    return True

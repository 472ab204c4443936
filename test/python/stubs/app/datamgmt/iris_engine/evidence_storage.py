"""Stub of the IRIS evidence storage (generator-iris-module tests).

IRIS exposes static methods on an instance that modules keep in
self._evidence_storage. Calls are recorded in app._recorder.
"""
import datetime
import types

from app import _recorder


class EvidenceStorage(object):

    @staticmethod
    def is_evidence_registered(case_id, sha256):
        _recorder.evidence_checks.append({"case_id": case_id, "sha256": sha256})
        return (case_id, sha256) in _recorder.registered_evidence

    @staticmethod
    def add_evidence(case_id, filename, description, size, sha256, date_added, user_id):
        _recorder.evidences_added.append({
            "case_id": case_id,
            "filename": filename,
            "description": description,
            "size": size,
            "sha256": sha256,
            "date_added": date_added if isinstance(date_added, (str, int, float, type(None))) else str(date_added),
            "user_id": user_id,
        })
        _recorder.registered_evidence.add((case_id, sha256))
        _recorder.count_commit()
        # IRIS ignores the date_added argument and stamps the current time.
        return types.SimpleNamespace(
            id=len(_recorder.evidences_added),
            case_id=case_id,
            filename=filename,
            file_description=description,
            file_size=size,
            file_hash=sha256,
            date_added=datetime.datetime.now(),
            user_id=user_id,
            type_id=None,
            custom_attributes={},
        )

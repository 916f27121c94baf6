"""Checking untrusted ops before anything is applied: shape, types, values, clocks."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.events import RatingScale
from salesdesk.domain.stages import Stage
from salesdesk.sync.api import Op, SyncFormatError
from salesdesk.sync.codec import (
    CHILD_FIELDS,
    CONTACT_FIELDS,
    ELEMENT_DATA,
    ELEMENT_KINDS,
    EVENT_FIELDS,
    FIELDS,
)
from salesdesk.sync.hlc import DEVICE, STAMP

KEYS = {"device", "seq", "hlc", "entity", "uid", "contact", "field", "value", "prev"}
MAX_TEXT = 1_000_000
MAX_PHOTO = 14_000_000  # base64 of ~10 MB
MAX_BADGE = 200  # formats.badges.MAX_BADGE_ID is 100; sync may not import formats
_STAGES = {s.value for s in Stage}
_RATINGS = {r.value for r in Rating}
_SOURCES = {s.value for s in LeadSource}
_SCALES = {s.value for s in RatingScale}


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _opt_text(value: Any) -> bool:
    return value is None or _text(value)


def _time(value: Any) -> bool:
    if value is None:
        return True
    try:
        dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _date(value: Any) -> bool:
    if value is None:
        return True
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _photo(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or len(value) > MAX_PHOTO:
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _cents(value: Any) -> bool:
    """A whole number of cents a database column holds (not a 5,000-digit number)."""
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**15


def _bool(value: Any) -> bool:
    return isinstance(value, bool)


def _hhmm(value: Any) -> bool:
    if value is None:
        return True
    try:
        dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _badge(value: Any) -> bool:
    return value is None or (isinstance(value, str) and 0 < len(value) <= MAX_BADGE)


def _json_text(kind: type) -> Callable[[Any], bool]:
    """Text the event row holds as JSON ('' for none): a list of chip names or a
    {grade: days} map; what the booth parses must parse."""

    def check(value: Any) -> bool:
        if value == "":
            return True
        if not _text(value):
            return False
        try:
            data = json.loads(value)
        except ValueError:
            return False
        if kind is list:
            return isinstance(data, list) and all(isinstance(c, str) for c in data)
        return isinstance(data, dict) and all(
            isinstance(k, str) and (v is None or (isinstance(v, int) and not isinstance(v, bool)))
            for k, v in data.items()
        )

    return check


Check = Callable[[Any], bool]
_CONTACT: dict[str, Check] = {name: _text for name in CONTACT_FIELDS}
_CONTACT.update(
    source=lambda v: v is None or v in _SOURCES, referred_by=_opt_text,
    stage=lambda v: v in _STAGES, position=_number, rating=lambda v: v in _RATINGS,
    consent_email=_bool, consent_at=_time, do_not_contact=_bool, photo=_photo,
    follow_up_on=_date, follow_up_time=_hhmm, created_at=_time, deleted_at=_time,
    merged_into=_opt_text, purged=lambda v: v is None, redacted=lambda v: v is None,
    expected_cents=lambda v: v is None or _cents(v), expected_close=_date,
    event=_opt_text, badge_id=_badge,
)  # fmt: skip
_CHILD: dict[str, dict[str, Check]] = {
    entity: {name: _opt_text for name in names} for entity, names in CHILD_FIELDS.items()
}
for _entity, _checks in _CHILD.items():
    _checks.update(at=_time, contact=_text, deleted=_bool, redacted=lambda v: v is None)
_CHILD["stage_change"].update(to_stage=lambda v: v in _STAGES,
                              from_stage=lambda v: v is None or v in _STAGES)  # fmt: skip
_CHILD["follow_up_change"].update(due_on=_date, due_time=_hhmm)
_CHILD["interaction"].update(created_at=_time, updated_at=_time)
_CHILD["capture"].update(linked=_bool, badge_only=_bool)
_EVENT: dict[str, Check] = {name: _text for name in EVENT_FIELDS}
_EVENT.update(
    starts_on=_date, ends_on=_date, created_at=_time, scale=lambda v: v in _SCALES,
    chips=_json_text(list), follow_up_days=_json_text(dict),
)  # fmt: skip
"""No ``deleted``: events are not deleted (captures and consent proofs name them)."""


def _stamps(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) <= 10_000
        and all(isinstance(d, str) and STAMP.match(d) for d in value)
    )


def _element(kind: str, field: str, value: Any) -> str | None:
    if field == "redacted":
        return None if value is None else "a redacted op carries a value"
    if not isinstance(value, dict) or not _text(value.get("key")):
        return "an element op needs a key"
    if not _stamps(value.get("dots", [])):
        return "its dots are not clock stamps"
    if field == "remove":
        return None
    data = value.get("data")
    if not isinstance(data, dict) or set(data) - {*ELEMENT_DATA[kind], "sort"}:
        return "its data is not an element's"
    for name in ELEMENT_DATA[kind]:
        item = data.get(name)
        ok = (
            _bool(item)
            if name == "primary"
            else (_opt_text(item) if name == "e164" else _text(item))
        )
        if not ok:
            return f"its {name} is not valid"
    if "sort" in data and not _number(data["sort"]):
        return "its sort is not a number"
    return None


def field_checks(entity: str) -> dict[str, Check] | None:
    """Per field of ``entity`` the check its register values must pass (None: no such entity,
    or a device, whose one register ``register_problem`` checks)."""
    return _checks_of(entity)


def _checks_of(entity: str) -> dict[str, Check] | None:
    if entity == "event":
        return _EVENT
    return _CONTACT if entity == "contact" else _CHILD.get(entity)


def register_problem(entity: str, field: Any, value: Any) -> str | None:
    """Why ``value`` cannot be the register ``field`` of an ``entity`` (snapshots), or None."""
    if entity == "device":
        ok = field == "name" and _text(value) and len(value) <= 200
        return None if ok else "bad device name"
    checks = _checks_of(entity)
    check = checks.get(field) if checks is not None and isinstance(field, str) else None
    if check is None:
        return f"'{field}' is not a field of {entity}"
    return None if check(value) else f"its value for {field} is not valid"


def element_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` ({"key", "data"}) is not an element of ``kind`` (snapshots), or None."""
    return _element(kind, "add", value)


def problem(op: Any) -> str | None:
    """Why ``op`` is not a valid op, or None."""
    if not isinstance(op, dict):
        return "it is not an object"
    if set(op) - KEYS or KEYS - {"prev"} - set(op):
        return "its keys are not those of an op"
    if not isinstance(op["device"], str) or not DEVICE.match(op["device"]):
        return "its device id is not valid"
    if not isinstance(op["seq"], int) or isinstance(op["seq"], bool) or op["seq"] < 1:
        return "its sequence number is not valid"
    stamp = STAMP.match(op["hlc"]) if isinstance(op["hlc"], str) else None
    if stamp is None or stamp[3] != op["device"]:
        return "its clock stamp is not valid"
    prev = op.get("prev")
    if prev is not None and not (isinstance(prev, str) and STAMP.match(prev)):
        return "its previous stamp is not valid"
    entity, field, value = op["entity"], op["field"], op["value"]
    if not (isinstance(op["uid"], str) and 0 < len(op["uid"]) <= 100):
        return "its uid is not valid"
    if not (isinstance(op["contact"], str) and len(op["contact"]) <= 100):
        return "its contact uid is not valid"
    if entity == "device":
        return None if field == "name" and _text(value) and len(value) <= 200 else "bad device op"
    if entity == "event":
        if op["contact"]:
            return "an event belongs to no contact"
    elif not op["contact"]:
        return "it names no contact"
    if entity in ELEMENT_KINDS:
        if field not in ("add", "remove", "redacted"):
            return f"'{field}' is not a field of {entity}"
        return _element(entity, field, value)
    checks = _checks_of(entity)
    if checks is None:
        return f"'{entity}' is not a kind of record"
    if field == FIELDS:
        return _creation(checks, entity, value, prev)
    check = checks.get(field) if isinstance(field, str) else None
    if check is None:
        return f"'{field}' is not a field of {entity}"
    if not check(value):
        return f"its value for {field} is not valid"
    return None


_NOT_IN_CREATION = {FIELDS, "purged", "redacted", "merged_into"}


def _creation(checks: dict[str, Check], entity: str, value: Any, prev: Any) -> str | None:
    if prev is not None:
        return "a creation names no previous stamp"
    if not isinstance(value, dict) or not value or len(value) > len(checks):
        return "a creation needs its fields"
    for name, item in value.items():
        check = checks.get(name) if name not in _NOT_IN_CREATION else None
        if check is None:
            return f"'{name}' is not a field of {entity}"
        if not check(item):
            return f"its value for {name} is not valid"
    return None


def validate_ops(ops: Any, too_far_ahead: Callable[[str], bool]) -> list[Op]:
    """The ops, checked all before any is applied; SyncFormatError names the first problem."""
    if not isinstance(ops, list):
        raise SyncFormatError("The changes are not a list of operations; nothing was applied.")
    seen: dict[tuple[str, int], Op] = {}
    for index, op in enumerate(ops):
        why = problem(op)
        if why is None and too_far_ahead(op["hlc"]):
            why = "its clock is more than a year ahead of this computer's"
        if why is None:
            key = (op["device"], op["seq"])
            if key in seen and seen[key] != op:
                why = "another operation has the same device and number"
            seen[key] = op
        if why is not None:
            raise SyncFormatError(
                f"Operation {index + 1} of {len(ops)} is not valid ({why}); nothing was applied."
            )
    return list(ops)

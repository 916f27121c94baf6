"""What sync keeps of a contact, as JSON-safe values: fields, element sets and child rows.

One shape, the *record*, is built both from the store (a ``take_snapshots`` snapshot) and
from the replicated state, so the recorder (store -> ops) and the materialiser (state ->
store) compare like with like, and tests compare replicas with it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from typing import Any

CONTACT_FIELDS: dict[str, Any] = {
    # field -> the value a contact has when no op ever wrote it
    "first_name": "", "last_name": "", "company": "", "title": "", "gender": "",
    "source": None, "source_detail": "", "referred_by": None, "stage": "new", "position": 0.0,
    "rating": "none", "notes": "", "street": "", "postal_code": "", "city": "", "region": "",
    "country": "", "consent_email": False, "consent_at": None, "consent_how": "",
    "do_not_contact": False, "photo": None, "photo_mime": "", "follow_up_on": None,
    "follow_up_time": None, "follow_up_note": "", "created_at": None, "deleted_at": None,
    "expected_cents": None, "currency": "", "expected_close": None, "owner": "",
    "event": None, "badge_id": None,
}  # fmt: skip
"""Replicated contact columns. Left out, because each replica derives them: id, version,
updated_at, primary_email, primary_phone, tag_names, search_extra (from the rest),
last_interaction_at and engagement (from the interactions). ``event`` is the uid of the
event the lead came from (the row holds its local id); ``badge_id`` is unique among contacts,
so a replica stores it on one contact only (see sync/booth.py)."""

ALWAYS_RECORDED = ("stage", "created_at")
"""Written by every creation even when default: a contact exists once these arrived."""

CHILD_FIELDS: dict[str, tuple[str, ...]] = {
    "stage_change": ("from_stage", "to_stage", "at", "reason", "kind", "author"),
    "follow_up_change": ("at", "kind", "due_on", "due_time", "note", "author"),
    "interaction": (
        "channel", "direction", "at", "summary", "notes", "outcome", "created_at", "updated_at",
        "author",
    ),
    "capture": ("event", "at", "staff", "grade", "linked", "badge_only"),
    "consent_record": ("event", "at", "staff", "wording", "channels"),
}  # fmt: skip
"""A capture's and a consent record's ``event`` is the event's uid (rows hold its id)."""
EVENT_REFS = frozenset({"capture", "consent_record"})
"""Child entities naming an event."""
UNSET_AS_NONE = frozenset({"author"})
"""Child columns stored as '' when unset but replicated as absent (None): a row recorded
before the column existed (whose state has no such register) then compares equal to its
stored row, so no op is sent for every old row, and a creation leaves it out."""
CHILD_TABLES = {"stage_change": "history", "follow_up_change": "follow_ups",
                "interaction": "interactions", "capture": "captures",
                "consent_record": "consents"}  # fmt: skip
"""Child entity -> the Snapshot attribute holding its rows."""

CHILD_REQUIRED = {
    "stage_change": ("to_stage", "at", "kind"),
    "follow_up_change": ("at", "kind"),
    "interaction": ("channel", "direction", "at", "summary", "created_at", "updated_at"),
    "capture": ("event", "at"),
    "consent_record": ("at", "wording", "channels"),
}  # the NOT NULL columns
"""A child row shows once these arrived (an edit can overtake the creation it follows)."""

FIELDS = "*"
"""The field of a creation op: its value maps every field written to its value (one op, one
stamp, instead of one op per field: a contact is ~4x fewer ops to store, send and apply)."""

ELEMENT_KINDS = ("email", "phone", "tag")
ELEMENT_DATA: dict[str, tuple[str, ...]] = {
    "email": ("value", "label", "primary"),
    "phone": ("value", "label", "primary", "e164"),
    "tag": ("name",),
}
EVENT_FIELDS: dict[str, Any] = {
    "name": "", "starts_on": None, "ends_on": None, "place": "", "booth": "", "chips": "",
    "scale": "hot_warm_cold", "follow_up_days": "", "created_at": None,
}  # fmt: skip
"""Replicated event columns (chips and follow_up_days as the JSON text the row holds); an
event is an entity of its own (contact uid ''), last writer wins per field, never deleted."""
EVENT_REQUIRED = ("name", "created_at")
"""An event shows once these arrived."""

ENTITIES = ("contact", "device", "event", *CHILD_FIELDS, *ELEMENT_KINDS)

Record = dict[str, Any]
"""{"fields": {field: json}, "email"|"phone"|"tag": {key: data},
"children": {uid: {"entity": entity, field: json...}}}"""


def to_json(value: Any) -> Any:
    """A stored column value as JSON (times as ISO text, photos as base64)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, float) and value.is_integer():
        return float(value)
    return value


def element_key(kind: str, data: dict[str, Any]) -> str:
    """The identity of an element within its contact: what makes two adds the same one."""
    if kind == "email":
        return str(data["value"]).casefold()
    if kind == "phone":
        return str(data.get("e164") or data["value"])
    return str(data["name"]).casefold()


def element_uid(contact_uid: str, kind: str, key: str) -> str:
    """A derived uid for an element (a hash, so an op's uid carries no address)."""
    return hashlib.sha1(f"{contact_uid}\0{kind}\0{key}".encode()).hexdigest()


_BY_UID = ("referred_by", "event")


def store_record(snapshot: Any, uid_of: dict[int, str], event_uids: dict[int, str]) -> Record:
    """The record of a stored contact (``uid_of`` maps referrer ids to uids, ``event_uids``
    event ids to uids)."""
    row = snapshot.contact
    fields = {name: to_json(row[name]) for name in CONTACT_FIELDS if name not in _BY_UID}
    referrer = row["referred_by"]
    fields["referred_by"] = uid_of.get(referrer) if referrer is not None else None
    fields["event"] = event_uids.get(row["event"]) if row["event"] is not None else None
    if fields["photo"] is None:
        fields["photo_mime"] = ""
    record: Record = {"fields": fields, "children": {}}
    for kind, items in (("email", snapshot.emails), ("phone", snapshot.phones)):
        elements: dict[str, Any] = {}
        for item in items:
            data = {
                "value": item["value"], "label": item["label"], "primary": bool(item["is_primary"]),
            }  # fmt: skip
            if kind == "phone":
                data["e164"] = item["e164"]
            elements.setdefault(element_key(kind, data), data)
        record[kind] = elements
    # A tag is one row per name for the whole database (unique without regard to case), so
    # its letter case is the first spelling this database saw: compared by key alone.
    tags: dict[str, dict[str, Any]] = {name.casefold(): {} for _, name in snapshot.tags}
    record["tag"] = dict(sorted(tags.items()))
    for entity, attribute in CHILD_TABLES.items():
        for child in getattr(snapshot, attribute):
            values = {f: to_json(child[f]) for f in CHILD_FIELDS[entity]}
            if entity in EVENT_REFS:
                values["event"] = event_uids.get(child["event"]) if child["event"] else None
            if entity == "capture":  # SQLite gives 0/1
                values["linked"], values["badge_only"] = (
                    bool(child["linked"]),
                    bool(child["badge_only"]),
                )
            for name in UNSET_AS_NONE:
                if values.get(name) == "":
                    values[name] = None
            record["children"][child["uid"]] = {"entity": entity, **values}
    return record

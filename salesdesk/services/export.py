"""Contacts as plain dicts (JSON-ready): the stable shape of ``--json`` output.

It is the JSON file format's record (salesdesk.formats.json_format) less what only a full
backup needs (position, photo, trash time, referrer uid), so the two shapes cannot drift."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salesdesk.domain.contact import Contact, StageChange
from salesdesk.formats.json_format import contact_record, iso

__all__ = ["CLI_KEYS", "contact_to_dict", "iso"]

CLI_KEYS = (
    "id", "uid", "first_name", "last_name", "company", "title", "stage", "rating", "emails",
    "phones", "address", "gender", "source", "source_detail", "referred_by", "tags", "notes",
    "consent", "do_not_contact", "expected_value", "currency", "expected_close", "owner",
    "created_at", "updated_at",
)  # fmt: skip


def contact_to_dict(
    contact: Contact, history: Sequence[StageChange] | None = None
) -> dict[str, Any]:
    """The documented JSON object for one contact (docs/cli.md); with ``stage_history`` when
    ``history`` is given. Only JSON types: str, int, bool, None, lists and dicts."""
    record = contact_record(contact, history or ())
    result = {key: record[key] for key in CLI_KEYS}
    if history is not None:
        result["stage_history"] = record["stage_history"]
    return result

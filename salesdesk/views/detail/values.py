"""Qt-free helpers of the detail pane: time in stage, initials, editor rows (tested plainly)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from salesdesk.domain.contact import Contact, EmailAddress, PhoneNumber, StageChange
from salesdesk.domain.stages import Stage


def stage_entered_at(
    history: Sequence[StageChange], stage: Stage, fallback: dt.datetime | None
) -> dt.datetime | None:
    """When the contact last came into ``stage`` (the latest history entry into it)."""
    entered = [h.at for h in history if h.to_stage is stage and h.from_stage is not stage]
    return max(entered) if entered else fallback


def whole_days_between(start: dt.datetime, now: dt.datetime) -> int:
    """Completed days from ``start`` to ``now`` (never negative)."""
    return max(0, (now - start).days)


def initials(contact: Contact) -> str:
    """One or two capital letters for the avatar ('?' when there is nothing to use)."""
    parts = [p for p in (contact.first_name, contact.last_name) if p.strip()]
    if not parts:
        parts = contact.company.split()[:2] or [contact.display_name]
    letters = "".join(p.strip()[0] for p in parts if p.strip() and p.strip()[0].isalnum())
    return letters[:2].upper() or "?"


@dataclass(frozen=True)
class MethodRow:
    """One e-mail or phone row of an editor: what the user sees and what is stored."""

    value: str
    label: str
    primary: bool


def method_rows_to_items(rows: Sequence[MethodRow]) -> list[dict[str, object]]:
    """The rows as ``update`` takes them; blank rows are left out, one primary is kept."""
    kept = [r for r in rows if r.value.strip()]
    first = next((i for i, r in enumerate(kept) if r.primary), 0)
    return [
        {"value": r.value.strip(), "label": r.label.strip().lower(), "primary": i == first}
        for i, r in enumerate(kept)
    ]


def items_of(methods: Sequence[EmailAddress | PhoneNumber]) -> list[dict[str, object]]:
    """Stored e-mails/phones in the same shape as ``method_rows_to_items`` (for comparing)."""
    return method_rows_to_items([MethodRow(m.value, m.label, m.primary) for m in methods])


def add_tag(tags: Sequence[str], new: str) -> list[str]:
    """``tags`` plus ``new`` (trimmed), unless it is blank or there already (any case)."""
    cleaned = " ".join(new.split())
    if not cleaned or cleaned.casefold() in {t.casefold() for t in tags}:
        return list(tags)
    return [*tags, cleaned]


def remove_tag(tags: Sequence[str], old: str) -> list[str]:
    """``tags`` without ``old`` (any case)."""
    return [t for t in tags if t.casefold() != old.casefold()]

"""Interactions and follow-ups as plain dicts (JSON-ready), for ``show --json`` (docs/cli.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from salesdesk.domain.interactions import FollowUp, Interaction
from salesdesk.services.export import iso
from salesdesk.services.interactions import InteractionService


def interaction_to_dict(item: Interaction) -> dict[str, Any]:
    return {
        "id": item.id,
        "uid": item.uid,
        "channel": item.channel.value,
        "direction": item.direction.value,
        "at": iso(item.at),
        "summary": item.summary,
        "notes": item.notes,
        "outcome": item.outcome.value if item.outcome else None,
        "author": item.author,
    }


def follow_up_to_dict(follow_up: FollowUp | None) -> dict[str, Any] | None:
    if follow_up is None:
        return None
    return {
        "on": follow_up.due_on.isoformat(),
        "time": follow_up.due_time.strftime("%H:%M") if follow_up.due_time else None,
        "note": follow_up.note,
    }


def conversation_dict(
    service: InteractionService, contact_id: int, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The ``interactions`` (newest first), ``next_follow_up`` and ``engagement`` keys."""
    result = service.engagement(contact_id, now)
    return {
        "interactions": [interaction_to_dict(i) for i in service.interactions(contact_id)],
        "next_follow_up": follow_up_to_dict(service.follow_up(contact_id)),
        "engagement": {"level": result.level.value, "explanation": result.explain()},
    }

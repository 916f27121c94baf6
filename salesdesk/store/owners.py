"""Who looks after which contact: the owners in use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from salesdesk.store.contacts import chunks
from salesdesk.store.rows import database_proxy


def owners() -> list[str]:
    """Every owner some contact (live or in the trash) has, sorted without regard to case;
    read from the contact_owner index alone."""
    db: Any = database_proxy.obj
    rows = db.execute_sql("SELECT DISTINCT owner FROM contact WHERE owner != ''").fetchall()
    return sorted((str(r[0]) for r in rows), key=str.casefold)


def owners_of(ids: Sequence[int]) -> dict[int, str]:
    """The owner of each of ``ids`` that exists ('' for nobody)."""
    db: Any = database_proxy.obj
    found: dict[int, str] = {}
    for part in chunks(list(ids)):
        marks = ", ".join([db.param] * len(part))
        rows = db.execute_sql(f"SELECT id, owner FROM contact WHERE id IN ({marks})", list(part))
        found.update((int(i), str(o)) for i, o in rows.fetchall())
    return found

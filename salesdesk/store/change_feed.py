"""The change feed: which contacts any program changed, so an open window can show them.

SQLite's ``PRAGMA data_version`` tells cheaply *that* another connection committed; the
``contact_touch`` table, kept by triggers, tells *which* contacts (one row per contact with the
sequence number of its last change), so a window reloads only those."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS contact_touch "
    "(contact_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)"
)
INDEX_SQL = "CREATE INDEX IF NOT EXISTS contact_touch_seq ON contact_touch (seq)"
_NEXT = "(SELECT coalesce(max(seq), 0) + 1 FROM contact_touch)"
# (trigger name, table, event, the contact id expression). The contact row alone suffices:
# every change of a contact's e-mails, phones, tags, interactions or follow-ups also bumps
# its version (see store.interactions.touch_contacts), which is what a stale editor checks.
_SOURCES = (
    ("contact_touch_ai", "contact", "INSERT", "new.id"),
    ("contact_touch_au", "contact", "UPDATE", "new.id"),
    ("contact_touch_ad", "contact", "DELETE", "old.id"),
)
TRIGGERS = tuple(name for name, *_ in _SOURCES)
TRIGGER_SQL = tuple(
    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN "
    f"INSERT OR REPLACE INTO contact_touch (contact_id, seq) VALUES ({who}, {_NEXT}); END"
    for name, table, event, who in _SOURCES
)


def create(db: Any) -> None:
    """Create the table, its index and the triggers (idempotent)."""
    db.execute_sql(TABLE_SQL)
    db.execute_sql(INDEX_SQL)
    for sql in TRIGGER_SQL:
        db.execute_sql(sql)


def missing(db: Any) -> list[str]:
    """The parts of the feed (table, index, triggers) that are gone from a current schema
    (a table rebuild drops triggers silently, see DESIGN.md section 3)."""
    present = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}
    wanted = ("contact_touch", "contact_touch_seq", *TRIGGERS)
    return [name for name in wanted if name not in present]


def data_version(db: Any) -> int:
    """SQLite's counter of commits by *other* connections to ``db``'s file (cheap to read)."""
    return int(db.execute_sql("PRAGMA data_version").fetchone()[0])


def last_seq(db: Any) -> int:
    row = db.execute_sql("SELECT max(seq) FROM contact_touch").fetchone()
    return int(row[0] or 0)


def touched_since(seq: int, db: Any) -> tuple[int, list[int]]:
    """(the newest sequence number, ids of contacts changed after ``seq``)."""
    rows: Sequence[tuple[int, int]] = db.execute_sql(
        "SELECT contact_id, seq FROM contact_touch WHERE seq > ? ORDER BY seq", (seq,)
    ).fetchall()
    if not rows:
        return seq, []
    return int(rows[-1][1]), [int(r[0]) for r in rows]

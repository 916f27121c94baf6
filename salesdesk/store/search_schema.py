"""DDL of the SQLite FTS5 index and the triggers that keep it in step with ``contact``."""

from __future__ import annotations

from typing import Any

FTS_COLUMNS = (
    "first_name",
    "last_name",
    "company",
    "title",
    "city",
    "notes",
    "search_extra",
)
TRIGGERS = ("contact_fts_ai", "contact_fts_ad", "contact_fts_au")

_cols = ", ".join(FTS_COLUMNS)
_new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)

TABLE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS contact_fts USING fts5({_cols}, "
    "content='contact', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
)
TRIGGER_SQL = (
    f"CREATE TRIGGER IF NOT EXISTS contact_fts_ai AFTER INSERT ON contact BEGIN "
    f"INSERT INTO contact_fts(rowid, {_cols}) VALUES (new.id, {_new}); END",
    f"CREATE TRIGGER IF NOT EXISTS contact_fts_ad AFTER DELETE ON contact BEGIN "
    f"INSERT INTO contact_fts(contact_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old}); END",
    # Only text columns matter: a stage move must not pay for re-indexing.
    f"CREATE TRIGGER IF NOT EXISTS contact_fts_au AFTER UPDATE OF {_cols} ON contact BEGIN "
    f"INSERT INTO contact_fts(contact_fts, rowid, {_cols}) VALUES ('delete', old.id, {_old}); "
    f"INSERT INTO contact_fts(rowid, {_cols}) VALUES (new.id, {_new}); END",
)


def create_search_index(db: Any) -> None:
    """Create the index and its triggers (idempotent) and fill it from the table."""
    db.execute_sql(TABLE_SQL)
    for sql in TRIGGER_SQL:
        db.execute_sql(sql)
    db.execute_sql("INSERT INTO contact_fts(contact_fts) VALUES ('rebuild')")


def drop_triggers(db: Any) -> None:
    for name in TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")


def missing_triggers(db: Any) -> list[str]:
    present = {
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='contact'"
        )
    }
    return [t for t in TRIGGERS if t not in present]

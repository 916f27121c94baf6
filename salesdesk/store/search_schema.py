"""DDL of the SQLite FTS5 index and the triggers that keep it in step with ``contact``."""

from __future__ import annotations

from typing import Any

import peewee

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


SHADOW_TABLES = tuple(f"contact_fts_{part}" for part in ("data", "idx", "docsize", "config"))
_COPY = "check_fts"


def index_problems(db: Any) -> list[str]:
    """Whether the index is in step with the contacts, without writing to the database.

    FTS5's 'integrity-check' is an INSERT, so it would wait for (or fail on) another program's
    write lock. It runs instead on a copy of the index and of the indexed columns in this
    connection's private temp schema, which takes no lock on the database file."""
    present = {
        row[0] for row in db.execute_sql("SELECT name FROM main.sqlite_master WHERE type = 'table'")
    }
    if not {"contact", "contact_fts", *SHADOW_TABLES} <= present:
        return []  # a missing part is reported by the schema check
    query_only = db.execute_sql("PRAGMA query_only").fetchone()[0]
    db.execute_sql("PRAGMA query_only = 0")  # only temp.* is written below
    try:
        _copy_index(db)
        try:
            db.execute_sql(f"INSERT INTO temp.{_COPY}({_COPY}, rank) VALUES ('integrity-check', 1)")
        except peewee.DatabaseError as error:
            return [f"search index out of step with the contacts: {error}"]
        return []
    finally:
        db.execute_sql(f"DROP TABLE IF EXISTS temp.{_COPY}")
        db.execute_sql(f"DROP TABLE IF EXISTS temp.{_COPY}_contact")
        db.execute_sql(f"PRAGMA query_only = {int(query_only)}")


def _copy_index(db: Any) -> None:
    db.execute_sql(f"DROP TABLE IF EXISTS temp.{_COPY}")
    db.execute_sql(f"DROP TABLE IF EXISTS temp.{_COPY}_contact")
    db.execute_sql(f"CREATE TEMP TABLE {_COPY}_contact (id INTEGER PRIMARY KEY, {_cols})")
    db.execute_sql(f"INSERT INTO temp.{_COPY}_contact SELECT id, {_cols} FROM main.contact")
    copy_sql = TABLE_SQL.replace("IF NOT EXISTS contact_fts", f"temp.{_COPY}").replace(
        "content='contact'", f"content='{_COPY}_contact'"
    )
    db.execute_sql(copy_sql)
    for shadow in SHADOW_TABLES:
        part = shadow.removeprefix("contact_fts_")
        db.execute_sql(f"DELETE FROM temp.{_COPY}_{part}")
        db.execute_sql(f"INSERT INTO temp.{_COPY}_{part} SELECT * FROM main.{shadow}")

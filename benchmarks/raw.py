"""Raw sqlite3 baselines: the same work as the services, with nothing but the driver."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from salesdesk.store.db import SQLITE_PRAGMAS
from salesdesk.store.search_schema import FTS_COLUMNS

TABLES = ("contact", "email", "phone", "tag", "contact_tag", "stage_change")


def connect(path: Path) -> sqlite3.Connection:
    """A plain connection with the application's pragmas, in autocommit mode."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=5)
    for name, value in SQLITE_PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


def schema(source: Path, *, contact_only: bool) -> list[str]:
    """CREATE statements of a migrated database: the contact table and its indexes, or
    every table with its indexes and the FTS table (never the triggers)."""
    conn = sqlite3.connect(source)
    try:
        rows = conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master "
            "WHERE type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC, rowid"
        ).fetchall()
    finally:
        conn.close()
    out = []
    for name, table, sql in rows:
        if name.startswith(("contact_fts_", "sqlite_")) or table == "schema_migration":
            continue  # FTS shadow tables come with their virtual table
        if contact_only and (table != "contact" or name == "contact_fts"):
            continue
        out.append(sql)
    return out


def dump(source: Path, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of ``tables`` as stored, in rowid order."""
    conn = sqlite3.connect(source)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def create(path: Path, statements: list[str]) -> None:
    conn = connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def insert_all(
    conn: sqlite3.Connection, rows: dict[str, list[tuple[Any, ...]]], index: bool
) -> None:
    """One transaction: executemany per table, then (``index``) fill the FTS index."""
    conn.execute("BEGIN IMMEDIATE")
    for table, items in rows.items():
        if items:
            marks = ", ".join("?" * len(items[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", items)
    if index:
        cols = ", ".join(FTS_COLUMNS)
        conn.execute(f"INSERT INTO contact_fts(rowid, {cols}) SELECT id, {cols} FROM contact")
    conn.execute("COMMIT")


SEARCH_SQL = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT 50"
BOARD_SQL = (
    "SELECT id, first_name, last_name, company, stage, position, rating FROM contact "
    "WHERE deleted_at IS NULL ORDER BY stage, position, id"
)


def move(
    conn: sqlite3.Connection, contact_id: int, source: str, target: str, position: float, at: str
) -> None:
    """A stage move as bare SQL: the update and its history row in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "UPDATE contact SET stage = ?, position = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ?",
        (target, position, at, contact_id),
    )
    conn.execute(
        "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind) "
        "VALUES (?, ?, ?, ?, NULL, 'forward')",
        (contact_id, source, target, at),
    )
    conn.execute("COMMIT")

"""``salesdesk check``: compare a database's schema with what the migrations make, find damage
without writing a byte, and repair what can be repaired (after a backup, on request).

The expected schema is built, not written down: the same migrations run on an empty database
in memory, up to the version of the file being checked, so it can never drift from them.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import peewee
from playhouse.migrations import Runner

from salesdesk.domain.errors import StorageError
from salesdesk.store import db as store_db
from salesdesk.store import search_schema
from salesdesk.store.backup import backup_sqlite

log = logging.getLogger(__name__)

_SEARCH_PARTS = frozenset(("contact_fts", *search_schema.SHADOW_TABLES, *search_schema.TRIGGERS))


@dataclass(frozen=True)
class SchemaObject:
    """One entry of sqlite_master with what must match: columns, index keys or SQL."""

    kind: str  # table, index, trigger, view
    name: str
    table: str
    sql: str | None
    shape: Any
    unique: bool = False


@dataclass(frozen=True)
class SchemaProblem:
    """An object of the expected schema that is missing or not as the migrations made it."""

    expected: SchemaObject
    missing: bool

    @property
    def name(self) -> str:
        return self.expected.name

    @property
    def in_search_index(self) -> bool:
        return self.name in _SEARCH_PARTS

    def __str__(self) -> str:
        obj = self.expected
        kind = "unique index" if obj.unique else obj.kind
        where = f" of table {obj.table}" if obj.kind in ("index", "trigger") else ""
        what = "is missing" if self.missing else "is not as this version of salesdesk made it"
        part = " (part of the search index)" if self.in_search_index else ""
        return f"{kind} {obj.name}{where} {what}{part}"


@dataclass
class RepairReport:
    """What ``repair`` did: the backup first, then each repair, and what it could not do."""

    backup: Path
    repaired: list[str] = field(default_factory=list)
    not_repaired: list[str] = field(default_factory=list)


# --- reading the schema ----------------------------------------------------------------------


def _normal_sql(sql: str | None) -> str | None:
    if sql is None:
        return None
    text = " ".join(sql.replace('"', "").replace("`", "").split())
    return re.sub(r"\bIF NOT EXISTS\b ", "", text, flags=re.IGNORECASE)


def _shape(db: Any, kind: str, name: str, sql: str | None) -> tuple[Any, bool]:
    """What must match for ``name`` (and whether it is a unique index)."""
    quoted = name.replace('"', '""')
    if kind == "table" and name in search_schema.SHADOW_TABLES:
        return None, False  # FTS5's own tables: only that they exist
    if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL"):
        columns = tuple(
            (r[1], (r[2] or "").upper(), r[3], r[4], r[5])
            for r in db.execute_sql(f'PRAGMA main.table_info("{quoted}")')
        )
        keys = tuple(
            sorted((r[2], r[3], r[4], r[5], r[6]) for r in db.execute_sql(
                f'PRAGMA main.foreign_key_list("{quoted}")'
            ))
        )  # fmt: skip
        return (columns, keys), False
    if kind == "index":
        table = db.execute_sql(
            "SELECT tbl_name FROM main.sqlite_master WHERE name = ?", (name,)
        ).fetchone()[0]
        flags = {
            r[1]: (bool(r[2]), bool(r[4]))
            for r in db.execute_sql(f'PRAGMA main.index_list("{table}")')
        }
        unique, partial = flags.get(name, (False, False))
        keys = tuple(
            (r[1], r[2], r[3], r[4], r[5])
            for r in db.execute_sql(f'PRAGMA main.index_xinfo("{quoted}")')
        )
        return (unique, partial, keys, _normal_sql(sql) if partial else None), unique
    return _normal_sql(sql), False


def read_schema(db: Any) -> dict[str, SchemaObject]:
    """The tables, indexes, triggers and views of a database's main schema, by name."""
    rows = db.execute_sql(
        "SELECT type, name, tbl_name, sql FROM main.sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' OR name LIKE 'sqlite_autoindex_%'"
    ).fetchall()
    objects = {}
    for kind, name, table, sql in rows:
        shape, unique = _shape(db, kind, name, sql)
        objects[name] = SchemaObject(kind, name, table, sql, shape, unique)
    return objects


def _migration_names(migrations_dir: Path) -> list[str]:
    return sorted(p.stem for p in migrations_dir.glob("[0-9]*.py"))


@functools.lru_cache(maxsize=8)
def _expected_schema(migrations_dir: str, version: int) -> dict[str, SchemaObject]:
    names = _migration_names(Path(migrations_dir))
    db = store_db.memory_database()
    try:
        if version > 0:
            Runner(db, migrations_dir).up(target=names[version - 1])
        return read_schema(db)
    finally:
        db.close()


def expected_schema(version: int) -> dict[str, SchemaObject]:
    """The schema the migrations make up to ``version`` (what a sound file of it holds)."""
    return _expected_schema(str(store_db.MIGRATIONS_DIR), version)


def schema_problems(db: Any) -> list[SchemaProblem]:
    """Every expected table, index and trigger that is missing or different, read only."""
    if not isinstance(db, peewee.SqliteDatabase):
        return []
    db = cast(Any, db)  # peewee is untyped
    version = db.execute_sql("PRAGMA main.user_version").fetchone()[0]
    live = read_schema(db)
    if version == 0 and not live:
        return []  # a new, empty file
    version = min(version, store_db.schema_version())  # newer files are refused on opening
    problems = []
    for name, expected in expected_schema(version).items():
        found = live.get(name)
        if found is None:
            problems.append(SchemaProblem(expected, missing=True))
        elif (found.kind, found.table, found.shape) != (
            expected.kind,
            expected.table,
            expected.shape,
        ):
            problems.append(SchemaProblem(expected, missing=False))
    return problems


def integrity_problems(db: Any) -> list[str]:
    """Every problem ``salesdesk check`` reports, as lines; reads only (safe during writes)."""
    if not isinstance(db, peewee.SqliteDatabase):
        return []
    db = cast(Any, db)  # peewee is untyped
    problems = [r[0] for r in db.execute_sql("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [
        f"contact row {r[1]} in {r[0]} points to a missing {r[2]} row"
        for r in db.execute_sql("PRAGMA foreign_key_check")
    ]
    schema = schema_problems(db)
    problems += [str(p) for p in schema]
    if not any(p.in_search_index for p in schema):
        problems += search_schema.index_problems(db)
    return problems


# --- repairing -------------------------------------------------------------------------------


def backup_path_for(path: Path) -> Path:
    """A new file name next to ``path`` for the copy made before repairing it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.before-repair-{stamp}"
    for n in range(1, 100):
        target = path.with_name(f"{base}.bak" if n == 1 else f"{base}-{n}.bak")
        if not target.exists():
            return target
    raise StorageError(f"Too many backups of '{path.name}' were made this second.")


def repair(db: Any, path: Path) -> RepairReport:
    """Back the file up, then put back what ``schema_problems`` and the search index check
    find missing or wrong; ``not_repaired`` is what ``integrity_problems`` still finds after
    (page-level damage, a table with other columns, a unique index the rows break: those
    need a backup)."""
    problems = schema_problems(db)
    search_broken = any(p.in_search_index for p in problems) or bool(
        search_schema.index_problems(db)
    )
    target = backup_path_for(path)
    backup_sqlite(db, target)
    report = RepairReport(target)
    reasons: dict[str, str] = {}
    db.execute_sql("PRAGMA query_only = 0")
    with store_db.write_transaction(db):
        for problem in _in_order(problems):
            if not problem.in_search_index:
                _repair_one(db, problem, report, reasons)
        if search_broken:
            search_schema.drop_triggers(db)
            db.execute_sql("DROP TABLE IF EXISTS contact_fts")
            for shadow in search_schema.SHADOW_TABLES:  # left over if contact_fts was gone
                db.execute_sql(f"DROP TABLE IF EXISTS {shadow}")
            search_schema.create_search_index(db)
            report.repaired.append("search index rebuilt from the contacts, with its triggers")
    remaining = {str(p): reasons.get(p.name, "") for p in schema_problems(db)}
    report.not_repaired = [f"{line}{remaining[line]}" if line in remaining else line
                           for line in integrity_problems(db)]  # fmt: skip
    return report


def _in_order(problems: Iterable[SchemaProblem]) -> list[SchemaProblem]:
    order = {"table": 0, "index": 1, "view": 2, "trigger": 3}
    return sorted(problems, key=lambda p: order.get(p.expected.kind, 9))


def _repair_one(
    db: Any, problem: SchemaProblem, report: RepairReport, reasons: dict[str, str]
) -> None:
    obj = problem.expected
    if obj.sql is None:
        return  # an automatic index: made with its table, or only a backup brings it back
    if obj.kind == "table" and not problem.missing:
        reasons[obj.name] = "; its rows are kept as they are: restore it from a backup"
        return
    try:
        with db.atomic():  # a savepoint: one failed repair leaves the others
            if not problem.missing:
                db.execute_sql(f'DROP {obj.kind.upper()} IF EXISTS "{obj.name}"')
            db.execute_sql(obj.sql)
    except peewee.IntegrityError as error:
        log.warning("repairing %s failed: %s", obj.name, error)
        reasons[obj.name] = (
            "; it cannot be made again because rows break its rule (two rows with the "
            "same value): restore it from a backup"
        )
        return
    if obj.kind == "table":
        report.repaired.append(
            f"table {obj.name} made again, empty: rows it held are lost (the backup before "
            "the damage has them)"
        )
    else:
        kind = "unique index" if obj.unique else obj.kind
        report.repaired.append(f"{kind} {obj.name} of table {obj.table} made again")

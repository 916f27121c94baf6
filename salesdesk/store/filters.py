"""Exact filters (tag, source, event, rating, stage, follow-up, consent, owner) run in SQL,
together with the full-text search, and the sorted id lists the list view pages through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import total_ordering
from typing import Any

import peewee

from salesdesk.domain.filters import ME, Due, FilterQuery, Key
from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.store.rows import database_proxy
from salesdesk.store.search import fts_query, search_ids

WEEK = dt.timedelta(days=7)
_STAGE_ORDER_SQL = (
    "CASE c.stage "
    + " ".join(f"WHEN '{s.value}' THEN {n}" for n, s in enumerate(STAGE_ORDER))
    + " ELSE 99 END"
)
_RATING_ORDER_SQL = (
    "CASE c.rating WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 WHEN 'cold' THEN 2 ELSE 3 END"
)


@dataclass(frozen=True)
class Sort:
    """How the list sorts by one column: SQL terms, each in the chosen direction, then the id.
    Rows where ``blank`` holds (an empty field) come after all others in either direction,
    by id, read by a second query: so each part is one index range read in order."""

    terms: tuple[str, ...]
    blank: str | None = None


# Names and companies sort by their stored keys (domain/sorting.py: case and accents
# folded). Each column's terms are those of an index of migration 0010 (led by deleted_at),
# so the list's query reads the index in order instead of sorting.
SORTS: dict[str, Sort] = {
    "name": Sort(("c.sort_name",)),
    "company": Sort(("c.sort_company",), blank="c.sort_company = ''"),
    "stage": Sort((_STAGE_ORDER_SQL, "c.position")),
    "rating": Sort((_RATING_ORDER_SQL,)),
    "email": Sort(("lower(c.primary_email)",), blank="lower(c.primary_email) = ''"),
    "phone": Sort(("c.primary_phone",), blank="c.primary_phone = ''"),
    "tags": Sort(("lower(c.tag_names)",), blank="lower(c.tag_names) = ''"),
    "follow_up": Sort(("c.follow_up_on", "c.follow_up_time"), blank="c.follow_up_on IS NULL"),
    "updated": Sort(("c.updated_at",)),
}
SORT_KEYS = tuple(SORTS)


def sorted_id_queries(sort: str, descending: bool, where: str) -> list[str]:
    """The SELECTs (one, or two when blanks go last) whose ids, one after the other, are the
    contacts passing ``where`` in ``sort`` order."""
    if sort not in SORTS:
        raise ValueError(f"cannot sort by {sort!r}")
    spec = SORTS[sort]
    direction = "DESC" if descending else "ASC"
    order = ", ".join(f"{term} {direction}" for term in (*spec.terms, "c.id"))
    if spec.blank is None:
        return [f"SELECT c.id FROM contact c WHERE {where} ORDER BY {order}"]
    return [
        f"SELECT c.id FROM contact c WHERE {where} AND NOT ({spec.blank}) ORDER BY {order}",
        f"SELECT c.id FROM contact c WHERE {where} AND {spec.blank} ORDER BY c.id {direction}",
    ]


@total_ordering
class Position:
    """Where a row goes in a sorted list, compared in Python as SQLite orders the terms
    (NULL before numbers before text; text by code point, as SQLite's BINARY)."""

    __slots__ = ("blank", "values", "descending")

    def __init__(self, blank: bool, values: tuple[Any, ...], descending: bool) -> None:
        self.blank = blank
        self.values = tuple(_comparable(v) for v in values)  # the terms, then the id
        self.descending = descending

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Position):
            return NotImplemented
        return (self.blank, self.values) == (other.blank, other.values)

    def __lt__(self, other: Position) -> bool:
        if self.blank != other.blank:
            return other.blank
        if self.blank:  # blanks by id alone
            a, b = self.values[-1:], other.values[-1:]
        else:
            a, b = self.values, other.values
        return a > b if self.descending else a < b

    def __repr__(self) -> str:
        return f"Position({self.blank}, {self.values}, descending={self.descending})"


def _comparable(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value))


def positions(ids: Sequence[int], sort: str, descending: bool) -> dict[int, Position]:
    """The sort positions of the contacts ``ids`` (those that exist), read from their rows."""
    spec = SORTS[sort]
    db: Any = database_proxy.obj
    blank = spec.blank or "0"
    found: dict[int, Position] = {}
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        marks = ", ".join("?" for _ in part)
        sql = (
            f"SELECT c.id, ({blank}), {', '.join(spec.terms)} FROM contact c "
            f"WHERE c.id IN ({marks})"
        )
        for row_id, is_blank, *values in db.execute_sql(sql, part):
            found[row_id] = Position(bool(is_blank), (*values, row_id), descending)
    return found


def matching_ids(
    query: FilterQuery, today: dt.date, ids: Sequence[int], *, include_deleted: bool = False
) -> set[int]:
    """Which of ``ids`` pass ``query`` (a changed contact may have left or joined a list)."""
    db: Any = database_proxy.obj
    where, params = _where(query, today, include_deleted, db)
    if where is None or not ids:
        return set()
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        marks = ", ".join("?" for _ in part)
        sql = f"SELECT c.id FROM contact c WHERE c.id IN ({marks}) AND {where}"
        found.update(row[0] for row in db.execute_sql(sql, [*part, *params]))
    return found


def filter_ids(
    query: FilterQuery,
    today: dt.date,
    *,
    include_deleted: bool = False,
    sort: str | None = None,
    descending: bool = False,
    me: str = "",
) -> list[int]:
    """Ids of the contacts that pass every filter of ``query`` and match its free text;
    in ``sort`` order (a key of SORT_KEYS) or by id. ``me``: the user's name (owner:me)."""
    db: Any = database_proxy.obj
    where, params = _where(query, today, include_deleted, db, me)
    if where is None:
        return []
    if sort is None:
        sql = f"SELECT c.id FROM contact c WHERE {where} ORDER BY c.id"
        return [row[0] for row in db.execute_sql(sql, params)]
    ids: list[int] = []
    for sql in sorted_id_queries(sort, descending, where):
        ids.extend(row[0] for row in db.execute_sql(sql, params))
    return ids


def _where(
    query: FilterQuery, today: dt.date, include_deleted: bool, db: Any, me: str = ""
) -> tuple[str | None, list[Any]]:
    """The WHERE clause and its parameters; None when nothing can match (no such tag)."""
    parts: list[str] = [] if include_deleted else ["c.deleted_at IS NULL"]
    params: list[Any] = []
    for key in Key:
        values = query.values(key)
        if not values:
            continue
        if key is Key.OWNER:
            values = [me if v == ME else v for v in values]
        clause = _clause(key, values, today, params)
        if clause is None:
            return None, []
        parts.append(clause)
    if query.text.strip():
        match = fts_query(query.text)
        if match is None:
            return None, []  # free text without a word ("@") finds nothing, as search does
        if isinstance(db, peewee.SqliteDatabase):
            parts.append("c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?)")
            params.append(match)
        else:
            ids = search_ids(query.text, include_deleted=True)
            if not ids:
                return None, []
            parts.append(_in("c.id", ids, params))
    return " AND ".join(parts) or "1", params


def _in(column: str, values: Sequence[Any], params: list[Any]) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})"


def _clause(key: Key, values: list[str], today: dt.date, params: list[Any]) -> str | None:
    if key is Key.TAG:
        tag_ids = _ids_named("tag", values, exact=True)
        if not tag_ids:
            return None
        params.extend(tag_ids)
        marks = ", ".join("?" for _ in tag_ids)
        return f"c.id IN (SELECT contact_id FROM contact_tag WHERE tag_id IN ({marks}))"
    if key is Key.EVENT:
        event_ids = _ids_named("event", values, exact=False)
        if not event_ids:
            return None
        return _in("c.event_id", event_ids, params)
    if key is Key.OWNER:
        # names compared without regard to case (in Python: SQLite folds ASCII only), read
        # from the owner index; '' (owner:me for a user without a name) is nobody's
        asked = {v.casefold() for v in values if v}
        db: Any = database_proxy.obj
        names = [r[0] for r in db.execute_sql("SELECT DISTINCT owner FROM contact")
                 if str(r[0]).casefold() in asked]  # fmt: skip
        return _in("c.owner", names, params) if names else None
    if key is Key.RATING:
        return _in("c.rating", values, params)
    if key is Key.STAGE:
        return _in("c.stage", values, params)
    if key is Key.SOURCE:
        named = [v for v in values if v != "none"]
        terms = [_in("c.source", named, params)] if named else []
        if "none" in values:
            terms.append("c.source IS NULL")
        return "(" + " OR ".join(terms) + ")"
    if key is Key.CONSENT:
        wanted = {v == "yes" for v in values}
        if len(wanted) == 2:
            return "1"
        return "c.consent_email = 1" if wanted == {True} else "c.consent_email = 0"
    return "(" + " OR ".join(_due(Due(v), today, params) for v in values) + ")"


def _due(due: Due, today: dt.date, params: list[Any]) -> str:
    if due is Due.ANY:
        return "c.follow_up_on IS NOT NULL"
    if due is Due.NONE:
        return "c.follow_up_on IS NULL"
    if due is Due.OVERDUE:
        params.append(today.isoformat())
        return "c.follow_up_on < ?"
    params.append((today if due is Due.TODAY else today + WEEK).isoformat())
    return "c.follow_up_on <= ?"


def _ids_named(table: str, values: list[str], *, exact: bool) -> list[int]:
    """Ids of the tags (whole name) or events (part of the name) named, without regard to
    case. Compared in Python: SQLite folds the case of ASCII letters only (Ä != ä)."""
    wanted = [v.casefold() for v in values]
    db: Any = database_proxy.obj
    found: list[int] = []
    for row_id, name in db.execute_sql(f"SELECT id, name FROM {table}"):
        folded = str(name).casefold()
        if any(w == folded if exact else w in folded for w in wanted):
            found.append(int(row_id))
    return found

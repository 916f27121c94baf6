"""Exact filters (tag, source, event, rating, stage, follow-up, consent, owner) run in SQL,
together with the full-text search, and the sorted id lists the list view pages through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
# Letters folded for sorting, so "Ärger" sorts with the A's and not after Z (SQLite's NOCASE
# folds ASCII only; a Python collation would call back per comparison, ~1 s for 100k rows)
_FOLDS = {
    "a": "äàáâãåāą", "c": "çćč", "e": "éèêëēėę", "i": "íìîïī", "l": "ł", "n": "ñńň",
    "o": "öòóôõøō", "s": "śšş", "u": "üùúûūů", "y": "ýÿ", "z": "źżž", "ss": "ß",
}  # fmt: skip


_FROM = "".join(letter for letters in _FOLDS.values() for letter in letters + letters.upper())
_TO = "".join(plain[0] for plain, letters in _FOLDS.items() for letter in letters + letters.upper())


def folded(column: str) -> str:
    """SQL sort terms for ``column``: its first letter without accents ("Ärger" among the
    A's, not after Z), then the whole text without regard to case. Two string functions a
    row (~1 µs): a CASE per letter or nested replace() calls cost ~10 µs, 1 s at 100k."""
    letter = f"substr({column}, 1, 1)"
    at = f"instr('{_FROM}', {letter})"
    first = f"CASE WHEN {at} > 0 THEN substr('{_TO}', {at}, 1) ELSE lower({letter}) END"
    return f"{first} {{dir}}, {column} COLLATE NOCASE"


# what the list view may sort by: a column name -> the ORDER BY terms (the id breaks ties)
SORT_KEYS: dict[str, str] = {
    "name": f"{folded('c.last_name')} {{dir}}, {folded('c.first_name')} {{dir}}, "
    f"{folded('c.company')} {{dir}}",
    "company": f"c.company = '', {folded('c.company')} {{dir}}",
    "stage": _STAGE_ORDER_SQL + " {dir}, c.position {dir}",
    "rating": _RATING_ORDER_SQL + " {dir}",
    "email": "c.primary_email = '' , c.primary_email COLLATE NOCASE {dir}",
    "phone": "c.primary_phone = '', c.primary_phone {dir}",
    "tags": "c.tag_names = '', c.tag_names COLLATE NOCASE {dir}",
    "follow_up": "c.follow_up_on IS NULL, c.follow_up_on {dir}, c.follow_up_time {dir}",
    "updated": "c.updated_at {dir}",
}


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
    order = "c.id"
    if sort is not None:
        if sort not in SORT_KEYS:
            raise ValueError(f"cannot sort by {sort!r}")
        direction = "DESC" if descending else "ASC"
        order = SORT_KEYS[sort].format(dir=direction) + f", c.id {direction}"
    sql = f"SELECT c.id FROM contact c WHERE {where} ORDER BY {order}"
    return [row[0] for row in db.execute_sql(sql, params)]


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

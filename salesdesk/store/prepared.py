"""Selects by a list of ids whose SQL is built once per id count and kept.

peewee takes ~0.2-0.8 ms to build a statement that SQLite then runs in ~0.02 ms, and one board
move reads a dozen of them (snapshot for undo, placements, the card): building them again and
again was most of a move's time. The statements here have the ids as their only parameters,
so the text for ``n`` ids is the same every time and is built only once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from peewee import Field, Model

from salesdesk.store.rows import database_proxy

MAX_KEPT_IDS = 200  # a board reads up to 160 cards at once; longer lists build their own

Build = Callable[[Sequence[Any]], Any]  # parameters -> a peewee select that takes them
_statements: dict[tuple[str, type, int], str] = {}


def rows_by_ids(name: str, build: Build, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The driver's rows of ``build(ids)``; ``name`` tells the statement apart from others."""
    return rows(name, build, ids)


def rows(name: str, build: Build, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The driver's rows of ``build(params)``, a select whose parameters are ``params`` in
    this order. If they are not (peewee converted a value, or left one out as for ``IS
    NULL``), the statement is simply not kept, so a wrong guess costs time, not results."""
    db = database_proxy.obj
    params = list(params)
    key = (name, type(db), len(params))
    sql = _statements.get(key)
    if sql is None:
        sql, built = build(params).sql()
        if len(params) > MAX_KEPT_IDS or list(built) != params:
            return list(db.execute_sql(sql, built).fetchall())
        _statements[key] = sql
    return list(db.execute_sql(sql, params).fetchall())


def dicts_by_ids(
    model: type[Model], column: Field, ids: Sequence[int], order: Field | None = None
) -> list[dict[str, Any]]:
    """``model.select().where(column.in_(ids)).order_by(order).dicts()``: the same dicts, with
    each value converted by its field as peewee does, from a statement built once."""
    fields = model._meta.sorted_fields

    def build(part: Sequence[int]) -> Any:
        query = model.select(*fields).where(column.in_(list(part)))
        return query.order_by(order) if order is not None else query

    name = f"{model._meta.table_name}.{column.name}.{order.name if order is not None else ''}"
    names = [field.name for field in fields]
    convert = [field.python_value for field in fields]
    return [
        dict(zip(names, [c(v) for c, v in zip(convert, row, strict=True)], strict=True))
        for row in rows_by_ids(name, build, ids)
    ]

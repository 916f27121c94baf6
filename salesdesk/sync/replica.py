"""Switching the store's one row proxy between open databases (several replicas in one process).

The store binds all row classes to one ``DatabaseProxy``; code that holds several replicas
(tests, a future hub) wraps each replica's calls in ``using(db)``, which binds the proxy to
``db`` and puts back what was bound before. Not thread-safe: one replica at a time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from salesdesk.store.rows import database_proxy


@contextmanager
def using(db: Any) -> Iterator[Any]:
    previous = database_proxy.obj
    database_proxy.initialize(db)
    try:
        yield db
    finally:
        if previous is not None:
            database_proxy.initialize(previous)

"""Switching the store's one row proxy between open databases (several replicas in one process).

The store binds all row classes to one ``DatabaseProxy``; code that holds several replicas
(tests, a future hub) wraps each replica's calls in ``using(db)``, which binds the proxy to
``db`` and puts back what was bound before. Not thread-safe: one replica at a time."""

from __future__ import annotations

import gc
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


BULK_CACHE_KIB = 65536


@contextmanager
def big_cache(db: Any, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A larger page cache for one bulk step (adoption, a join, a big batch of ops): the sync
    tables are keyed by random uids, so at 100k contacts SQLite's default 2 MB cache would
    read and spill the same pages again and again. Put back afterwards."""
    before = int(db.execute_sql("PRAGMA cache_size").fetchone()[0])
    if before < 0 and -before >= kib:
        yield
        return
    db.execute_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {before}")


@contextmanager
def no_gc() -> Iterator[None]:
    """No cyclic garbage collection during one bulk step: a join holds millions of small
    objects (the snapshot's records), and each full collection would walk all of them again
    while nothing cyclic is being made. Reference counting still frees as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

"""Service calls off the GUI thread: each thread gets its own database connection.

peewee keeps one connection per thread (``thread_safe=True``, its default), so a call made
in a worker thread opens its own SQLite connection to the same file; SQLite (WAL) lets it
read while the GUI thread reads, and one writer at a time. An in-memory database exists only
in the connection that made it, so calls on one must stay on its thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from salesdesk.services.contacts import ContactService

T = TypeVar("T")


def can_run_in_thread(service: ContactService) -> bool:
    """Whether another thread's connection sees this service's data (not ``:memory:``)."""
    db: Any = service.db
    name = str(getattr(db, "database", "") or "")
    return bool(name) and name != ":memory:" and "mode=memory" not in name


def in_own_connection(service: ContactService, call: Callable[[], T]) -> T:
    """Run ``call`` in the current (worker) thread and close that thread's connection after,
    so no connection is left open behind a finished thread."""
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("in_own_connection is for worker threads")
    try:
        return call()
    finally:
        db: Any = service.db
        if not db.is_closed() and not db.in_transaction():
            db.close()

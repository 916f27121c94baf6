"""Adoption: contacts a database holds that sync never recorded become ops, once.

An existing user's database (written before sync recorded anything), or rows another code
path wrote without recording, would otherwise never reach the other devices. When the engine
first starts on a database it records every contact the replicated state does not know, with
its e-mails, phones, tags, interactions, stage history and follow-ups, in batches of
``BATCH`` contacts by id (one transaction each, so memory stays flat and a crash loses only
the batch it was in: the next start goes on from where the state stops). A marker in
``sync_meta`` says it is done, so later starts skip the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.store.db import write_transaction
from salesdesk.sync.replica import big_cache, no_gc

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine

MARKER = "adopted"
BATCH = 2000

_UNKNOWN = (
    "SELECT c.id FROM contact c WHERE c.id > ? AND NOT EXISTS "
    "(SELECT 1 FROM sync_entity e WHERE e.uid = c.uid) ORDER BY c.id LIMIT ?"
)


def adopt(engine: SyncEngine, batch: int = BATCH) -> int:
    """Record the contacts the state does not know yet (once per database); how many."""
    db = engine.db
    if engine._meta(MARKER):
        return 0
    with big_cache(db), no_gc():
        return _adopt(engine, batch)


def _adopt(engine: SyncEngine, batch: int) -> int:
    db = engine.db
    total, after = 0, 0
    while True:
        with write_transaction(db):
            ids = [r[0] for r in db.execute_sql(_UNKNOWN, (after, batch))]
            if ids:
                engine.recorder.record_created(ids)
            else:
                engine._set_meta(MARKER, engine.clock().isoformat())
        if not ids:
            return total
        total += len(ids)
        after = ids[-1]

"""Adoption: contacts and events a database holds that sync never recorded become ops, once.

An existing user's database (written before sync recorded anything), or rows another code
path wrote without recording, would otherwise never reach the other devices. When the engine
first starts on a database it records every event, then every contact the replicated state
does not know, with its e-mails, phones, tags, interactions, stage history, follow-ups,
captures and consent records, in batches of ``BATCH`` contacts by id (one transaction each,
so memory stays flat and a crash loses only the batch it was in: the next start goes on from
where the state stops). A marker in ``sync_meta`` says it is done, so later starts skip the
search.

Booth data (events, a contact's event and badge, captures, consent records) was not
replicated before migration 0012: a database adopted before then is adopted again for it,
once (marker ``adopted_booth``): its events, and the contacts holding booth data, which the
recorder compares with the state (only what the state lacks becomes ops).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.store.db import write_transaction
from salesdesk.sync.replica import big_cache, no_gc

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine

MARKER = "adopted"
BOOTH_MARKER = "adopted_booth"
BATCH = 2000

_UNKNOWN = (
    "SELECT c.id FROM contact c WHERE c.id > ? AND NOT EXISTS "
    "(SELECT 1 FROM sync_entity e WHERE e.uid = c.uid) ORDER BY c.id LIMIT ?"
)
_UNKNOWN_EVENTS = (
    "SELECT v.id FROM event v WHERE NOT EXISTS (SELECT 1 FROM sync_entity e WHERE e.uid = v.uid)"
    " ORDER BY v.id"
)
_WITH_BOOTH_DATA = (
    "SELECT c.id FROM contact c WHERE c.id > ? AND (c.event_id IS NOT NULL OR c.badge_id IS "
    "NOT NULL OR EXISTS (SELECT 1 FROM capture k WHERE k.contact_id = c.id) OR EXISTS "
    "(SELECT 1 FROM consent_record r WHERE r.contact_id = c.id)) ORDER BY c.id LIMIT ?"
)


def adopt(engine: SyncEngine, batch: int = BATCH) -> int:
    """Record the events and contacts the state does not know yet (once per database); how
    many contacts."""
    if engine._meta(MARKER) and engine._meta(BOOTH_MARKER):
        return 0
    with big_cache(engine.db), no_gc():
        with write_transaction(engine.db):
            # events first: a receiver then has them when their captures arrive
            ids = [r[0] for r in engine.db.execute_sql(_UNKNOWN_EVENTS)]
            if ids:
                engine.recorder.record_events(ids)
        whole = not engine._meta(MARKER)
        total = _adopt(engine, batch, _UNKNOWN, MARKER) if whole else 0
        if not whole:  # adopted before booth data synced: what it lacks of that, now
            total += _adopt(engine, batch, _WITH_BOOTH_DATA, BOOTH_MARKER)
        with write_transaction(engine.db):
            engine._set_meta(BOOTH_MARKER, engine.clock().isoformat())
        return total


def _adopt(engine: SyncEngine, batch: int, query: str, marker: str) -> int:
    db = engine.db
    total, after = 0, 0
    while True:
        with write_transaction(db):
            ids = [r[0] for r in db.execute_sql(query, (after, batch))]
            if ids:
                engine.recorder.record_created(ids)
            else:
                engine._set_meta(marker, engine.clock().isoformat())
        if not ids:
            return total
        total += len(ids)
        after = ids[-1]

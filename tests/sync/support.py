"""Replicas for sync tests: a tmp-file database each, its engine, services and own clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from salesdesk.services import ContactService
from salesdesk.services.booth import CaptureService, EventService
from salesdesk.services.interactions import InteractionService
from salesdesk.store import contacts as store
from salesdesk.store.db import open_database
from salesdesk.sync import booth
from salesdesk.sync.codec import store_record
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.materialize import uids_of
from salesdesk.sync.replica import using
from salesdesk.sync.state import State


class SkewedClock:
    """A replica's wall clock: shared fake time plus this laptop's skew."""

    def __init__(self, base: list[dt.datetime], skew: dt.timedelta) -> None:
        self.base, self.skew = base, skew

    def __call__(self) -> dt.datetime:
        return self.base[0] + self.skew


class Replica:
    """One device: its database, engine and services (use inside ``with replica:``)."""

    def __init__(self, path: Path, clock: Any) -> None:
        self.opened = open_database(path)
        self.db = self.opened.db
        self.clock = clock
        with using(self.db):
            self.engine = SyncEngine(self.db, clock=clock)
            self.contacts = ContactService(self.db, clock=clock)
            self.contacts.recorder = self.engine.recorder
            self.interactions = InteractionService(self.contacts)
            self.events = EventService(self.contacts)
            self.booth = CaptureService(self.contacts, staff=f"Staff {path.stem}")
        self._bound: list[Any] = []  # a stack: ``with replica:`` may nest

    def __enter__(self) -> Replica:
        bound = using(self.db)
        bound.__enter__()
        self._bound.append(bound)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._bound.pop().__exit__(*exc)

    def close(self) -> None:
        self.db.close()

    def dump(self) -> dict[str, Any]:
        """Canonical content by uid: everything sync replicates, nothing local."""
        with self:
            ids = [r[0] for r in self.db.execute_sql("SELECT id FROM contact")]
            snaps = store.take_snapshots(ids)
            uid_of = uids_of(
                State(self.db),
                [s.contact["referred_by"] for s in snaps.values() if s.contact["referred_by"]],
            )
            events = booth.event_uids(State(self.db))
            out: dict[str, Any] = {
                s.contact["uid"]: store_record(s, uid_of, events) for s in snaps.values()
            }
            # the events too (local columns: id, updated_at, which one is current, left out)
            for row in self.db.execute_sql(
                "SELECT uid, name, starts_on, ends_on, place, booth, chips, scale, "
                "follow_up_days, created_at FROM event"
            ):
                out[f"event:{row[0]}"] = {"event": list(row[1:])}
            return out


def exchange(source: Replica, target: Replica) -> Any:
    with target:
        vector = target.engine.vector()
    with source:
        ops = source.engine.ops_since(vector)
    with target:
        return target.engine.apply(ops)

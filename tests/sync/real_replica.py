"""A real SyncEngine replica on its own database file, for the transport tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from salesdesk.services import ContactService
from salesdesk.store.db import open_database
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.replica import using


class Device:
    """One device's database, engine and contact service; calls run with its db bound."""

    def __init__(self, path: Path, name: str = "") -> None:
        self.db = open_database(path).db
        with using(self.db):
            self.engine = SyncEngine(self.db)
            if name:
                self.engine.set_device_name(name)
            self.contacts = ContactService(self.db)
            self.contacts.recorder = self.engine.recorder

    def __enter__(self) -> Device:
        self._using = using(self.db)
        self._using.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._using.__exit__(*exc)

    def add(self, first: str, **fields: Any) -> int:
        with self:
            return self.contacts.create(first_name=first, **fields).ids[0]

    def people(self) -> dict[str, tuple[str, str, str]]:
        """uid -> (first name, company, stage) of every contact not in the trash."""
        rows = self.db.execute_sql(
            "SELECT uid, first_name, company, stage FROM contact WHERE deleted_at IS NULL"
        )
        return {uid: (first, company, stage) for uid, first, company, stage in rows}

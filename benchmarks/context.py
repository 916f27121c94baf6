"""What benchmark cases share: settings, a work folder, the demo data and a filled database."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from salesdesk.services import ContactService
from salesdesk.services.bulk import bulk_create
from salesdesk.services.demo import DemoBatch, generate_demo_batch
from salesdesk.store.db import open_database


class BenchContext:
    """Shared state of one benchmark run; everything lives under ``workdir``."""

    def __init__(
        self, workdir: Path, *, contacts: int, repeat: int, heavy_repeat: int, seed: int = 1
    ) -> None:
        self.workdir = workdir
        self.contacts = contacts
        self.repeat = repeat
        self.heavy_repeat = heavy_repeat  # for the minute-long 100k-scale steps
        self.seed = seed
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        self._batch: DemoBatch | None = None
        self._pristine: Path | None = None
        self._names = itertools.count(1)

    def fresh_path(self, stem: str) -> Path:
        """A new, unused database file name in the work folder."""
        return self.workdir / f"{stem}-{next(self._names)}.db"

    def batch(self) -> DemoBatch:
        """The demo batch every case works with (generated once)."""
        if self._batch is None:
            self._batch = generate_demo_batch(self.contacts, self.seed, self.now)
        return self._batch

    @contextmanager
    def service(self, path: Path) -> Iterator[ContactService]:
        """A ContactService on ``path`` (opened like the application does), closed after."""
        opened = open_database(path)
        try:
            yield ContactService(opened.db)
        finally:
            opened.db.close()

    def set_pristine(self, path: Path) -> None:
        """Offer a closed database holding exactly ``batch()`` (ids 1..n) for reuse."""
        self._pristine = path

    def populated(self) -> Path:
        """A private copy of a database filled with the demo batch (ids 1..contacts)."""
        if self._pristine is None:
            path = self.fresh_path("populated")
            batch = self.batch()
            with self.service(path) as service:
                bulk_create(
                    service,
                    batch.contacts,
                    description="benchmark data",
                    referrals=batch.referrals,
                    histories=batch.histories,
                )
            self._pristine = path
        copy = self.fresh_path("copy")
        shutil.copyfile(self._pristine, copy)  # closed cleanly: no -wal file to copy
        return copy

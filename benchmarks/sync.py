"""Sync at scale (issue 12): adopting an existing database, a booth laptop's contacts coming
into a large replica, a round of 100 changes, a new device joining from a snapshot, and what
recording costs a single edit. Each figure is beside a raw sqlite3 baseline from this run.

The engine is driven as the transports drive it (``ops_since`` on one side, ``apply`` on the
other; a join reads an encrypted snapshot file back and loads it), so the figures are the
sync work itself, without a shared folder's disk. On its own::

    python -m benchmarks.sync [--contacts 2000] [--repeat 3]
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, per_call, register, timed, timed_call
from benchmarks.standalone import run_alone
from salesdesk.domain.ids import new_uid
from salesdesk.services import ContactService
from salesdesk.services.bulk import bulk_create
from salesdesk.services.demo import generate_demo_batch
from salesdesk.store.db import open_database
from salesdesk.sync import crypto
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.framing import Kind, read_container, write_container
from salesdesk.sync.replica import using

BOOTH = 5000  # contacts a booth laptop brings (scaled down for small runs)
CHANGES = 100  # changes in one round
EDITS = 20  # single edits per sample
PASSPHRASE = "benchmark team passphrase"


class _Replica:
    """One device for the benchmark: its database, engine and (recording) service."""

    def __init__(self, path: Path, clock: Any) -> None:
        self.db = open_database(path).db
        self.path = path
        with using(self.db):
            # adoption waits for the first exchange (engine._ensure_adopted): time it here,
            # or the first exchange measured below would include it
            self.adopt_seconds, self.engine = timed_call(lambda: _adopted(self.db, clock))
            self.service = ContactService(self.db, clock=clock)
            self.service.recorder = self.engine.recorder

    def close(self) -> None:
        self.db.close()


def _adopted(db: Any, clock: Any) -> SyncEngine:
    engine = SyncEngine(db, clock=clock)
    engine.vector()  # the first exchange's first call: adopts what the database holds
    return engine


def _raw_copy(ctx: BenchContext, source: Path) -> float:
    """The floor of writing a database's contacts: every row of its contact, email, phone,
    tag, contact_tag and stage_change tables by executemany into an empty database of the
    same schema, the search index filled, one transaction."""
    rows = raw.dump(source)
    path = ctx.fresh_path("raw-copy")
    raw.create(path, raw.schema(source, contact_only=False))
    conn = raw.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")  # rows in rowid order: a referrer may come later
    try:
        return timed(lambda: raw.insert_all(conn, rows, index=True))
    finally:
        conn.close()


def _raw_updates(path: Path, ids: list[int], count: int) -> float:
    """The floor of a round of ``count`` changes: that many UPDATEs in one transaction."""
    conn = raw.connect(path)
    try:

        def once() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "UPDATE contact SET company = ?, version = version + 1 WHERE id = ?",
                [(f"Raw {i}", ids[i % len(ids)]) for i in range(count)],
            )
            conn.execute("COMMIT")

        return timed(once)
    finally:
        conn.close()


def _raw_edit(path: Path, ids: list[int], rng: random.Random) -> float:
    """One edit as bare SQL: an UPDATE and its COMMIT (fsync), same pragmas."""
    conn = raw.connect(path)
    try:

        def once() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE contact SET notes = ?, version = version + 1 WHERE id = ?",
                (f"raw {rng.random()}", rng.choice(ids)),
            )
            conn.execute("COMMIT")

        return per_call(once, EDITS)
    finally:
        conn.close()


def _transfer(source: _Replica, target: _Replica) -> Any:
    """What a round carries from ``source`` to ``target``: the ops it lacks, applied."""
    with using(target.db):
        vector = target.engine.vector()
    with using(source.db):
        ops = source.engine.ops_since(vector)
    with using(target.db):
        return target.engine.apply(ops)


@register("sync", order=85)
def sync(ctx: BenchContext) -> list[Row]:
    n, rng = ctx.contacts, random.Random(ctx.seed)
    booth_size = min(BOOTH, max(20, n // 20))
    clock = lambda: dt.datetime.now(dt.UTC)  # noqa: E731
    rows: list[Row] = []

    # An existing 100k database (written before sync recorded anything) starts syncing.
    office_path = ctx.populated()
    office = _Replica(office_path, clock)
    copy_floor = _raw_copy(ctx, office_path)
    rows.append(Row(f"adopt an existing {n:,}-contact database (first start of sync)",
                    [office.adopt_seconds], [copy_floor], Target(),
                    _RAW_COPY))  # fmt: skip

    # A booth laptop's own contacts (recorded as they were made) come into the large replica.
    booth = _Replica(ctx.fresh_path("booth"), clock)
    batch = generate_demo_batch(booth_size, ctx.seed + 7, ctx.now)
    for contact in batch.contacts:  # uids made as they were captured, as the booth does
        contact.uid = new_uid()  # (the demo's seeded uids stand for an older database)
    with using(booth.db):
        bulk_create(booth.service, batch.contacts, description="booth",
                    referrals=batch.referrals, histories=batch.histories)  # fmt: skip
    booth.db.close()
    booth_floor = _raw_copy(ctx, booth.path)
    booth.db.connect()
    seconds, result = timed_call(lambda: _transfer(booth, office))
    assert result.applied > 0 and len(result.changes.created) == booth_size, result
    rows.append(Row(f"a {booth_size:,}-contact booth laptop syncs into a {n:,}-contact "
                    "replica (ops_since + apply)", [seconds], [booth_floor],
                    Target(ms=5000), _RAW_COPY))  # fmt: skip

    # Rounds of 100 new changes, the other way.
    with using(booth.db):
        booth_ids = [r[0] for r in booth.db.execute_sql("SELECT id FROM contact")]
    round_samples = []
    for sample in range(ctx.repeat):
        with using(booth.db):
            for i in range(CHANGES):
                booth.service.update(booth_ids[(sample * CHANGES + i) % len(booth_ids)],
                                     {"company": f"Round {sample}-{i}"})  # fmt: skip
        seconds, result = timed_call(lambda: _transfer(booth, office))
        assert result.applied >= CHANGES, result
        round_samples.append(seconds)
    office_ids = [r[0] for r in office.db.execute_sql("SELECT id FROM contact LIMIT 5000")]
    rows.append(Row(f"a round with {CHANGES} new changes into the {n:,}-contact replica",
                    round_samples, [_raw_updates(office_path, office_ids, CHANGES)
                                    for _ in range(ctx.repeat)],
                    Target(ms=1000),
                    f"{CHANGES} raw UPDATEs of contacts in one transaction"))  # fmt: skip

    # A new device joins the team from an encrypted snapshot file.
    key = crypto.derive_key(PASSPHRASE, crypto.new_salt())
    with using(office.db):
        total = len(office.db.execute_sql("SELECT id FROM contact").fetchall())
        data = write_container(Kind.SNAPSHOT, office.engine.device_id, 1,
                               {"vector": office.engine.vector()}, office.engine.snapshot(),
                               key)  # fmt: skip
    office.db.close()
    join_floor = [_raw_copy(ctx, office_path) for _ in range(ctx.heavy_repeat)]
    office.db.connect()
    joins = []
    for _ in range(ctx.heavy_repeat):
        newcomer = _Replica(ctx.fresh_path("join"), clock)

        def join(device: _Replica = newcomer) -> Any:
            box = read_container(data, "snap", lambda salt, check: key, expect_kind=Kind.SNAPSHOT)
            with using(device.db):
                return device.engine.load_snapshot(box.records)

        seconds, result = timed_call(join)
        assert len(result.changes.created) == total, (len(result.changes.created), total)
        joins.append(seconds)
        newcomer.close()
    rows.append(Row(f"a new device joins a {total:,}-contact team (read and load an encrypted "
                    f"snapshot of {len(data) / 1e6:.0f} MB)", joins, join_floor,
                    Target(ms=30_000), _RAW_COPY))  # fmt: skip

    # What recording costs a single edit (own transaction, fsync), on the large replica:
    # recorded and unrecorded edits alternate, so both see the same file and WAL.
    recorded, plain = [], []
    with using(office.db):
        for _ in range(ctx.repeat):
            ours, theirs = 0.0, 0.0
            for k in range(EDITS):
                for recorder in (office.engine.recorder, _NoRecorder()):
                    office.service.recorder = recorder
                    contact = rng.choice(office_ids)
                    seconds = timed(lambda c=contact, k=k: office.service.update(
                        c, {"notes": f"edit {k} {rng.random()}"}), collect=False)  # fmt: skip
                    if isinstance(recorder, _NoRecorder):
                        theirs += seconds
                    else:
                        ours += seconds
            recorded.append(ours / EDITS)
            plain.append(theirs / EDITS)
        office.service.recorder = office.engine.recorder
    office.close()
    booth.close()
    floor = [_raw_edit(office_path, office_ids, rng) for _ in range(ctx.repeat)]
    rows.append(Row(f"one edit saved with sync recording vs without ({n:,} contacts)",
                    recorded, plain, Target(ratio=1.5),
                    "the same service edit with sync recording off"))  # fmt: skip
    rows.append(Row("  one edit saved with sync recording vs a raw UPDATE + COMMIT", recorded,
                    floor, Target(),
                    "one raw UPDATE + COMMIT of a contact, same pragmas"))  # fmt: skip
    return rows


_RAW_COPY = (
    "the same contacts' rows (contact, email, phone, tag, contact_tag, stage_change) written "
    "by executemany into an empty database of the same schema, FTS filled, one transaction"
)


class _NoRecorder:
    def record(self, before: Any, ids: Any, merges: Any = None) -> None:
        return None

    def record_created(self, ids: Any) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    run_alone("sync", __doc__, sync, contacts=2000, argv=argv)
    return 0


if __name__ == "__main__":
    sqlite3.enable_callback_tracebacks(True)
    sys.exit(main())

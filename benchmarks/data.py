"""Benchmarks of the data layer: demo generation, bulk insert, search, board, move, undo."""

from __future__ import annotations

import datetime as dt
import gc
import random
from pathlib import Path

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, per_call, register, timed, timed_call
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.bulk import prepare_batch, write_batch
from salesdesk.services.demo import generate_demo_batch
from salesdesk.services.operations import RestoreSnapshots
from salesdesk.store.search import fts_query

PREFIXES = ("mül", "sch", "and", "ngu", "gar", "kow", "mar", "joh", "lin", "ber")
SEARCH_CALLS = 20  # calls per sample: one search takes tens of microseconds
MOVES = 20  # moves per repeat
PURGE_SQL = (
    "BEGIN IMMEDIATE; UPDATE contact SET referred_by_id = NULL; DELETE FROM contact; COMMIT;"
)


@register("generate", order=10)
def generate(ctx: BenchContext) -> list[Row]:
    samples = [
        timed(lambda r=r: generate_demo_batch(ctx.contacts, ctx.seed + r, ctx.now))
        for r in range(ctx.heavy_repeat)
    ]
    return [Row(f"generate {ctx.contacts:,} demo contacts (not part of the insert)", samples)]


@register("insert", order=20)
def insert(ctx: BenchContext) -> list[Row]:
    batch = ctx.batch()
    prepare: list[float] = []
    precleaned: list[float] = []
    write: list[float] = []
    contact_raw: list[float] = []
    all_raw: list[float] = []
    last = None
    for _ in range(ctx.heavy_repeat):
        path = ctx.fresh_path("insert")
        with ctx.service(path) as service:
            seconds, prepared = timed_call(
                lambda s=service: prepare_batch(
                    s, batch.contacts, referrals=batch.referrals, histories=batch.histories
                )
            )
            prepare.append(seconds)
            precleaned.append(
                timed(
                    lambda s=service: prepare_batch(
                        s,
                        batch.contacts,
                        referrals=batch.referrals,
                        histories=batch.histories,
                        precleaned=True,
                    )
                )
            )
            write.append(timed(lambda s=service, p=prepared: write_batch(s, p, description="b")))
        last = path
        contact_raw.append(_raw_insert(ctx, path, contact_only=True))
        all_raw.append(_raw_insert(ctx, path, contact_only=False))
    assert last is not None
    ctx.set_pristine(last)
    total = [p + w for p, w in zip(prepare, write, strict=True)]
    demo_load = [p + w for p, w in zip(precleaned, write, strict=True)]
    n = f"{ctx.contacts:,}"
    contact_text = (
        f"executemany of the same {n} contact rows into an equivalent table (same columns, "
        "indexes and pragmas), one transaction"
    )
    all_text = (
        f"executemany of every row written for the {n} contacts (contact, email, phone, tag, "
        "contact_tag, stage_change) into the same schema, then one INSERT...SELECT into the "
        "FTS index, one transaction"
    )
    # The target compares the same work: every row salesdesk writes for the demo contacts
    # (load_demo: the generator's output is already clean, see tests/services/test_demo.py)
    # against raw executemany of exactly those rows. Full validation is what an import of
    # untrusted rows pays on top (phonenumbers + email-validator per value): shown as info.
    return [
        Row(f"insert {n} demo contacts (load_demo: prepare + write)", demo_load, all_raw,
            Target(ratio=3), all_text),
        Row("  of which writing (write_batch: 6 tables + search index)", write, all_raw,
            Target(), all_text),
        Row("  writing vs raw executemany of the contact rows only (less work)", write,
            contact_raw, Target(), contact_text),
        Row("  full validation of untrusted rows (as an import pays it)", prepare,
            all_raw, Target(), all_text),
        Row("  insert with full validation (bulk_create of untrusted rows)", total, all_raw,
            Target(), all_text),
    ]  # fmt: skip


def _raw_insert(ctx: BenchContext, source: Path, *, contact_only: bool) -> float:
    tables = ("contact",) if contact_only else raw.TABLES
    rows = raw.dump(source, tables)
    path = ctx.fresh_path("raw-contact" if contact_only else "raw-all")
    raw.create(path, raw.schema(source, contact_only=contact_only))
    conn = raw.connect(path)
    try:
        return timed(lambda: raw.insert_all(conn, rows, index=not contact_only))
    finally:
        conn.close()


@register("search", order=30)
def search(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    ours: list[float] = []
    base: list[float] = []
    conn = raw.connect(path)
    with ctx.service(path) as service:
        for _ in range(ctx.repeat):
            gc.collect()  # once per round, not per sample (see registry.timed)
            for prefix in PREFIXES:
                match = fts_query(prefix)
                ours.append(per_call(lambda p=prefix: service.search(p, limit=50), SEARCH_CALLS,
                                     collect=False))  # fmt: skip
                base.append(
                    per_call(lambda m=match: conn.execute(raw.SEARCH_SQL, (m,)).fetchall(),
                             SEARCH_CALLS, collect=False)
                )  # fmt: skip
    conn.close()
    text = f"{raw.SEARCH_SQL!r} with the same MATCH ('\"mül\"*' ...), {len(PREFIXES)} prefixes"
    return [Row("search a 3-letter prefix, first 50 hits (service.search)", ours, base,
                Target(ratio=2), text)]  # fmt: skip


@register("board", order=40)
def board(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    ours: list[float] = []
    base: list[float] = []
    conn = raw.connect(path)
    with ctx.service(path) as service:
        for _ in range(ctx.repeat):
            ours.append(timed(service.cards))
            base.append(timed(lambda: conn.execute(raw.BOARD_SQL).fetchall()))
    conn.close()
    return [Row(f"load the whole board, {ctx.contacts:,} cards (service.cards)", ours, base,
                Target(ratio=2.5), f"{raw.BOARD_SQL!r}")]  # fmt: skip


@register("move", order=50)
def move(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    rng = random.Random(ctx.seed)
    conn = raw.connect(path)
    stages = dict(conn.execute("SELECT id, stage FROM contact").fetchall())
    ids = list(stages)
    ours: list[float] = []
    base: list[float] = []

    def target_of(contact_id: int) -> Stage:
        current = Stage(stages[contact_id])
        choice = rng.choice([s for s in STAGE_ORDER if s is not current])
        stages[contact_id] = choice.value
        return choice

    with ctx.service(path) as service:
        for _ in range(ctx.repeat):
            gc.collect()
            for _ in range(MOVES):
                contact_id = rng.choice(ids)
                target = target_of(contact_id)
                reason = "no budget" if target is Stage.UNQUALIFIED else None
                ours.append(timed(lambda c=contact_id, t=target, r=reason: service.move(
                    [c], t, reason=r), collect=False))  # fmt: skip
            for _ in range(MOVES):
                contact_id = rng.choice(ids)
                source = stages[contact_id]
                target = target_of(contact_id)
                at = str(dt.datetime.now(dt.UTC).replace(tzinfo=None))
                base.append(timed(lambda c=contact_id, s=source, t=target, a=at: raw.move(
                    conn, c, s, t.value, -1.0, a), collect=False))  # fmt: skip
    conn.close()
    text = "UPDATE contact (stage, position, updated_at, version) + INSERT stage_change, " \
        "BEGIN IMMEDIATE ... COMMIT on the same file with the same pragmas"  # fmt: skip
    return [Row("move one contact to another stage (service.move, own transaction)", ours,
                base, Target(ms=3), text)]  # fmt: skip


@register("undo", order=90)
def undo(ctx: BenchContext) -> list[Row]:
    ids = tuple(range(1, ctx.contacts + 1))
    inverse = RestoreSnapshots("bench", (), ids, tuple((i, 1) for i in ids))
    ours: list[float] = []
    base: list[float] = []
    for _ in range(1):  # it deletes everything: once is enough to see the order of magnitude
        path = ctx.populated()
        with ctx.service(path) as service:
            ours.append(timed(lambda s=service: s.apply(inverse)))
        path = ctx.populated()
        conn = raw.connect(path)
        base.append(timed(lambda c=conn: c.executescript(PURGE_SQL)))
        conn.close()
    text = (
        "UPDATE contact SET referred_by_id = NULL, then DELETE FROM contact (cascading to "
        "the other tables, FTS delete trigger per row), one transaction"
    )
    return [Row(f"undo the bulk insert (purge {ctx.contacts:,} contacts)", ours, base,
                Target(), text)]  # fmt: skip

"""Benchmarks of conversations: 5 interactions per contact (500k for 100k contacts), then
opening a contact's timeline, computing the agenda, and logging one interaction."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, per_call, register, timed, timed_call
from salesdesk.services.demo_interactions import add_demo_interactions
from salesdesk.services.interactions import InteractionService

PER_CONTACT = 5
TIMELINE_CONTACTS = 20  # busiest contacts opened per sample
LOGS = 20  # interactions logged per sample


def _busiest(service: Any, count: int) -> list[int]:
    cursor = service.db.execute_sql(
        "SELECT contact_id FROM interaction GROUP BY contact_id ORDER BY count(*) DESC LIMIT ?",
        (count,),
    )
    return [row[0] for row in cursor.fetchall()]


def _raw_log(path: Any, ids: list[int], rng: random.Random, calls: int) -> float:
    """The floor: one INSERT of an interaction and a COMMIT with the application's pragmas
    (synchronous=FULL: the fsync is most of it on an ordinary disk)."""
    conn = raw.connect(path)
    try:

        def once() -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO interaction (uid, contact_id, channel, direction, at, summary, "
                "notes, outcome, created_at, updated_at) VALUES (?, ?, 'phone', 'two-way', "
                "'2026-01-01 00:00:00', 'raw', '', NULL, '2026-01-01 00:00:00', "
                "'2026-01-01 00:00:00')",
                (f"raw-{rng.random()}", rng.choice(ids)),
            )
            conn.execute("COMMIT")

        return per_call(once, calls)
    finally:
        conn.close()


def open_pane_data(talk: InteractionService, contact_id: int) -> None:
    """What the detail pane reads for its activity and referral sections."""
    talk.timeline(contact_id)
    talk.engagement(contact_id)
    talk.follow_up(contact_id)
    talk.prospect_suggestion(contact_id)
    talk.referral_summary(contact_id)


@register("interactions", order=60)
def interactions(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    total = ctx.contacts * PER_CONTACT
    rng = random.Random(ctx.seed)
    with ctx.service(path) as service:
        service.clock = lambda: ctx.now
        seconds, written = timed_call(
            lambda: add_demo_interactions(service, total, ctx.seed, ctx.now)
        )
        talk = InteractionService(service, tz=dt.UTC)
        busiest = _busiest(service, TIMELINE_CONTACTS)
        size = len(talk.timeline(busiest[0])) if busiest else 0
        timeline = [
            per_call(lambda: open_pane_data(talk, rng.choice(busiest)), TIMELINE_CONTACTS)
            for _ in range(ctx.repeat)
        ]
        agenda = [timed(lambda: talk.agenda(ctx.now)) for _ in range(ctx.repeat)]
        shown = talk.agenda(ctx.now)
        ids = [c.id for c in service.cards()]
        logged = [
            per_call(
                lambda: talk.log([rng.choice(ids)], "phone", "two-way", "Benchmark call"), LOGS
            )
            for _ in range(ctx.repeat)
        ]
    floor = [_raw_log(path, ids, rng, LOGS) for _ in range(ctx.repeat)]
    listed = sum(len(items) for items in shown.sections.values())
    return [
        Row(f"add {written:,} interactions and follow-ups (demo data, one transaction)",
            [seconds]),
        Row(f"open a contact's timeline + engagement + referrals ({size} entries)", timeline,
            target=Target(ms=50)),
        Row(f"compute the agenda ({listed:,} entries, {shown.stale_total:,} going stale)",
            agenda, target=Target(ms=200)),
        Row("log one interaction, saved (own transaction, fsync)", logged, floor,
            target=Target(ms=5),
            baseline_text="one raw INSERT + COMMIT of an interaction, same pragmas"),
    ]  # fmt: skip

"""A report-sized database written with raw sqlite3: contacts with sources, events, ratings
and values, their stage history along the demo's pipeline paths, and interactions.

The demo loader (``ctx.populated()``) takes about a minute for 100k contacts and adds no
events' hot leads nor values; the reports need neither names nor addresses, so this writes
only what they read, with ``executemany`` into a database migrated by ``open_database``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.domain.stages import Stage, classify
from salesdesk.services import demo_words as words
from salesdesk.store.db import open_database

SPAN = dt.timedelta(days=words.SPAN_DAYS)
FAIRS = tuple(f"Fair {n}" for n in range(1, 41))
TAGS = ("VIP", "Partner", "Reseller", "Pilot", "Export")
CHANNELS = (("email", 40), ("phone", 30), ("in-person", 10), ("sms", 8), ("social", 7),
            ("other", 5))  # fmt: skip
DIRECTIONS = (("outbound", 50), ("inbound", 25), ("two-way", 25))
RATINGS = (("none", 30), ("cold", 25), ("warm", 25), ("hot", 20))
CURRENCIES = (("EUR", 70), ("USD", 20), ("CHF", 10))
VALUE_SHARE = 0.35
DELETED_SHARE = 0.01
TAG_SHARE = 0.3
CHUNK = 50_000


@dataclass(frozen=True)
class ReportData:
    """What was written: counts of every table the reports read."""

    contacts: int
    history: int
    interactions: int


def _chooser(rng: random.Random, weighted: Sequence[tuple[Any, int]]) -> Any:
    values, weights = zip(*weighted, strict=True)
    cumulative = list(itertools.accumulate(weights))

    def pick() -> Any:
        return rng.choices(values, cum_weights=cumulative)[0]

    return pick


def _text(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")  # as peewee stores a naive UTC time


def build(path: Path, contacts: int, interactions: int, now: dt.datetime, seed: int) -> ReportData:
    """Migrate a new database at ``path`` and fill it; ``now`` is an aware UTC time."""
    open_database(path).db.close()
    rng = random.Random(seed)
    now = now.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    start = now - SPAN
    final_stage = _chooser(rng, words.FUNNEL)
    paths = {
        stage: _chooser(rng, [([Stage(s) for s in p.split()], w) for w, p in options])
        for stage, options in words.PATHS.items()
    }
    source = _chooser(rng, [(s.value, w) for s, w in words.SOURCES] + [(None, 20), ("referral", 5)])
    rating, currency = _chooser(rng, RATINGS), _chooser(rng, CURRENCIES)
    contact_rows: list[tuple[Any, ...]] = []
    history: list[tuple[Any, ...]] = []
    tagged: list[tuple[int, int]] = []
    created_at: list[dt.datetime] = []
    for index in range(contacts):
        cid = index + 1
        created = (start + SPAN * ((index + rng.random()) / contacts)).replace(microsecond=0)
        created_at.append(created)
        stage = final_stage()
        steps = paths[stage]()
        room = (now - created).total_seconds()
        marks = sorted(rng.random() for _ in steps[1:])
        previous = None
        for target, mark in zip(steps, [0.0, *marks], strict=True):
            at = created + dt.timedelta(seconds=int(room * mark))
            reason = rng.choice(words.REASONS) if target is Stage.UNQUALIFIED else None
            kind = classify(previous, target).value
            history.append((cid, previous.value if previous else None, target.value, _text(at),
                            reason, kind))  # fmt: skip
            previous = target
        src = source()
        detail = rng.choice(FAIRS) if src == "trade_show" else ""
        cents = close = None
        money = ""
        if rng.random() < VALUE_SHARE:
            cents = rng.randrange(10_000, 5_000_000, 100)
            money = currency()
            close = (now + dt.timedelta(days=rng.randint(-200, 300))).date().isoformat()
        deleted = _text(now) if rng.random() < DELETED_SHARE else None
        stamp = _text(created)
        contact_rows.append((
            cid, f"bench-{cid}", f"Person {cid}", "", "", "", "", src, detail, stage.value,
            float(index), rating(), "", "", "", "", "", "", 0, "", 0, "", "", "", "", stamp,
            stamp, 1, deleted, cents, money, close,
        ))  # fmt: skip
        if rng.random() < TAG_SHARE:
            tagged.append((cid, rng.randrange(len(TAGS)) + 1))
    channel, direction = _chooser(rng, CHANNELS), _chooser(rng, DIRECTIONS)
    talk: list[tuple[Any, ...]] = []
    for number in range(interactions):
        cid = rng.randrange(contacts) + 1
        created = created_at[cid - 1]
        at = _text(created + (now - created) * rng.random())
        talk.append((f"bench-i{number}", cid, channel(), direction(), at, "Benchmark", "", None,
                     at, at))  # fmt: skip
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", enumerate(TAGS, 1))
        columns = (
            "id, uid, first_name, last_name, company, title, gender, source, source_detail, "
            "stage, position, rating, notes, street, postal_code, city, region, country, "
            "consent_email, consent_how, do_not_contact, primary_email, primary_phone, "
            "tag_names, search_extra, created_at, updated_at, version, deleted_at, "
            "expected_cents, currency, expected_close"
        )
        marks_sql = ", ".join("?" * len(contact_rows[0])) if contact_rows else ""
        for low in range(0, len(contact_rows), CHUNK):
            conn.executemany(f"INSERT INTO contact ({columns}) VALUES ({marks_sql})",
                             contact_rows[low:low + CHUNK])  # fmt: skip
        conn.executemany("INSERT INTO contact_tag (contact_id, tag_id) VALUES (?, ?)", tagged)
        conn.executemany(
            "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            history,
        )
        conn.executemany(
            "INSERT INTO interaction (uid, contact_id, channel, direction, at, summary, notes, "
            "outcome, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            talk,
        )
        conn.execute("COMMIT")  # no ANALYZE: the application never runs one either
    finally:
        conn.close()
    return ReportData(contacts, len(history), interactions)

"""The report reads below the services: the order promise of the history lists, and the
query plans that keep the reports fast (an index that stops being used makes a slow
report, not a failing one, so the plans of the real statements are checked here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from salesdesk.domain.report_periods import Period
from salesdesk.domain.report_pipeline import entry_code
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.store import reports as store
from salesdesk.store.db import OpenedDatabase
from salesdesk.store.reports import ContactFilter


def _contact(service: ContactService, name: str) -> int:
    return service.create(first_name=name).ids[0]


def _entry(opened: OpenedDatabase, contact: int, stage: str, at: str, kind: str) -> None:
    opened.db.execute_sql(
        "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind) "
        "VALUES (?, NULL, ?, ?, NULL, ?)",
        (contact, stage, at, kind),
    )


def test_history_comes_in_time_order_per_contact_whatever_the_insert_order(
    service: ContactService, opened: OpenedDatabase
) -> None:
    first, second = _contact(service, "Anna"), _contact(service, "Ben")
    opened.db.execute_sql("DELETE FROM stage_change")
    # written out of order: later moves first, the two contacts interleaved, and two
    # entries of one second (ties go by id, i.e. by the order they were written)
    _entry(opened, second, "customer", "2026-03-05 10:00:00", "won")
    _entry(opened, first, "prospect", "2026-03-04 09:00:00.500000", "forward")
    _entry(opened, first, "working", "2026-03-04 09:00:00", "forward")
    _entry(opened, second, "new", "2026-03-01 08:00:00", "forward")
    _entry(opened, first, "new", "2026-03-01 09:00:00", "forward")
    _entry(opened, first, "working", "2026-03-06 09:00:00", "prospect_fallback")
    _entry(opened, second, "working", "2026-03-05 10:00:00", "customer_left")
    contacts, codes, times = joined(store.history_entries(ContactFilter()))
    assert contacts == [first] * 4 + [second] * 3
    assert codes == [
        entry_code(Stage.NEW), entry_code(Stage.WORKING), entry_code(Stage.PROSPECT),
        entry_code(Stage.WORKING, "prospect_fallback"),
        entry_code(Stage.NEW), entry_code(Stage.CUSTOMER),
        entry_code(Stage.WORKING, "customer_left"),
    ]  # fmt: skip
    assert times[1] == times[2]  # the half second is dropped: whole POSIX seconds
    assert times == sorted(times[:4]) + sorted(times[4:])


def joined(chunks: Any) -> tuple[list[int], list[int], list[int]]:
    contacts: list[int] = []
    codes: list[int] = []
    times: list[int] = []
    for chunk in chunks:
        contacts += chunk[0]
        codes += chunk[1]
        times += chunk[2] if len(chunk) > 2 else []
    return contacts, codes, times


def test_history_comes_in_chunks_of_whole_contacts(
    service: ContactService, opened: OpenedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [_contact(service, name) for name in ("Anna", "Ben", "Cleo", "Dora", "Emil")]
    for n, cid in enumerate(ids):
        for day in range(n + 1):  # Anna one entry more than "created", Emil five more
            _entry(opened, cid, "working", f"2026-03-{day + 10:02d} 09:00:00", "forward")
    whole = joined(store.history_entries(ContactFilter()))
    monkeypatch.setattr(store, "CHUNK_CONTACTS", 2)
    chunks = list(store.history_entries(ContactFilter()))
    assert len(chunks) == 3 and joined(chunks) == whole
    for contacts, codes, times in chunks:
        assert len(contacts) == len(codes) == len(times)
        assert set(contacts) <= set(ids) and len(set(contacts)) <= 2
    assert [len(set(c[0])) for c in chunks] == [2, 2, 1]  # no contact split in two


PERIOD = Period.of(dt.date(2026, 3, 1), dt.date(2026, 3, 31), dt.UTC)
WEEKS = [(b, *PERIOD.bucket_bounds(b, dt.UTC)) for b in PERIOD.buckets()]
EVERYONE, TAGGED = ContactFilter(), ContactFilter(tag="VIP")
READS: dict[str, Callable[[], object]] = {
    "funnel": lambda: list(store.funnel_entries(PERIOD, EVERYONE)),
    "history": lambda: list(store.history_entries(EVERYONE)),
    "history of a tag": lambda: list(store.history_entries(TAGGED)),
    "sources": lambda: store.captures_by_source(PERIOD, EVERYONE),
    "events": lambda: store.captures_by_event(PERIOD, EVERYONE),
    "hot leads": lambda: store.hot_event_follow_ups(PERIOD, EVERYONE),
    "reached": lambda: store.reached_by(PERIOD.end, ("prospect",)),
    "reasons": lambda: list(store.unqualified_rows(PERIOD, EVERYONE)),
    "activity": lambda: store.activity_counts(WEEKS, EVERYONE),
    "activity of a tag": lambda: store.activity_counts(WEEKS, TAGGED),
    "value": lambda: store.value_groups(None, None, EVERYONE),
    "board sums": store.value_sums,
    "all time": store.earliest,
}
# what each read's plan must show: a big table is read from its index, never scanned
# whole nor sorted (a temporary b-tree for a GROUP BY of a few trashed rows is fine)
EXPECTED = {
    "funnel": ["COVERING INDEX stage_change_contact_at"],
    "history": ["COVERING INDEX stage_change_contact_at"],
    "history of a tag": ["stage_change_contact_at"],
    "sources": ["COVERING INDEX contact_capture"],
    "events": ["COVERING INDEX contact_capture"],
    "hot leads": ["COVERING INDEX contact_capture", "interaction_contact_id_at"],
    "reached": ["COVERING INDEX stage_change_to_at"],
    "reasons": ["COVERING INDEX stage_change_to_at"],
    "activity": ["COVERING INDEX interaction_kind_at", "interaction_contact_id_at"],
    "activity of a tag": ["COVERING INDEX interaction_kind_at"],
    "value": ["COVERING INDEX contact_value"],
    "board sums": ["COVERING INDEX contact_value"],
    "all time": ["COVERING INDEX stage_change_to_at", "COVERING INDEX interaction_kind_at"],
}
BIG = ("contact", "stage_change", "interaction", "c", "h", "i", "d", "fc")  # and aliases


@pytest.mark.parametrize("read", sorted(READS))
def test_the_report_reads_use_their_indexes(
    service: ContactService, opened: OpenedDatabase, monkeypatch: pytest.MonkeyPatch, read: str
) -> None:
    _contact(service, "Anna")  # history to read: an empty one is not even queried
    run = opened.db.execute_sql
    seen: list[tuple[str, Any]] = []

    def record(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        seen.append((sql, params))
        return run(sql, params, *args, **kwargs)

    monkeypatch.setattr(opened.db, "execute_sql", record)
    READS[read]()
    lines = [
        str(row[-1])
        for sql, params in seen
        for row in run("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    ]
    plan = " | ".join(lines)
    for wanted in EXPECTED[read]:
        assert wanted in plan, plan
    whole_tables = [
        x for x in lines if x.startswith("SCAN ") and x.split()[1] in BIG and "USING" not in x
    ]
    assert whole_tables == [], plan  # "SCAN c USING COVERING INDEX ..." reads an index
    if read not in ("activity", "events"):  # the trash's or one period's captures only
        assert "TEMP B-TREE" not in plan, plan

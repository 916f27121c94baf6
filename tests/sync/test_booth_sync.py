"""Booth data between replicas: events, captures, consent proofs, a contact's event and badge."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from support import Replica, exchange
from test_rules import by_uid, cid, sync_all

from salesdesk.domain.events import ConsentChannel, Event
from salesdesk.services.booth import CaptureInput
from salesdesk.services.merge import merge
from salesdesk.store import events as store_events
from salesdesk.sync.api import SyncFormatError
from salesdesk.sync.state import State

WORDING = "I agree that Beispiel AG may contact me by e-mail (Quorvexian wording)."
EMAIL = frozenset({ConsentChannel.EMAIL})


def fair_on(replica: Replica, name: str = "Hannover Messe") -> Event:
    with replica:
        return replica.events.add(Event(name, booth="B12", chips=("demo", "CRM")))


def event_of(replica: Replica, uid: str) -> Event:
    with replica:
        found = [e for e in replica.events.list() if e.uid == uid]
        assert found, f"no event {uid} here"
        return found[0]


def capture(replica: Replica, event_uid: str, **fields: object) -> str:
    """A visitor captured at the event ``event_uid``; the contact's uid."""
    with replica:
        event = event_of(replica, event_uid)
        result = replica.booth.capture(event, CaptureInput(**fields))  # type: ignore[arg-type]
        return replica.contacts.get(result.contact_id).uid


def booth_rows(replica: Replica) -> dict[str, object]:
    """What the booth shows, by uid: events, captures and consents with their event's uid."""
    with replica:
        run = replica.db.execute_sql
        return {
            "events": sorted(run("SELECT uid, name, booth, chips FROM event").fetchall()),
            "captures": sorted(run(
                "SELECT k.uid, c.uid, e.uid, k.staff, k.grade FROM capture k JOIN contact c "
                "ON c.id = k.contact_id JOIN event e ON e.id = k.event_id").fetchall()),
            "consents": sorted(run(
                "SELECT r.uid, c.uid, e.uid, r.wording, r.channels FROM consent_record r JOIN "
                "contact c ON c.id = r.contact_id LEFT JOIN event e ON e.id = r.event_id"
            ).fetchall()),
            "origins": sorted(run(
                "SELECT c.uid, e.uid, c.badge_id FROM contact c LEFT JOIN event e "
                "ON e.id = c.event_id").fetchall()),
        }  # fmt: skip


def test_two_laptops_capture_at_one_fair_and_end_with_the_same_booth_data(
    trio: list[Replica],
) -> None:
    a, b, _ = trio
    fair = fair_on(a)
    sync_all(trio)
    with b:
        assert b.events.current() is None  # which event is current stays on each laptop
        b.events.set_current(event_of(b, fair.uid).id)
    ana = capture(a, fair.uid, first_name="Ana", grade="hot", consent=EMAIL,
                  consent_wording=WORDING)  # fmt: skip
    bo = capture(b, fair.uid, first_name="Bo", company="ACME", grade="cold", chips=("CRM",))
    with a:  # an edit of the event on one laptop reaches the other
        a.events.update(dataclasses.replace(event_of(a, fair.uid), booth="C7"))
    sync_all(trio)
    rows = [booth_rows(r) for r in trio]
    assert rows[0] == rows[1] == rows[2]
    assert [e[2] for e in rows[0]["events"]] == ["C7"]  # type: ignore[index]
    captured = {(c[1], c[2], c[3]) for c in rows[0]["captures"]}  # type: ignore[attr-defined]
    assert captured == {(ana, fair.uid, "Staff 0"), (bo, fair.uid, "Staff 1")}
    assert [(c[1], c[2], c[3]) for c in rows[0]["consents"]] == [(ana, fair.uid, WORDING)]  # type: ignore[attr-defined]
    assert a.dump() == b.dump()
    with a:
        assert a.events.current().uid == fair.uid  # type: ignore[union-attr]
        ids = {r.name for r in a.booth.recent(event_of(a, fair.uid))}
        assert ids == {"Ana", "Bo"}


def test_a_capture_arriving_before_its_event_waits_for_it(trio: list[Replica]) -> None:
    a, b, c = trio
    fair = fair_on(a)
    exchange(a, c)
    who = capture(c, fair.uid, first_name="Cem", consent=EMAIL, consent_wording=WORDING)
    with b:  # only c's own ops: the event (a's) has not reached b
        vector = b.engine.vector()
    with c:
        ops = [o for o in c.engine.ops_since(vector) if o["device"] == c.engine.device_id]
    with b:
        b.engine.apply(ops)
    assert by_uid(b, who).first_name == "Cem"
    rows = booth_rows(b)
    assert rows["events"] == [] and rows["captures"] == []
    assert [(r[1], r[2]) for r in rows["consents"]] == [(who, None)]  # type: ignore[attr-defined]
    assert rows["origins"] == [(who, None, None)]
    # nothing is sent back as a change of b's while it waits
    with b:
        own = b.engine.vector().get(b.engine.device_id, 0)
        b.contacts.update(cid(b, who), {"notes": "waits"})
        sent = b.engine.ops_since({**b.engine.vector(), b.engine.device_id: own})
        assert [o["field"] for o in sent] == ["notes"]
    sync_all(trio)
    rows = booth_rows(b)
    assert [(k[1], k[2]) for k in rows["captures"]] == [(who, fair.uid)]  # type: ignore[attr-defined]
    assert [(r[1], r[2]) for r in rows["consents"]] == [(who, fair.uid)]  # type: ignore[attr-defined]
    assert rows["origins"] == [(who, fair.uid, None)]
    assert a.dump() == b.dump() == c.dump()


@pytest.mark.parametrize("first", ["a", "b"])
def test_a_badge_scanned_on_two_laptops_goes_to_the_later_scan_everywhere(
    trio: list[Replica], first: str
) -> None:
    a, b, c = trio
    fair = fair_on(a)
    sync_all(trio)
    ana = capture(a, fair.uid, first_name="Ana", badge_id="B-77")
    bo = capture(b, fair.uid, first_name="Bo", badge_id="B-77")
    with a:
        ana_reg = State(a.db).get(ana).regs["badge_id"]  # type: ignore[union-attr]
    with b:
        bo_reg = State(b.db).get(bo).regs["badge_id"]  # type: ignore[union-attr]
    winner, loser = (ana, bo) if ana_reg[0] > bo_reg[0] else (bo, ana)
    order = [(a, c), (b, c), (a, b), (b, a)] if first == "a" else [(b, a), (b, c), (a, c), (a, b)]
    for source, target in order:
        exchange(source, target)
    sync_all(trio)
    for r in trio:
        origins = {row[0]: row[2] for row in booth_rows(r)["origins"]}  # type: ignore[attr-defined]
        assert origins == {winner: "B-77", loser: None}
        with r:  # the loser keeps its claim in its register (GDPR access shows it)
            assert r.engine.personal_data(loser)["registers"]["badge_id"][1] == "B-77"
    assert a.dump() == b.dump() == c.dump()
    # the holder erased: the badge goes to the other claimant, on every replica
    with c:
        c.contacts.delete([cid(c, winner)])
        c.contacts.purge([cid(c, winner)])
        assert booth_rows(c)["origins"] == [(loser, fair.uid, "B-77")]
    sync_all(trio)
    for r in trio:
        assert booth_rows(r)["origins"] == [(loser, fair.uid, "B-77")]


def test_undoing_a_capture_is_synced_and_so_is_its_redo(trio: list[Replica]) -> None:
    a, b, _ = trio
    fair = fair_on(a)
    known = None
    with a:
        known = a.contacts.create(first_name="Ana").ids[0]
        event = event_of(a, fair.uid)
        data = CaptureInput(link_to=known, grade="hot", consent=EMAIL, consent_wording=WORDING,
                            badge_id="Z1")  # fmt: skip
        result = a.booth.capture(event, data)
    sync_all(trio)
    assert len(booth_rows(b)["captures"]) == 1  # type: ignore[arg-type]
    with a:
        undone = a.contacts.apply(result.outcome.inverse)
    sync_all(trio)
    rows = booth_rows(b)
    assert rows["captures"] == [] and rows["consents"] == []
    assert [o[2] for o in rows["origins"]] == [None]  # type: ignore[attr-defined]
    with a:
        a.contacts.apply(undone.inverse)
    sync_all(trio)
    assert booth_rows(b) == booth_rows(a)
    assert len(booth_rows(b)["consents"]) == 1  # type: ignore[arg-type]
    assert [o[2] for o in booth_rows(b)["origins"]] == ["Z1"]  # type: ignore[attr-defined]


def test_merging_duplicates_moves_captures_and_consents_on_every_replica(
    trio: list[Replica],
) -> None:
    a, b, _ = trio
    fair = fair_on(a)
    sync_all(trio)
    one = capture(a, fair.uid, first_name="Ana", consent=EMAIL, consent_wording=WORDING)
    two = capture(b, fair.uid, first_name="Ana", last_name="B", grade="warm")
    sync_all(trio)
    with a:
        merge(a.contacts, cid(a, one), [cid(a, two)])
    sync_all(trio)
    for r in trio:
        rows = booth_rows(r)
        assert {k[1] for k in rows["captures"]} == {one}  # type: ignore[attr-defined]
        assert len(rows["captures"]) == 2 and [c[1] for c in rows["consents"]] == [one]  # type: ignore[arg-type, attr-defined]
    assert a.dump() == b.dump()


def test_purge_erases_captures_and_consent_records_from_every_replica(
    trio: list[Replica],
) -> None:
    a, b, c = trio
    fair = fair_on(a)
    sync_all(trio)
    who = capture(a, fair.uid, first_name="Zebulonia", consent=EMAIL, consent_wording=WORDING,
                  badge_id="QX-99")  # fmt: skip
    sync_all(trio)
    with c:
        data = c.engine.personal_data(who)  # GDPR access: the captures and the consent proof
        kinds = {_entity(c, uid) for uid in data["children"]}
        assert "capture" in kinds and "consent_record" in kinds
    with b:
        b.contacts.delete([cid(b, who)])
        b.contacts.purge([cid(b, who)])
    sync_all(trio)
    for r in trio:
        rows = booth_rows(r)
        assert rows["captures"] == rows["consents"] == rows["origins"] == []
        assert rows["events"]  # the event is not the person's: it stays
        with r:
            ops = r.engine.personal_data(who)["operations"]
            assert all(op["field"] in ("redacted", "purged") for op in ops)
            r.engine.compact(keep_vector={})
        r.db.close()
        raw = b"".join(p.read_bytes() for p in r.opened.path.parent.glob(r.opened.path.name + "*"))
        assert b"Quorvexian" not in raw and b"QX-99" not in raw
        r.db.connect()


def _entity(replica: Replica, uid: str) -> str:
    found = State(replica.db).get(uid)
    assert found is not None
    return found.entity


def test_a_new_laptop_joining_from_a_snapshot_gets_the_booth_data(
    trio: list[Replica], tmp_path: Path
) -> None:
    a, b, c = trio
    fair = fair_on(a)
    capture(a, fair.uid, first_name="Ana", consent=EMAIL, consent_wording=WORDING, badge_id="J1")
    with a:
        records = list(a.engine.snapshot())
    with c:
        c.engine.load_snapshot(records)
    assert booth_rows(c) == booth_rows(a)
    assert c.dump() == a.dump()


def test_event_ops_from_another_device_are_checked(trio: list[Replica]) -> None:
    a, b, _ = trio
    fair_on(a)
    with b:
        vector = b.engine.vector()
    with a:
        ops = a.engine.ops_since(vector)
    (creation,) = [o for o in ops if o["entity"] == "event"]
    for bad in (
        {**creation, "contact": "someone"},
        {**creation, "value": {**creation["value"], "chips": "[1, 2"}},
        {**creation, "value": {**creation["value"], "scale": "xyz"}},
        {**creation, "field": "deleted", "value": True},
    ):
        with b, pytest.raises(SyncFormatError):
            b.engine.apply([bad])
    with b:
        b.engine.apply(ops)
        assert [e.name for e in b.events.list()] == ["Hannover Messe"]
        assert store_events.current_event_id() is None


def test_concurrent_edits_of_an_event_keep_the_later_and_the_other_can_be_swapped_in(
    trio: list[Replica], base: list[dt.datetime]
) -> None:
    a, b, _ = trio
    fair = fair_on(a)
    sync_all(trio)
    with a:
        a.events.update(dataclasses.replace(event_of(a, fair.uid), place="Halle 3"))
    base[0] += dt.timedelta(minutes=5)
    with b:
        b.events.update(dataclasses.replace(event_of(b, fair.uid), place="Halle 9"))
    sync_all(trio)
    assert [event_of(r, fair.uid).place for r in trio] == ["Halle 9"] * 3  # b's clock is later
    with a:
        (conflict,) = [c for c in a.engine.conflicts() if c.entity == "event"]
        assert (conflict.field, conflict.lost_value, conflict.contact_uid) == (
            "place", "Halle 3", "")  # fmt: skip
        a.engine.swap_conflict(conflict.id)
        assert event_of(a, fair.uid).place == "Halle 3"
    sync_all(trio)
    assert [event_of(r, fair.uid).place for r in trio] == ["Halle 3"] * 3


def test_a_badge_handed_over_by_a_local_purge_is_in_the_outcome(trio: list[Replica]) -> None:
    """The holder purged on the other claimant's laptop: that contact shows the badge at
    once, and the purge's ChangeSet names it (the open window reloads its card)."""
    a, b, _ = trio
    fair = fair_on(a)
    sync_all(trio)
    ana = capture(a, fair.uid, first_name="Ana", badge_id="B-5")
    bo = capture(b, fair.uid, first_name="Bo", badge_id="B-5")  # b's clock is a day ahead
    sync_all(trio)
    with a:
        assert {r[0]: r[2] for r in booth_rows(a)["origins"]} == {bo: "B-5", ana: None}  # type: ignore[attr-defined]
        a.contacts.delete([cid(a, bo)])
        outcome = a.contacts.purge([cid(a, bo)])
        assert booth_rows(a)["origins"] == [(ana, fair.uid, "B-5")]
        assert cid(a, ana) in outcome.changes.updated
        assert outcome.changes.removed and cid(a, ana) not in outcome.changes.removed

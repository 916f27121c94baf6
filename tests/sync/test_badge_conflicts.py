"""A badge two laptops scanned for two contacts, in the conflict list: listed, swapped,
undone, and gone when the loser is erased, gets another badge or the holder lets it go."""

from __future__ import annotations

import pytest
from support import Replica
from test_booth_sync import booth_rows, capture, event_of, fair_on
from test_rules import cid, sync_all

from salesdesk.services.booth import CaptureInput
from salesdesk.sync.api import Conflict, SyncFormatError


def contested(trio: list[Replica], badge: str = "B-77") -> tuple[str, str, str]:
    """Ana scanned on a, Bo a moment later by the clock on b (a day ahead): Bo holds the
    badge everywhere. The fair's uid, Ana's and Bo's."""
    a, b, _ = trio
    fair = fair_on(a).uid
    sync_all(trio)
    ana = capture(a, fair, first_name="Ana", badge_id=badge)
    bo = capture(b, fair, first_name="Bo", badge_id=badge)
    sync_all(trio)
    return fair, ana, bo


def badge_entries(replica: Replica) -> list[Conflict]:
    with replica:
        return [c for c in replica.engine.conflicts() if c.field == "badge_id"]


def holders(replica: Replica) -> dict[str, str | None]:
    return {row[0]: row[2] for row in booth_rows(replica)["origins"]}  # type: ignore[attr-defined]


def test_the_contact_that_lost_its_badge_is_listed_on_every_replica(trio: list[Replica]) -> None:
    _, ana, bo = contested(trio)
    for r in trio:
        (entry,) = badge_entries(r)
        assert (entry.uid, entry.contact_uid, entry.entity) == (ana, ana, "contact")
        assert (entry.kept_value, entry.kept_by, entry.lost_value) == ("B-77", bo, "B-77")
        assert entry.id == -cid(r, ana)  # sync_conflict ids are positive: no collision
        assert entry.kept_hlc > entry.lost_hlc
        with trio[0]:
            assert entry.lost_device == trio[0].engine.device_id  # Ana was scanned on a


def test_use_instead_gives_the_badge_to_the_loser_and_its_swap_gives_it_back(
    trio: list[Replica],
) -> None:
    a, b, c = trio
    _, ana, bo = contested(trio)
    (entry,) = badge_entries(c)  # on the laptop whose clock is behind the others
    with c:
        done = c.engine.swap_conflict(entry.id)
    assert holders(c) == {ana: "B-77", bo: None}
    assert done.changes.updated >= {cid(c, ana), cid(c, bo)}  # both cards reload
    assert done.undo_conflict_id == -cid(c, bo)
    (back,) = badge_entries(c)
    assert (back.id, back.uid, back.kept_by) == (-cid(c, bo), bo, ana)
    sync_all(trio)
    for r in trio:  # a new stamp: the rule gives it to Ana everywhere
        assert holders(r) == {ana: "B-77", bo: None}
        assert [(e.uid, e.kept_by) for e in badge_entries(r)] == [(bo, ana)]
    with c:  # the undo
        undone = c.engine.swap_conflict(done.undo_conflict_id)
    assert undone.undo_conflict_id == entry.id
    sync_all(trio)
    for r in trio:
        assert holders(r) == {ana: None, bo: "B-77"}
        assert [(e.uid, e.kept_by) for e in badge_entries(r)] == [(ana, bo)]
    with c, pytest.raises(SyncFormatError):
        c.engine.swap_conflict(done.undo_conflict_id)  # Bo holds it: nothing to swap


def test_badge_entries_and_field_conflicts_live_side_by_side(trio: list[Replica]) -> None:
    a, b, _ = trio
    _, ana, bo = contested(trio)
    with a:
        a.contacts.update(cid(a, ana), {"rating": "warm"})
    with b:
        b.contacts.update(cid(b, ana), {"rating": "cold"})
    sync_all(trio)
    with a:
        found = a.engine.conflicts()
        assert sorted(c.field for c in found) == ["badge_id", "rating"]
        assert len({c.id for c in found}) == 2
        (rating,) = [c for c in found if c.field == "rating"]
        a.engine.swap_conflict(rating.id)  # the ordinary swap still works beside it
        assert a.contacts.get(cid(a, ana)).rating.value == rating.lost_value
        assert [c.uid for c in a.engine.conflicts() if c.field == "badge_id"] == [ana]


def test_the_entry_goes_when_the_loser_is_purged(trio: list[Replica]) -> None:
    a, b, c = trio
    _, ana, _ = contested(trio)
    with a:
        a.contacts.delete([cid(a, ana)])
        assert badge_entries(a)  # in the trash it still claims the badge
        a.contacts.purge([cid(a, ana)])
    assert badge_entries(a) == []
    sync_all(trio)
    assert [badge_entries(r) for r in trio] == [[], [], []]


def test_the_entry_goes_when_the_loser_gets_another_badge(trio: list[Replica]) -> None:
    a, _, _ = trio
    fair, ana, _ = contested(trio)
    with a:
        event = event_of(a, fair)
        a.booth.capture(event, CaptureInput(link_to=cid(a, ana), badge_id="B-88"))
    assert badge_entries(a) == []
    sync_all(trio)
    assert [badge_entries(r) for r in trio] == [[], [], []]


def test_the_entry_goes_when_the_holder_lets_the_badge_go(trio: list[Replica]) -> None:
    a, b, _ = trio
    fair = fair_on(a)
    sync_all(trio)
    ana = capture(a, fair.uid, first_name="Ana", badge_id="B-77")
    with b:
        known = b.contacts.create(first_name="Bo").ids[0]
        data = CaptureInput(link_to=known, badge_id="B-77")
        scan = b.booth.capture(event_of(b, fair.uid), data)
    sync_all(trio)
    assert [e.uid for e in badge_entries(a)] == [ana]
    with b:  # the scan undone: Bo lets the badge go, Ana holds it
        b.contacts.apply(scan.outcome.inverse)
    sync_all(trio)
    for r in trio:
        assert badge_entries(r) == []
        assert holders(r)[ana] == "B-77"

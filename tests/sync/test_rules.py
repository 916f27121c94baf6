"""Each merge rule, between two or three replicas through the real services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from support import Replica, exchange

from salesdesk.services.merge import merge
from salesdesk.sync.api import SyncFormatError
from salesdesk.sync.state import State


def sync_all(replicas: list[Replica]) -> None:
    for _ in range(2):
        for a in replicas:
            for b in replicas:
                if a is not b:
                    exchange(a, b)


def by_uid(replica: Replica, uid: str) -> Any:
    with replica:
        found = [
            c
            for c in replica.contacts.list_contacts() + replica.contacts.list_contacts(deleted=True)
            if c.uid == uid
        ]
        return found[0] if found else None


def created(replica: Replica, **fields: Any) -> str:
    with replica:
        outcome = replica.contacts.create(**fields)
        return replica.contacts.get(outcome.ids[0]).uid


def cid(replica: Replica, uid: str) -> int:
    contact = by_uid(replica, uid)
    assert contact is not None
    return int(contact.id)


def test_concurrent_edits_of_different_fields_both_survive(trio: list[Replica]) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Ana")
    sync_all(trio)
    with a:
        a.contacts.update(cid(a, uid), {"company": "ACME"})
    with b:
        b.contacts.update(cid(b, uid), {"rating": "hot"})
    sync_all(trio)
    for r in trio:
        found = by_uid(r, uid)
        assert (found.company, found.rating.value) == ("ACME", "hot")


def test_same_field_later_clock_wins_and_the_loser_is_a_conflict_to_swap(
    trio: list[Replica], base: list[dt.datetime]
) -> None:
    a, b, c = trio  # b's clock is a day ahead
    uid = created(a, first_name="Ana")
    sync_all(trio)
    with a:
        a.contacts.update(cid(a, uid), {"rating": "warm"})
    with b:
        b.contacts.update(cid(b, uid), {"rating": "hot"})
    sync_all(trio)
    assert {by_uid(r, uid).rating.value for r in trio} == {"hot"}
    with a:
        conflicts = a.engine.conflicts()
        assert [(x.field, x.kept_value, x.lost_value) for x in conflicts] == [
            ("rating", "hot", "warm")
        ]
        swap = a.engine.swap_conflict(conflicts[0].id)
        assert cid(a, uid) in swap.changes.updated
    sync_all(trio)
    assert {by_uid(r, uid).rating.value for r in trio} == {"warm"}
    with a:
        a.engine.swap_conflict(swap.undo_conflict_id)  # undo of the swap
    sync_all(trio)
    assert {by_uid(r, uid).rating.value for r in trio} == {"hot"}


def test_emails_and_tags_added_on_two_devices_both_survive_and_removal_is_observed(
    trio: list[Replica],
) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Ana", emails=["old@x.de"], tags=["fair"])
    sync_all(trio)
    with a:  # removes what it saw (old@x.de, fair), adds its own
        a.contacts.update(cid(a, uid), {"emails": ["a@x.de"], "tags": ["vip"]})
    with b:  # adds to what it has
        b.contacts.update(cid(b, uid), {"emails": ["old@x.de", "b@x.de"], "tags": ["fair", "b2b"]})
    sync_all(trio)
    for r in trio:
        found = by_uid(r, uid)
        assert sorted(e.value for e in found.emails) == ["a@x.de", "b@x.de"]
        assert sorted(found.tags) == ["b2b", "vip"]


def test_interactions_and_history_are_unions(trio: list[Replica]) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Ana")
    sync_all(trio)
    with a:
        a.interactions.log([cid(a, uid)], "phone", "outbound", "call from a")
    with b:
        b.interactions.log([cid(b, uid)], "email", "inbound", "mail to b")
        b.contacts.move([cid(b, uid)], "prospect")
    sync_all(trio)
    for r in trio:
        with r:
            summaries = sorted(i.summary for i in r.interactions.interactions(cid(r, uid)))
            assert summaries == ["call from a", "mail to b"]
            steps = [h.to_stage.value for h in r.contacts.history(cid(r, uid))]
            # created, and Working twice (each device's log moved it), then Prospect
            assert sorted(steps) == ["new", "prospect", "working", "working"]
            assert r.contacts.get(cid(r, uid)).stage.value == "prospect"


def test_deleted_contact_edited_elsewhere_ends_in_the_trash_with_the_edit(
    trio: list[Replica],
) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Ana")
    sync_all(trio)
    with a:
        a.contacts.delete([cid(a, uid)])
    with b:
        b.contacts.update(cid(b, uid), {"company": "ACME"})
    sync_all(trio)
    for r in trio:
        found = by_uid(r, uid)
        assert found.deleted_at is not None and found.company == "ACME"
    with b:
        b.contacts.restore([cid(b, uid)])
    sync_all(trio)
    assert all(by_uid(r, uid).deleted_at is None for r in trio)


def test_merge_redirects_later_changes_of_the_merged_contact_to_the_survivor(
    trio: list[Replica], base: list[dt.datetime]
) -> None:
    a, b, c = trio
    keep = created(a, first_name="Ana", emails=["ana@x.de"])
    gone = created(a, first_name="Anna", emails=["anna@x.de"])
    sync_all(trio)
    with a:
        merge(a.contacts, cid(a, keep), [cid(a, gone)])
    base[0] += dt.timedelta(days=2)  # b's edit is later than the merge
    with b:
        b.interactions.log([cid(b, gone)], "phone", "outbound", "called the duplicate")
        b.contacts.update(cid(b, gone), {"emails": ["anna@x.de", "new@x.de"]})
    sync_all(trio)
    for r in trio:
        assert by_uid(r, gone) is None
        survivor = by_uid(r, keep)
        assert sorted(e.value for e in survivor.emails) == ["ana@x.de", "anna@x.de", "new@x.de"]
        with r:
            summaries = [i.summary for i in r.interactions.interactions(survivor.id)]
        assert "called the duplicate" in summaries


def test_same_ops_twice_and_in_any_order_give_the_same_state(trio: list[Replica]) -> None:
    a, b, c = trio
    uid = created(a, first_name="Ana")
    with a:
        a.contacts.update(cid(a, uid), {"company": "ACME", "tags": ["vip"]})
        ops = a.engine.ops_since({})
    with b:
        first = b.engine.apply(list(reversed(ops)))  # all but the first held, then drained
        again = b.engine.apply(ops)
    assert (first.applied, again.applied, again.duplicates) == (len(ops), 0, len(ops))
    with c:
        held = c.engine.apply(ops[1:])
        assert (held.applied, held.held) == (0, len(ops) - 1)
        filled = c.engine.apply(ops[:1])
        assert filled.applied == len(ops)
    assert b.dump() == c.dump() == a.dump()


@pytest.mark.parametrize(
    "garbage",
    [
        "not a list",
        [{"device": "x"}],
        "truncated",
        "foreign",
        "bad value",
    ],
)
def test_invalid_op_lists_are_refused_whole(trio: list[Replica], garbage: Any) -> None:
    a, b, _ = trio
    created(a, first_name="Ana")
    with a:
        ops = a.engine.ops_since({})
    if garbage == "truncated":
        garbage = ops[:-1] + [{k: v for k, v in ops[-1].items() if k != "value"}]
    elif garbage == "foreign":
        garbage = [*ops, {**ops[0], "entity": "invoice", "seq": 99}]
    elif garbage == "bad value":
        garbage = [*ops[:-1], {**ops[-1], "field": "stage", "value": "on the moon"}]
    with b:
        before = b.dump()
        with pytest.raises(SyncFormatError, match="nothing was applied"):
            b.engine.apply(garbage)
        assert b.engine.vector() == {}
    assert b.dump() == before == {}


def test_device_names_travel(trio: list[Replica]) -> None:
    a, b, _ = trio
    with a:
        a.engine.set_device_name("Booth A")
    exchange(a, b)
    with b:
        names = {d.id: d.name for d in b.engine.devices()}
        assert names[a.engine.device_id] == "Booth A"
        assert State(b.db).get(a.engine.device_id) is not None


def _merged_not_erased(trio: list[Replica], keep: str, gone: str, base: list[dt.datetime]) -> None:
    """After a merge of ``gone`` into ``keep`` on a: b's later edit of ``gone`` lands on the
    survivor everywhere, and no replica holds ``gone`` as erased."""
    _, b, _ = trio
    base[0] += dt.timedelta(days=2)  # b's edit is later than the merge
    with b:
        b.contacts.update(cid(b, gone), {"company": "Edited after the merge"})
    sync_all(trio)
    for r in trio:
        assert by_uid(r, gone) is None
        assert by_uid(r, keep).company == "Edited after the merge"
        with r:
            assert gone not in r.engine.tombstones()


def test_a_merged_contact_without_rows_of_its_own_is_merged_not_erased(
    trio: list[Replica], base: list[dt.datetime]
) -> None:
    """A duplicate with nothing to move (no history, no interactions) is still a merge: the
    recorder is told so by the merge itself, it does not guess from moved rows."""
    a, _, _ = trio
    keep = created(a, first_name="Ana", company="Brauerei")
    gone = created(a, first_name="Anna")
    with a:
        a.db.execute_sql("DELETE FROM stage_change WHERE contact_id = ?", (cid(a, gone),))
    sync_all(trio)
    with a:
        merge(a.contacts, cid(a, keep), [cid(a, gone)])
    _merged_not_erased(trio, keep, gone, base)


def test_redo_of_a_merge_is_recorded_as_a_merge(
    trio: list[Replica], base: list[dt.datetime]
) -> None:
    a, _, _ = trio
    keep = created(a, first_name="Ana", company="Brauerei")
    gone = created(a, first_name="Anna")
    with a:  # nothing of its own to move: only the step's own intent says "merge"
        a.db.execute_sql("DELETE FROM stage_change WHERE contact_id = ?", (cid(a, gone),))
    sync_all(trio)
    with a:
        merged = merge(a.contacts, cid(a, keep), [cid(a, gone)])
        undone = a.contacts.apply(merged.inverse)
    sync_all(trio)
    assert all(by_uid(r, gone) is not None for r in trio)  # the undo brought it back
    with a:
        a.contacts.apply(undone.inverse)  # redo
    _merged_not_erased(trio, keep, gone, base)


def test_undo_of_a_create_still_erases(trio: list[Replica]) -> None:
    """A contact that goes without being merged is purged: the others forget it too."""
    a, _, _ = trio
    with a:
        made = a.contacts.create(first_name="Temp")
        uid = a.contacts.get(made.ids[0]).uid
    sync_all(trio)
    with a:
        a.contacts.apply(made.inverse)
    sync_all(trio)
    for r in trio:
        assert by_uid(r, uid) is None
        with r:
            assert uid in r.engine.tombstones()

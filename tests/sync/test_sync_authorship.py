"""Owner and author are plain replicated fields (issue 13): who moved, logged and planned, and
who looks after a contact, reach every replica; rows without an author send no extra ops."""

from __future__ import annotations

from support import Replica, exchange

from salesdesk.services import bulk_edit
from salesdesk.sync.codec import FIELDS


def test_owner_and_authors_arrive_both_ways(trio: list[Replica]) -> None:
    a, b, _ = trio
    with a:
        a.contacts.author = "Jana Kovač"
        anna = a.contacts.create(first_name="Anna").ids[0]
        a.contacts.move([anna], "working")
        a.interactions.log([anna], "phone", "two-way", "Called")
        a.interactions.set_follow_up([anna], "2026-12-01")
        uid = a.contacts.get(anna).uid
    exchange(a, b)
    with b:
        b.contacts.author = "Ben Okafor"
        (here,) = b.contacts.list_contacts()
        assert here.uid == uid and here.owner == "Jana Kovač"
        assert [h.author for h in b.contacts.history(here.id or 0)] == ["Jana Kovač"] * 2
        assert [i.author for i in b.interactions.interactions(here.id or 0)] == ["Jana Kovač"]
        changes = [e.follow_up_change for e in b.interactions.timeline(here.id or 0)
                   if e.follow_up_change]  # fmt: skip
        assert [c.author for c in changes] == ["Jana Kovač"]
        bulk_edit.assign_owner(b.contacts, [here.id or 0], "Ben Okafor")
        b.interactions.log([here.id or 0], "email", "outbound", "Sent the offer")
    exchange(b, a)
    with a:
        assert a.contacts.get(anna).owner == "Ben Okafor"
        assert sorted(i.author for i in a.interactions.interactions(anna)) == [
            "Ben Okafor", "Jana Kovač"]  # fmt: skip
    assert a.dump() == b.dump()


def test_rows_without_an_author_send_no_author(trio: list[Replica]) -> None:
    a, b, _ = trio
    with a:
        # as salesdesk wrote before 0009 (and a service with nobody's name still does)
        anna = a.contacts.create(first_name="Anna").ids[0]
        a.interactions.log([anna], "phone", "two-way", "Called")
        first = a.engine.ops_since({})
        creations = [op for op in first if op["field"] == FIELDS and op["entity"] != "contact"]
        assert creations and all("author" not in op["value"] for op in creations)
        a.contacts.author = "Jana Kovač"
        a.contacts.update(anna, {"first_name": "Anne"})  # the old rows are recorded again
        vector = {op["device"]: max(o["seq"] for o in first) for op in first}
        new = a.engine.ops_since(vector)
        assert [(op["entity"], op["field"]) for op in new] == [("contact", "first_name")]
    exchange(a, b)
    with b:
        (here,) = b.contacts.list_contacts()
        assert [h.author for h in b.contacts.history(here.id or 0)] == ["", ""]  # stored as ''
        assert here.owner == ""
    assert a.dump() == b.dump()

"""A creation is one op carrying all its fields; a bad one is refused whole."""

from __future__ import annotations

import pytest
from support import Replica
from test_rules import created

from salesdesk.sync.api import SyncFormatError


def test_a_contact_with_children_is_one_op_each_and_bad_creations_are_refused(
    trio: list[Replica],
) -> None:
    a, b, _ = trio
    created(a, first_name="Ana", company="ACME")
    with a:
        ops = a.engine.ops_since({})
    creation = next(op for op in ops if op["entity"] == "contact")
    assert creation["field"] == "*" and creation["value"]["company"] == "ACME"
    history = [op for op in ops if op["entity"] == "stage_change"]
    assert len(history) == 1 and history[0]["value"]["contact"] == creation["uid"]
    for bad in (
        {**creation, "value": {**creation["value"], "stage": "on the moon"}},
        {**creation, "value": {**creation["value"], "purged": None}},
        {**creation, "value": {}},
        {**creation, "prev": creation["hlc"]},
    ):
        with b, pytest.raises(SyncFormatError):
            b.engine.apply([bad])
    with b:
        assert b.engine.vector() == {} and b.contacts.cards() == []
        b.engine.apply(ops)
    assert b.dump() == a.dump()

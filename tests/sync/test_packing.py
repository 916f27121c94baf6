"""Packed registers (sync/packing.py): round trip, the first format still read, malformed
packed data refused, and both formats of stored rows and snapshots give the same replica."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import Replica
from test_rules import cid, created, sync_all

from salesdesk.store.db import open_database
from salesdesk.sync.api import SyncFormatError
from salesdesk.sync.materialize import referring
from salesdesk.sync.packing import check_packed, pack, pack_text, unpack, unpack_text
from salesdesk.sync.state import State

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_support import insert_raw_contact  # noqa: E402

STAMPS = st.sampled_from(
    [f"17963601{n:05d}.{c:06d}.{'ab' * 16}" for n in range(3) for c in range(3)]
)
VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))
REGISTERS = st.dictionaries(
    st.text(min_size=1, max_size=6),
    st.tuples(STAMPS, VALUES, st.one_of(st.none(), STAMPS)).map(list),
    max_size=8,
)


@given(REGISTERS)
def test_packing_round_trips_through_json(regs: dict[str, list[Any]]) -> None:
    packed = json.loads(pack_text(regs))
    assert check_packed(packed) is None
    assert unpack(packed) == regs
    assert unpack_text(pack_text(regs)) == regs


def test_a_creation_lists_its_stamp_once() -> None:
    stamp = "1796360108360.000039.035e443c9d68434eb6152aadcd814d07"
    regs = {name: [stamp, value, None] for name, value in (("first_name", "Ana"), ("stage", "new"))}
    packed = pack(regs)
    assert packed == [[stamp], {"first_name": [0, "Ana"], "stage": [0, "new"]}]
    assert pack_text(regs).count(stamp) == 1


def test_the_first_format_is_read_as_it_is() -> None:
    regs = {"company": ["1796360108360.000039.ab", "ACME", None]}
    assert unpack(regs) == regs and unpack_text(json.dumps(regs)) == regs
    assert check_packed(regs) is None


@pytest.mark.parametrize(
    "data",
    [
        "text",
        [],
        [["s"]],
        [["s"], {"a": [1, "x"]}],  # no stamp 1
        [["s"], {"a": [-1, "x"]}],
        [["s"], {"a": [True, "x"]}],  # a bool is not a position
        [["s"], {"a": [0]}],
        [["s"], {"a": [0, "x", 0, 0]}],
        [["s"], {"a": [0, "x", 5]}],
        [[1], {"a": [0, "x"]}],  # stamps are strings
        [["s"], ["a"]],
        {"a": ["s", "x"]},  # first format: three items
        {"a": [1, "x", None]},
    ],
)
def test_malformed_packed_registers_are_refused(data: Any) -> None:
    assert check_packed(data) is not None


def test_a_snapshot_with_garbled_packed_registers_loads_nothing(trio: list[Replica]) -> None:
    a, _, c = trio
    created(a, first_name="Ana")
    with a:
        records = list(a.engine.snapshot())
    entity = next(r for r in records if r.get("entity") == "contact")
    entity["state"][1]["first_name"][0] = 7  # a stamp that is not there
    with c, pytest.raises(SyncFormatError, match="not valid"):
        c.engine.load_snapshot(records)
    assert c.dump() == {}


def _first_format(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same snapshot as a device before packing wrote it."""
    out = []
    for record in records:
        record = dict(record)
        if record["type"] == "header":
            record["format"] = 1
        elif record["type"] == "entity":
            record["state"] = unpack(record["state"])
        out.append(record)
    return out


def test_a_first_format_snapshot_joins_like_a_packed_one(trio: list[Replica]) -> None:
    a, b, c = trio
    ana = created(a, first_name="Ana", emails=["ana@x.de"], tags=["vip"])
    created(a, first_name="Bo", referred_by=cid(a, ana))
    with a:
        a.contacts.update(cid(a, ana), {"company": "ACME"})
        records = list(a.engine.snapshot())
    assert next(r for r in records if r["type"] == "header")["format"] == 2
    with b:
        b.engine.load_snapshot(_first_format(json.loads(json.dumps(records))))
    with c:
        c.engine.load_snapshot(json.loads(json.dumps(records)))
    assert a.dump() == b.dump() == c.dump() and len(a.dump()) == 2


def test_rows_stored_in_the_first_format_are_read_and_repacked(trio: list[Replica]) -> None:
    a, b, _ = trio
    ana = created(a, first_name="Ana")
    sync_all([a, b])
    with a:  # as an older salesdesk stored them
        rows = a.db.execute_sql("SELECT uid, state FROM sync_entity").fetchall()
        for uid, text in rows:
            a.db.execute_sql(
                "UPDATE sync_entity SET state = ? WHERE uid = ?",
                (json.dumps(unpack_text(text)), uid),
            )
        a.contacts.update(cid(a, ana), {"company": "ACME"})
        (text,) = a.db.execute_sql("SELECT state FROM sync_entity WHERE uid = ?", (ana,)).fetchone()
        assert text.startswith("[[")  # written packed once it changed
    sync_all([a, b])
    assert a.dump() == b.dump()


def test_referrers_are_found_by_the_indexed_column(trio: list[Replica]) -> None:
    a, _, _ = trio
    ana = created(a, first_name="Ana")
    bo = created(a, first_name="Bo", referred_by=cid(a, ana))
    created(a, first_name="Cem")
    with a:
        state = State(a.db)
        assert referring(state, {ana}) == {bo}
        plan = a.db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT uid FROM sync_entity WHERE ref IN (?)", (ana,)
        ).fetchall()
        assert any("sync_entity_ref" in str(row) for row in plan)


def test_the_migration_fills_the_referrer_column_from_first_format_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_database(path, migrate_to="0008_value")
    insert_raw_contact(old.db, id=1, uid="uid-1", first_name="Ana", stage="new")
    stamp = "1796360108360.000039.035e443c9d68434eb6152aadcd814d07"
    for uid, regs in (
        ("uid-1", {"first_name": [stamp, "Ana", None]}),
        ("uid-2", {"first_name": [stamp, "Bo", None], "referred_by": [stamp, "uid-1", None]}),
        ("uid-3", {"referred_by": [stamp, "", None]}),
    ):
        old.db.execute_sql(
            "INSERT INTO sync_entity (uid, entity, contact, state) VALUES (?, 'contact', ?, ?)",
            (uid, uid, json.dumps(regs)),
        )
    old.db.close()
    new = open_database(path)
    try:
        refs = dict(new.db.execute_sql("SELECT uid, ref FROM sync_entity").fetchall())
        assert refs == {"uid-1": None, "uid-2": "uid-1", "uid-3": None}
    finally:
        new.db.close()

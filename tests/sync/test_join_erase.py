"""Snapshot join, compaction, erasure (nothing of the person left in the file), GDPR export."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import Replica, exchange
from test_rules import by_uid, cid, created, sync_all

from salesdesk.sync.api import SnapshotNeededError


def test_a_new_device_joins_from_a_snapshot_and_then_syncs_ops(
    trio: list[Replica], tmp_path: Path
) -> None:
    a, b, c = trio
    uid = created(a, first_name="Ana", emails=["ana@x.de"], tags=["vip"])
    with a:
        a.interactions.log([cid(a, uid)], "phone", "outbound", "hello")
        records = list(a.engine.snapshot())
    with c:
        result = c.engine.load_snapshot(records)
        assert len(result.changes.created) == 1
    assert c.dump() == a.dump()
    with a:
        a.contacts.update(cid(a, uid), {"company": "ACME"})
    exchange(a, c)
    assert by_uid(c, uid).company == "ACME"


def test_compaction_drops_ops_all_peers_have_and_a_late_peer_needs_a_snapshot(
    trio: list[Replica],
) -> None:
    a, b, c = trio
    created(a, first_name="Ana")
    exchange(a, b)
    with a:
        a.engine.record_peer_vector(b.engine.device_id, _vector(b))
        assert a.engine.pending_count() == 0
        dropped = a.engine.compact(keep_vector=a.engine.common_vector())
        assert dropped > 0
        with pytest.raises(SnapshotNeededError):
            a.engine.ops_since({})
        assert a.engine.ops_since(_vector(b)) == []


def test_purge_erases_the_person_everywhere_and_from_the_file(trio: list[Replica]) -> None:
    a, b, _ = trio
    uid = created(a, first_name="Zebulonia", last_name="Quenterich", emails=["zq@x.de"])
    with a:
        a.contacts.update(cid(a, uid), {"notes": "Quenterich likes tea"})
    sync_all(trio)
    with b:
        b.contacts.delete([cid(b, uid)])
        b.contacts.purge([cid(b, uid)])
    sync_all(trio)
    for r in trio:
        assert by_uid(r, uid) is None
        with r:
            data = r.engine.personal_data(uid)
            assert (
                data["erased"]
                and data["operations"] == []
                or all(op["field"] in ("redacted", "purged") for op in data["operations"])
            )
            r.engine.compact(keep_vector={})
        r.db.close()
        raw = b"".join(p.read_bytes() for p in r.opened.path.parent.glob(r.opened.path.name + "*"))
        assert b"Quenterich" not in raw and b"zq@x.de" not in raw
        r.db.connect()


def test_personal_data_export_covers_what_sync_keeps(trio: list[Replica]) -> None:
    a = trio[0]
    uid = created(a, first_name="Ana", emails=["ana@x.de"])
    with a:
        data = a.engine.personal_data(uid)
    assert data["record"]["fields"]["first_name"] == "Ana"
    assert any(
        op["value"] == "Ana" or (isinstance(op["value"], dict) and "Ana" in op["value"].values())
        for op in data["operations"]
    )
    assert any(d["data"]["value"] == "ana@x.de" for d in data["elements"])


def _vector(replica: Replica) -> dict[str, int]:
    with replica:
        return replica.engine.vector()

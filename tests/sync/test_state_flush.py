"""How the state writes its rows: the state alone when no indexed column changed, the whole
row otherwise, and a row that vanished behind the cache is written whole again."""

from __future__ import annotations

from typing import Any

from support import Replica
from test_rules import cid, created

from salesdesk.sync.state import State


def _row(replica: Replica, uid: str) -> Any:
    with replica:
        return replica.db.execute_sql(
            "SELECT entity, contact, ref, state FROM sync_entity WHERE uid = ?", (uid,)
        ).fetchone()


def _traced(replica: Replica, work: Any) -> list[str]:
    statements: list[str] = []
    with replica:
        connection = replica.db.connection()
        connection.set_trace_callback(statements.append)
        try:
            work()
        finally:
            connection.set_trace_callback(None)
    return [s for s in statements if "sync_entity" in s and not s.startswith("SELECT")]


def test_an_edit_rewrites_the_state_only(trio: list[Replica]) -> None:
    a = trio[0]
    uid = created(a, first_name="Ana")
    before = _row(a, uid)
    writes = _traced(a, lambda: a.contacts.update(cid(a, uid), {"company": "Brauerei"}))
    assert writes and all(w.startswith("UPDATE sync_entity SET state") for w in writes)
    after = _row(a, uid)
    assert after[:3] == before[:3] and "Brauerei" in after[3]


def test_a_new_referrer_writes_the_indexed_column(trio: list[Replica]) -> None:
    a = trio[0]
    referrer = created(a, first_name="Bea")
    uid = created(a, first_name="Ana")
    writes = _traced(a, lambda: a.contacts.update(cid(a, uid), {"referred_by": cid(a, referrer)}))
    assert any(w.startswith("INSERT OR REPLACE INTO sync_entity") for w in writes)
    assert _row(a, uid)[2] == referrer


def test_a_row_gone_behind_the_cache_is_written_whole(trio: list[Replica]) -> None:
    a = trio[0]
    uid = created(a, first_name="Ana")
    with a:
        state = State(a.db)
        entity = state.get(uid)
        assert entity is not None and entity.stored is not None
        a.db.execute_sql("DELETE FROM sync_entity WHERE uid = ?", (uid,))
        entity.regs["company"] = ["9999999999999.000000.x", "Kept", None]
        state.mark(entity)
        state.flush()
    row = _row(a, uid)
    assert row is not None and row[:2] == ("contact", uid) and "Kept" in row[3]

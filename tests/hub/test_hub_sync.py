"""Rounds through a real hub: convergence, exactly-once pushes, joining, who did what, NOTIFY."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import psycopg
import pytest
from hubkit import Hub, Member

from salesdesk.domain.stages import Stage
from salesdesk.sync.hub_connect import HubAddress, HubOfflineError, connect
from salesdesk.sync.hub_listen import HubListener, listen


def _uids(member: Member) -> set[str]:
    return set(member.people())


def test_two_members_converge_and_nobody_pulls_back_its_own_changes(
    hub: Hub, tmp_path: Path
) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    petr = Member(tmp_path / "p.db", *hub.member("petr"))
    for i in range(20):
        jana.add(f"J{i}", company="ACME")
    first = jana.round()
    assert first.sent > 0 and first.received == 0
    got = petr.round()
    assert got.received == first.sent and got.errors == []
    petr.add("Petra")
    with petr.device:
        some = next(iter(petr.device.contacts.list_contacts()))
        petr.device.contacts.move([some.id], Stage.PROSPECT)
    petr.round()
    again = jana.round()
    assert again.duplicates == 0  # its own 20 contacts did not come back
    assert jana.people() == petr.people() and len(jana.people()) == 21
    assert jana.round().received == 0 and jana.round().sent == 0
    jana.close()
    petr.close()


def test_every_op_on_the_hub_names_the_member_who_pushed_it(hub: Hub, tmp_path: Path) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    petr = Member(tmp_path / "p.db", *hub.member("petr"))
    jana.add("Anna")
    jana.round()
    petr.round()
    contact = next(iter(petr.people()))
    with petr.device:
        cid = petr.device.db.execute_sql("SELECT id FROM contact WHERE uid = ?",
                                         (contact,)).fetchone()[0]  # fmt: skip
        petr.device.contacts.move([cid], Stage.PROSPECT)
    report = petr.round()
    rows = hub.sql("SELECT member, body->>'field', body->>'value' FROM salesdesk.op "
                   "WHERE body->>'field' = 'stage' AND body->>'value' = 'prospect'")  # fmt: skip
    assert rows == [(petr.address.user, "stage", "prospect")]
    # locally: the device of every op maps to its member (the timeline's "by Petr")
    assert report.members[petr.device.engine.device_id] == petr.address.user
    assert report.members[jana.device.engine.device_id] == jana.address.user
    jana.close()
    petr.close()


def test_a_push_retried_with_the_same_ops_stores_them_once(hub: Hub, tmp_path: Path) -> None:
    address, password = hub.member("jana")
    jana = Member(tmp_path / "j.db", address, password)
    jana.add("Anna")
    with jana.device:
        ops = jana.device.engine.ops_since({})
    me = jana.device.engine.device_id
    conn = connect(address, password, autocommit=True)
    try:
        push = "SELECT stored FROM salesdesk.push(%s, '', %s::json)"
        assert conn.execute(push, (me, json.dumps(ops))).fetchone() == (len(ops),)
        assert conn.execute(push, (me, json.dumps(ops))).fetchone() == (0,)
        # a push that would leave a gap in a device's numbers is refused whole
        later = [dict(ops[-1], seq=ops[-1]["seq"] + 5)]
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="do not continue"):
            conn.execute(push, (me, json.dumps(later)))
    finally:
        conn.close()
    assert hub.sql("SELECT count(*) FROM salesdesk.op") == [(len(ops),)]
    report = jana.round()
    assert report.sent == 0  # the round sees the hub has them all
    jana.close()


def test_a_new_member_joins_from_the_snapshot_and_then_pulls_only_the_rest(
    hub: Hub, tmp_path: Path
) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    for i in range(30):
        jana.add(f"J{i}")
    written = jana.round(snapshot_after=50)
    assert written.snapshot_written
    jana.add("After the snapshot")
    jana.round(snapshot_after=10**9)
    newcomer = Member(tmp_path / "n.db", *hub.member("nina"))
    report = newcomer.round()
    assert report.snapshot_loaded and report.errors == []
    assert report.received < written.sent  # only what came after the snapshot as ops
    assert newcomer.people() == jana.people() and len(newcomer.people()) == 31
    newcomer.add("Nina's own")
    assert newcomer.round().sent > 0  # a joined replica pushes (the hub holds all it has)
    jana.round()
    assert jana.people() == newcomer.people()
    jana.close()
    newcomer.close()


def test_pg_terminate_backend_mid_push_loses_nothing_and_pushes_exactly_once(
    hub: Hub, tmp_path: Path
) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    for i in range(300):
        jana.add(f"J{i}", company="ACME", title="Buyer", notes="n")
    with jana.device:
        total = jana.device.engine.vector()[jana.device.engine.device_id]
    from salesdesk.sync import transport_hub

    killed = threading.Event()

    def kill_once_ops_arrive() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if hub.sql("SELECT count(*) FROM salesdesk.op")[0][0] > 0:
                hub.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE usename = %s", (jana.address.user,))  # fmt: skip
                killed.set()
                return
            time.sleep(0.005)

    original = transport_hub.PUSH_OPS
    transport_hub.PUSH_OPS = 50  # many small pushes: the kill lands between or inside one
    try:
        killer = threading.Thread(target=kill_once_ops_arrive)
        killer.start()
        with pytest.raises(HubOfflineError):
            while True:  # until the kill cuts a round off
                jana.round()
        killer.join()
    finally:
        transport_hub.PUSH_OPS = original
    assert killed.is_set()
    on_hub = hub.sql("SELECT count(*) FROM salesdesk.op")[0][0]
    assert 0 < on_hub < total
    report = jana.round()
    assert report.sent == total - on_hub  # exactly the rest, nothing twice
    assert hub.sql("SELECT count(*), count(DISTINCT seq), max(seq) FROM salesdesk.op") == [
        (total, total, total)
    ]
    other = Member(tmp_path / "o.db", *hub.member("otto"))
    other.round()
    assert other.people() == jana.people()
    jana.close()
    other.close()


def test_a_server_restart_reports_offline_then_the_next_round_pushes_once(
    own_server,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from hubkit import Server

    server = Hub(Server(own_server.url))
    jana = Member(tmp_path / "j.db", *server.member("jana"))
    jana.add("Before")
    jana.round()
    own_server.pg_ctl("stop")
    jana.add("While down 1")
    jana.add("While down 2")
    from salesdesk.services.hub_service import HubService
    from salesdesk.sync.settings import SyncSettings

    with jana.device:
        service = HubService(jana.device.engine, SyncSettings(jana.device.db))
        offline = service.round(_url(jana.address), jana.password)
    assert offline.offline and offline.waiting > 0
    assert "cannot be reached" in offline.errors[0]
    own_server.pg_ctl("start")
    with jana.device:
        back = service.round(_url(jana.address), jana.password)
        assert service.round().sent == 0  # remembered now, with its password
    assert not back.offline and back.sent == offline.waiting and back.waiting == 0
    other = Member(tmp_path / "o.db", *server.member("otto"))
    other.round()
    assert len(other.people()) == 3
    jana.close()
    other.close()


def _url(address: HubAddress) -> str:
    from psycopg.conninfo import make_conninfo

    return str(make_conninfo(**address.params))


def test_passwords_with_at_slash_and_colon_work_in_fields_and_in_urls(
    hub: Hub, tmp_path: Path
) -> None:
    tricky = "p@ss/w:rd@/:"
    address, password = hub.member("jana", tricky)
    member = Member(tmp_path / "j.db", address, password)
    member.add("Anna")
    assert member.round().sent > 0
    from urllib.parse import quote

    host, port = address.params["host"], address.params["port"]
    url = f"postgresql://{address.user}:{quote(tricky, safe='')}@{host}:{port}/{hub.name}"
    from_url = HubAddress.parse(url)
    assert "password" not in from_url.params and tricky not in from_url.display
    other = Member(tmp_path / "o.db", from_url, None)
    assert other.round().received > 0
    member.close()
    other.close()


def test_notify_wakes_a_listener_and_a_reconnect_catches_up(hub: Hub, tmp_path: Path) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    address, password = hub.member("petr")
    seen: list[int | None] = []
    states: list[bool] = []
    woke = threading.Condition()

    def on_change(top: int | None) -> None:
        with woke:
            seen.append(top)
            woke.notify_all()

    listener = HubListener(address, password, on_change, on_state=lambda up, _m: states.append(up),
                           reconnect_after=0.2)  # fmt: skip
    listener.start()
    try:
        assert listener.wait_online(10)
        with woke:
            assert woke.wait_for(lambda: None in seen, 10)  # the catch-up call on connect
        jana.add("Anna")
        jana.round()
        top = hub.sql("SELECT max(hub_seq) FROM salesdesk.op")[0][0]
        with woke:
            assert woke.wait_for(lambda: top in seen, 10)
        # the listening session is cut: it comes back and asks for a catch-up pull
        before = seen.count(None)
        hub.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (address.user,))  # fmt: skip
        with woke:
            assert woke.wait_for(lambda: seen.count(None) > before, 15)
        assert False in states and states[-1] is True
    finally:
        listener.stop()
    assert not listener.online
    jana.close()


def test_listen_returns_the_pushed_hub_sequence(hub: Hub, tmp_path: Path) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    address, password = hub.member("petr")
    got: list[int | None] = []
    waiter = threading.Thread(target=lambda: got.append(listen(address, password, 15)))
    waiter.start()
    time.sleep(0.5)  # the waiter must be LISTENing before the push it should hear
    jana.add("Anna")
    jana.round()
    waiter.join(20)
    assert got and got[0] == hub.sql("SELECT max(hub_seq) FROM salesdesk.op")[0][0]
    assert listen(address, password, 0.2) is None
    jana.close()


def test_after_a_restore_members_pull_everything_again_and_refill_the_hub(
    hub: Hub, tmp_path: Path
) -> None:
    from salesdesk.sync.hub_admin import init_hub

    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    petr = Member(tmp_path / "p.db", *hub.member("petr"))
    jana.add("Anna")
    jana.round()
    petr.round()
    # a backup taken now, restored later, loses everything after this point
    hub.sql("CREATE TABLE salesdesk.saved AS SELECT * FROM salesdesk.op")
    hub.sql("CREATE TABLE salesdesk.saved_device AS SELECT * FROM salesdesk.device")
    jana.add("Bert")
    jana.round()
    hub.sql("DELETE FROM salesdesk.op; INSERT INTO salesdesk.op SELECT * FROM salesdesk.saved")
    hub.sql("DELETE FROM salesdesk.device; INSERT INTO salesdesk.device "
            "SELECT * FROM salesdesk.saved_device")  # fmt: skip
    top = hub.sql("SELECT max(hub_seq) FROM salesdesk.op")[0][0]
    hub.sql(f"SELECT setval('salesdesk.op_hub_seq_seq', {top})")  # as pg_restore leaves it
    init_hub(hub.admin_address, None, after_restore=True)
    petr.add("Petra")  # its new ops get hub numbers jana had already pulled past
    petr.round()
    jana.round()  # pushes Bert again and pulls Petra
    petr.round()
    assert jana.people() == petr.people() and len(jana.people()) == 3
    jana.close()
    petr.close()

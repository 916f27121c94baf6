"""Live changes through a real team server in the open window: a colleague's move shows on
the board within 2 s (the hub's NOTIFY, not the periodic round), a drag on the board reaches
the colleague, bursts of notifications are coalesced, the server stopped and started again
(offline, N changes waiting, then exactly one push by itself), the listener thread ends
with the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from salesdesk.domain.stages import Stage
from tests.views import hub_support
from tests.views.hub_support import MemberB, listener_threads, member_url
from tests.views.sync_support import wait_round
from tests.views.test_board_dnd import drag_and_drop
from tests.views.test_keyboard import names

LIVE_MS = 2000  # the promise: a colleague's move on my open board within 2 s

# the real PostgreSQL server and hubs (fixtures shared with the other team tests)
hub = hub_support.hub
own_server = hub_support.own_server
pg = hub_support.pg
private_config = hub_support.private_config


def joined(qtbot, window, address, password):  # type: ignore[no-untyped-def]
    """A's window joined the hub, listening, the periodic round off (only NOTIFY pulls)."""
    controller = window.sync.hub
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    controller.join(address, password)
    wait_round(qtbot, controller)
    assert controller.failure is None and controller.join_failure is None
    qtbot.waitUntil(lambda: controller.listening, timeout=10000)
    wait_round(qtbot, controller)  # the listener's catch-up round after connecting
    controller.timer.stop()
    return controller


@pytest.fixture
def team(hub, tmp_path):  # type: ignore[no-untyped-def]
    a, password = hub.member("anna")
    b_address, b_password = hub.member("bert")
    return a, password, MemberB(tmp_path / "b.db", member_url(hub, b_address.user), b_password)


def test_a_colleagues_move_shows_on_the_open_board_within_2_s(qtbot, people, window, team) -> None:
    address, password, bert = team
    controller = joined(qtbot, window, address, password)
    assert not controller.timer.isActive()
    before = controller.rounds
    shown = bert.run(("join",), ("move", "Anna", "prospect"), ("sync",), ("stage", "Anna"))
    assert shown == {"Anna": "prospect"}
    qtbot.waitUntil(lambda: "Anna Schmidt" in names(window, Stage.PROSPECT), timeout=LIVE_MS)
    assert "Anna Schmidt" not in names(window, Stage.NEW)
    assert controller.rounds > before  # pulled by a round the NOTIFY started
    assert window.saved_label.text() == "Saved"  # incoming changes claim nothing of ours


def test_a_drag_on_the_board_reaches_the_colleague(qtbot, people, window, team) -> None:
    address, password, bert = team
    controller = joined(qtbot, window, address, password)
    assert bert.run(("join",), ("stage", "Li")) == {"Li": "working"}
    wait_round(qtbot, controller)  # bert's join was announced too
    target = window.board.column(Stage.PROSPECT).view
    from salesdesk.views.board.models import encode_ids

    drop = drag_and_drop(target, QPoint(20, 20), encode_ids([people["Li"]]))
    assert drop.isAccepted()
    assert "Li Wei" in names(window, Stage.PROSPECT)
    # pushed soon after the edit (not at the next periodic round: that timer is off)
    qtbot.waitUntil(lambda: controller.rounds > 0 and not controller.running
                    and controller.status.waiting == 0 and not controller.push_timer.isActive(),
                    timeout=3000)  # fmt: skip
    assert bert.run(("sync",), ("stage", "Li")) == {"Li": "prospect"}


def test_a_burst_of_notifications_runs_one_more_round_not_one_each(
    qtbot, people, window, team
) -> None:
    address, password, _bert = team
    controller = joined(qtbot, window, address, password)
    before = controller.rounds
    controller.sync_now()
    assert controller.running
    for top in range(5):  # as the listener's thread delivers them, queued
        controller._relay.notified.emit(top)
    wait_round(qtbot, controller)
    assert controller.rounds == before + 2  # the running one, and exactly one more


def test_server_stopped_offline_with_changes_waiting_then_one_push_by_itself(
    qtbot, people, window, own_server
) -> None:
    from hubkit import Hub, Server

    server = Hub(Server(own_server.url))
    address, password = server.member("anna")
    controller = joined(qtbot, window, address, password)
    controller.timer.setInterval(500)  # fallback rounds while the server is away
    controller.timer.start()
    own_server.pg_ctl("stop")
    status = window.sync.status
    qtbot.waitUntil(lambda: status.text() == "Team server: offline", timeout=10000)
    assert status.problem and "cannot be reached" in status.toolTip()
    service = window.runner.service
    for first in ("Ida", "Jan"):
        window.runner.execute(lambda first=first: service.create(first_name=first))
    qtbot.waitUntil(lambda: status.text().startswith("Team server: offline, "), timeout=10000)
    waiting = controller.status.waiting
    assert waiting > 0
    assert status.text() == f"Team server: offline, {waiting} changes waiting"
    reports: list = []  # every round's report once

    def seen() -> None:
        report = controller.last_report
        if report is not None and all(report is not r for r in reports):
            reports.append(report)

    seen()
    controller.changed.connect(seen)
    controller.timer.stop()  # from now on only the listener's reconnect brings it back
    own_server.pg_ctl("start")
    qtbot.waitUntil(lambda: status.text().startswith("Team server: synced"), timeout=15000)
    wait_round(qtbot, controller)
    assert controller.status.waiting == 0 and not status.problem
    assert sum(r.sent for r in reports) == waiting  # what waited went out, once
    me = controller.service().engine.device_id
    rows = server.sql("SELECT count(*), count(DISTINCT seq), max(seq) FROM salesdesk.op "
                      "WHERE device = %s", (me,))  # fmt: skip
    own = controller.service().engine.vector()[me]
    assert rows == [(own, own, own)]  # every change once, none twice
    assert controller.listening


def test_the_listener_thread_ends_with_the_window(qtbot, people, window, team) -> None:
    address, password, _bert = team
    joined(qtbot, window, address, password)
    assert len(listener_threads()) == 1
    window.close()
    assert listener_threads() == []


def test_a_member_removed_meanwhile_sees_why_in_the_status_bar(
    qtbot, people, window, hub, team
) -> None:
    from salesdesk.sync.hub_admin import remove_member

    address, password, _bert = team
    controller = joined(qtbot, window, address, password)
    remove_member(hub.admin_address, None, address.user)  # ends its sessions too
    window.sync.sync_now()  # F5
    wait_round(qtbot, controller)
    status = window.sync.status
    assert status.text() == "Team server: password refused"
    assert status.problem and "refused the user name or password" in status.toolTip()
    assert password not in status.toolTip()
    qtbot.waitUntil(lambda: listener_threads() == [], timeout=5000)  # no retries every 2 s
    assert controller.address is not None  # still this database's team server


def test_switching_databases_stops_the_listener_and_follows_the_new_file(
    qtbot, people, window, team, tmp_path
) -> None:
    address, password, _bert = team
    controller = joined(qtbot, window, address, password)
    other = tmp_path / "other.db"
    assert window.switch_to(str(other))
    assert listener_threads() == []
    qtbot.waitUntil(lambda: controller.attached, timeout=5000)
    assert controller.address is None  # the other file has no team server
    assert window.sync.status.isHidden()

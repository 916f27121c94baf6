"""Changes other programs commit show in the open window within about a second: a CLI move
on the board and in the counts, an edit in the pane (keeping what the user is typing), a
contact deleted elsewhere leaving the board."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from salesdesk.domain.stages import Stage
from tests.views.test_keyboard import names

LIVE_MS = 2000  # the promise for a CLI move


def cli(db_path: Path, *argv: str) -> None:
    env = dict(os.environ, HOME=str(db_path.parent), XDG_DATA_HOME=str(db_path.parent / "x"))
    done = subprocess.run(
        [sys.executable, "-m", "salesdesk", "--db", str(db_path), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_cli_move_shows_on_the_open_board_within_two_seconds(
    qtbot, people, window, db_path: Path
) -> None:
    assert "Anna Schmidt" in names(window, Stage.NEW)
    before = window.counts_label.text()
    cli(db_path, "move", str(people["Anna"]), "prospect")
    qtbot.waitUntil(lambda: "Anna Schmidt" in names(window, Stage.PROSPECT), timeout=LIVE_MS)
    assert "Anna Schmidt" not in names(window, Stage.NEW)
    assert window.board.counts()[Stage.PROSPECT] == 2
    assert window.counts_label.text() != before
    assert window.saved_label.text() == "Saved"  # nothing of ours is claimed or failed


def test_a_contact_trashed_elsewhere_leaves_the_board(qtbot, people, window, db_path) -> None:
    cli(db_path, "delete", str(people["Ben"]))
    qtbot.waitUntil(lambda: names(window, Stage.PROSPECT) == [], timeout=LIVE_MS)


def test_the_pane_shows_an_edit_made_elsewhere_and_keeps_unsaved_typing(
    qtbot, people, window, other_program
) -> None:
    window.open_details(people["Anna"])
    ui = window.detail.ui
    assert ui.company_edit.text() == "Acme GmbH"
    ui.company_edit.setFocus()
    ui.company_edit.selectAll()
    qtbot.keyClicks(ui.company_edit, "Acme Holding")  # typed, not saved yet
    other_program.update(people["Anna"], "title", "Head of Sales")
    qtbot.waitUntil(lambda: ui.title_edit.text() == "Head of Sales", timeout=LIVE_MS)
    assert ui.company_edit.text() == "Acme Holding"  # the typing survived the reload
    assert "changed elsewhere" in ui.banner_label.text()
    qtbot.keyClick(ui.company_edit, Qt.Key.Key_Return)  # and it saves over the new version
    stored = window.session.service.get(people["Anna"])
    assert (stored.company, stored.title) == ("Acme Holding", "Head of Sales")


def test_a_follow_up_set_from_the_cli_shows_in_the_open_agenda(
    qtbot, people, window, db_path: Path
) -> None:
    from salesdesk.domain.agenda import Section
    from tests.views.test_agenda_dock import section_names

    dock = window.commands.conversations.agenda
    cli(db_path, "follow-up", str(people["Sofia"]), "--on", "2020-01-02", "--note", "call back")
    qtbot.waitUntil(
        lambda: section_names(dock, Section.OVERDUE) == ["Sofia Rossi"], timeout=LIVE_MS
    )


def test_a_closed_window_stops_watching_the_file(qtbot, window) -> None:
    assert window.runner.watch_timer.isActive()
    window.close()
    assert not window.runner.watch_timer.isActive()

""" "Saved" tells the truth: while another program holds the write lock (or the disk is
full), a save fails fast instead of freezing the window, the status says it did not save,
the typed text stays in its field, and it is saved by itself once writing works again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt

from salesdesk.domain.errors import StorageError
from salesdesk.views.undo import WRITE_WAIT_MS


def test_the_window_waits_only_briefly_for_another_writer(window) -> None:
    wait = window.session.service.db.execute_sql("PRAGMA busy_timeout").fetchone()[0]
    assert wait == WRITE_WAIT_MS <= 500  # not the CLI's 5 s: the window must not freeze


def test_a_save_during_another_programs_write_is_kept_and_saved_later(
    qtbot, people, window, db_path: Path
) -> None:
    window.open_details(people["Anna"])
    edit = window.detail.ui.company_edit
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # e.g. a long import in another program
    try:
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, "Acme Holding")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert window.saved_label.text().startswith("Not saved")
        assert "busy" in window.saved_label.text()
        assert edit.text() == "Acme Holding"
        assert "Not saved yet" in window.detail.ui.banner_label.text()
        assert window.session.service.get(people["Anna"]).company == "Acme GmbH"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    qtbot.waitUntil(
        lambda: window.session.service.get(people["Anna"]).company == "Acme Holding",
        timeout=5000,
    )
    assert window.saved_label.text() == "Saved"
    assert edit.text() == "Acme Holding"
    assert window.detail.ui.banner_label.text() == ""


def test_a_full_disk_says_not_saved_and_keeps_the_text(qtbot, people, window, monkeypatch) -> None:
    window.open_details(people["Ben"])
    service = window.session.service
    real_update = service.update
    calls: list[int] = []

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise StorageError("The disk is full, so the change could not be saved.")
        return real_update(*args, **kwargs)

    monkeypatch.setattr(service, "update", full_disk)
    edit = window.detail.ui.title_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Buyer")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "disk is full" in window.saved_label.text()
    assert edit.text() == "Buyer"
    qtbot.waitUntil(lambda: service.get(people["Ben"]).title == "Buyer", timeout=5000)
    assert window.saved_label.text() == "Saved"

"""File ▸ Export…: formats, scopes (all, one stage, the search, the selected cards), the
file chosen through a hook instead of the native dialog, written in a worker thread."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session
from salesdesk.views.main_window import MainWindow
from salesdesk.views.transfer.export_dialog import ExportDialog

LEFT = Qt.MouseButton.LeftButton


def open_export(window: MainWindow) -> ExportDialog:
    action = window.findChild(QAction, "action_export")
    assert action is not None
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    return dialog


def click(qtbot, dialog: ExportDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(object, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def export(qtbot, dialog: ExportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.choose_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.browse_button, LEFT)
    assert dialog.path_edit.text() == str(path)
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        qtbot.mouseClick(dialog.export_button, LEFT)


def rows(path: Path, delimiter: str = ",", encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    text = path.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_csv_of_one_stage_with_semicolons_for_excel(
    qtbot, people: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(window)
    assert dialog.all_radio.isChecked() and dialog.all_radio.text() == "All contacts (6)"
    assert not dialog.search_radio.isEnabled()  # no search going on
    click(qtbot, dialog, "export_scope_stage")
    dialog.stage_combo.setCurrentIndex(0)  # New: Anna and Jürgen
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(";"))
    target = tmp_path / "new.csv"
    export(qtbot, dialog, target)
    found = rows(target, ";")
    assert [(r["First Name"], r["Last Name"]) for r in found] == [
        ("Anna", "Schmidt"),
        ("Jürgen", "Müller"),
    ]
    assert found[0]["E-mail"] == "anna@acme.de" and found[0]["Tags"] == "vip"
    assert "Exported 2 contacts" in window.statusBar().currentMessage()


def test_vcard_of_the_search_and_json_of_everything(
    qtbot, people: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    window.search.setText("dubois")
    window.apply_search()
    dialog = open_export(window)
    assert dialog.search_radio.isChecked()  # a search is going on: offered first
    assert "(1)" in dialog.search_radio.text()
    click(qtbot, dialog, "export_format_vcard")
    dialog.version_combo.setCurrentIndex(dialog.version_combo.findData("4.0"))
    assert dialog.path_edit.text().endswith(".vcf") and not dialog.delimiter_combo.isEnabled()
    target = tmp_path / "dubois.vcf"
    export(qtbot, dialog, target)
    text = target.read_text("utf-8")
    assert text.count("BEGIN:VCARD") == 1 and "VERSION:4.0" in text and "Dubois" in text
    dialog = open_export(window)
    click(qtbot, dialog, "export_format_json")
    assert not dialog.scope_box.isEnabled()  # JSON always holds everything
    target = tmp_path / "all.json"
    export(qtbot, dialog, target)
    document = json.loads(target.read_text("utf-8"))
    assert len(document["contacts"]) == 6


def test_selected_cards_and_an_existing_file(
    qtbot, session: Session, people: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    window.board.select_ids(Stage.NEW, [people["Anna"], people["Jürgen"]])
    dialog = open_export(window)
    assert dialog.selected_radio.isChecked() and "(2)" in dialog.selected_radio.text()
    target = tmp_path / "picked.csv"
    target.write_text("old")
    dialog.confirm_overwrite = lambda path: False  # type: ignore[method-assign]
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert target.read_text() == "old" and dialog.isVisible()
    dialog.confirm_overwrite = lambda path: True  # type: ignore[method-assign]
    export(qtbot, dialog, target)
    assert sorted(r["First Name"] for r in rows(target)) == ["Anna", "Jürgen"]


def test_a_failed_export_says_why_and_stays_open(
    qtbot, people: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(window)
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "x.csv"))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible())
    assert "could not be written" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()

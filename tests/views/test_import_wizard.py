"""File ▸ Import…: the wizard driven page by page (the file picked through a hook instead of
the native dialog), a changed mapping, duplicates, the import in a worker thread, Cancel
half-way, and Ctrl+Z in the window."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWizard

from salesdesk.domain.errors import NotFoundError
from salesdesk.domain.stages import Stage
from salesdesk.services import import_run
from salesdesk.services.importing import DuplicateAction
from salesdesk.services.session import Session
from salesdesk.views.main_window import MainWindow
from salesdesk.views.transfer.wizard import (
    PAGE_DUPLICATES,
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_OPTIONS,
    PAGE_READ,
    PAGE_RESULT,
    PAGE_SUMMARY,
    ImportWizard,
)

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
FAIR_CSV = (
    "Vorname;Nachname;Firma;E-Mail;Telefon;Lieblingsfarbe;Intern\n"
    "Anna;Schmidt;Acme GmbH;anna@acme.de;0171 2345678;blau;A-1\n"
    "Karl;Klein;Klein KG;karl@klein.de;;grün;B-2\n"
    ";;;;;rot;\n"
    "Ben;Okafor;Okafor Logistics;ben@okafor.ng;030 555555;gelb;C-3\n"
    "Li;Wei;Dragon Trade;li@dragon.cn;;lila;D-4\n"
)


def open_wizard(window: MainWindow) -> ImportWizard:
    action = window.findChild(QAction, "action_import")
    assert action is not None
    action.trigger()
    wizard = window.dialog
    assert isinstance(wizard, ImportWizard)
    return wizard


def pick_file(qtbot, wizard: ImportWizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard.choose_path = lambda: str(path)  # type: ignore[method-assign]
    qtbot.mouseClick(wizard.file_page.browse_button, LEFT)


def next_page(qtbot, wizard: ImportWizard, expected: int) -> None:  # type: ignore[no-untyped-def]
    """Press Next (or Import) and wait for the page (work may run in a thread first)."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage().isCommitPage():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=20000)


@pytest.fixture
def fair_csv(tmp_path: Path) -> Path:
    path = tmp_path / "messe.csv"
    path.write_text(FAIR_CSV, encoding="cp1252")
    return path


def test_csv_import_with_a_changed_mapping_duplicates_and_undo(
    qtbot, session: Session, people: dict[str, int], window: MainWindow, fair_csv: Path
) -> None:
    service = session.service
    wizard = open_wizard(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    pick_file(qtbot, wizard, fair_csv)
    assert "7 columns" in wizard.file_page.info.text()
    next_page(qtbot, wizard, PAGE_READ)
    read = wizard.read_page
    assert read.delimiter_combo.currentData() == ";" and read.header_spin.value() == 1
    assert read.encoding_combo.currentData() == "cp1252"
    assert read.table.item(1, 2).text() == "Klein KG" and read.table.columnCount() == 7
    next_page(qtbot, wizard, PAGE_MAPPING)
    mapping = wizard.mapping_page
    assert mapping.mapping()[:5] == ["first_name", "last_name", "company", "email", "phone"]
    assert mapping.mapping()[5:] == ["note", "note"]  # unknown columns go into the notes
    mapping.set_target(5, "skip")  # the favourite colour is of no interest
    assert "Lieblingsfarbe" not in mapping.contacts.item(0, 5).text()
    assert "Intern: A-1" in mapping.contacts.item(0, 5).text()
    next_page(qtbot, wizard, PAGE_OPTIONS)
    options = wizard.options_page
    assert options.tag_edit.text() == "Import 2026-11-26"
    options.tag_edit.clear()
    qtbot.keyClicks(options.tag_edit, "Messe 2026")
    next_page(qtbot, wizard, PAGE_DUPLICATES)  # rows checked in a thread first
    duplicates = wizard.duplicates_page
    assert sorted(duplicates.combos) == [2, 5, 6]  # Anna, Ben and Li are there already
    duplicates.set_action(5, DuplicateAction.SKIP)
    duplicates.set_action(6, DuplicateAction.NEW)
    next_page(qtbot, wizard, PAGE_SUMMARY)
    summary = wizard.summary_page.text.text()
    assert "2 new contacts" in summary and "1 existing contact filled in" in summary
    assert "1 duplicate skipped" in summary and "1 row cannot be imported" in summary
    next_page(qtbot, wizard, PAGE_RESULT)
    result = wizard.result_page
    assert result.table.rowCount() == 1 and result.table.item(0, 0).text() == "4"
    assert "no name" in result.table.item(0, 1).text()
    karl = next(c for c in service.list_contacts() if c.first_name == "Karl")
    assert karl.tags == ["Messe 2026"] and karl.notes == "Intern: B-2"
    assert karl.source is not None and karl.source.value == "import"
    anna = service.get(people["Anna"])
    assert [p.e164 for p in anna.phones] == ["+491712345678"]  # filled in
    assert "Messe 2026" in anna.tags
    assert service.get(people["Ben"]).phones == []  # skipped
    assert [c.company for c in service.list_contacts() if c.last_name == "Wei"] == [
        "Dragon Trade",
        "Dragon Trade",
    ]  # imported as new next to the stored one
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert not wizard.isVisible()
    assert window.commands.undo.text() == "Undo import of 3 contacts"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    with pytest.raises(NotFoundError):
        service.get(karl.id or 0)
    assert service.get(people["Anna"]).phones == []
    assert len([c for c in service.list_contacts() if c.last_name == "Wei"]) == 1


def test_read_overrides_and_a_saved_mapping(
    qtbot, window: MainWindow, settings: Any, fair_csv: Path, tmp_path: Path
) -> None:
    wizard = open_wizard(window)
    pick_file(qtbot, wizard, fair_csv)
    next_page(qtbot, wizard, PAGE_READ)
    read = wizard.read_page
    read.delimiter_combo.setCurrentIndex(read.delimiter_combo.findData(","))
    assert read.table.columnCount() == 1  # read wrongly: one column
    read.delimiter_combo.setCurrentIndex(read.delimiter_combo.findData(";"))
    read.header_spin.setValue(0)  # no header row: the first row is data
    assert read.table.rowCount() == 6
    read.header_spin.setValue(1)
    next_page(qtbot, wizard, PAGE_MAPPING)
    page = wizard.mapping_page
    page.set_target(5, "tags")
    page.set_target(6, "skip")
    wizard.ask_name = lambda suggestion: "Messe-Liste"  # type: ignore[method-assign]
    qtbot.mouseClick(page.save_button, LEFT)
    assert page.saved_combo.currentText() == "Messe-Liste"
    wizard.reject()
    # the same columns in another order, another day
    other = tmp_path / "again.csv"
    other.write_text("Intern;Lieblingsfarbe;Vorname;Nachname\nX;rot;Eva;Engel\n", "utf-8")
    wizard = open_wizard(window)
    pick_file(qtbot, wizard, other)
    next_page(qtbot, wizard, PAGE_READ)
    next_page(qtbot, wizard, PAGE_MAPPING)
    page = wizard.mapping_page
    assert page.mapping() == ["note", "note", "first_name", "last_name"]
    assert page.saved_combo.currentText() == "Messe-Liste"
    qtbot.mouseClick(page.load_button, LEFT)
    assert page.mapping() == ["skip", "tags", "first_name", "last_name"]
    assert page.contacts.item(0, 4).text() == "rot"
    qtbot.mouseClick(page.delete_button, LEFT)
    assert page.saved_combo.count() == 0 and not page.load_button.isEnabled()


def test_a_file_that_cannot_be_read_is_explained(qtbot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    wizard = open_wizard(window)
    pick_file(qtbot, wizard, empty)
    assert wizard.file_page.error.isVisible() and "empty" in wizard.file_page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.path_edit.setText(str(tmp_path / "missing.csv"))
    wizard.file_page.on_path_typed()
    assert wizard.file is None and wizard.file_page.error.text()


def big_csv(path: Path, rows: int) -> Path:
    lines = ["First Name,Last Name,Company,E-mail"]
    lines += [f"Person{n},Bulk{n},Firm {n % 50},p{n}@bulk.example" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_cancel_half_way_leaves_the_database_as_it_was(
    qtbot, session: Session, people: dict[str, int], window: MainWindow, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    service = session.service
    before = sorted((c.id, c.version) for c in service.cards())
    reached, release = threading.Event(), threading.Event()
    written: list[int] = []
    original = import_run.write_batch

    def gated(*args: Any, **kwargs: Any) -> Any:
        outcome = original(*args, **kwargs)
        written.append(len(outcome.ids))
        if len(written) == 1:  # hold the worker after its first chunk until Cancel
            reached.set()
            release.wait(20)
        return outcome

    monkeypatch.setattr(import_run, "write_batch", gated)
    monkeypatch.setattr(import_run, "CHUNK", 500)
    wizard = open_wizard(window)
    pick_file(qtbot, wizard, big_csv(tmp_path / "big.csv", 3000))
    next_page(qtbot, wizard, PAGE_READ)
    next_page(qtbot, wizard, PAGE_MAPPING)
    next_page(qtbot, wizard, PAGE_OPTIONS)
    next_page(qtbot, wizard, PAGE_SUMMARY)  # no duplicates: straight on
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), LEFT)
    qtbot.waitUntil(reached.is_set, timeout=20000)
    progress = wizard.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: progress.bar.maximum() == 3000, timeout=20000)  # from the worker
    assert window.isVisible()  # and repaints behind the modal progress
    qtbot.mouseClick(progress.cancel_button, LEFT)
    release.set()
    message = wizard.summary_page.message
    qtbot.waitUntil(message.isVisible, timeout=20000)
    assert "cancelled" in message.text() and wizard.currentId() == PAGE_SUMMARY
    assert written == [500]  # one chunk was written, then rolled back
    assert sorted((c.id, c.version) for c in service.cards()) == before
    assert not window.runner.undo_stack.canUndo()
    # trying again imports all of it
    monkeypatch.setattr(import_run, "write_batch", original)
    next_page(qtbot, wizard, PAGE_RESULT)
    assert len(service.cards()) == len(before) + 3000


def test_dropping_a_vcard_onto_the_window_starts_the_wizard(
    qtbot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    source = Path(__file__).parents[1] / "formats" / "samples" / "contacts_30.vcf"
    card = tmp_path / "cards.vcf"
    card.write_bytes(source.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(card))])
    target = window.board.column(Stage.NEW).view.viewport()  # bubbles up from the board
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(20, 20), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "picture.png"))])
    refused = QDragEnterEvent(QPoint(20, 20), actions, other, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPointF(20, 20), actions, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    qtbot.waitUntil(lambda: isinstance(window.dialog, ImportWizard))
    wizard = window.dialog
    assert isinstance(wizard, ImportWizard)
    assert wizard.currentId() == PAGE_FILE and wizard.file_page.path_edit.text() == str(card)
    assert "vCard" in wizard.file_page.info.text()
    next_page(qtbot, wizard, PAGE_OPTIONS)  # a vCard has no columns to map
    next_page(qtbot, wizard, PAGE_SUMMARY)
    next_page(qtbot, wizard, PAGE_RESULT)
    assert wizard.result_ is not None and len(wizard.result_.created) >= 2
    names = {c.display_name for c in session.service.list_contacts()}
    assert "Ольга Смирнова" in names


def test_a_json_backup_comes_back_with_its_stages(
    qtbot, session: Session, people: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    from salesdesk.services.exporting import ExportFormat, export_to_file

    service = session.service
    backup = tmp_path / "backup.json"
    export_to_file(service, backup, ExportFormat.JSON)
    stages = {c.display_name: c.stage for c in service.list_contacts()}
    window.runner.execute(lambda: service.delete(list(people.values())))
    window.runner.execute(service.empty_trash)
    assert service.cards() == []
    wizard = open_wizard(window)
    pick_file(qtbot, wizard, backup)
    next_page(qtbot, wizard, PAGE_OPTIONS)
    options = wizard.options_page
    assert options.stage_combo.currentData() is None  # as in the file
    assert options.tag_edit.text() == ""
    next_page(qtbot, wizard, PAGE_SUMMARY)
    next_page(qtbot, wizard, PAGE_RESULT)
    assert {c.display_name: c.stage for c in service.list_contacts()} == stages
    assert "Import 2026-11-26" not in service.tag_names()


def test_on_an_in_memory_database_the_import_runs_in_place(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from salesdesk.services.session import open_session
    from salesdesk.views.events import AppEvents
    from salesdesk.views.undo import ServiceRunner

    memory = open_session(":memory:", allow_memory=True)
    try:
        runner = ServiceRunner(memory.service, AppEvents())
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        wizard = ImportWizard(runner, settings, str(big_csv(tmp_path / "few.csv", 30)))
        qtbot.addWidget(wizard)
        wizard.show()
        for page in (PAGE_READ, PAGE_MAPPING, PAGE_OPTIONS, PAGE_SUMMARY, PAGE_RESULT):
            next_page(qtbot, wizard, page)
        assert wizard.job is not None and not wizard.job.threaded
        assert len(memory.service.cards()) == 30
        runner.undo()
        assert memory.service.cards() == []
    finally:
        memory.close()


def test_a_spreadsheet_with_a_sheet_choice(qtbot, session: Session, window: MainWindow) -> None:
    from pathlib import Path

    source = Path(__file__).parent.parent / "formats" / "samples" / "contacts.xlsx"
    wizard = open_wizard(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    pick_file(qtbot, wizard, source)
    assert "2 sheets" in wizard.file_page.info.text()
    assert "'Contacts'" in wizard.file_page.info.text()
    next_page(qtbot, wizard, PAGE_READ)
    read = wizard.read_page
    assert read.sheet_combo.isVisible() and read.sheet_combo.currentText() == "Contacts"
    assert not read.encoding_combo.isVisible() and not read.delimiter_combo.isVisible()
    assert read.table.item(0, 5).text() == "10115"
    read.sheet_combo.setFocus()
    qtbot.keyClicks(read.sheet_combo, "R")  # the 'Read me' sheet, typed as a user does
    assert wizard.file is not None and wizard.file.sheet == "Read me"
    assert read.table.columnCount() == 1
    qtbot.keyClick(read.sheet_combo, Qt.Key.Key_Down)  # back to the contacts
    assert wizard.file.sheet == "Contacts" and read.table.columnCount() == 10
    next_page(qtbot, wizard, PAGE_MAPPING)
    next_page(qtbot, wizard, PAGE_OPTIONS)
    next_page(qtbot, wizard, PAGE_SUMMARY)  # no duplicates: straight on
    assert "2 new contacts" in wizard.summary_page.text.text()
    next_page(qtbot, wizard, PAGE_RESULT)
    names = sorted(c.first_name for c in session.service.list_contacts())
    assert names == ["Anna", "Jürgen"]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

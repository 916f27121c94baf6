"""Tools ▸ Find duplicates and the merge dialog, driven as a user does; undo with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from salesdesk.domain.errors import NotFoundError
from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session, open_session
from salesdesk.views.main_window import MainWindow
from salesdesk.views.transfer.background import BackgroundCall
from salesdesk.views.transfer.duplicates_dialog import FindDuplicatesDialog
from salesdesk.views.transfer.merge_dialog import MergeDialog

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def copies(session: Session, people: dict[str, int]) -> dict[str, int]:
    """A second Anna (same e-mail, more data) and a second Jürgen spelled without umlauts."""
    service = session.service
    anna = service.create(
        first_name="Anna",
        last_name="Schmidt",
        company="ACME",
        title="Buyer",
        emails=["ANNA@acme.de", "a.schmidt@gmail.com"],
        tags=["Messe"],
        referred_by=people["Ben"],
    ).ids[0]
    service.move([anna], Stage.PROSPECT)
    juergen = service.create(
        first_name="Juergen", last_name="Mueller", company="Mueller & Soehne"
    ).ids[0]
    return {"Anna": anna, "Juergen": juergen}


def open_duplicates(qtbot, window: MainWindow) -> FindDuplicatesDialog:  # type: ignore[no-untyped-def]
    action = window.findChild(QAction, "action_find_duplicates")
    assert action is not None
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, FindDuplicatesDialog)
    assert dialog.search is not None and dialog.search.threaded  # a file: a worker thread
    qtbot.waitUntil(lambda: dialog.search.done and dialog.tree.topLevelItemCount() > 0)
    return dialog


def click_radio(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its circle (a click right of its text does nothing)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))


def group_names(dialog: FindDuplicatesDialog) -> list[list[str]]:
    tree = dialog.tree
    return [
        [tree.topLevelItem(g).child(c).text(0) for c in range(tree.topLevelItem(g).childCount())]
        for g in range(tree.topLevelItemCount())
    ]


def test_find_duplicates_lists_groups_with_reasons(
    qtbot, copies: dict[str, int], window: MainWindow
) -> None:
    dialog = open_duplicates(qtbot, window)
    assert group_names(dialog) == [
        ["Anna Schmidt", "Anna Schmidt"],
        ["Jürgen Müller", "Juergen Mueller"],
    ]
    heads = [dialog.tree.topLevelItem(n).text(0) for n in range(2)]
    assert heads == [
        "2 contacts: same e-mail, same name at the same company",
        "2 contacts: same name at the same company",
    ]
    assert dialog.summary.text().startswith("2 group(s)")
    assert dialog.merge_button.isEnabled()


def test_merge_picks_fields_keeps_all_and_undoes_with_ctrl_z(
    qtbot, session: Session, people: dict[str, int], copies: dict[str, int], window: MainWindow
) -> None:
    service = session.service
    dialog = open_duplicates(qtbot, window)
    first = dialog.tree.topLevelItem(0)
    dialog.tree.setCurrentItem(first.child(1))  # a member selects its group too
    qtbot.mouseClick(dialog.merge_button, LEFT)
    merge = dialog.merge_dialog
    assert isinstance(merge, MergeDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is merge)
    # defaults: the first record's values, the other's where the first has none
    assert merge.findChild(object, "pick_title_1").isChecked()
    assert merge.findChild(object, "pick_company_0").isChecked()
    assert merge.findChild(object, "same_first_name").text() == "Anna"
    click_radio(qtbot, merge.findChild(object, "pick_company_1"))
    click_radio(qtbot, merge.findChild(object, "pick_stage_1"))
    assert "a.schmidt@gmail.com" in merge.findChild(object, "union_emails_1").text()
    qtbot.mouseClick(merge.merge_button, LEFT)
    qtbot.waitUntil(lambda: dialog.merge_dialog is None)
    kept = service.get(people["Anna"])
    assert kept.company == "ACME" and kept.title == "Buyer" and kept.stage is Stage.PROSPECT
    assert [e.value for e in kept.emails] == ["anna@acme.de", "a.schmidt@gmail.com"]
    assert kept.tags == ["Messe", "vip"] and kept.rating.value == "hot"
    with pytest.raises(NotFoundError):
        service.get(copies["Anna"])
    assert group_names(dialog) == [["Jürgen Müller", "Juergen Mueller"]]  # the list keeps up
    assert "Merged 2 contacts into Anna Schmidt" in window.statusBar().currentMessage()
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert service.get(copies["Anna"]).title == "Buyer"
    assert service.get(people["Anna"]).company == "Acme GmbH"
    assert service.get(people["Anna"]).stage is Stage.NEW
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    with pytest.raises(NotFoundError):
        service.get(copies["Anna"])


def test_keeping_the_other_record_and_a_refused_merge(
    qtbot, session: Session, people: dict[str, int], copies: dict[str, int], window: MainWindow
) -> None:
    service = session.service
    merge = MergeDialog(window.runner, [people["Anna"], copies["Anna"]], window)
    qtbot.addWidget(merge)
    merge.show()
    click_radio(qtbot, merge.findChild(object, "keep_1"))
    assert merge.findChild(object, "pick_company_1").isChecked()  # defaults follow the keeper
    merge.pick("rating", 0)
    # meanwhile the first Anna refers Ben, who referred the second: merging would make a circle
    service.update(people["Ben"], {"referred_by": people["Anna"]})
    qtbot.mouseClick(merge.merge_button, LEFT)
    assert merge.isVisible() and "circle" in merge.error_label.text()
    service.update(people["Ben"], {"referred_by": None})
    qtbot.mouseClick(merge.merge_button, LEFT)
    assert not merge.isVisible() and merge.merged_id == copies["Anna"]
    kept = service.get(copies["Anna"])
    assert kept.rating.value == "hot" and kept.company == "ACME"
    with pytest.raises(NotFoundError):
        service.get(people["Anna"])


def test_background_call_in_a_thread_and_in_place(qtbot, session: Session, tmp_path: Path) -> None:
    done: list[object] = []
    call = BackgroundCall(session.service, lambda: session.service.counts())
    call.succeeded.connect(done.append)
    call.start()
    qtbot.waitUntil(lambda: bool(done))
    call.wait()
    assert call.threaded and isinstance(done[0], dict)
    memory = open_session(":memory:", allow_memory=True)
    try:
        failures: list[object] = []
        in_place = BackgroundCall(memory.service, lambda: 1 / 0)
        in_place.failed.connect(failures.append)
        in_place.start()
        assert not failures  # delivered later, as from a thread
        qtbot.waitUntil(lambda: bool(failures))
        assert not in_place.threaded and isinstance(failures[0], ZeroDivisionError)
    finally:
        memory.close()

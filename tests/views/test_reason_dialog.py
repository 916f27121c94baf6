"""The one "why Unqualified" dialog on its own, driven from the keyboard and the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.domain.stages import UnqualifiedReason
from salesdesk.views.dialogs.reason import ReasonDialog, with_mnemonic

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def dialog(qtbot) -> ReasonDialog:  # type: ignore[no-untyped-def]
    widget = ReasonDialog("Anna Berg")
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def focused() -> QWidget:
    return QApplication.focusWidget()


def test_opens_on_the_first_choice_with_nothing_chosen(dialog: ReasonDialog) -> None:
    assert "Anna Berg" in dialog.ui.intro_label.text()
    assert focused() is dialog.buttons[UnqualifiedReason.NO_BUDGET]
    assert dialog.choices.checkedButton() is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.reason() == ""


def test_arrow_keys_choose_as_they_move(qtbot, dialog: ReasonDialog) -> None:
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.buttons[UnqualifiedReason.NO_NEED].isChecked()
    assert focused() is dialog.buttons[UnqualifiedReason.NO_NEED]
    assert dialog.ok_button.isEnabled()
    assert dialog.reason() == UnqualifiedReason.NO_NEED.value
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)  # already at the top: stays
    assert dialog.buttons[UnqualifiedReason.NO_BUDGET].isChecked()
    assert focused() is dialog.buttons[UnqualifiedReason.NO_BUDGET]


def test_down_past_the_choices_goes_to_something_else_and_its_line(
    qtbot, dialog: ReasonDialog
) -> None:
    for _ in UnqualifiedReason:
        press(qtbot, Qt.Key.Key_Down)
    assert dialog.other.isChecked()
    assert focused() is dialog.details
    assert dialog.details.placeholderText() == "Write the reason here"
    assert not dialog.ok_button.isEnabled()  # "Something else" needs the text
    qtbot.keyClicks(focused(), "  Moved   abroad ")
    assert dialog.reason() == "Moved abroad"
    press(qtbot, Qt.Key.Key_Up)  # back to the list, on the chosen entry
    assert focused() is dialog.other
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.buttons[UnqualifiedReason.UNREACHABLE].isChecked()
    assert dialog.reason() == "unreachable: Moved abroad"  # the line is now its details


def test_alt_letter_chooses_and_details_are_added(qtbot, dialog: ReasonDialog) -> None:
    button = dialog.buttons[UnqualifiedReason.BAD_TIMING]
    assert button.text() == "&Bad timing"
    press(qtbot, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(button.isChecked)  # a mnemonic clicks the button (animated)
    assert dialog.details.placeholderText() == "Optional"
    press(qtbot, Qt.Key.Key_D, ALT)
    assert focused() is dialog.details
    qtbot.keyClicks(focused(), "after the summer")
    assert dialog.reason() == "bad timing: after the summer"
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)


def test_mouse_click_and_tab_order(qtbot, dialog: ReasonDialog) -> None:
    button = dialog.buttons[UnqualifiedReason.COMPETITOR]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert dialog.reason() == UnqualifiedReason.COMPETITOR.value
    press(qtbot, Qt.Key.Key_Tab)  # one tab stop for the whole group of choices
    assert focused() is dialog.details
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.ok_button


def test_escape_cancels(qtbot, dialog: ReasonDialog) -> None:
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.rejected):
        press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_several_contacts_are_named_by_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = ReasonDialog(3)
    qtbot.addWidget(widget)
    assert widget.ui.intro_label.text().startswith("Why are these 3 contacts not a fit")


def test_mnemonics_are_unique_in_any_language() -> None:
    used = {"d"}  # "&Details:" is taken
    german = [
        "Kein Budget",
        "Kein Bedarf",
        "Keine Kaufbefugnis",
        "Falscher Zeitpunkt",
        "Hat sich für die Konkurrenz entschieden",
        "Nicht erreichbar",
        "Etwas anderes",
    ]
    marked = [with_mnemonic(text, used) for text in german]
    letters = [m[m.index("&") + 1].lower() for m in marked]
    assert len(set(letters)) == len(letters) and "d" not in letters
    assert marked[:2] == ["&Kein Budget", "Kein &Bedarf"]  # word starts first
    assert with_mnemonic("R&D", set()) == "&R&&D"  # a literal '&' stays one
    assert with_mnemonic("R&D", {"r", "d"}) == "R&&D"  # no free letter: no mnemonic

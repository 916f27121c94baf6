"""The mouse wheel over an input the user has not focused changes nothing and scrolls the pane
instead: every combo box, spin box, date edit of the detail pane and of the dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QTableWidget,
    QWidget,
)

from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.views import app as app_module
from salesdesk.views.follow_up_dialog import FollowUpDialog
from salesdesk.views.log_dialog import LogDialog
from salesdesk.views.wheel_guard import WheelGuard

NOTCH = 120  # one notch of a usual mouse wheel, in eighths of a degree


def wheel_over(widget: QWidget, notches: int) -> None:
    """Turn the wheel with the pointer over the middle of ``widget``: the event goes to the
    deepest widget there (for a spin box: its line edit), as the window would deliver it.
    Positive ``notches`` turn it away from the user (up)."""
    window = widget.window()
    at_window = widget.mapTo(window, widget.rect().center())
    target = window.childAt(at_window) or window
    local = target.mapFrom(window, at_window)
    event = QWheelEvent(
        QPointF(local),
        QPointF(target.mapToGlobal(local)),
        QPoint(0, 0),
        QPoint(0, notches * NOTCH),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def inputs(root: QWidget) -> list[QWidget]:
    """The visible combo boxes, spin boxes (date/time edits too) and sliders under ``root``."""
    found: list[QWidget] = []
    for kind in (QComboBox, QAbstractSpinBox, QAbstractSlider):
        found += [
            w
            for w in root.findChildren(kind)
            if w.isVisibleTo(root) and not isinstance(w, QScrollBar)
        ]
    return found


def state(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


@pytest.fixture
def unqualified(service: ContactService) -> int:
    contact_id = service.create(
        first_name="Uma",
        last_name="Unger",
        company="Umbra AG",
        gender="female",
        rating="warm",
        source="referral",
        emails=[
            {"value": "uma@umbra.de", "label": "work", "primary": True},
            {"value": "uma@home.de", "label": "home"},
        ],
        phones=["030 1234567", "0171 2345678"],
        consent={"email_ok": True, "at": dt.datetime(2026, 5, 1, tzinfo=dt.UTC), "how": "fair"},
    ).ids[0]
    service.move([contact_id], Stage.UNQUALIFIED, reason="no budget")
    return contact_id


def test_app_start_installs_the_guard_once(request) -> None:
    # application() names the app for QSettings: give the shared test app its old names back
    # so that no later test can reach the user's real settings
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    request.addfinalizer(lambda: QCoreApplication.setOrganizationName(names[0]))
    request.addfinalizer(lambda: QCoreApplication.setApplicationName(names[1]))
    app = app_module.application()
    assert app is QApplication.instance()
    assert len(app.findChildren(WheelGuard)) == 1
    app_module.application()
    assert len(app.findChildren(WheelGuard)) == 1


def test_the_wheel_over_any_unfocused_input_of_the_pane_only_scrolls(
    qtbot, pane, unqualified, service
) -> None:
    pane.resize(420, 500)  # short enough that the pane scrolls
    pane.show_contact(unqualified)
    pane.ui.first_name_edit.setFocus()
    qtbot.waitUntil(pane.ui.first_name_edit.hasFocus)
    before, history = service.get(unqualified), service.history(unqualified)
    area = pane.ui.scroll_area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    widgets = inputs(pane)
    names = {w.objectName() for w in widgets}
    assert {"stage_combo", "gender_combo", "rating_combo", "source_combo"} <= names
    assert "consent_date_edit" in names
    assert len(widgets) >= 8  # and the label combos of the e-mail and phone rows
    scrolled = 0
    for widget in widgets:
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.objectName()
        shown = state(widget)
        for notches in (1, -1):  # up (Unqualified -> Nurturing), down (-> Prospect)
            area.ensureWidgetVisible(widget)  # the last notch may have scrolled it away
            top = bar.value()
            wheel_over(widget, notches)
            assert state(widget) == shown, widget.objectName()
            limit = bar.minimum() if notches > 0 else bar.maximum()
            if top != limit:
                assert bar.value() != top, f"{widget.objectName()} kept the wheel"
            scrolled += bar.value() != top
        assert not widget.hasFocus()
    assert scrolled >= len(widgets)  # every input passed on at least one of its two notches
    assert service.get(unqualified) == before
    assert service.history(unqualified) == history
    assert pane.ui.stage_combo.currentData() is Stage.UNQUALIFIED


def test_a_focused_combo_still_takes_the_wheel(qtbot, pane, unqualified, service) -> None:
    pane.show_contact(unqualified)
    combo = pane.ui.rating_combo
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    wheel_over(combo, 1)
    assert combo.currentIndex() == index - 1
    qtbot.waitUntil(lambda: service.get(unqualified).rating.value != "warm")


def test_the_wheel_over_unfocused_inputs_of_dialogs_changes_nothing(qtbot) -> None:
    today = dt.datetime(2026, 11, 26, 9, 0)
    dialogs = [
        LogDialog("Log with Uma", lambda _i: None, today),
        FollowUpDialog("Follow up with Uma", lambda _f: None, today.date()),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        widgets = inputs(dialog)
        assert widgets, type(dialog).__name__
        for widget in widgets:
            assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
            if widget.hasFocus():
                continue
            shown = state(widget)
            wheel_over(widget, 1)
            wheel_over(widget, -1)
            assert state(widget) == shown, f"{type(dialog).__name__}.{widget.objectName()}"


def test_a_combo_in_a_table_row_scrolls_the_table(qtbot) -> None:
    """As in the import wizard's column mapping: one combo per row of a table."""
    table = QTableWidget(40, 1)
    qtbot.addWidget(table)
    table.resize(300, 200)
    for row in range(40):
        combo = QComboBox()
        combo.addItems(["Skip", "First name", "Last name"])
        table.setCellWidget(row, 0, combo)
    table.show()
    qtbot.waitExposed(table)
    bar = table.verticalScrollBar()
    combo = table.cellWidget(2, 0)
    wheel_over(combo, -1)
    assert combo.currentIndex() == 0
    assert bar.value() > 0

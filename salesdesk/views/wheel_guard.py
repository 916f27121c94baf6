"""WheelGuard: the mouse wheel never changes a combo box, spin box, date edit or slider that
the user has not focused; it scrolls the pane under the pointer instead. Installed once on
the QApplication (``install``), so every pane and dialog gets it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

# QDateTimeEdit (and QDateEdit, QTimeEdit) is a QAbstractSpinBox
GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    """Whether ``widget`` is an input the wheel may only change while it has the focus.
    Scroll bars are sliders too, but turning the wheel over one is meant to scroll."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _guarded_owner(widget: QWidget) -> QWidget | None:
    """The guarded input ``widget`` belongs to (itself, or e.g. a spin box around its line
    edit), looking no further than its window."""
    current: QWidget | None = widget
    while current is not None:
        if is_guarded(current):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def _has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return widget.hasFocus() or (focus is not None and widget.isAncestorOf(focus))


class WheelGuard(QObject):
    """Application event filter. On Polish it turns WheelFocus into StrongFocus (a wheel
    must not hand an input the focus, which would let the next notch through); on Wheel over
    an unfocused input it swallows the event and hands it to the scroll areas around it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if not isinstance(watched, QWidget):
                return False
            owner = _guarded_owner(watched)
            if owner is None or _has_focus(owner):
                return False
            assert isinstance(event, QWheelEvent)
            _scroll_around(owner, event)
            event.accept()  # handled: Qt must not offer it to the input's parents as well
            return True
        if kind == QEvent.Type.Polish and is_guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _scroll_around(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the nearest scroll area around ``widget``; one that is already at
    its end passes it on to the next one out."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
            forwarded = QWheelEvent(
                position,
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
                event.pointingDevice(),
            )
            forwarded.setAccepted(False)
            QApplication.sendEvent(viewport, forwarded)
            if forwarded.isAccepted():
                return
        if parent.isWindow():
            return
        parent = parent.parentWidget()


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (again: the one already installed)."""
    found = app.findChild(WheelGuard, "wheel_guard")
    if isinstance(found, WheelGuard):
        return found
    guard = WheelGuard(app)
    guard.setObjectName("wheel_guard")
    app.installEventFilter(guard)
    return guard

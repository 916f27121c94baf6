"""Clicking a link inside a rich-text QLabel the way a user does: find where the mouse
pointer turns into a hand over the link, then click there."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

STEP = 3  # pixels between probed points


def link_point(label: QLabel, href: str) -> QPoint:
    """A point of ``label`` over the link to ``href`` (the label must be shown)."""
    text = label.text()
    assert f'href="{href}"' in text or f"href='{href}'" in text, f"no link {href!r} in {text!r}"
    window = label.window().windowHandle()
    assert window is not None, "the label is not shown"
    hovered: list[str] = []
    label.linkHovered.connect(hovered.append)
    try:
        rect = label.contentsRect()
        for y in range(rect.top() + 1, rect.bottom(), STEP):
            for x in range(rect.left() + 1, rect.right(), STEP):
                # Moved on the label's own window: the widget overload moves the pointer
                # globally, where another window may lie on top (offscreen has no stacking).
                QTest.mouseMove(window, label.mapTo(label.window(), QPoint(x, y)))
                if hovered and hovered[-1] == href:
                    return QPoint(x, y)
    finally:
        label.linkHovered.disconnect(hovered.append)
    raise AssertionError(f"no point of the label is over the link {href!r}")


def click_link(label: QLabel, href: str) -> None:
    """Move the mouse over the link to ``href`` and click it with the left button."""
    QTest.mouseClick(label, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     link_point(label, href))  # fmt: skip


def alive(widget: object) -> bool:
    """Whether the Qt object behind ``widget`` still exists (not deleted by deleteLater)."""
    import shiboken6

    return bool(shiboken6.isValid(widget))


def closed(widget: object) -> bool:
    """Whether a dialog is closed: hidden, or already deleted (deleteLater after finishing)."""
    return not alive(widget) or not widget.isVisible()  # type: ignore[attr-defined]

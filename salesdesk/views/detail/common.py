"""Small widgets shared by the detail pane: field messages, notes edit, palette-aware icons."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget


def is_dark(palette: QPalette) -> bool:
    """True when the window background of ``palette`` is dark."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    """A red that reads well on the palette's window colour (Qt has no 'error' role)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#c62828")


def warning_color(palette: QPalette) -> QColor:
    """An amber that reads well on the palette's window colour."""
    return QColor("#ffd54f") if is_dark(palette) else QColor("#8a5a00")


def tinted_icon(path: str, color: QColor, size: int = 16) -> QIcon:
    """The SVG at ``path`` painted in ``color`` (so icons follow light and dark palettes)."""
    icon = QIcon()
    for scale in (1, 2):
        source = QIcon(path).pixmap(QSize(size * scale, size * scale))
        pixmap = QPixmap(source.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, source)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), color)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


def text_icon(path: str, widget: QWidget, size: int = 16) -> QIcon:
    """``tinted_icon`` in the widget's button text colour."""
    return tinted_icon(path, widget.palette().color(QPalette.ColorRole.ButtonText), size)


class FieldMessage(QLabel):
    """A validation message under a field: red, word-wrapped, hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._apply_colour()
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colour()
        super().changeEvent(event)

    def _apply_colour(self) -> None:
        colour = error_color(self.palette())
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != colour:
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


class NotesEdit(QPlainTextEdit):
    """A plain-text editor that says when the user leaves it, like QLineEdit.editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.editing_finished.emit()

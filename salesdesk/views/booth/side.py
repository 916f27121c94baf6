"""The booth window's side: today's counts, the last captures (to correct one) and the
rep's own contact as a QR code for visitors to scan."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSizePolicy, QWidget

from salesdesk.domain.contact import Rating
from salesdesk.services.booth import RecentCapture
from salesdesk.views.channels import short_time


class QrView(QWidget):
    """Paints QR modules (dark True) with a quiet zone of four modules, black on white."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rep_qr")
        self.modules: list[list[bool]] = []
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_modules(self, modules: list[list[bool]]) -> None:
        self.modules = modules
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(220, 220)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self.modules:
            return
        painter = QPainter(self)
        count = len(self.modules) + 8  # four light modules on each side
        side = min(self.width(), self.height())
        size = side / count
        left = (self.width() - side) / 2
        top = (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    # a hair of overlap so no seams show between modules when scaled
                    painter.drawRect(QRectF(left + (x + 4) * size, top + (y + 4) * size,
                                            size + 0.5, size + 0.5))  # fmt: skip
        painter.end()


class RecentList(QListWidget):
    """The last captures, newest first; ``chosen(contact id)`` when one is to be corrected."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_captures")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Up from the form walks it instead
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self._on_clicked)

    def show_captures(self, captures: list[RecentCapture], hot: str) -> None:
        self.clear()
        for item in captures:
            when = short_time(item.capture.at.astimezone().time())  # the user's clock format
            company = f", {item.company}" if item.company else ""
            mark = "● " if item.rating is Rating.HOT else "○ "
            entry = QListWidgetItem(f"{mark}{when}  {item.name}{company}", self)
            if item.rating is Rating.HOT:
                entry.setToolTip(hot)
            entry.setData(Qt.ItemDataRole.UserRole, item.capture.contact_id)

    def contact_at(self, row: int) -> int | None:
        item = self.item(row)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.setCurrentItem(item)
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

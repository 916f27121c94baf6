"""ColumnHeader: a stage column's title, card count, attention badges and value sum."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from salesdesk.domain.stages import Stage
from salesdesk.views.board.attention import badge_row_height, paint_badges
from salesdesk.views.board.delegate import mix
from salesdesk.views.board.labels import stage_label


class ColumnHeader(QWidget):
    """Stage name and card count ("12 of 340" while searching); a click folds the column."""

    clicked = Signal()

    def __init__(self, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"column_header_{stage.value}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._title = stage_label(stage)
        self._count = "0"
        self._attention: tuple[int, int] = (0, 0)  # overdue follow-ups, contacts going stale
        self._attention_text = ""
        self._value, self._value_full = "", ""  # expected value sums (views/board/values.py)
        self._sync()

    def set_attention(self, overdue: int, stale: int, text: str) -> None:
        """Show how many cards here are overdue or going stale (``text`` says it in words)."""
        self._attention = (overdue, stale)
        self._attention_text = text
        self._sync()
        self.update()

    def set_value(self, short: str, full: str) -> None:
        """Show the expected value of the column's contacts (``full`` in the tooltip)."""
        self._value, self._value_full = short, full
        self._sync()
        self.update()

    def value_text(self) -> str:
        return self._value

    def attention(self) -> tuple[int, int]:
        return self._attention

    def set_count(self, count_text: str) -> None:
        self._count = count_text
        self._sync()
        self.update()

    def title(self) -> str:
        return self._title

    def count_text(self) -> str:
        return self._count

    def text(self) -> str:
        return f"{self._title} {self._count}"

    def _sync(self) -> None:
        extra = f", {self._attention_text}" if self._attention_text else ""
        value = f", {self._value}" if self._value else ""
        self.setAccessibleName(self.text() + extra + value)
        tips = [self._attention_text, self._value_full, self.tr("Click to fold this column")]
        self.setToolTip("\n".join(t for t in tips if t))

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetrics(self.font())
        width = fm.horizontalAdvance(self.text()) + 3 * fm.height()
        return QSize(width, fm.height() * 2 + badge_row_height(fm))  # a row for the badges

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(4 * QFontMetrics(self.font()).height(), self.sizeHint().height())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def badge_area(self) -> tuple[QRect, str]:
        """Where the attention badges go (under the title) and the value text that shares
        their row at its right (elided to half the row at most)."""
        fm = QFontMetrics(self.font())
        pad = fm.height() // 2
        row = fm.height() * 2
        badges = QRect(pad, row - 2, max(self.width() - 2 * pad, 0), badge_row_height(fm))
        if not self._value:
            return badges, ""
        value = fm.elidedText(self._value, Qt.TextElideMode.ElideRight, badges.width() // 2)
        badges.setRight(badges.right() - fm.horizontalAdvance(value) - pad)
        return badges, value

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = QFontMetrics(self.font())
        pad = fm.height() // 2
        count_width = fm.horizontalAdvance(self._count) + pad * 2
        row = fm.height() * 2  # the title row; the attention badges go under it
        pill = QRect(
            self.width() - pad - count_width,
            (row - fm.height()) // 2 - 1,
            count_width,
            fm.height() + 2,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.12)
        )
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self._count)
        bold = self.font()
        bold.setBold(True)
        badges, value = self.badge_area()
        if value:  # right of the badges, which give way (badge_layout)
            painter.setPen(mix(pal.color(QPalette.ColorRole.WindowText),
                               pal.color(QPalette.ColorRole.Window), 0.3))  # fmt: skip
            row_rect = QRect(badges.left(), badges.top(), self.width() - 2 * pad,
                             badges.height())  # fmt: skip
            painter.drawText(row_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             value)  # fmt: skip
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        paint_badges(painter, badges, fm, self._attention, pal)
        painter.setFont(bold)
        title_rect = QRect(pad, 0, max(pill.left() - 2 * pad, 0), row)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(
                self._title, Qt.TextElideMode.ElideRight, title_rect.width()
            ),
        )

"""Column header badges: how many cards of a column have an overdue follow-up or go stale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from salesdesk.views.detail.common import error_color


def badge_row_height(fm: QFontMetrics) -> int:
    return fm.height() + 2


def badge_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """(overdue, stale) badge fills that read on the palette's window colour."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return error_color(palette), QColor("#e0a030" if dark else "#b86e00")


def _texts(counts: tuple[int, int]) -> list[str]:
    overdue, stale = counts
    return [
        QCoreApplication.translate("ColumnHeader", "%1 overdue").replace("%1", f"{overdue:,}"),
        QCoreApplication.translate("ColumnHeader", "%1 stale").replace("%1", f"{stale:,}"),
    ]


def paint_badges(
    painter: QPainter, area: QRect, fm: QFontMetrics, counts: tuple[int, int], palette: QPalette
) -> None:
    """Small pills '3 overdue' and '5 stale' from the left of ``area`` (just the numbers,
    each after a clock, when the words do not fit); nothing for a zero."""
    icon = round(fm.height() * 0.6)
    pad = fm.height() // 4 + 1
    gap = max(fm.height() // 3, 3)
    words = _texts(counts)
    numbers = [f"{n:,}" for n in counts]
    for texts in (words, numbers):
        widths = [
            pad + icon + 3 + fm.horizontalAdvance(t) + pad if n else 0
            for t, n in zip(texts, counts, strict=True)
        ]
        if sum(widths) + gap <= area.width() or texts is numbers:
            break
    painter.save()
    x = area.left()
    for count, text, width, colour in zip(counts, texts, widths, badge_colours(palette),
                                          strict=True):  # fmt: skip
        if not count:
            continue
        rect = QRect(x, area.top(), width, area.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        ink = QColor(Qt.GlobalColor.black if colour.lightness() > 150 else Qt.GlobalColor.white)
        _paint_clock(painter, QRect(x + pad, rect.center().y() - icon // 2, icon, icon), ink)
        painter.setPen(ink)
        painter.drawText(rect.adjusted(pad + icon + 3, 0, -pad, 0), Qt.AlignmentFlag.AlignCenter,
                         text)  # fmt: skip
        x = rect.right() + gap
    painter.restore()


def _paint_clock(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """A small clock face: the badges are about time (due, or quiet for too long)."""
    pen = QPen(colour)
    pen.setWidthF(max(rect.width() / 8, 1.0))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
    centre = QRectF(rect).center()
    painter.drawLine(centre, QPointF(centre.x(), rect.top() + rect.height() * 0.22))
    painter.drawLine(centre, QPointF(rect.left() + rect.width() * 0.75, centre.y()))

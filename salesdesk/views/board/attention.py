"""Column header badges: how many cards of a column have an overdue follow-up or go stale."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from salesdesk.views.detail.common import error_color


def badge_row_height(fm: QFontMetrics) -> int:
    return fm.height() + 2


def badge_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """(overdue, stale) badge fills that read on the palette's window colour."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return error_color(palette), QColor("#e0a030" if dark else "#b86e00")


def _texts(counts: tuple[int, int], short: bool) -> list[str]:
    overdue, stale = counts
    if short:  # when two badges share a narrow column (a laptop with the pane open)
        pair = (QCoreApplication.translate("ColumnHeader", "%1 late"),
                QCoreApplication.translate("ColumnHeader", "%1 quiet"))  # fmt: skip
    else:
        pair = (QCoreApplication.translate("ColumnHeader", "%1 overdue"),
                QCoreApplication.translate("ColumnHeader", "%1 stale"))  # fmt: skip
    return [pair[0].replace("%1", f"{overdue:,}"), pair[1].replace("%1", f"{stale:,}")]


class BadgeLayout(NamedTuple):
    """What the badges of one header show: a text and a width each (0: not shown), and
    whether each starts with the clock."""

    texts: list[str]
    widths: list[int]
    icons: bool


def badge_layout(width: int, fm: QFontMetrics, counts: tuple[int, int]) -> BadgeLayout:
    """The first of these that fits in ``width``: the words with the clocks ('3 overdue',
    '5 stale'), the words alone, the short words ('3 late', '5 quiet'), the numbers after
    their clocks (the tooltip still says it in words)."""
    icon = round(fm.height() * 0.6)
    pad = fm.height() // 4 + 1
    gap = max(fm.height() // 3, 3)
    tiers = (
        (_texts(counts, short=False), True),
        (_texts(counts, short=False), False),
        (_texts(counts, short=True), False),
        ([f"{n:,}" for n in counts], True),
    )
    layout = BadgeLayout([], [], True)
    for texts, icons in tiers:
        extra = icon + 3 if icons else 0
        widths = [pad + extra + fm.horizontalAdvance(t) + pad if n else 0
                  for t, n in zip(texts, counts, strict=True)]  # fmt: skip
        layout = BadgeLayout(texts, widths, icons)
        if sum(widths) + gap * (sum(1 for w in widths if w) - 1) <= width:
            break
    return layout


def paint_badges(
    painter: QPainter, area: QRect, fm: QFontMetrics, counts: tuple[int, int], palette: QPalette
) -> None:
    """Small pills '3 overdue' and '5 stale' from the left of ``area``, in as many words as
    fit (badge_layout); nothing for a zero."""
    icon = round(fm.height() * 0.6)
    pad = fm.height() // 4 + 1
    gap = max(fm.height() // 3, 3)
    layout = badge_layout(area.width(), fm, counts)
    painter.save()
    x = area.left()
    for count, text, width, colour in zip(counts, layout.texts, layout.widths,
                                          badge_colours(palette), strict=True):  # fmt: skip
        if not count:
            continue
        rect = QRect(x, area.top(), width, area.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        ink = QColor(Qt.GlobalColor.black if colour.lightness() > 150 else Qt.GlobalColor.white)
        inset = pad
        if layout.icons:
            _paint_clock(painter, QRect(x + pad, rect.center().y() - icon // 2, icon, icon), ink)
            inset += icon + 3
        painter.setPen(ink)
        painter.drawText(rect.adjusted(inset, 0, -pad, 0), Qt.AlignmentFlag.AlignCenter, text)
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

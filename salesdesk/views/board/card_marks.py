"""What a card shows of conversations: the next follow-up as a chip (red when overdue, in the
accent colour when due today) and the engagement level as three small bars."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette

from salesdesk.domain.agenda import Due, due_state
from salesdesk.domain.engagement import Level, level_at
from salesdesk.domain.interactions import FollowUp
from salesdesk.services.contacts import Card
from salesdesk.views.channels import follow_up_when, relative_day, short_date
from salesdesk.views.detail.common import error_color

LEVEL_BARS = {Level.NONE: 0, Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}


class CardMarks(NamedTuple):
    """A card's time-dependent marks at one moment (also part of the picture cache key)."""

    follow_up_text: str
    due: Due | None
    level: Level


def follow_up_of(card: Card) -> FollowUp | None:
    if not card.follow_up_on:
        return None
    raw = card.follow_up_on
    day = raw if isinstance(raw, dt.date) else dt.date.fromisoformat(str(raw)[:10])
    clock = dt.time.fromisoformat(card.follow_up_time) if card.follow_up_time else None
    return FollowUp(day, clock)


def marks_of(card: Card, now_local: dt.datetime) -> CardMarks:
    follow_up = follow_up_of(card)
    level = level_at(card.engagement, now_local) if card.engagement else Level.NONE
    if follow_up is None:
        return CardMarks("", None, level)
    return CardMarks(chip_text(follow_up, now_local.date()), due_state(follow_up, now_local), level)


def chip_text(follow_up: FollowUp, today: dt.date) -> str:
    """Short, for a card: 'today 10:00', 'tomorrow', 'yesterday', else '24 Nov'."""
    delta = (follow_up.due_on - today).days
    if delta == 0:
        return follow_up_when(follow_up, today)
    if abs(delta) == 1:
        return relative_day(follow_up.due_on, today)
    return short_date(follow_up.due_on, today)


def follow_up_width(marks: CardMarks, fm: QFontMetrics, height: int) -> int:
    """How wide the follow-up chip is (0: no follow-up)."""
    return 0 if marks.due is None else fm.horizontalAdvance(marks.follow_up_text) + height


def paint_follow_up(
    painter: QPainter, marks: CardMarks, fm: QFontMetrics, palette: QPalette, right: int,
    top: int, height: int,
) -> int:  # fmt: skip
    """The follow-up chip, right-aligned at ``right``; returns its left edge."""
    if marks.due is None:
        return right
    text = marks.follow_up_text
    width = follow_up_width(marks, fm, height)
    chip = QRectF(right - width, top, width, height)
    base = palette.color(QPalette.ColorRole.Base)
    ink = palette.color(QPalette.ColorRole.Text)
    if marks.due is Due.OVERDUE:
        fill, pen = error_color(palette), QColor(Qt.GlobalColor.white)
    elif marks.due is Due.TODAY:
        fill = palette.color(QPalette.ColorRole.Highlight)
        pen = palette.color(QPalette.ColorRole.HighlightedText)
    else:
        fill = QColor(
            round(base.red() * 0.88 + ink.red() * 0.12),
            round(base.green() * 0.88 + ink.green() * 0.12),
            round(base.blue() * 0.88 + ink.blue() * 0.12),
        )
        pen = ink
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(chip, height / 2, height / 2)
    painter.setPen(pen)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return int(chip.left())


def paint_level(painter: QPainter, level: Level, palette: QPalette, right: int, top: int,
                height: int) -> int:  # fmt: skip
    """Three bars, as many filled as the level (none: nothing); returns the left edge."""
    filled = LEVEL_BARS[level]
    if not filled:
        return right
    bar = max(height // 6, 2)
    gap = max(bar // 2, 1)
    left = right - 3 * bar - 2 * gap
    on = palette.color(QPalette.ColorRole.Highlight)
    off = palette.color(QPalette.ColorRole.Mid)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for n in range(3):
        tall = round(height * (0.45 + 0.25 * n))
        rect = QRect(left + n * (bar + gap), top + height - tall, bar, tall)
        painter.setBrush(on if n < filled else off)
        painter.drawRect(rect)
    painter.restore()
    return left

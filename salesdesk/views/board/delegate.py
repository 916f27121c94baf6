"""CardDelegate: paints one contact card (avatar, name, company, rating, contact, tags)."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from salesdesk.services.contacts import Card
from salesdesk.views.board.card_marks import (
    CardMarks,
    follow_up_width,
    marks_of,
    paint_follow_up,
    paint_level,
)
from salesdesk.views.board.labels import rating_label
from salesdesk.views.board.models import CARD_ROLE

RATING_COLOURS = {
    "hot": QColor(0xC6, 0x28, 0x28),
    "warm": QColor(0xC2, 0x62, 0x0A),
    "cold": QColor(0x1F, 0x6F, 0xB5),
}
PHONE_MARK = "\u260e"  # a telephone; DejaVu and the usual UI fonts have it
MAIL_MARK = "\u2709"  # an envelope
CACHE_SIZE = 120  # card pictures kept: a few screens' worth
MIN_CARD_LINES = 8  # the narrowest card, in line heights
NAME_LINES = 8  # a card shows its avatar only if the name still gets this many lines of width


def initials(card: Card) -> str:
    """Up to two letters for the avatar: first and last name, else the company."""
    parts = [p for p in (card.first_name, card.last_name) if p] or card.company.split()[:2]
    letters = "".join(p[0] for p in parts if p)[:2]
    return letters.upper() or "?"


def avatar_colour(card: Card) -> QColor:
    """A colour that stays the same for the same contact, on every run and machine."""
    hue = zlib.crc32(f"{card.id}:{card.name}".encode()) % 360
    return QColor.fromHsl(hue, 150, 105)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


class CardMetrics:
    """Sizes of a card for one font, worked out once (all cards share one size)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            self.small.setPointSizeF(max(size * 0.85, 6.0))
        else:
            self.small.setPixelSize(max(round(font.pixelSize() * 0.85), 8))
        fm = QFontMetrics(font)
        self.fm = fm
        self.fm_bold = QFontMetrics(self.bold)
        self.fm_small = QFontMetrics(self.small)
        self.line = fm.height()
        self.small_line = self.fm_small.height()
        self.gap = max(2, self.line // 6)
        self.margin_x = max(4, self.line // 3)
        self.margin_y = max(3, self.line // 5)
        self.padding = max(6, self.line // 2)
        self.avatar = self.line * 2
        self.stripe = max(3, self.line // 5)  # the avatar colour on a compact card's edge
        self.height = (
            2 * self.margin_y + 2 * self.padding + 3 * self.line + self.small_line + 4 * self.gap
        )


class CardLines(NamedTuple):
    """The parts of a card's last two lines (see CardDelegate.lower_lines)."""

    contact: QRect  # the phone or e-mail
    contact_text: str  # what it says (without its mark when the mark would cut it)
    follow_up: QRect | None  # the follow-up chip (None: no follow-up)
    rating: QRect | None  # the rating chip (None: not rated)
    tags: QRect  # what is left for the tag chips


class CardDelegate(QStyledItemDelegate):
    """Paints cards with palette colours only, so light and dark themes both work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics: CardMetrics | None = None
        # painting a card costs ~0.3 ms of Python and text layout; a repaint after a move or
        # a scroll mostly shows cards already painted, so keep their pictures (LRU)
        self._cache: dict[tuple[object, ...], QPixmap] = {}
        self.format_phone: Callable[[str], str] = str  # the board sets the service's format
        # the user's wall clock, for follow-up and engagement marks (the window sets its own)
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone()

    def metrics(self, font: QFont) -> CardMetrics:
        if self._metrics is None or self._metrics.font != font:
            self._metrics = CardMetrics(font)
        return self._metrics

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        m = self.metrics(option.font)
        return QSize(max(option.rect.width(), MIN_CARD_LINES * m.line), m.height)

    def text_width(self, font: QFont, card_width: int) -> int:
        """How wide a card's name and company line is on a card ``card_width`` pixels wide
        (before the engagement bars): the compact card gives it the avatar's room."""
        m = self.metrics(font)
        box = QRectF(0, 0, card_width, m.height).adjusted(m.margin_x, 0, -m.margin_x, 0)
        inner, compact = self.inner_rect(m, box)
        return inner.width() if compact else inner.width() - m.avatar - m.padding

    @staticmethod
    def inner_rect(m: CardMetrics, box: QRectF) -> tuple[QRect, bool]:
        """The card's text area inside its frame, and whether the card is compact: narrow
        columns (a laptop screen with the pane open) drop the avatar and most of the side
        padding, so names and e-mails keep their width instead of being cut short."""
        inner = box.adjusted(m.padding, m.padding, -m.padding, -m.padding).toRect()
        if inner.width() >= m.avatar + m.padding + NAME_LINES * m.line:
            return inner, False
        side = max(3, m.padding // 2)
        inner.setLeft(round(box.left()) + m.stripe + side + 1)
        inner.setRight(round(box.right()) - side)
        return inner, True

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        state = option.state
        flags = (
            bool(state & QStyle.StateFlag.State_Selected),
            bool(state & QStyle.StateFlag.State_MouseOver),
            bool(state & QStyle.StateFlag.State_HasFocus),
        )
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        marks = marks_of(card, self.clock())
        key = (card, marks, rect.width(), flags, option.palette.cacheKey(), ratio,
               option.font.key())  # fmt: skip
        pixmap = self._cache.pop(key, None)
        if pixmap is None:
            pixmap = QPixmap(QSize(rect.width(), rect.height()) * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            cached = QPainter(pixmap)
            self.paint_card(cached, QRect(0, 0, rect.width(), rect.height()), option.palette,
                            option.font, card, selected=flags[0], hover=flags[1],
                            focus=flags[2], marks=marks)  # fmt: skip
            cached.end()
            if len(self._cache) >= CACHE_SIZE:
                del self._cache[next(iter(self._cache))]  # the least recently painted
        self._cache[key] = pixmap
        painter.drawPixmap(rect.topLeft(), pixmap)

    def paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        font: QFont,
        card: Card,
        *,
        selected: bool = False,
        hover: bool = False,
        focus: bool = False,
        marks: CardMarks | None = None,
    ) -> None:
        """Paint ``card`` into ``rect`` (also used for drag pixmaps)."""
        m = self.metrics(font)
        marks = marks or marks_of(card, self.clock())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRectF(rect.adjusted(m.margin_x, m.margin_y, -m.margin_x, -m.margin_y))
        box.setHeight(min(box.height(), m.height - 2 * m.margin_y))
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        if selected:
            fill, border, width = mix(base, highlight, 0.16), highlight, 2.0
        elif hover:
            fill, border, width = (
                base,
                mix(palette.color(QPalette.ColorRole.Mid), highlight, 0.5),
                1.0,
            )
        else:
            fill, border, width = base, palette.color(QPalette.ColorRole.Mid), 1.0
        if focus and not selected:
            border, width = highlight, 1.5
        painter.setPen(border)
        pen = painter.pen()
        pen.setWidthF(width)
        painter.setPen(pen)
        painter.setBrush(fill)
        radius = m.line * 0.4
        painter.drawRoundedRect(
            box.adjusted(width / 2, width / 2, -width / 2, -width / 2), radius, radius
        )

        inner, compact = self.inner_rect(m, box)
        if not compact:
            avatar = QRect(inner.left(), inner.top(), m.avatar, m.avatar)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(avatar_colour(card))
            painter.drawEllipse(avatar)
            painter.setPen(QColor(Qt.GlobalColor.white))
            painter.setFont(m.bold)
            painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, initials(card))
            left = avatar.right() + m.padding
            below_avatar = avatar.bottom() + m.gap
        else:  # compact: the avatar colour as a stripe on the left edge
            stripe = QRectF(box.left() + width, box.top() + radius, m.stripe,
                            box.height() - 2 * radius)  # fmt: skip
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(avatar_colour(card))
            painter.drawRoundedRect(stripe, m.stripe / 2, m.stripe / 2)
            left = inner.left()
            below_avatar = inner.top()

        bars_left = paint_level(painter, marks.level, palette, inner.right(), inner.top(), m.line)
        name_right = bars_left - m.gap if bars_left < inner.right() else inner.right()
        width_left = max(name_right - left, 0)
        y = inner.top()
        # name
        painter.setFont(m.bold)
        painter.setPen(text)
        name = m.fm_bold.elidedText(card.name or "?", Qt.TextElideMode.ElideRight, width_left)
        painter.drawText(
            QRect(left, y, width_left, m.line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        # company
        y += m.line + m.gap
        secondary = palette.color(QPalette.ColorRole.PlaceholderText)
        if secondary.alpha() < 255 or secondary == text:
            secondary = mix(text, base, 0.4)
        fm = m.fm
        painter.setFont(m.font)
        painter.setPen(secondary)
        company = card.company if card.name != card.company else ""
        painter.drawText(
            QRect(left, y, width_left, m.line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(company, Qt.TextElideMode.ElideRight, width_left),
        )
        # phone or e-mail, full width under the avatar; then tags and the rating chip
        y = max(y + m.line + m.gap, below_avatar)
        lines = self.lower_lines(m, inner, y, card, marks, compact)
        if lines.follow_up is not None:
            painter.setFont(m.small)
            paint_follow_up(painter, marks, m.fm_small, palette, lines.follow_up.right() + 1,
                            lines.follow_up.top(), m.small_line)  # fmt: skip
        painter.setFont(m.font)
        painter.setPen(text)
        painter.drawText(
            lines.contact,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(lines.contact_text, Qt.TextElideMode.ElideRight, lines.contact.width()),
        )
        if lines.rating is not None:
            painter.setFont(m.small)
            chip = QRectF(lines.rating)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RATING_COLOURS.get(card.rating, highlight))
            painter.drawRoundedRect(chip, m.small_line / 2, m.small_line / 2)
            painter.setPen(QColor(Qt.GlobalColor.white))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, rating_label(card.rating))
        self._paint_tags(painter, m, palette, card.tags, lines.tags)
        painter.restore()

    def contact_text(self, card: Card, compact: bool, mark: bool = True) -> str:
        """The card's third line: its phone (as the user reads it), else its e-mail, after
        a telephone or an envelope (``mark``)."""
        space = " " if compact else "  "
        if card.phone:
            number = self.format_phone(card.phone)
            return f"{PHONE_MARK}{space}{number}" if mark else number
        if not card.email:
            return ""
        return f"{MAIL_MARK}{space}{card.email}" if mark else card.email

    def lower_lines(
        self, m: CardMetrics, inner: QRect, top: int, card: Card, marks: CardMarks, compact: bool
    ) -> CardLines:
        """Where the third line (phone or e-mail, and the follow-up chip at its right) and the
        last line (tags, the rating chip at its right) put their parts. A phone number is
        what a seller dials: when the chip would cut it, the chip moves down to the last
        line, left of the rating, and the tags give way (they show "+n"); a number (or
        address) that would fit without its mark but not after it loses the mark."""
        bottom = top + m.line + m.gap
        right = inner.right()
        rating: QRect | None = None
        rating_text = rating_label(card.rating)
        last_right = right + 1  # the last line's free part ends here
        if rating_text:
            width = m.fm_small.horizontalAdvance(rating_text) + m.line // 2 + 2
            rating = QRect(right + 1 - width, bottom, width, m.small_line)
            last_right = rating.left() - m.gap * 2
        contact_right = right
        chip: QRect | None = None
        if marks.due is not None:
            width = follow_up_width(marks, m.fm_small, m.small_line)
            needs = m.fm.horizontalAdvance(self.contact_text(card, compact))
            if needs + 2 * m.gap + width <= inner.width():
                chip_top = top + (m.line - m.small_line) // 2
                chip = QRect(right + 1 - width, chip_top, width, m.small_line)
                contact_right = chip.left() - m.gap * 2
            else:
                chip = QRect(last_right - width, bottom, width, m.small_line)
                last_right = chip.left() - m.gap * 2
        contact = QRect(inner.left(), top, max(contact_right - inner.left(), 0), m.line)
        text = self.contact_text(card, compact)
        if m.fm.horizontalAdvance(text) > contact.width():  # the mark goes if that is enough
            bare = self.contact_text(card, compact, mark=False)
            text = bare if m.fm.horizontalAdvance(bare) <= contact.width() else text
        tags = QRect(inner.left(), bottom, max(last_right - inner.left(), 0), m.small_line)
        return CardLines(contact, text, chip, rating, tags)

    def _paint_tags(
        self, painter: QPainter, m: CardMetrics, palette: QPalette, tags: str, area: QRect
    ) -> None:
        names = [t.strip() for t in tags.split(",") if t.strip()]
        if not names:
            return
        painter.setFont(m.small)
        fm = m.fm_small
        chip_fill = mix(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Highlight),
            0.18,
        )
        pad = max(3, m.small_line // 3)
        widths = [fm.horizontalAdvance(name) + 2 * pad for name in names]
        right = area.right() + 1
        shown = 0
        x = area.left()
        for i, width in enumerate(widths):
            rest = len(names) - i - 1  # after this one: they need room for "+rest"
            more = fm.horizontalAdvance(f"+{rest}") + pad if rest else 0
            if x + width + more > right:
                break
            x += width + pad
            shown += 1
        x = area.left()
        text = palette.color(QPalette.ColorRole.Text)
        for name, width in zip(names[:shown], widths, strict=False):
            chip = QRectF(x, area.top(), width, area.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_fill)
            painter.drawRoundedRect(chip, area.height() / 2.5, area.height() / 2.5)
            painter.setPen(text)
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + pad
        if shown < len(names):
            painter.setPen(text)
            painter.drawText(
                QRect(x, area.top(), max(right - x, 0), area.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"+{len(names) - shown}",
            )

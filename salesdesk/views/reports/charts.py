"""BarChart: grouped or stacked bars drawn with QPainter (no chart library), in the colours of
the palette, with the number on each bar, a tooltip on hover and a click that hands back the
contacts behind a bar."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Hues that stay apart for most kinds of colour blindness (Okabe-Ito), light and dark.
_LIGHT = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c8c00", "#555555")
LABEL_LINES = 3  # category names wrap up to this many lines, else they are written aslant
SLANT_CHARACTERS = 14  # a slanted name longer than about this many M is elided
SIN45 = math.sqrt(0.5)
LABEL_GAP = 8  # pixels between the names of neighbouring categories
_DARK = ("#56b4e9", "#f0b840", "#3fc79a", "#e08cc0", "#8fd0f5", "#f07a30", "#c8c850", "#aaaaaa")


def series_colours(palette: QPalette) -> list[QColor]:
    """Series colours for the palette: the lighter set on a dark window."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return [QColor(c) for c in (_DARK if dark else _LIGHT)]


@dataclass(frozen=True)
class Bar:
    """One bar (or segment): its value, the text on it, its tooltip and its contacts."""

    value: float
    text: str
    tooltip: str
    ids: tuple[int, ...] = ()
    key: object = None  # what a click asks for when ids are fetched later (activity)


@dataclass
class ChartData:
    """Categories along the x axis, each with one bar per series."""

    categories: list[str] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    bars: list[list[Bar | None]] = field(default_factory=list)  # [category][series]
    stacked: bool = False
    empty_text: str = ""


class BarChart(QWidget):
    """A bar chart of ``ChartData``. ``bar_clicked`` carries the clicked Bar."""

    bar_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.data = ChartData()
        self._hits: list[tuple[QRectF, Bar]] = []
        self.hovered: Bar | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 360)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self.hovered = None
        self._layout_hits()
        self.update()

    # --- geometry ---------------------------------------------------------------------------

    def _axis_texts(self) -> list[str]:
        """The numbers of the value axis, bottom to top (in the user's locale)."""
        top = self._maximum()
        numbers = [top * step / 4 for step in range(5)]
        return [QLocale().toString(n, "f", 0 if n == int(n) else 1) for n in numbers]

    def _axis_width(self, fm: QFontMetrics) -> int:
        return max(fm.horizontalAdvance(t) for t in [*self._axis_texts(), "000"]) + 8

    def _legend_places(self, fm: QFontMetrics) -> list[QPoint]:
        """Where each series' swatch goes: in rows as wide as the chart (wrapping)."""
        if len(self.data.series) < 2:
            return []
        left = self._axis_width(fm)
        x, y, places = left, 4, []
        for name in self.data.series:
            width = fm.height() + fm.horizontalAdvance(name) + 16
            if x > left and x + width > self.width() - 8:
                x, y = left, y + fm.height() + 4
            places.append(QPoint(x, y))
            x += width
        return places

    def _areas(self) -> tuple[QRect, QRect, int]:
        fm = QFontMetrics(self.font())
        places = self._legend_places(fm)
        legend = places[-1].y() + fm.height() + 4 if places else 0
        left = self._axis_width(fm)
        width = max(self.width() - left - 8, 10)
        label_rows = self._label_height(fm, width)
        plot = QRect(
            left, legend + fm.height(), width,
            max(self.height() - legend - fm.height() - label_rows - 4, 10),  # 4: the gap
        )  # fmt: skip
        labels = QRect(plot.left(), plot.bottom() + 4, plot.width(), label_rows)
        return plot, labels, legend

    def _slanted(self, fm: QFontMetrics, width: int) -> bool:
        """Whether the category names are written aslant: when one of them needs more than
        LABEL_LINES lines under its bars, or has a word wider than its place."""
        slot = width / max(len(self.data.categories), 1) - LABEL_GAP
        for name in self.data.categories:
            if any(fm.horizontalAdvance(word) > slot for word in name.split()):
                return True
            flags = Qt.TextFlag.TextWordWrap
            if fm.boundingRect(QRect(0, 0, int(slot), 10_000), flags, name).height() > (
                LABEL_LINES * fm.height()
            ):
                return True
        return False

    def _label_height(self, fm: QFontMetrics, width: int) -> int:
        if self._slanted(fm, width):
            longest = max((fm.horizontalAdvance(n) for n in self.data.categories), default=0)
            return int(min(longest, self._slant_limit(fm)) * SIN45 + fm.height()) + 6
        slot = width / max(len(self.data.categories), 1) - LABEL_GAP
        flags = Qt.TextFlag.TextWordWrap
        lines = max(
            (fm.boundingRect(QRect(0, 0, int(slot), 10_000), flags, n).height()
             for n in self.data.categories),
            default=fm.height(),
        )  # fmt: skip
        return max(lines, 2 * fm.height()) + 6

    @staticmethod
    def _slant_limit(fm: QFontMetrics) -> int:
        return fm.horizontalAdvance("M") * SLANT_CHARACTERS

    def _maximum(self) -> float:
        """The top of the axis: four round steps just above the tallest bar."""
        best = 0.0
        for row in self.data.bars:
            values = [b.value for b in row if b is not None]
            if values:
                best = max(best, sum(values) if self.data.stacked else max(values))
        whole = all(b.value == int(b.value) for row in self.data.bars for b in row if b)
        return 4 * nice_step(best / 4, whole) if best else 4.0

    def _layout_hits(self) -> None:
        self._hits = []
        data = self.data
        if not data.categories:
            return
        plot, _, _ = self._areas()
        top = self._maximum()
        slot = plot.width() / len(data.categories)
        per = 1 if data.stacked else max(len(data.series), 1)
        width = max(min(slot * 0.8 / per, 80.0), 2.0)
        for i, row in enumerate(data.bars):
            left = plot.left() + slot * i + (slot - width * per) / 2
            base = float(plot.bottom())
            for j, bar in enumerate(row):
                if bar is None:
                    continue
                height = plot.height() * bar.value / top
                if data.stacked:
                    rect = QRectF(left, base - height, width, height)
                    base -= height
                else:
                    rect = QRectF(left + width * j, plot.bottom() - height, width, height)
                self._hits.append((rect, bar))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        self._layout_hits()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def bar_rects(self) -> list[tuple[QRectF, Bar]]:
        """Where each bar is drawn (tests click and hover there)."""
        return list(self._hits)

    def bar_at(self, pos: QPoint) -> Bar | None:
        for rect, bar in self._hits:
            grown = rect.adjusted(0, -3, 0, 0) if rect.height() < 3 else rect
            if grown.contains(pos.toPointF()):
                return bar
        return None

    # --- events -----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        bar = self.bar_at(event.position().toPoint())
        if bar is not self.hovered:
            self.hovered = bar
            self.setCursor(Qt.CursorShape.PointingHandCursor if bar else Qt.CursorShape.ArrowCursor)
            self.update()
        if bar is not None:
            QToolTip.showText(event.globalPosition().toPoint(), bar.tooltip, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        self.hovered = None
        self.update()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            bar = self.bar_at(event.position().toPoint())
            if bar is not None:
                self.bar_clicked.emit(bar)
        super().mouseReleaseEvent(event)

    # --- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        self.paint(painter)

    def paint(self, painter: QPainter) -> None:
        """Draw the chart with ``painter`` (also used for PDF pages)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        fm = QFontMetrics(self.font())
        data = self.data
        if not data.categories or not self._hits:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, data.empty_text)
            return
        plot, labels, legend = self._areas()
        painter.setPen(grid)
        for step, number in enumerate(self._axis_texts()):
            y = plot.bottom() - plot.height() * step / 4
            painter.drawLine(plot.left(), int(y), plot.right(), int(y))
            painter.setPen(text)
            painter.drawText(
                QRect(0, int(y) - fm.height() // 2, plot.left() - 6, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number,
            )
            painter.setPen(grid)
        colours = series_colours(pal)
        for rect, bar in self._hits:
            j = self._series_of(bar)
            colour = QColor(colours[j % len(colours)])
            if bar is self.hovered:
                colour = (
                    colour.lighter(125)
                    if pal.color(QPalette.ColorRole.Window).lightness() < 128
                    else colour.darker(115)
                )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(rect)
            self._bar_text(painter, rect, bar, text, fm)
        slot = labels.width() / len(data.categories)
        painter.setPen(text)
        slanted = self._slanted(fm, labels.width())
        for i, name in enumerate(data.categories):
            if slanted:  # ending under its bars, rising to the right; never off the left edge
                centre = labels.left() + slot * (i + 0.5)
                room = min(self._slant_limit(fm), int(centre / SIN45) - fm.height())
                shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0))
                painter.save()
                painter.translate(centre + fm.height() * SIN45 / 2, labels.top())
                painter.rotate(-45)
                painter.drawText(
                    QRect(-fm.horizontalAdvance(shown) - 2, 0, fm.horizontalAdvance(shown) + 2,
                          fm.height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    shown,
                )  # fmt: skip
                painter.restore()
                continue
            area = QRect(int(labels.left() + slot * i + LABEL_GAP / 2), labels.top(),
                         int(slot - LABEL_GAP), labels.height())  # fmt: skip
            painter.drawText(
                area,
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                name,
            )
        for j, place in enumerate(self._legend_places(fm)):  # none for a single series
            name = data.series[j]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours[j % len(colours)])
            painter.drawRect(QRect(place.x(), place.y(), fm.height() - 4, fm.height() - 4))
            painter.setPen(text)
            name = fm.elidedText(name, Qt.TextElideMode.ElideRight, self.width() - place.x() - 24)
            painter.drawText(place.x() + fm.height(), place.y() - 2 + fm.ascent(), name)

    def _series_of(self, bar: Bar) -> int:
        for row in self.data.bars:
            for j, item in enumerate(row):
                if item is bar:
                    return j
        return 0

    def _bar_text(
        self, painter: QPainter, rect: QRectF, bar: Bar, text: QColor, fm: QFontMetrics
    ) -> None:
        if not bar.text:
            return
        width = fm.horizontalAdvance(bar.text)
        if self.data.stacked:
            if rect.height() < fm.height() or width > rect.width():
                return  # too small to label: the tooltip has the number
            painter.setPen(QColor("#ffffff") if text.lightness() < 128 else QColor("#111111"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, bar.text)
            return
        painter.setPen(text)
        painter.drawText(
            QRectF(rect.center().x() - width, rect.top() - fm.height() - 1, width * 2, fm.height()),
            Qt.AlignmentFlag.AlignCenter,
            bar.text,
        )


def nice_step(raw: float, whole: bool = False) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``raw``; with
    ``whole`` (counts) a whole number: 1, 2, 3, 5 below ten (no 2.5 contacts on an axis)."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    if whole and power < 1:
        return 1.0
    factors = (1, 2, 3, 5, 10) if whole and power < 10 else (1, 2, 2.5, 5, 10)
    for factor in factors:
        if factor * power >= raw - 1e-12:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def chart_data(
    categories: Sequence[str],
    series: Sequence[str],
    bars: Sequence[Sequence[Bar | None]],
    *,
    stacked: bool = False,
    empty_text: str = "",
) -> ChartData:
    return ChartData(list(categories), list(series), [list(r) for r in bars], stacked, empty_text)

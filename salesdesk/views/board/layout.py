"""PaneSplitter: the board beside the detail pane, sized so all six columns stay in view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

COMFORT_LINES = 3  # each column gets this many line heights beyond its minimum if it can
PANE_MIN_LINES = 24  # the narrowest pane a fit makes (the user may drag it narrower)
PANE_LINES = 28  # the pane's width until the user drags the handle


class PaneSplitter(QSplitter):
    """A horizontal splitter whose second widget (the detail pane) gives way to the first
    (the board) when the window is narrow: the pane keeps the width the user chose while
    the board still shows every column, and shrinks down to a readable minimum when it
    does not (a 1366×768 laptop). Dragging the handle sets the width it keeps."""

    def __init__(self, board_needs: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.board_needs = board_needs  # the board's width with all columns comfortable
        self.wanted: int | None = None  # the pane's width as the user left it
        self.splitterMoved.connect(self._on_moved)

    def line(self) -> int:
        return QFontMetrics(self.font()).height()

    def pane_width(self) -> int:
        """What the pane would like: the user's width, or a default from the font."""
        return self.wanted if self.wanted is not None else PANE_LINES * self.line()

    def least_pane_width(self) -> int:
        """The narrowest the pane gets when the board needs the room (what ``fit`` keeps)."""
        return min(PANE_MIN_LINES * self.line(), self.pane_width())

    def set_wanted(self, width: int | None) -> None:
        self.wanted = width if width and width > 0 else None
        self.fit()

    def fit(self) -> None:
        """Share the width out: the board first, up to what its columns need."""
        if self.count() < 2:
            return
        pane = self.widget(1)
        if pane is None or pane.isHidden():
            return
        total = self.width() - self.handleWidth()
        if total <= 0:
            return
        least = self.least_pane_width()
        width = max(least, min(self.pane_width(), total - self.board_needs()))
        width = min(width, max(total - self.line() * 10, 0))
        self.setSizes([total - width, width])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def _on_moved(self, pos: int, index: int) -> None:
        sizes = self.sizes()
        if len(sizes) > 1 and sizes[1] > 0:
            self.wanted = sizes[1]

"""BoardFilter: the board shows just the contacts behind a report's number, until the user
clicks "Show all" or searches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QToolButton

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow


class BoardFilter(QObject):
    """Filters the main window's board to a set of contact ids."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ids: set[int] | None = None
        self.button = QToolButton(window)
        self.button.setObjectName("report_filter_button")
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.clear)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        window.search.textChanged.connect(self._on_search)

    def apply(self, ids: Sequence[int], description: str = "") -> None:
        w = self.window
        w.search_timer.stop()
        w.search.blockSignals(True)  # a cleared search would show every card again
        w.search.clear()
        w.search.blockSignals(False)
        w.board.search_text = ""
        self.ids = set(ids)
        w.board.store.set_matches(self.ids)
        self.button.setText(
            self.tr("Board shows %1 contacts from a report – show all").replace(
                "%1", f"{len(self.ids):,}"
            )
        )
        self.button.show()

    def clear(self) -> None:
        if self.ids is not None:
            self.ids = None
            self.window.board.store.set_matches(None)
        self.button.hide()

    def _on_search(self, text: str) -> None:
        # the search replaces the report's filter (the board's own matches take over)
        self.ids = None
        self.button.hide()

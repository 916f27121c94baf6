"""ContactListView: the list view's table (sortable, several rows selectable, the cards'
context menu), refreshed from ``changes_applied`` like the board."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.filters import FilterQuery
from salesdesk.services.contacts import Card
from salesdesk.services.filters import FilterService
from salesdesk.views.events import AppEvents
from salesdesk.views.list.model import ContactTableModel
from salesdesk.views.undo import ServiceRunner


class ContactListView(QTableView):
    """All contacts the search finds, one per row. Sorting asks the database; rows are read
    as they scroll into view. It reads only while it is shown (a hidden list is stale and
    reads again when it is shown)."""

    contact_activated = Signal(int)  # Enter / double click
    menu_requested = Signal(list, QPoint)  # the selected ids, where to open the menu
    delete_requested = Signal(list)
    tab_requested = Signal(bool)  # Tab (True) / Shift+Tab: on to the pane / back to the search

    def __init__(
        self, runner: ServiceRunner, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_list")
        self.runner = runner
        self.events = events
        self.table = ContactTableModel(
            self._find,
            self._read,
            self._phone,
            self,
            positions=self._positions,
            matching=self._matching,
        )
        self.setModel(self.table)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list as one stop, as on the board
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        rows = self.verticalHeader()
        rows.hide()
        # fixed row heights: the view never asks 100k rows for their size
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        line = self.fontMetrics().height()
        for column, lines in enumerate((12, 12, 7, 5, 14, 9, 10, 7)):
            self.setColumnWidth(column, lines * line)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.stale = True
        self.doubleClicked.connect(self._on_activated)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)
        events.changes_applied.connect(self.on_changes_applied)

    def _find(self, query: FilterQuery, sort: str, descending: bool) -> list[int]:
        return FilterService(self.runner.service).find(query, sort=sort, descending=descending)

    def _read(self, ids: Sequence[int]) -> list[Card]:
        return FilterService(self.runner.service).cards(ids)

    def _positions(self, ids: Sequence[int], sort: str, descending: bool) -> dict[int, Any]:
        return FilterService(self.runner.service).positions(ids, sort, descending)

    def _matching(self, query: FilterQuery, ids: Sequence[int]) -> set[int]:
        return FilterService(self.runner.service).matching(query, ids)

    def _phone(self, stored: str) -> str:
        from salesdesk.domain.contact import PhoneNumber

        e164 = stored if stored.startswith("+") and stored[1:].isdigit() else None
        return self.runner.service.phone_display(PhoneNumber(stored, e164=e164))

    # --- data ----------------------------------------------------------------------------

    def set_query(self, query: FilterQuery) -> None:
        """Show what ``query`` finds (read now if shown, else when next shown)."""
        self.table.query = query
        self.stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the ids again, keeping the selection and the current row where they are."""
        selected, current = self.selected_ids(), self.current_id()
        self.table.reload()
        self.stale = False
        self._select(selected, current)

    def on_changes_applied(self, changes: ChangeSet) -> None:
        if not changes.contact_ids:
            return
        if not self.isVisible() or self.stale:
            self.table.forget(list(changes.contact_ids))
            self.stale = True
            return
        # a change may move a row (sort) or take it out or in (filter): the model places
        # the changed rows; the selection is put back if a row it held was taken out
        selected, current = self.selected_ids(), self.current_id()
        self.table.apply(list(changes.contact_ids))
        if set(self.selected_ids()) != set(selected) or self.current_id() != current:
            self._select(selected, current)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    # --- selection -------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [self.table.id_at(r) for r in rows if r < self.table.rowCount()]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.table.id_at(index.row()) if index.isValid() else None

    def select_ids(self, ids: list[int]) -> None:
        self._select(ids, ids[0] if ids else None)

    def _select(self, ids: list[int], current: int | None) -> None:
        model = self.table
        selection = QItemSelection()
        last = model.columnCount() - 1
        for contact_id in ids:
            row = model.row_of(contact_id)
            if row >= 0:
                selection.select(model.index(row, 0), model.index(row, last))
        sel = self.selectionModel()
        if current is not None and model.row_of(current) >= 0:
            index = model.index(model.row_of(current), 0)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(index)
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self.events.contact_selected.emit(self.table.id_at(current.row()))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contact_activated.emit(self.table.id_at(index.row()))

    # --- keys and menu ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self.contact_activated.emit(self.current_id())
            event.accept()
            return
        if key == Qt.Key.Key_Delete and self.selected_ids():
            self.delete_requested.emit(self.selected_ids())
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002
        # the arrow keys move between rows and cells; Tab goes on (search -> list -> pane)
        self.tab_requested.emit(next)
        return True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        index = self.indexAt(event.pos())  # delivered from the viewport: its coordinates
        if index.isValid() and not self.selectionModel().isRowSelected(index.row()):
            self.selectRow(index.row())
        ids = self.selected_ids()
        if ids:
            self.menu_requested.emit(ids, event.globalPos())
        event.accept()

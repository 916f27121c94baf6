"""BoardView: the six stage columns (leads grouped under a band), search, selection and moves."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.contact import PhoneNumber
from salesdesk.domain.filters import FilterQuery, parse
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.contacts import Card
from salesdesk.services.filters import FilterService
from salesdesk.views.after_paint import AfterPaint
from salesdesk.views.board.column import StageColumn
from salesdesk.views.board.delegate import CardDelegate, mix
from salesdesk.views.board.empty import EmptyStatePane
from salesdesk.views.board.layout import COMFORT_LINES
from salesdesk.views.board.models import CONTACT_ID_ROLE, CardStore
from salesdesk.views.board.values import ColumnValues
from salesdesk.views.dialogs.reason import ReasonDialog
from salesdesk.views.events import AppEvents
from salesdesk.views.undo import ServiceRunner


class LeadsBand(QWidget):
    """The tinted frame that groups the four lead columns under a "Leads" title."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Highlight), 0.08)
        )
        painter.drawRoundedRect(self.rect(), 8, 8)


class BoardView(QWidget):
    """The pipeline board. It reads through the runner's service and changes data only
    through ``runner.execute``; it refreshes from ``changes_applied``."""

    contact_activated = Signal(int)  # Enter / double click on a card
    new_contact_requested = Signal(object)  # Stage
    demo_requested = Signal()
    counts_changed = Signal()
    menu_requested = Signal(list, QPoint)  # the selected ids, where (global) to open a menu
    tab_requested = Signal(bool)  # Tab (True) / Shift+Tab out of the board

    def __init__(
        self, runner: ServiceRunner, events: AppEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.runner = runner
        self.events = events
        self.store = CardStore(self)
        self.store.fetch = lambda ids: self.runner.service.cards(ids)
        self.search_text = ""
        self.query = FilterQuery()  # the search text read as filters and free text
        self.active_stage = Stage.NEW
        self.reason_dialog: ReasonDialog | None = None
        self._selected_id = 0  # what the panes were last asked to show
        self._applying = False
        self._after_paint = AfterPaint(self._show_current, self)
        self.columns: dict[Stage, StageColumn] = {}
        self.format_phone = functools.lru_cache(maxsize=4096)(self._format_phone)
        for stage in STAGE_ORDER:
            column = StageColumn(self.store.models[stage], self)
            self.store.models[stage].drop_handler = self.request_move
            column.view.focus_entered.connect(self._on_focus_entered)
            column.view.neighbour_requested.connect(self._on_neighbour_requested)
            column.view.activated.connect(self._on_activated)
            column.view.tab_requested.connect(self.tab_requested)
            column.view.menu_requested.connect(functools.partial(self._on_menu_requested, stage))
            column.view.selectionModel().currentChanged.connect(self._on_current_changed)
            delegate = column.view.itemDelegate()
            assert isinstance(delegate, CardDelegate)
            delegate.format_phone = self.format_phone
            self.columns[stage] = column

        self.board_page = QWidget(self)
        row = QHBoxLayout(self.board_page)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(6)
        self.leads_band = LeadsBand(self.board_page)
        self.leads_band.setObjectName("leads_band")
        band = QVBoxLayout(self.leads_band)
        band.setContentsMargins(4, 4, 4, 4)
        band.setSpacing(2)
        self.leads_title = QLabel(self.tr("Leads"), self.leads_band)
        self.leads_title.setObjectName("leads_title")
        self.leads_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.leads_title.font()
        font.setBold(True)
        self.leads_title.setFont(font)
        self.leads_title.setFixedHeight(QFontMetrics(font).height() + 4)
        band.addWidget(self.leads_title)
        leads = QHBoxLayout()
        leads.setSpacing(6)
        band.addLayout(leads, 1)
        row.addWidget(self.leads_band, 4)
        for stage in STAGE_ORDER:
            if stage.is_lead:
                leads.addWidget(self.columns[stage], 1)
                continue
            holder = QVBoxLayout()
            holder.setContentsMargins(0, 4, 0, 4)
            holder.setSpacing(2)
            holder.addSpacing(self.leads_title.height())
            holder.addWidget(self.columns[stage], 1)
            row.addLayout(holder, 1)
            self.columns[stage].fold_toggled.connect(self._on_fold_toggled)
        for stage in STAGE_ORDER:
            if stage.is_lead:
                self.columns[stage].fold_toggled.connect(self._on_fold_toggled)

        self.empty_state = EmptyStatePane(self)
        self.empty_state.new_requested.connect(lambda: self.new_contact_requested.emit(Stage.NEW))
        self.empty_state.demo_requested.connect(self.demo_requested)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("board_scroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(self.board_page)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.scroller)
        self.stack.addWidget(self.empty_state)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.store.changed.connect(self._on_store_changed)
        events.changes_applied.connect(self.on_changes_applied)
        events.contact_selected.connect(self._on_contact_selected)
        self.values = ColumnValues(self)  # expected value sums in the column headers

    def _format_phone(self, stored: str) -> str:
        """A card's phone (E.164 when valid, else as typed) as the user reads it."""
        e164 = stored if stored.startswith("+") and stored[1:].isdigit() else None
        return self.runner.service.phone_display(PhoneNumber(stored, e164=e164))

    # --- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every card again (start, another database)."""
        service = self.runner.service
        self.format_phone.cache_clear()
        self.store.matches = self._matches(self.search_text) if self.searching else None
        self.store.load_columns(service.board_columns())
        self.values.refresh()

    def on_changes_applied(self, changes: ChangeSet) -> None:
        """Reload just the contacts a service call touched."""
        ids = list(changes.contact_ids)
        if not ids:
            return
        service = self.runner.service
        fresh = service.cards(ids)
        matches: set[int] | None | bool = False
        # a filter may hold on any field (stage, rating, follow-up): read the matches again
        refilter = self.query.has_filters or self._text_may_have_changed(fresh, changes)
        if self.searching and refilter:
            matches = self._matches(self.search_text)
        self._applying = True  # rows shifting under a current card is not a user's choice
        view = self.columns[self.active_stage].view
        selected, current = view.selected_ids(), self.current_id()
        try:
            self.store.apply(fresh, ids, matches)
            # rows taken out and put back lose their selection: a rated or tagged
            # selection stays selected for the next command
            if len(selected) > 1 or (selected and current not in selected):
                self._reselect(selected, current)
        finally:
            self._applying = False

    def _text_may_have_changed(self, fresh: Sequence[Card], changes: ChangeSet) -> bool:
        if changes.created:
            return True
        for card in fresh:
            old = self.store.cached(card.id)  # a card never shown: its old text is unknown
            if old is None:
                return True
            moved = (old.stage, old.position) != (card.stage, card.position)
            if not moved and old.version != card.version:
                return True
        return False

    @property
    def searching(self) -> bool:
        return bool(self.search_text.strip())

    def set_search(self, text: str) -> None:
        """Show only cards matching ``text`` in every column ('' shows all)."""
        # Typing on narrows the hits: words only grow or get added (see fts_query), so
        # the columns filter what they show now rather than all their cards. Not after a
        # text without hits: it may have had no word at all ("@"), which finds nothing.
        previous, self.search_text = self.search_text, text
        was_filtered, self.query = self.query.has_filters, parse(text)
        # a filter's value is whole, not a prefix (tag:a does not hold tag:ab's cards)
        narrowing = (
            bool(self.store.matches)
            and text.startswith(previous)
            and not (was_filtered or self.query.has_filters)
        )
        matches = self._matches(text) if self.searching else None
        self._applying = True
        try:
            self.store.set_matches(matches, narrowing)
        finally:
            self._applying = False

    def _matches(self, text: str) -> set[int]:
        # trashed hits too: the board holds live cards only, and leaving out the join
        # that drops them makes a short prefix (tens of thousands of hits) 2-5x faster
        return set(FilterService(self.runner.service).find(parse(text), include_deleted=True))

    def _on_store_changed(self) -> None:
        for column in self.columns.values():
            column.update_count(self.searching)
        empty = self.store.total() == 0
        self.stack.setCurrentWidget(self.empty_state if empty else self.scroller)
        self.counts_changed.emit()

    def comfortable_width(self) -> int:
        """The width that shows every open column a little wider than its minimum (the
        main window gives the board this much before the detail pane gets more)."""
        line = QFontMetrics(self.font()).height()
        open_columns = sum(1 for c in self.columns.values() if not c.folded)
        return self.board_page.minimumSizeHint().width() + open_columns * COMFORT_LINES * line

    def counts(self) -> dict[Stage, int]:
        return {stage: self.store.models[stage].total for stage in STAGE_ORDER}

    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    # --- folding --------------------------------------------------------------------------

    def folded_stages(self) -> list[Stage]:
        return [s for s in STAGE_ORDER if self.columns[s].folded]

    def set_folded(self, stage: Stage, folded: bool) -> None:
        self.columns[stage].set_folded(folded)

    def _on_fold_toggled(self, stage: Stage, folded: bool) -> None:
        leads = [self.columns[s] for s in STAGE_ORDER if s.is_lead]
        open_leads = sum(1 for c in leads if not c.folded)
        layout = self.board_page.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.setStretch(0, max(open_leads, 0))
        for n, stage_ in enumerate((Stage.PROSPECT, Stage.CUSTOMER), start=1):
            layout.setStretch(n, 0 if self.columns[stage_].folded else 1)
        if folded and self.active_stage is stage:
            self.focus_column(self._neighbour(stage, 1) or self._neighbour(stage, -1) or stage)
        self.counts_changed.emit()

    # --- selection and focus ----------------------------------------------------------------

    def column(self, stage: Stage) -> StageColumn:
        return self.columns[stage]

    def selected_ids(self) -> list[int]:
        """The selected cards of the active column, top to bottom."""
        view = self.columns[self.active_stage].view
        ids = view.selected_ids()
        if not ids and view.currentIndex().isValid():
            ids = [int(view.currentIndex().data(CONTACT_ID_ROLE))]
        return ids

    def current_id(self) -> int | None:
        index = self.columns[self.active_stage].view.currentIndex()
        return int(index.data(CONTACT_ID_ROLE)) if index.isValid() else None

    def focus_column(self, stage: Stage, row: int | None = None) -> None:
        column = self.columns[stage]
        if column.folded:
            column.set_folded(False)
        view = column.view
        count = view.model().rowCount()
        if row is not None and count:
            row = min(max(row, 0), count - 1)
            index = view.model().index(row, 0)
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            view.scrollTo(index)
        self._activate(stage)
        view.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_hit(self) -> Stage | None:
        """The leftmost column showing a card (while searching: the first match)."""
        return next((s for s in STAGE_ORDER if self.store.models[s].rowCount()), None)

    def reveal_first_hit(self) -> None:
        """While searching, scroll the board so the first column with a hit is in view
        (a narrow window scrolls sideways) and every column shows its first hits."""
        if not self.searching:
            return
        for column in self.columns.values():
            column.view.scrollToTop()
        stage = self.first_hit()
        if stage is not None:
            self.scroller.ensureWidgetVisible(self.columns[stage], 0, 0)

    def focus_first_card(self) -> bool:
        """Choose and focus the first card shown (the first hit while searching)."""
        stage = self.first_hit()
        if stage is None:
            return False
        self.focus_column(stage, 0)
        self.scroller.ensureWidgetVisible(self.columns[stage], 0, 0)
        return True

    def focus_active(self) -> None:
        """Focus the active column on its current card; an empty one: the first card."""
        view = self.columns[self.active_stage].view
        if self.columns[self.active_stage].folded or not view.model().rowCount():
            if not self.focus_first_card():
                view.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if not view.currentIndex().isValid():
            self.focus_column(self.active_stage, 0)
        view.setFocus(Qt.FocusReason.TabFocusReason)
        self.scroller.ensureWidgetVisible(self.columns[self.active_stage], 0, 0)

    def select_ids(self, stage: Stage, ids: Sequence[int]) -> None:
        """Select ``ids`` in ``stage``'s column (those shown), make the first current."""
        column = self.columns[stage]
        model = self.store.models[stage]
        proxy = column.proxy
        selection = QItemSelection()
        first: QModelIndex | None = None
        for contact_id in ids:
            row = model.row_of(contact_id)
            if row < 0:
                continue
            index = proxy.mapFromSource(model.index(row, 0))
            selection.select(index, index)
            first = first or index
        self._activate(stage)
        if first is None:
            return
        sel = column.view.selectionModel()
        sel.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        column.view.scrollTo(first)

    def _reselect(self, ids: Sequence[int], current: int | None) -> None:
        """Select ``ids`` again in the active column (those still there), without scrolling."""
        column = self.columns[self.active_stage]
        model, proxy = column.model, column.proxy
        selection = QItemSelection()
        for contact_id in ids:
            row = model.row_of(contact_id)
            if row >= 0:
                index = proxy.mapFromSource(model.index(row, 0))
                selection.select(index, index)
        sel = column.view.selectionModel()
        if current is not None and model.row_of(current) >= 0:
            index = proxy.mapFromSource(model.index(model.row_of(current), 0))
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _activate(self, stage: Stage) -> None:
        if stage is self.active_stage:
            return
        old = self.columns[self.active_stage].view
        old.selectionModel().clearSelection()
        self.active_stage = stage

    def _on_focus_entered(self, stage: Stage) -> None:
        self._activate(stage)

    def _on_neighbour_requested(self, direction: int) -> None:
        target = self._neighbour(self.active_stage, direction, skip_folded=True)
        if target is None:
            return
        row = self.columns[self.active_stage].view.currentIndex().row()
        self.focus_column(target, max(row, 0))

    def _neighbour(self, stage: Stage, direction: int, skip_folded: bool = False) -> Stage | None:
        n = STAGE_ORDER.index(stage) + direction
        while 0 <= n < len(STAGE_ORDER):
            if not (skip_folded and self.columns[STAGE_ORDER[n]].folded):
                return STAGE_ORDER[n]
            n += direction
        return None

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and not self._applying:
            if any(c.view.entering_focus for c in self.columns.values()):
                # the first card Qt picks on focus (at start): show it after the board paints
                self._after_paint.post()
                return
            contact_id = int(current.data(CONTACT_ID_ROLE))
            if contact_id != self._selected_id:  # a card that moves stays shown, no reload
                self.events.contact_selected.emit(contact_id)

    def _show_current(self) -> None:
        contact_id = self.current_id()
        if contact_id is not None and contact_id != self._selected_id:
            self.events.contact_selected.emit(contact_id)

    def _on_contact_selected(self, contact_id: int) -> None:
        self._selected_id = contact_id

    def _on_menu_requested(self, stage: Stage, at: QPoint) -> None:
        self._activate(stage)
        self.menu_requested.emit(self.selected_ids(), at)

    def move_ids(self, ids: list[int], stage: Stage) -> bool:
        """Move ``ids`` to ``stage`` (a menu's Move to), with the same checks as a drop."""
        return self.request_move(list(ids), stage)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contact_activated.emit(int(index.data(CONTACT_ID_ROLE)))

    # --- moves ----------------------------------------------------------------------------

    def request_move(
        self,
        ids: list[int],
        stage: Stage,
        before_id: int | None = None,
        at_end: bool = False,
        from_stage: Stage | None = None,
    ) -> bool:
        """Move cards (drop or keyboard). Into Unqualified a reason is asked first; the move
        then happens when the dialog is accepted. Returns whether the move was taken.
        The move is made only if the cards are still where the user saw them: in
        ``from_stage`` (the column a drag started in) or where the board shows them now."""
        cards = self.store.cards
        stages = self.store.stages
        seen = {i: from_stage or stages[i] for i in ids if from_stage or i in stages}
        needs_reason = stage is Stage.UNQUALIFIED and any(
            stages[i] is not Stage.UNQUALIFIED for i in ids if i in stages
        )
        if not needs_reason:
            return self._move(ids, stage, before_id, at_end, None, seen)
        subject = cards[ids[0]].name if len(ids) == 1 and ids[0] in cards else len(ids)
        dialog = ReasonDialog(subject, self.window())
        self.reason_dialog = dialog

        def done(result: int) -> None:
            self.reason_dialog = None
            if result == ReasonDialog.DialogCode.Accepted:
                self._move(ids, stage, before_id, at_end, dialog.reason(), seen)
            else:
                self.events.status_message.emit(self.tr("Move cancelled; nothing changed."))
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()
        return True

    def _move(
        self,
        ids: list[int],
        stage: Stage,
        before_id: int | None,
        at_end: bool,
        reason: str | None,
        seen: dict[int, Stage],
    ) -> bool:
        service = self.runner.service
        outcome = self.runner.execute(
            lambda: service.move(
                ids, stage, before_id=before_id, at_end=at_end, reason=reason, expected_stages=seen
            )
        )
        if outcome is None:
            return False
        self.select_ids(stage, ids)
        if not self.columns[stage].folded:
            self.columns[stage].view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def move_selected_by(self, steps: int) -> bool:
        """Move the selected cards ``steps`` stages right (+) or left (-)."""
        ids = self.selected_ids()
        n = STAGE_ORDER.index(self.active_stage) + steps
        if not ids or not 0 <= n < len(STAGE_ORDER):
            return False
        return self.request_move(ids, STAGE_ORDER[n])

    def move_selected_to(self, stage: Stage) -> bool:
        ids = self.selected_ids()
        if not ids or stage is self.active_stage:
            return False
        return self.request_move(ids, stage)

    def delete_selected(self) -> bool:
        """Send the selected cards to the trash (undoable)."""
        ids = self.selected_ids()
        if not ids:
            return False
        stage = self.active_stage
        row = self.columns[stage].view.currentIndex().row()
        service = self.runner.service
        if self.runner.execute(lambda: service.delete(ids)) is None:
            return False
        self.focus_column(stage, row)
        return True

    def open_current(self) -> None:
        contact_id = self.current_id()
        if contact_id is not None:
            self.contact_activated.emit(contact_id)

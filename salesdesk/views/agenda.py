"""The agenda dock: overdue follow-ups, today's, the next 7 days', and contacts going stale.

AgendaModel is a two-level item model (sections, then contacts); AgendaDock shows it in a
tree, refreshes after every change (coalesced) and every minute, and asks to show the
contact a user clicks. It also hands the per-stage overdue/stale counts to the board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.agenda import SECTION_ORDER, Agenda, AgendaItem, Section, quiet_days
from salesdesk.views.channels import follow_up_when, full_date, short_time
from salesdesk.views.detail.common import error_color
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.due_notifier import DueBanner

AnyIndex = QModelIndex | QPersistentModelIndex
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_DELAY_MS = 200  # many quick changes (an import, undo after undo) refresh once
TICK_MS = 60_000  # "today" and "overdue" move on with the clock
_TOP = 0xFFFFFFFF  # internalId of a section row (item rows carry their section's number)


def section_title(section: Section) -> str:
    return {
        Section.OVERDUE: QCoreApplication.translate("AgendaModel", "Overdue"),
        Section.TODAY: QCoreApplication.translate("AgendaModel", "Today"),
        Section.SOON: QCoreApplication.translate("AgendaModel", "Next 7 days"),
        Section.STALE: QCoreApplication.translate("AgendaModel", "Going stale"),
    }[section]


class AgendaModel(QAbstractItemModel):
    """Sections (Overdue, Today, Next 7 days, Going stale) with their contacts as children.
    Columns: who, and when/why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.agenda = Agenda()
        self.today = dt.date.today()
        self.now = dt.datetime.now(dt.UTC)
        self.overdue_color = error_color(QPalette())

    def set_agenda(self, agenda: Agenda, now_local: dt.datetime) -> None:
        self.beginResetModel()
        self.agenda = agenda
        self.today = now_local.date()
        self.now = now_local
        self.endResetModel()

    def items(self, section: Section) -> list[AgendaItem]:
        return self.agenda.items(section)

    # --- structure ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: AnyIndex) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(SECTION_ORDER)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self.items(SECTION_ORDER[parent.row()]))
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _TOP:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Contact"), self.tr("When"))[section] if 0 <= section < 2 else None
        return None

    # --- data --------------------------------------------------------------------------------

    def item_at(self, index: AnyIndex) -> AgendaItem | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        items = self.items(SECTION_ORDER[int(index.internalId())])
        return items[index.row()] if 0 <= index.row() < len(items) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._section_data(SECTION_ORDER[index.row()], index.column(), role)
        item = self.item_at(index)
        if item is None:
            return None
        if role == CONTACT_ID_ROLE:
            return item.contact_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.ForegroundRole and item.section is Section.OVERDUE:
            return QBrush(self.overdue_color) if index.column() == 1 else None
        return None

    def _section_data(self, section: Section, column: int, role: int) -> object:
        count = self.agenda.total(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section_title(section)} ({count})" if column == 0 else None
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and section is Section.OVERDUE and count:
            return QBrush(self.overdue_color)
        return None

    def _text(self, item: AgendaItem, column: int) -> str:
        if column == 0:
            if item.follow_up is not None and item.follow_up.note:  # what to do, at a glance
                return (
                    self.tr("%1 · %2").replace("%1", item.name).replace("%2", item.follow_up.note)
                )
            return item.name
        if item.follow_up is not None:
            return follow_up_when(item.follow_up, self.today)
        days = quiet_days(item.last_touch, self.now) if item.last_touch else 0
        if not item.contacted:
            text = self.tr("%n days, never contacted", "", days)
        else:
            text = self.tr("%n days quiet", "", days)
        return f"{text} ({stage_label(item.stage)})"

    def _tooltip(self, item: AgendaItem) -> str:
        lines = [item.name, item.company, stage_label(item.stage)]
        if item.follow_up is not None:
            when = full_date(item.follow_up.due_on)
            if item.follow_up.due_time is not None:
                when += " " + short_time(item.follow_up.due_time)
            lines.append(when)
            lines.append(item.follow_up.note)
        return "\n".join(line for line in lines if line)


class AgendaDock(QDockWidget):
    """The dockable agenda. ``contact_picked(int)`` when an entry is clicked or activated;
    ``counts_changed(dict, dict)`` with overdue and stale counts per stage."""

    contact_picked = Signal(int)
    counts_changed = Signal(object, object)  # dict[Stage, int] overdue, dict[Stage, int] stale
    refreshed = Signal(object, object)  # Agenda, the user's local now (for notifications)

    def __init__(
        self,
        compute: Callable[[], tuple[Agenda, dt.datetime]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_dock")
        self.setWindowTitle(self.tr("Agenda"))
        self.compute = compute
        self.model = AgendaModel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.banner = DueBanner(body)  # "follow-up due" where no desktop notification can
        layout.addWidget(self.banner)
        self.hint = QLabel(self.tr("Nothing due and nobody going stale."), body)
        self.hint.setObjectName("agenda_empty")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.view = QTreeView(body)
        self.view.setObjectName("agenda_view")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setRootIsDecorated(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.view.clicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()

    def schedule_refresh(self, *args: object) -> None:
        """Refresh soon (after a burst of changes settles)."""
        self.timer.start()

    def refresh(self) -> None:
        self.timer.stop()
        agenda, now_local = self.compute()
        expanded = {
            SECTION_ORDER[r]
            for r in range(self.model.rowCount())
            if self.view.isExpanded(self.model.index(r, 0))
        }
        first = not hasattr(self, "_shown")
        self._shown = True
        self.model.set_agenda(agenda, now_local)
        for row, section in enumerate(SECTION_ORDER):
            wanted = section is not Section.STALE if first else section in expanded
            self.view.setExpanded(self.model.index(row, 0), wanted)
            # a section's title has no "when": it takes both columns ("Gerät in
            # Vergessenheit (53,144)" is not cut in a narrow dock)
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        empty = not any(agenda.items(s) for s in SECTION_ORDER)
        self.hint.setVisible(empty)
        self.counts_changed.emit(dict(agenda.overdue_by_stage), dict(agenda.stale_by_stage))
        self.refreshed.emit(agenda, now_local)

    def section_index(self, section: Section) -> QModelIndex:
        return self.model.index(SECTION_ORDER.index(section), 0)

    def _on_activated(self, index: QModelIndex) -> None:
        contact_id = index.data(CONTACT_ID_ROLE)
        if contact_id is not None:
            self.contact_picked.emit(int(contact_id))


class _Plurals(QObject):
    """Plural texts of module functions (lupdate finds plural forms only in self.tr)."""

    def overdue(self, count: int) -> str:
        return self.tr("%n overdue follow-ups", "", count)


_PLURALS = _Plurals()


def attention_text(overdue: int, stale: int) -> str:
    """'2 overdue follow-ups, 5 going stale' for a column header's tooltip."""
    parts = []
    if overdue:
        parts.append(_PLURALS.overdue(overdue))
    if stale:
        parts.append(
            QCoreApplication.translate("AgendaModel", "%1 going stale").replace("%1", str(stale))
        )
    return ", ".join(parts)

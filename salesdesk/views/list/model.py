"""ContactTableModel: the contacts the search finds, in rows, sorted in SQL, read a page at
a time (100k rows cost one id query; only the rows shown are read)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from salesdesk.domain.contact import Rating
from salesdesk.domain.filters import FilterQuery
from salesdesk.services.contacts import Card
from salesdesk.views.board.labels import stage_label
from salesdesk.views.detail.labels import rating_label

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200  # rows read at once around one not read yet
CACHE_LIMIT = 5000  # rows kept; more are read again when scrolled back to
AnyIndex = QModelIndex | QPersistentModelIndex
# (query, sort key, descending) -> ids in order
Finder = Callable[[FilterQuery, str, bool], list[int]]
Reader = Callable[[Sequence[int]], list[Card]]


class ContactTableModel(QAbstractTableModel):
    """Rows are contact ids in the order the database sorted them; cells read the card."""

    # (column title, sort key of services.filters.SORT_KEYS)
    COLUMNS: tuple[tuple[str, str], ...] = (
        ("Name", "name"),
        ("Company", "company"),
        ("Stage", "stage"),
        ("Rating", "rating"),
        ("E-mail", "email"),
        ("Phone", "phone"),
        ("Tags", "tags"),
        ("Follow-up", "follow_up"),
    )

    def __init__(
        self,
        find: Finder,
        read: Reader,
        format_phone: Callable[[str], str] = str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.find = find
        self.read = read
        self.format_phone = format_phone
        self.query = FilterQuery()
        self.sort_column = 0
        self.descending = False
        self._ids: list[int] = []
        self.loaded = False  # nothing is read until the list is first shown (reload)
        self._rows: dict[int, int] | None = None  # id -> row, built when first asked
        self._cards: dict[int, Card] = {}
        self._titles = (
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Stage"),
            self.tr("Rating"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Tags"),
            self.tr("Follow-up"),
        )

    # --- loading ---------------------------------------------------------------------------

    def set_query(self, query: FilterQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Ask the database again (sorted there) and drop the cards read."""
        key = self.COLUMNS[self.sort_column][1]
        ids = self.find(self.query, key, self.descending)
        self.loaded = True
        self.beginResetModel()
        self._ids = ids
        self._rows = None
        self._cards.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        if not self.loaded:  # the view sorts when it is set up: read when shown, not now
            self.sort_column = column
            self.descending = order == Qt.SortOrder.DescendingOrder
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        key = self.COLUMNS[column][1]
        old_persistent = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if i.row() < len(self._ids) else None
                   for i in old_persistent]  # fmt: skip
        self._ids = self.find(self.query, key, self.descending)
        self._rows = None
        self._cards.clear()
        new = [self.index(self.row_of(i), p.column()) if i is not None else QModelIndex()
               for i, p in zip(old_ids, old_persistent, strict=True)]  # fmt: skip
        self.changePersistentIndexList(old_persistent, new)
        self.layoutChanged.emit()

    def forget(self, ids: Sequence[int]) -> None:
        """Cards that changed: read them again when shown."""
        for contact_id in ids:
            self._cards.pop(contact_id, None)

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, contact_id: int) -> int:
        if self._rows is None:
            self._rows = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows.get(contact_id, -1)

    def card(self, row: int) -> Card | None:
        contact_id = self._ids[row]
        card = self._cards.get(contact_id)
        if card is None:
            if len(self._cards) > CACHE_LIMIT:
                self._cards.clear()
            page = self._ids[max(row - PAGE // 4, 0) : row + PAGE]
            self._cards.update((c.id, c) for c in self.read(page))
            card = self._cards.get(contact_id)
        return card

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CONTACT_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        card = self.card(index.row())
        if card is None:
            return None
        return self._text(card, index.column())

    def _text(self, card: Card, column: int) -> str:
        key = self.COLUMNS[column][1]
        if key == "name":
            return card.name
        if key == "company":
            return card.company
        if key == "stage":
            return stage_label(card.stage)
        if key == "rating":
            return rating_label(Rating(card.rating)) if card.rating != "none" else ""
        if key == "email":
            return card.email
        if key == "phone":
            return self.format_phone(card.phone) if card.phone else ""
        if key == "tags":
            return ", ".join(t.strip() for t in card.tags.split(",") if t.strip())
        if card.follow_up_on:
            day = QDate.fromString(card.follow_up_on, "yyyy-MM-dd")
            text = QLocale().toString(day, QLocale.FormatType.ShortFormat)
            return f"{text} {card.follow_up_time}" if card.follow_up_time else text
        return ""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._titles)
        ):
            return self._titles[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

"""ContactTableModel: the contacts the search finds, in rows, sorted in SQL, read a page at
a time (100k rows cost one id query; only the rows shown are read)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
CHANGE_LIMIT = 200  # changed contacts placed one by one; more: the ids are read again
# (query, sort key, descending) -> ids in order
Finder = Callable[[FilterQuery, str, bool], list[int]]
Reader = Callable[[Sequence[int]], list[Card]]
# (ids, sort key, descending) -> comparable sort positions of those that exist
Positions = Callable[[Sequence[int], str, bool], dict[int, Any]]
# (query, ids) -> those of ids the query finds
Matcher = Callable[[FilterQuery, Sequence[int]], set[int]]


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
        *,
        positions: Positions | None = None,
        matching: Matcher | None = None,
    ) -> None:
        super().__init__(parent)
        self.find = find
        self.read = read
        self.positions = positions
        self.matching = matching
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

    # --- changes -----------------------------------------------------------------------------

    def apply(self, changed: Sequence[int]) -> bool:
        """Show that the contacts ``changed`` changed, without asking for every id again:
        a row whose place in the order holds is repainted where it is, one that moved is moved
        (a binary search among the others for its new place), one the search no longer finds
        is taken out and one it now finds is put in. Returns False when it read the whole list
        again instead (many changes at once, or no way to place them)."""
        ids = sorted(set(changed))
        self.forget(ids)
        if not self.loaded:
            return True
        if self.positions is None or self.matching is None or len(ids) > CHANGE_LIMIT:
            self.reload()
            return False
        key = self.COLUMNS[self.sort_column][1]
        found = self.matching(self.query, ids)
        fresh = self.positions(sorted(found), key, self.descending)
        rows = [(self.row_of(i), i) for i in ids]
        present = [(row, i) for row, i in rows if row >= 0]
        if len(ids) == 1:
            self._place_one(ids[0], rows[0][0], fresh.get(ids[0]), key)
            return True
        same_rows = all(i in fresh for _, i in present) and len(present) == len(fresh)
        if same_rows and self._in_order([row for row, _ in present], fresh, key):
            for row, _ in present:
                self._repaint(row)
            return True
        for row, _ in sorted(present, reverse=True):
            self._remove(row)
        known = dict(fresh)
        for contact_id in sorted(fresh):
            self._insert(self._place(fresh[contact_id], key, known, skip=-1), contact_id)
        return True

    def _place_one(self, contact_id: int, row: int, position: Any, key: str) -> None:
        if position is None:
            if row >= 0:
                self._remove(row)
            return
        target = self._place(position, key, {}, skip=row)
        if row < 0:
            self._insert(target, contact_id)
        elif target == row:
            self._repaint(row)
        else:  # Qt's destination counts the row itself when it moves down
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (target > row))
            del self._ids[row]
            self._ids.insert(target, contact_id)
            self._rows = None
            self.endMoveRows()
            self._repaint(target)

    def _place(self, position: Any, key: str, known: dict[int, Any], skip: int) -> int:
        """Where ``position`` goes among the rows (without row ``skip``): a binary search
        that reads the positions of the ~17 rows it compares with (100k rows)."""
        ids = self._ids
        low, high = 0, len(ids) - (1 if skip >= 0 else 0)
        while low < high:
            middle = (low + high) // 2
            contact_id = ids[middle + (1 if 0 <= skip <= middle else 0)]
            other = known.get(contact_id)
            if other is None:
                other = self.positions(  # type: ignore[misc]
                    [contact_id], key, self.descending
                ).get(contact_id)
                if other is None:  # gone meanwhile: its change comes next
                    other = position
                known[contact_id] = other
            if other < position:
                low = middle + 1
            else:
                high = middle
        return low

    def _in_order(self, rows: list[int], fresh: dict[int, Any], key: str) -> bool:
        """Whether each changed row still fits between its neighbours (then every pair of
        neighbours is in order, since the unchanged ones were)."""
        neighbours = {r for row in rows for r in (row - 1, row + 1) if 0 <= r < len(self._ids)}
        wanted = [self._ids[r] for r in neighbours if self._ids[r] not in fresh]
        known = {**self.positions(wanted, key, self.descending), **fresh}  # type: ignore[misc]
        for row in rows:
            for before, after in ((row - 1, row), (row, row + 1)):
                if before < 0 or after >= len(self._ids):
                    continue
                a, b = known.get(self._ids[before]), known.get(self._ids[after])
                if a is None or b is None or not a < b:
                    return False
        return True

    def _repaint(self, row: int) -> None:
        last = len(self.COLUMNS) - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._cards.pop(self._ids.pop(row), None)
        self._rows = None
        self.endRemoveRows()

    def _insert(self, row: int, contact_id: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, contact_id)
        self._rows = None
        self.endInsertRows()

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

"""Board item models: one list model per stage column over one shared store of cards."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.contacts import Card

MIME_TYPE = "application/x-salesdesk-contact-ids"
FROM_STAGE_TYPE = "application/x-salesdesk-from-stage"  # where the drag started
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_ROLE = Qt.ItemDataRole.UserRole + 2
BULK_LIMIT = 300  # above this many changed cards, rebuild the touched columns at once
FETCH_BEFORE, FETCH_AFTER = 40, 120  # cards read along with one not read yet (~2 ms)

CARD_ROLES = frozenset(  # the roles that need the card's text (read on first use)
    {
        CARD_ROLE,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
# (ids, stage, before_id, at_end) -> whether the move was taken
# (ids, target stage, before_id, at_end, the stage the cards were dragged from if known)
DropHandler = Callable[[list[int], Stage, "int | None", bool, "Stage | None"], bool]
AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[list[int]], list[Card]]


def encode_ids(ids: Sequence[int], from_stage: Stage | None = None) -> QMimeData:
    """Contact ids as the board's private drag-and-drop payload, with the column they were
    dragged from: the drop is refused if another program moved them while dragging."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(",".join(str(int(i)) for i in ids).encode("ascii")))
    if from_stage is not None:
        mime.setData(FROM_STAGE_TYPE, QByteArray(from_stage.value.encode("ascii")))
    return mime


def decode_from_stage(mime: QMimeData | None) -> Stage | None:
    """The column a board payload was dragged from (None: unknown or damaged)."""
    if mime is None or not mime.hasFormat(FROM_STAGE_TYPE):
        return None
    raw = bytes(mime.data(FROM_STAGE_TYPE).data()).decode("ascii", "replace")
    return next((s for s in Stage if s.value == raw), None)


def decode_ids(mime: QMimeData | None) -> list[int]:
    """The contact ids in a board payload; [] for anything else or a damaged payload."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return []
    raw = bytes(mime.data(MIME_TYPE).data()).decode("ascii", "replace")
    ids: list[int] = []
    for part in raw.split(","):
        part = part.strip()
        if not part.isdigit():
            return []
        ids.append(int(part))
    return list(dict.fromkeys(ids))


class StageColumnModel(QAbstractListModel):
    """The cards of one stage in board order, optionally narrowed to the search matches."""

    def __init__(self, store: CardStore, stage: Stage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self._store = store
        self._all: list[int] = []
        self._shown: list[int] = self._all
        self.drop_handler: DropHandler | None = None

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        if role == CONTACT_ID_ROLE:
            return self._shown[index.row()]
        if role not in CARD_ROLES:
            return None
        card = self._store.card_at(self, index.row())
        if card is None:
            return None
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (card.name, card.company, card.email, card.phone) if p)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def id_at(self, row: int) -> int:
        return self._shown[row]

    def ids_around(self, row: int, before: int, after: int) -> list[int]:
        """The ids shown from ``before`` rows above ``row`` to ``after`` rows below it."""
        return self._shown[max(row - before, 0) : row + after]

    def ids(self) -> list[int]:
        """The ids shown, top to bottom."""
        return list(self._shown)

    def row_of(self, contact_id: int) -> int:
        """The row showing ``contact_id``, or -1."""
        if self._store.stages.get(contact_id) is not self.stage:
            return -1
        row = bisect_left(self._shown, self._store.key(contact_id), key=self._store.key)
        ok = row < len(self._shown) and self._shown[row] == contact_id
        return row if ok else -1

    @property
    def total(self) -> int:
        return len(self._all)

    # --- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid() and i.model() is self})
        return encode_ids([self._shown[r] for r in rows if r < len(self._shown)], self.stage)

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return (
            action == Qt.DropAction.MoveAction and not parent.isValid() and bool(decode_ids(data))
        )

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Hand the move to the drop handler (the service); the rows change only when the
        service reports the change, so a refused move never shows as done."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = decode_ids(data)
        before_id, at_end = self.slot_for(row, ids)
        if self.is_no_op(ids, before_id, at_end) or self.drop_handler is None:
            return False
        return self.drop_handler(ids, self.stage, before_id, at_end, decode_from_stage(data))

    def slot_for(self, row: int, moving: Sequence[int]) -> tuple[int | None, bool]:
        """(before_id, at_end) for a drop in front of ``row`` (-1 or past the end: the end)."""
        if 0 <= row < len(self._shown):
            skip = set(moving)
            for contact_id in self._shown[row:]:
                if contact_id not in skip:
                    return contact_id, False
        return None, True

    def is_no_op(self, ids: Sequence[int], before_id: int | None, at_end: bool) -> bool:
        """True when the cards already sit, in this order, exactly at that slot."""
        rows = [self.row_of(i) for i in ids]
        if -1 in rows or rows != list(range(rows[0], rows[0] + len(rows))):
            return False
        after = rows[-1] + 1
        if at_end:
            return after == len(self._shown)
        return after < len(self._shown) and self._shown[after] == before_id

    # --- changes (called by CardStore) -----------------------------------------------------

    def reset(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._all = ids
        self._shown = self._filtered()
        self.endResetModel()

    def refilter(self, narrowing: bool = False) -> None:
        """Show the cards of the store's matches; ``narrowing``: the matches are a subset of
        the last ones, so only the cards shown now need a look."""
        self.beginResetModel()
        self._shown = self._filtered(self._shown if narrowing else self._all)
        self.endResetModel()

    def _filtered(self, ids: list[int] | None = None) -> list[int]:
        matches = self._store.matches
        if matches is None:
            return self._all
        return [i for i in (self._all if ids is None else ids) if i in matches]

    def remove_id(self, contact_id: int) -> None:
        """Take ``contact_id`` out (its card in the store must still be the old one)."""
        key = self._store.key(contact_id)
        at = bisect_left(self._all, key, key=self._store.key)
        if at >= len(self._all) or self._all[at] != contact_id:
            return
        if self._shown is self._all:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._all[at]
            self.endRemoveRows()
            return
        del self._all[at]
        row = bisect_left(self._shown, key, key=self._store.key)
        if row < len(self._shown) and self._shown[row] == contact_id:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._shown[row]
            self.endRemoveRows()

    def insert_id(self, contact_id: int) -> None:
        """Put ``contact_id`` (already in the store) in its place."""
        key = self._store.key(contact_id)
        at = bisect_left(self._all, key, key=self._store.key)
        if self._shown is self._all:
            self.beginInsertRows(QModelIndex(), at, at)
            self._all.insert(at, contact_id)
            self.endInsertRows()
            return
        self._all.insert(at, contact_id)
        matches = self._store.matches
        if matches is not None and contact_id in matches:
            row = bisect_left(self._shown, key, key=self._store.key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._shown.insert(row, contact_id)
            self.endInsertRows()

    def all_ids(self) -> list[int]:
        return self._all


class CardStore(QObject):
    """The board's cards, shared by the six column models: where each live contact sits
    (stage and position, all of them) and the card text, read in slices as rows are shown."""

    changed = Signal()  # counts or search matches changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stages: dict[int, Stage] = {}
        self.positions: dict[int, float] = {}
        self._cards: dict[int, Card] = {}
        self.cards = CardLookup(self)
        self.fetch: Fetch | None = None  # reads cards by id (the service's cards(ids))
        self.matches: set[int] | None = None
        self.models: dict[Stage, StageColumnModel] = {
            stage: StageColumnModel(self, stage, self) for stage in STAGE_ORDER
        }

    def key(self, contact_id: int) -> tuple[float, int]:
        """Board order inside a column, the same as the database's (position, id)."""
        return (self.positions[contact_id], contact_id)

    def cached(self, contact_id: int) -> Card | None:
        """The card as last read, without reading it (None if it was never shown)."""
        return self._cards.get(contact_id)

    def card_at(self, model: StageColumnModel, row: int) -> Card | None:
        """The card in ``row`` of ``model``; a card not read yet is read with a screenful
        of its neighbours in one query."""
        contact_id = model.id_at(row)
        card = self._cards.get(contact_id)
        if card is None and self.fetch is not None:
            # the whole slice, read ones too: one statement of one length (kept prepared)
            self._cache(self.fetch(model.ids_around(row, FETCH_BEFORE, FETCH_AFTER)))
            card = self._cards.get(contact_id)
        return card

    def _cache(self, cards: Iterable[Card]) -> None:
        for card in cards:
            if card.id in self.stages:
                self._cards[card.id] = card

    def load(self, cards: Iterable[Card]) -> None:
        """Replace everything with ``cards`` (all read already), in board order (stage,
        position, id) as the service hands them out, so nothing is sorted here."""
        cards = list(cards)
        columns: dict[Stage, tuple[list[int], list[float]]] = {s: ([], []) for s in STAGE_ORDER}
        # grouping runs of one stage avoids hashing an enum per card (100k cards: ~60 ms)
        for stage, run in groupby(cards, key=attrgetter("stage")):
            ids, positions = columns[stage]
            for card in run:
                ids.append(card.id)
                positions.append(card.position)
        self.load_columns(columns)
        self._cards.update((card.id, card) for card in cards)

    def load_columns(self, columns: Mapping[Stage, tuple[list[int], list[float]]]) -> None:
        """Replace everything with each stage's ids and positions in column order; the
        card text is read through ``fetch`` when a row is first shown."""
        self.stages.clear()
        self.positions.clear()
        self._cards.clear()
        for stage in STAGE_ORDER:
            ids, positions = columns.get(stage, ([], []))
            self.stages.update(dict.fromkeys(ids, stage))
            self.positions.update(zip(ids, positions, strict=True))
        for stage in STAGE_ORDER:
            self.models[stage].reset(list(columns.get(stage, ([], []))[0]))
        self.changed.emit()

    def _place(self, new: Mapping[int, Card]) -> None:
        for contact_id, card in new.items():
            self.stages[contact_id] = card.stage
            self.positions[contact_id] = card.position
            self._cards[contact_id] = card

    def _forget(self, contact_id: int) -> None:
        del self.stages[contact_id]
        del self.positions[contact_id]
        self._cards.pop(contact_id, None)

    def apply(
        self,
        fresh: Iterable[Card],
        requested: Iterable[int],
        matches: set[int] | None | bool = False,
    ) -> None:
        """Bring the ``requested`` ids up to date: ``fresh`` holds the live ones, the rest left
        the board. ``matches`` (when not False) replaces the search matches."""
        new = {card.id: card for card in fresh}
        wanted = set(requested) | set(new)
        old_stages = {i: self.stages[i] for i in wanted if i in self.stages}
        if len(wanted) > BULK_LIMIT:
            self._apply_bulk(new, wanted, old_stages, matches)
            return
        for contact_id, stage in old_stages.items():
            self.models[stage].remove_id(contact_id)
            self._forget(contact_id)
        if matches is not False:
            self.matches = matches if isinstance(matches, set) else None
        self._place(new)
        for contact_id in sorted(new, key=self.key):
            self.models[new[contact_id].stage].insert_id(contact_id)
        self.changed.emit()

    def _apply_bulk(
        self,
        new: dict[int, Card],
        wanted: set[int],
        old_stages: dict[int, Stage],
        matches: set[int] | None | bool,
    ) -> None:
        touched = set(old_stages.values()) | {card.stage for card in new.values()}
        for contact_id in old_stages:
            self._forget(contact_id)
        self._place(new)
        if matches is not False:
            self.matches = matches if isinstance(matches, set) else None
        for stage in STAGE_ORDER:
            model = self.models[stage]
            if stage not in touched:
                if matches is not False:
                    model.refilter()
                continue
            ids = [i for i in model.all_ids() if i not in wanted]
            ids += [i for i, card in new.items() if card.stage is stage]
            ids.sort(key=self.key)
            model.reset(ids)
        self.changed.emit()

    def set_matches(self, matches: set[int] | None, narrowing: bool = False) -> None:
        """Show only ``matches`` in every column (None: show everything). ``narrowing``
        promises that ``matches`` hold no card on the board the last ones did not (the
        search text grew), so each column filters what it shows instead of all its cards."""
        narrowing = narrowing and matches is not None and self.matches is not None
        self.matches = matches
        for model in self.models.values():
            model.refilter(narrowing)
        self.changed.emit()

    def total(self) -> int:
        return len(self.stages)


class CardLookup(Mapping[int, Card]):
    """The cards on the board by id, as a read-only mapping; a card not read yet is read on
    first access, with its neighbours in the column (``in`` and ``len`` read nothing)."""

    def __init__(self, store: CardStore) -> None:
        self._store = store

    def __getitem__(self, contact_id: int) -> Card:
        store = self._store
        if contact_id not in store.stages:
            raise KeyError(contact_id)
        card = store.cached(contact_id)
        if card is None and store.fetch is not None:
            model = store.models[store.stages[contact_id]]
            row = model.row_of(contact_id)  # shown: read with its neighbours, as a view does
            if row >= 0:
                card = store.card_at(model, row)
            else:
                store._cache(store.fetch([contact_id]))
                card = store.cached(contact_id)
        if card is None:
            raise KeyError(contact_id)
        return card

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._store.stages

    def __iter__(self) -> Iterator[int]:
        return iter(self._store.stages)

    def __len__(self) -> int:
        return len(self._store.stages)

"""The board's item models: Qt's model rules, board order, incremental updates, search, and
the model layer of drag-and-drop (mimeData -> dropMimeData hands the move to the service)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QSortFilterProxyModel, Qt

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.session import Session
from salesdesk.views.board.models import (
    BULK_LIMIT,
    CARD_ROLE,
    CONTACT_ID_ROLE,
    MIME_TYPE,
    CardStore,
    decode_ids,
    encode_ids,
)


@pytest.fixture
def store(qtbot, session: Session, people: dict[str, int]) -> CardStore:
    loaded = CardStore()
    loaded.load(session.service.cards())
    return loaded


def column_names(store: CardStore, stage: Stage) -> list[str]:
    model = store.models[stage]
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, store: CardStore) -> None:
    for stage in STAGE_ORDER:
        qtmodeltester.check(store.models[stage])
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(store.models[stage])
        qtmodeltester.check(proxy)


def test_model_tester_also_passes_while_rows_change(
    qtmodeltester, session: Session, store: CardStore, people
) -> None:
    model = store.models[Stage.PROSPECT]
    qtmodeltester.check(model, force_py=True)
    outcome = session.service.move([people["Anna"]], Stage.PROSPECT)
    store.apply(
        session.service.cards(list(outcome.changes.contact_ids)), outcome.changes.contact_ids
    )
    assert column_names(store, Stage.PROSPECT) == ["Anna Schmidt", "Ben Okafor"]


def test_columns_follow_stage_and_board_order(store: CardStore) -> None:
    assert column_names(store, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    assert column_names(store, Stage.WORKING) == ["Li Wei"]
    assert column_names(store, Stage.UNQUALIFIED) == []
    assert store.models[Stage.CUSTOMER].total == 1
    card = store.models[Stage.NEW].index(0, 0).data(CARD_ROLE)
    assert (card.company, card.rating, card.tags) == ("Acme GmbH", "hot", "vip")


def test_data_roles_and_flags(store: CardStore, people) -> None:
    model = store.models[Stage.NEW]
    index = model.index(0, 0)
    assert index.data(CONTACT_ID_ROLE) == people["Anna"]
    assert "anna@acme.de" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert not index.flags() & Qt.ItemFlag.ItemIsDropEnabled  # drops go between cards
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == Qt.DropAction.MoveAction
    assert model.supportedDragActions() == Qt.DropAction.MoveAction
    assert model.mimeTypes() == [MIME_TYPE]


def test_mime_payload_round_trip_and_junk() -> None:
    assert decode_ids(encode_ids([3, 1, 3])) == [3, 1]
    junk = QMimeData()
    junk.setData(MIME_TYPE, b"1,two,3")
    assert decode_ids(junk) == []
    text = QMimeData()
    text.setText("1,2")
    assert decode_ids(text) == []
    assert decode_ids(None) == []


def test_apply_moves_one_card_between_columns_without_reset(
    qtbot, session: Session, store: CardStore, people
) -> None:
    new, working = store.models[Stage.NEW], store.models[Stage.WORKING]
    with (
        qtbot.assertNotEmitted(new.modelReset),
        qtbot.waitSignals([new.rowsRemoved, working.rowsInserted]),
    ):
        outcome = session.service.move([people["Anna"]], Stage.WORKING, at_end=True)
        store.apply(session.service.cards([people["Anna"]]), outcome.changes.contact_ids)
    assert column_names(store, Stage.NEW) == ["Jürgen Müller"]
    assert column_names(store, Stage.WORKING) == ["Li Wei", "Anna Schmidt"]


def test_apply_drops_trashed_cards_and_brings_them_back(
    session: Session, store: CardStore, people
) -> None:
    outcome = session.service.delete([people["Li"]])
    store.apply(session.service.cards([people["Li"]]), outcome.changes.contact_ids)
    assert column_names(store, Stage.WORKING) == []
    assert people["Li"] not in store.cards
    undone = session.service.apply(outcome.inverse)
    store.apply(session.service.cards([people["Li"]]), undone.changes.contact_ids)
    assert column_names(store, Stage.WORKING) == ["Li Wei"]


def test_bulk_changes_rebuild_only_the_touched_columns(
    qtbot, session: Session, store: CardStore
) -> None:
    service = session.service
    created = [
        service.create(first_name=f"Bulk{n:03}", stage=Stage.PROSPECT).ids[0]
        for n in range(BULK_LIMIT + 1)
    ]
    with (
        qtbot.assertNotEmitted(store.models[Stage.NEW].modelReset),
        qtbot.waitSignal(store.models[Stage.PROSPECT].modelReset),
    ):
        store.apply(service.cards(created), created)
    names = column_names(store, Stage.PROSPECT)
    assert len(names) == BULK_LIMIT + 2
    assert names[0] == f"Bulk{BULK_LIMIT:03}"  # the newest is on top
    assert names[-1] == "Ben Okafor"


def test_search_matches_narrow_columns_and_keep_totals(
    session: Session, store: CardStore, people
) -> None:
    store.set_matches(set(session.service.search("mul")))  # accent-insensitive: Müller
    assert column_names(store, Stage.NEW) == ["Jürgen Müller"]
    assert store.models[Stage.NEW].total == 2
    assert column_names(store, Stage.WORKING) == []
    # a card moved while searching lands in the filtered column only if it matches
    outcome = session.service.move([people["Jürgen"], people["Anna"]], Stage.CUSTOMER)
    store.apply(session.service.cards(list(outcome.ids)), outcome.changes.contact_ids)
    assert column_names(store, Stage.CUSTOMER) == ["Jürgen Müller"]
    assert store.models[Stage.CUSTOMER].total == 3
    store.set_matches(None)
    assert column_names(store, Stage.CUSTOMER) == ["Jürgen Müller", "Anna Schmidt", "Marie Dubois"]


def test_row_of_finds_cards_and_misses_others(store: CardStore, people) -> None:
    new = store.models[Stage.NEW]
    assert new.row_of(people["Jürgen"]) == 1
    assert new.row_of(people["Li"]) == -1
    assert new.row_of(999_999) == -1


class Recorder:
    """A drop handler that records what the model asked for."""

    def __init__(self, answer: bool = True) -> None:
        self.calls: list[tuple[list[int], Stage, int | None, bool]] = []
        self.from_stages: list[Stage | None] = []
        self.answer = answer

    def __call__(
        self, ids: list[int], stage: Stage, before: int | None, at_end: bool, seen: Stage | None
    ) -> bool:
        self.calls.append((ids, stage, before, at_end))
        self.from_stages.append(seen)
        return self.answer


def test_mime_data_to_drop_mime_data_names_the_slot(store: CardStore, people) -> None:
    new, working = store.models[Stage.NEW], store.models[Stage.WORKING]
    mime = new.mimeData([new.index(1, 0), new.index(0, 0)])
    assert decode_ids(mime) == [people["Anna"], people["Jürgen"]]  # in board order
    working.drop_handler = recorder = Recorder()
    action = Qt.DropAction.MoveAction
    assert working.canDropMimeData(mime, action, 0, 0, QModelIndex())
    assert not working.canDropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert not working.canDropMimeData(mime, action, 0, 0, working.index(0, 0))
    assert working.dropMimeData(mime, action, 0, 0, QModelIndex())
    assert working.dropMimeData(mime, action, -1, -1, QModelIndex())
    assert working.dropMimeData(mime, action, 1, 0, QModelIndex())
    ids = [people["Anna"], people["Jürgen"]]
    assert recorder.calls == [
        (ids, Stage.WORKING, people["Li"], False),
        (ids, Stage.WORKING, None, True),
        (ids, Stage.WORKING, None, True),
    ]
    assert not working.dropMimeData(QMimeData(), action, 0, 0, QModelIndex())
    assert len(recorder.calls) == 3


def test_drop_in_place_is_no_move_and_reorder_skips_itself(store: CardStore, people) -> None:
    new = store.models[Stage.NEW]
    new.drop_handler = recorder = Recorder()
    anna = encode_ids([people["Anna"]])
    action = Qt.DropAction.MoveAction
    assert not new.dropMimeData(anna, action, 0, 0, QModelIndex())  # in front of itself
    assert not new.dropMimeData(anna, action, 1, 0, QModelIndex())  # right below itself
    assert new.dropMimeData(anna, action, -1, -1, QModelIndex())  # to the end: a reorder
    assert recorder.calls == [([people["Anna"]], Stage.NEW, None, True)]


def test_model_drop_hands_the_move_to_the_service(
    session: Session, store: CardStore, people
) -> None:
    service = session.service
    prospect = store.models[Stage.PROSPECT]

    def handler(
        ids: list[int], stage: Stage, before: int | None, at_end: bool, seen: Stage | None
    ) -> bool:
        assert seen is Stage.WORKING  # the payload names the column the drag started in
        outcome = service.move(
            ids, stage, before_id=before, at_end=at_end, expected_stages=dict.fromkeys(ids, seen)
        )
        store.apply(service.cards(list(outcome.changes.contact_ids)), outcome.changes.contact_ids)
        return True

    prospect.drop_handler = handler
    mime = store.models[Stage.WORKING].mimeData([store.models[Stage.WORKING].index(0, 0)])
    assert prospect.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert column_names(store, Stage.PROSPECT) == ["Li Wei", "Ben Okafor"]
    assert service.get(people["Li"]).stage is Stage.PROSPECT
    history = service.history(people["Li"])
    assert (history[-1].from_stage, history[-1].to_stage) == (Stage.WORKING, Stage.PROSPECT)


def test_card_role_gives_the_service_card(store: CardStore, people) -> None:
    card = store.cards[people["Ben"]]
    renamed = card._replace(first_name="Benjamin")
    store.apply([renamed], [card.id])
    assert column_names(store, Stage.PROSPECT) == ["Benjamin Okafor"]


def test_empty_change_set_changes_nothing(qtbot, store: CardStore) -> None:
    assert ChangeSet().is_empty()
    with qtbot.assertNotEmitted(store.models[Stage.NEW].modelReset):
        store.apply([], [])
    assert store.total() == 6

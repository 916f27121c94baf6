"""The board at scale: columns laid out from ids and positions alone, card text read in slices
as rows are shown, search that narrows what is shown, and the detail pane rebuilt after the
board has repainted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.contacts import Card
from salesdesk.services.session import Session
from salesdesk.views.board.models import CARD_ROLE, FETCH_AFTER, FETCH_BEFORE, CardStore
from salesdesk.views.main_window import QUICK_SEARCH_DELAY_MS, SEARCH_DELAY_MS, search_delay

MANY = FETCH_BEFORE + FETCH_AFTER + 40


class CountingFetch:
    """The service's cards(ids), counting what the store asks for."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.calls: list[list[int]] = []

    def __call__(self, ids: list[int]) -> list[Card]:
        self.calls.append(list(ids))
        return self.session.service.cards(ids)


@pytest.fixture
def many(session: Session) -> list[int]:
    """MANY contacts in Working, top to bottom (each new one goes on top)."""
    created = [
        session.service.create(first_name=f"W{n:03}", stage=Stage.WORKING).ids[0]
        for n in range(MANY)
    ]
    return created[::-1]


@pytest.fixture
def lazy(qtbot, session: Session, many: list[int]) -> tuple[CardStore, CountingFetch]:
    store = CardStore()
    fetch = CountingFetch(session)
    store.fetch = fetch
    store.load_columns(session.service.board_columns())
    return store, fetch


def test_columns_load_without_card_text_then_read_a_slice(lazy, many) -> None:
    store, fetch = lazy
    working = store.models[Stage.WORKING]
    assert working.total == MANY and working.ids() == many
    assert fetch.calls == [] and store.cached(many[0]) is None
    card = working.index(0, 0).data(CARD_ROLE)
    assert card.first_name == f"W{MANY - 1:03}"
    assert fetch.calls == [many[:FETCH_AFTER]]
    assert working.index(FETCH_AFTER - 1, 0).data() == f"W{MANY - FETCH_AFTER:03}"
    assert len(fetch.calls) == 1  # the neighbours came along
    row = FETCH_AFTER + 20
    assert working.index(row, 0).data(Qt.ItemDataRole.DisplayRole) == f"W{MANY - 1 - row:03}"
    assert fetch.calls[-1] == many[row - FETCH_BEFORE : row + FETCH_AFTER]


def test_lazy_models_pass_the_model_tester(qtmodeltester, lazy) -> None:
    store, _ = lazy
    for stage in STAGE_ORDER:
        qtmodeltester.check(store.models[stage])
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(store.models[stage])
        qtmodeltester.check(proxy)


def test_lookup_reads_on_demand_and_knows_the_board(lazy, many) -> None:
    store, fetch = lazy
    last = many[-1]
    assert last in store.cards and len(store.cards) == MANY
    assert store.cards[last].first_name == "W000"
    assert fetch.calls == [many[MANY - 1 - FETCH_BEFORE :]]  # with its neighbours
    assert 999_999 not in store.cards
    with pytest.raises(KeyError):
        store.cards[999_999]


def test_changes_apply_to_cards_never_read(lazy, session, many) -> None:
    store, _ = lazy
    service = session.service
    bottom, top = many[-1], many[0]
    outcome = service.move([bottom], Stage.NEW)
    store.apply(service.cards([bottom]), outcome.changes.contact_ids)
    assert store.models[Stage.NEW].ids() == [bottom]
    assert store.models[Stage.WORKING].ids() == many[:-1]
    outcome = service.delete([top])
    store.apply(service.cards([top]), outcome.changes.contact_ids)
    assert top not in store.cards and store.total() == MANY - 1
    assert store.models[Stage.WORKING].row_of(many[1]) == 0


def test_narrowing_search_equals_a_fresh_filter(lazy, session, many) -> None:
    store, _ = lazy
    service = session.service
    store.set_matches(set(service.search("w0", include_deleted=True)))
    wide = store.models[Stage.WORKING].ids()
    store.set_matches(set(service.search("w01", include_deleted=True)), narrowing=True)
    narrowed = store.models[Stage.WORKING].ids()
    assert narrowed == [i for i in many if service.get(i).first_name.startswith("W01")]
    assert set(narrowed) < set(wide)
    store.set_matches(None, narrowing=True)  # "narrowing" to everything is a full filter
    assert store.models[Stage.WORKING].ids() == many


def test_typing_on_narrows_and_a_new_word_starts_over(qtbot, many, window) -> None:
    window.search.setFocus()
    qtbot.keyClicks(window.search, "w01")
    window.apply_search()
    working = window.board.store.models[Stage.WORKING]
    assert [working.index(r, 0).data() for r in range(3)] == ["W019", "W018", "W017"]
    qtbot.keyClick(window.search, "5")
    window.apply_search()
    assert working.ids() == [many[MANY - 1 - 15]]
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    window.apply_search()  # shorter: not a narrowing, every card is looked at again
    assert working.rowCount() == 100


def test_search_waits_less_for_longer_words() -> None:
    assert search_delay("") == search_delay("   ") == 0
    assert search_delay("m") == search_delay("anna mü") == SEARCH_DELAY_MS
    assert search_delay("mül") == search_delay("a müll") == QUICK_SEARCH_DELAY_MS
    assert QUICK_SEARCH_DELAY_MS < SEARCH_DELAY_MS


def test_first_card_on_focus_is_shown_after_the_board(qtbot, session, people, window) -> None:
    window.board.column(Stage.NEW).view.clearFocus()
    window.detail.show_contact(None)
    window.events.contact_selected.emit(0)
    view = window.board.column(Stage.WORKING).view
    view.selectionModel().clearCurrentIndex()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert window.detail.contact() is None  # not in the same pass as the focus change
    qtbot.waitUntil(lambda: window.detail.contact() is not None)
    assert window.detail.contact().id == people["Li"]


def test_detail_pane_reloads_after_a_board_move(qtbot, session, people, window) -> None:
    board, detail = window.board, window.detail
    view = board.column(Stage.NEW).view
    board.select_ids(Stage.NEW, [people["Anna"]])
    view.setFocus()
    qtbot.waitUntil(lambda: detail.contact() is not None)
    assert detail.contact().id == people["Anna"]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert session.service.get(people["Anna"]).stage is Stage.WORKING
    assert detail.ui.stage_combo.currentText() == "New"  # the board went first
    qtbot.waitUntil(lambda: detail.ui.stage_combo.currentText() == "Working")
    # an edit right after a move is saved against the moved contact, not refused
    QApplication.processEvents()
    detail.ui.company_edit.setFocus()
    detail.ui.company_edit.selectAll()
    qtbot.keyClicks(detail.ui.company_edit, "Initech")
    qtbot.keyClick(detail.ui.company_edit, Qt.Key.Key_Return)
    assert session.service.get(people["Anna"]).company == "Initech"
    assert not detail.ui.banner_label.isVisible()


def test_an_edit_while_the_reload_is_due_is_not_a_conflict(qtbot, session, people, window):
    board, detail = window.board, window.detail
    board.select_ids(Stage.NEW, [people["Anna"]])
    board.column(Stage.NEW).view.setFocus()
    qtbot.waitUntil(lambda: detail.contact() is not None)
    board.move_selected_by(1)  # focus on the board: the pane's reload is due, not done
    assert detail._reload_due
    detail.ui.title_edit.setText("Buyer")
    detail._commit("title")  # what leaving the field does
    assert session.service.get(people["Anna"]).title == "Buyer"
    assert not detail.ui.banner_label.isVisible()
    qtbot.waitUntil(lambda: not detail._reload_due)
    assert detail.ui.stage_combo.currentText() == "Working"


def test_a_text_without_words_is_not_narrowed_from(qtbot, many, window) -> None:
    working = window.board.store.models[Stage.WORKING]
    window.search.setFocus()
    qtbot.keyClicks(window.search, "@")  # no word: finds nothing
    window.apply_search()
    assert working.rowCount() == 0
    qtbot.keyClicks(window.search, "w01")
    window.apply_search()
    assert working.rowCount() == 10

"""Column headers show the expected value of their contacts per currency, compactly, and
follow moves, edits and undo after the board has repainted."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import salesdesk.views.resources_rc  # noqa: F401  (registers :/translations)
from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session
from salesdesk.views.board.values import compact, header_text
from salesdesk.views.board.view import BoardView
from salesdesk.views.events import AppEvents
from salesdesk.views.undo import ServiceRunner


@contextmanager
def in_german() -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(":/translations/salesdesk_de.qm")
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def board(qtbot, session: Session, people: dict[str, int]) -> BoardView:
    service = session.service
    service.update(people["Ben"], {"expected_value": "12500", "currency": "EUR"})
    service.update(people["Marie"], {"expected_value": "3000", "currency": "USD"})
    service.update(people["Anna"], {"expected_value": "950", "currency": "EUR"})
    runner = ServiceRunner(service, AppEvents())
    view = BoardView(runner, runner.events)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.reload()
    view.show()
    qtbot.waitExposed(view)
    return view


def value(board: BoardView, stage: Stage) -> str:
    return board.column(stage).header.value_text()


def test_headers_show_each_column_s_sums(board: BoardView) -> None:
    assert value(board, Stage.PROSPECT) == "€\u00a012.5k"
    assert value(board, Stage.CUSTOMER) == "$\u00a03k"
    assert value(board, Stage.NEW) == "€\u00a0950"
    assert value(board, Stage.WORKING) == ""
    header = board.column(Stage.PROSPECT).header
    assert header_text({"EUR": 1250000})[1] + "\n" in header.toolTip()  # in full: 12,500.00 EUR
    assert "€\u00a012.5k" in header.accessibleName()


def test_sums_follow_a_move_an_edit_and_undo(qtbot, board: BoardView, people) -> None:
    runner = board.runner
    service = runner.service
    runner.execute(lambda: service.move([people["Ben"]], Stage.CUSTOMER))
    qtbot.waitUntil(lambda: value(board, Stage.PROSPECT) == "")
    assert value(board, Stage.CUSTOMER) == "€\u00a012.5k · $\u00a03k"  # the largest first
    runner.execute(lambda: service.update(people["Marie"], {"expected_value": "2500000"}))
    qtbot.waitUntil(lambda: value(board, Stage.CUSTOMER).startswith("$\u00a02.5M"))
    runner.undo_stack.undo()
    qtbot.waitUntil(lambda: value(board, Stage.CUSTOMER) == "€\u00a012.5k · $\u00a03k")
    runner.execute(lambda: service.delete([people["Anna"]]))
    qtbot.waitUntil(lambda: value(board, Stage.NEW) == "")  # the trash is not counted


def test_the_header_with_a_value_paints_it_without_clipping(board: BoardView) -> None:
    header = board.column(Stage.CUSTOMER).header
    header.set_attention(3, 12, "3 overdue, 12 stale")
    image = header.grab().toImage()
    assert not image.isNull() and image.width() == header.width()


@pytest.mark.parametrize(
    ("amount", "english", "german"),
    [
        ("0", "0", "0"), ("950", "950", "950"), ("1000", "1k", "1\u00a0Tsd."),
        ("12500", "12.5k", "12,5\u00a0Tsd."), ("125000", "125k", "125\u00a0Tsd."),
        ("1250000", "1.25M", "1,25\u00a0Mio."), ("99950000", "100M", "100\u00a0Mio."),
        ("3200000000", "3.2B", "3,2\u00a0Mrd."),
    ],
)  # fmt: skip
def test_compact_amounts(amount: str, english: str, german: str) -> None:
    assert compact(Decimal(amount), ENGLISH) == english
    with in_german():
        assert compact(Decimal(amount), GERMAN) == german


def test_header_text_per_currency() -> None:
    short, full = header_text({"USD": 300000, "EUR": 1250000, "CHF": 0}, ENGLISH)
    assert short == "€\u00a012.5k · $\u00a03k"  # no CHF: nothing in it
    assert full.splitlines() == ["12,500.00 EUR", "3,000.00 USD"]
    assert header_text({"EUR": 1250050}, GERMAN)[1] == "12.500,50 EUR"

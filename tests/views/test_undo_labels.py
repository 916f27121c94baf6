"""Undo/Redo texts in the user's language: built from the step's StepLabel, not from the
services' English description (which stays the English text, word for word)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from salesdesk.domain.stages import Stage
from salesdesk.services import bulk_edit
from salesdesk.services.interactions import InteractionService
from salesdesk.services.merge import merge
from salesdesk.views.undo_labels import step_text
from tests.views.test_keyboard import CTRL, SHIFT, click_card

UTC = dt.UTC


@contextmanager
def in_german() -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(":/translations/salesdesk_de.qm")
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_keyboard_move_is_named_in_german(qtbot, people, session, settings) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.views.main_window import MainWindow

    with in_german():
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.resize(1400, 850)
        window.show()
        qtbot.waitExposed(window)
        view = window.board.column(Stage.PROSPECT).view
        click_card(qtbot, view, 0)
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
        assert session.service.get(people["Ben"]).stage is Stage.CUSTOMER
        assert window.commands.undo.text() == "Rückgängig: Verschieben von Ben Okafor nach Kunde"
        window.commands.undo.trigger()
        assert window.commands.redo.text() == "Wiederholen: Verschieben von Ben Okafor nach Kunde"
        assert window.commands.undo.iconText() == "Rückgängig"


@pytest.fixture
def steps(session, people):  # type: ignore[no-untyped-def]
    """One step of each kind that names contacts differently: one, several, a detail."""
    service = session.service
    talks = InteractionService(service, tz=UTC)
    anna, ben, li, marie = people["Anna"], people["Ben"], people["Li"], people["Marie"]
    return [
        service.move([anna], Stage.WORKING),
        service.delete([li, marie]),
        service.restore([li, marie]),
        bulk_edit.set_rating(service, [anna, ben], "hot"),
        bulk_edit.add_tag(service, [ben], "fair"),
        bulk_edit.remove_tag(service, [ben], "fair"),
        talks.log([ben], "phone", "outbound", "Called about the offer"),
        service.update(ben, {"company": "Okafor Ltd"}),
        merge(service, ben, [people["Sofia"]]),
    ]


def test_english_texts_are_the_service_descriptions(steps) -> None:  # type: ignore[no-untyped-def]
    for outcome in steps:
        assert outcome.changes.label is not None, outcome.changes.description
        assert step_text(outcome.changes) == outcome.changes.description


def test_german_texts_translate_every_part(steps) -> None:  # type: ignore[no-untyped-def]
    with in_german():
        texts = [step_text(outcome.changes) for outcome in steps]
    assert texts == [
        "Verschieben von Anna Schmidt nach In Bearbeitung",
        "Löschen von 2 Kontakten",
        "Wiederherstellen von 2 Kontakten",
        "Bewertung von 2 Kontakten als heiß",
        "Schlagwort fair bei Ben Okafor",
        "Entfernen des Schlagworts fair von Ben Okafor",
        "Protokollieren von einem Anruf mit Ben Okafor",
        "Bearbeiten von Ben Okafor",
        "Zusammenführen von 2 Kontakten zu Ben Okafor",
    ]

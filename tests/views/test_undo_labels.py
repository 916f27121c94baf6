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


ENGLISH_WORDS = {"undo", "redo", "of", "creation", "permanent", "deletion", "capture", "at",
                 "loading", "contacts", "contact", "with", "to"}  # fmt: skip


def other_steps(service):  # type: ignore[no-untyped-def]
    """Create, purge, a booth capture, an import and demo data, in the window's order: each
    a callable for the runner, with the name it is about."""
    from salesdesk.domain.events import Event
    from salesdesk.services.booth import CaptureInput, CaptureService, EventService
    from salesdesk.services.demo import load_demo
    from salesdesk.services.import_run import run_import
    from salesdesk.services.importing import default_options, plan_import, sniff_bytes

    fair = EventService(service).add(Event("Hannover Messe 2026", dt.date(2026, 11, 26)))
    created: list[int] = []

    def create():  # type: ignore[no-untyped-def]
        outcome = service.create(first_name="Paul", last_name="Fischer")
        created.extend(outcome.ids)
        return outcome

    def purge():  # type: ignore[no-untyped-def]
        service.delete(created)  # the trash first (its own step, not recorded here)
        return service.purge(created)

    def capture():  # type: ignore[no-untyped-def]
        data = CaptureInput("Eva", "Braun", "Beispiel AG")
        return CaptureService(service, staff="Max Rep").capture(fair, data).outcome

    def imported():  # type: ignore[no-untyped-def]
        file = sniff_bytes(b"First Name,Last Name\nAda,Lovelace\nAlan,Turing\nGrace,Hopper\n",
                           "people.csv")  # fmt: skip
        options = default_options(file, dt.date(2026, 11, 26))
        result = run_import(service, plan_import(service, file), options)
        assert result.outcome is not None
        return result.outcome

    return [create, purge, capture, imported, lambda: load_demo(service, 3, seed=1)]


@pytest.mark.parametrize("language", ["en", "de"])
def test_undo_and_redo_name_create_purge_capture_import_and_demo(
    qtbot, people, session, settings, language
) -> None:
    import re
    from contextlib import nullcontext

    from salesdesk.views.main_window import MainWindow

    expected = {
        "en": [
            "creation of Paul Fischer", "permanent deletion of Paul Fischer",
            "capture of Eva Braun at Hannover Messe 2026", "import of 3 contacts",
            "loading of 3 demo contacts",
        ],
        "de": [
            "Anlegen von Paul Fischer", "endgültiges Löschen von Paul Fischer",
            "Erfassung von Eva Braun auf Hannover Messe 2026", "Import von 3 Kontakten",
            "Laden von 3 Demo-Kontakten",
        ],
    }[language]  # fmt: skip
    german = ("Rückgängig: ", "Wiederholen: ")
    undo_word, redo_word = ("Undo ", "Redo ") if language == "en" else german
    with in_german() if language == "de" else nullcontext():
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        commands, runner = window.commands, window.runner
        for step, text in zip(other_steps(session.service), expected, strict=True):
            assert runner.execute(step) is not None
            assert commands.undo.text() == undo_word + text
            commands.undo.trigger()
            assert commands.redo.text() == redo_word + text
            commands.redo.trigger()
            assert commands.undo.text() == undo_word + text
            if language == "de":  # no English word left in a German text
                words = {w.casefold() for w in re.findall(r"[A-Za-zäöüß]+", text)}
                assert not words & ENGLISH_WORDS, text

"""Fixtures for the window tests: a session on a fresh database, a QSettings ini file in the
test's folder (never the user's settings), a few known contacts and the shown main window."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session, open_session

PEOPLE = (
    # first, last, company, stage, rating, tags, email, phone
    ("Anna", "Schmidt", "Acme GmbH", Stage.NEW, "hot", ["vip"], "anna@acme.de", ""),
    ("Jürgen", "Müller", "Müller & Söhne", Stage.NEW, "warm", [], "", "030 1234567"),
    ("Li", "Wei", "Dragon Trade", Stage.WORKING, "cold", ["fair"], "li@dragon.cn", ""),
    ("Sofia", "Rossi", "Rossi Srl", Stage.NURTURING, "none", [], "", ""),
    ("Ben", "Okafor", "Okafor Logistics", Stage.PROSPECT, "hot", [], "ben@okafor.ng", ""),
    ("Marie", "Dubois", "Dubois SA", Stage.CUSTOMER, "warm", ["partner"], "", ""),
)


@pytest.fixture(scope="session", autouse=True)
def wheel_guard(qapp):  # type: ignore[no-untyped-def]
    """The test QApplication comes from pytest-qt, not from ``app.application()``: give it
    the same wheel guard through the same call, before the first widget is made."""
    from salesdesk.views import wheel_guard

    return wheel_guard.install(qapp)


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):  # type: ignore[no-untyped-def]
    """As the window always has: the English plural forms ("1 contact", "2 contacts")."""
    from salesdesk.views.app import install_english

    installed = install_english(qapp)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(db_path: Path, clock: object) -> Iterator[Session]:
    opened = open_session(db_path, clock=clock)  # type: ignore[arg-type]
    yield opened
    opened.close()


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    """Six contacts, created so that each column's order is the order above (first on top)."""
    ids: dict[str, int] = {}
    for first, last, company, stage, rating, tags, email, phone in reversed(PEOPLE):
        outcome = session.service.create(
            first_name=first,
            last_name=last,
            company=company,
            stage=stage,
            rating=rating,
            tags=tags,
            emails=[email] if email else [],
            phones=[phone] if phone else [],
        )
        ids[first] = outcome.ids[0]
    return ids


@pytest.fixture
def window(qtbot, session: Session, settings: QSettings):  # type: ignore[no-untyped-def]
    from salesdesk.views.main_window import MainWindow

    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def runner(service):  # type: ignore[no-untyped-def]
    """A ServiceRunner over the plain ``service`` fixture (for widgets tested on their own)."""
    from salesdesk.views.events import AppEvents
    from salesdesk.views.undo import ServiceRunner

    return ServiceRunner(service, AppEvents())


@pytest.fixture
def pane(qtbot, runner):  # type: ignore[no-untyped-def]
    """The detail pane on its own, shown, active and 420 px wide."""
    from PySide6.QtWidgets import QApplication

    from salesdesk.views.detail.pane import ContactDetailPane

    widget = ContactDetailPane(runner, runner.events)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


class OtherProgram:
    """Another program writing to the same file through its own SQLite connection, as a
    second salesdesk (CLI or window) does: every change bumps the contact's version."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def execute(self, sql: str, *args: object) -> None:
        conn = sqlite3.connect(self.path, timeout=5)
        try:
            with conn:
                conn.execute(sql, args)
        finally:
            conn.close()

    def update(self, contact_id: int, column: str, value: object) -> None:
        self.execute(
            f"UPDATE contact SET {column} = ?, version = version + 1 WHERE id = ?",
            value,
            contact_id,
        )


@pytest.fixture
def other_program(db_path: Path) -> OtherProgram:
    return OtherProgram(db_path)

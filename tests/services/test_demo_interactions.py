"""Demo conversations: seeded, spread by stage, and consistent with what the services compute."""

from __future__ import annotations

import datetime as dt
from typing import Any

from salesdesk.domain.engagement import level_at
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.demo import load_demo
from salesdesk.services.demo_interactions import add_demo_interactions
from salesdesk.services.interactions import InteractionService
from salesdesk.store.db import integrity_check


def _rows(service: ContactService, sql: str) -> list[tuple[Any, ...]]:
    return list(service.db.execute_sql(sql).fetchall())


def test_demo_interactions_are_plausible_and_consistent(service: ContactService, clock) -> None:  # noqa: ANN001
    load_demo(service, 120, 5)
    written = add_demo_interactions(service, 600, 5, clock.now)
    assert 400 <= written <= 800  # about five per contact
    assert _rows(service, "SELECT count(*) FROM interaction")[0][0] == written
    talk = InteractionService(service, tz=dt.UTC)
    cards = service.cards()
    for card in cards:
        items = talk.interactions(card.id)
        if card.stage is Stage.NEW:
            assert items == []  # New means nobody talked to them yet
        assert all(i.at <= clock.now for i in items)
        # the board's stored level is the one the service computes from the interactions
        assert level_at(card.engagement, clock.now) is talk.engagement(card.id).level
    planned = [c for c in cards if c.follow_up_on]
    assert planned and all(c.stage not in (Stage.NEW, Stage.UNQUALIFIED) for c in planned)
    assert integrity_check(service.db) == []
    assert _rows(service, "SELECT count(DISTINCT uid) FROM interaction")[0][0] == written
    latest = _rows(
        service,
        "SELECT count(*) FROM contact c WHERE last_interaction_at IS NOT "
        "(SELECT max(at) FROM interaction i WHERE i.contact_id = c.id)",
    )
    assert latest[0][0] == 0  # the denormalised last interaction matches the table


def test_demo_with_conversations_is_one_undo_step_and_spares_own_contacts(
    service: ContactService,
) -> None:
    from salesdesk.services.demo_interactions import load_demo_with_conversations

    own = service.create(first_name="Own", last_name="Contact", stage="working").ids[0]
    outcome = load_demo_with_conversations(service, 60, 3)
    assert _rows(service, "SELECT count(*) FROM interaction")[0][0] > 0
    assert _rows(service, f"SELECT count(*) FROM interaction WHERE contact_id = {own}")[0][0] == 0
    undone = service.apply(outcome.inverse)
    assert [c.id for c in service.cards()] == [own]
    assert _rows(service, "SELECT count(*) FROM interaction")[0][0] == 0
    service.apply(undone.inverse)  # redo brings the conversations back too
    assert _rows(service, "SELECT count(*) FROM interaction")[0][0] > 0
    assert len(service.cards()) == 61


def test_demo_conversations_speak_the_window_language(service: ContactService, clock) -> None:  # noqa: ANN001
    from salesdesk.services.demo_interactions import (
        FOLLOW_UP_NOTES,
        FOLLOW_UP_NOTES_DE,
        SUMMARIES,
        SUMMARIES_DE,
        demo_words,
    )

    load_demo(service, 80, 2)
    add_demo_interactions(service, 300, 2, clock.now, language="de_DE")
    summaries = {r[0] for r in _rows(service, "SELECT summary FROM interaction")}
    german = {s for texts in SUMMARIES_DE.values() for s in texts}
    english = {s for texts in SUMMARIES.values() for s in texts}
    assert summaries and summaries <= german and not summaries & english
    notes = {r[0] for r in _rows(service, "SELECT follow_up_note FROM contact "
                                          "WHERE follow_up_on IS NOT NULL")}  # fmt: skip
    assert notes and notes <= set(FOLLOW_UP_NOTES_DE)
    assert demo_words("fr")[2] == FOLLOW_UP_NOTES  # no French words: English
    assert demo_words("de-AT")[0] is SUMMARIES_DE

"""Demo conversations: seeded interactions and follow-ups for contacts already stored.

Written in one transaction with batched inserts (500k interactions in seconds); this is
demo and benchmark data, so it is not an undo step.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from typing import Any

from salesdesk.domain.engagement import Touch, schedule
from salesdesk.domain.interactions import Channel, Direction, FollowUp, InteractionOutcome
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import ContactService, Outcome
from salesdesk.services.demo_words import demo_team
from salesdesk.store import interactions as store
from salesdesk.store import owners as store_owners
from salesdesk.store.db import write_transaction

HISTORY_DAYS = 180
STAGE_WEIGHT = {
    Stage.NEW: 0.0,  # nobody has talked to them yet: that is what New means
    Stage.WORKING: 0.8,
    Stage.NURTURING: 1.2,
    Stage.UNQUALIFIED: 0.7,
    Stage.PROSPECT: 1.6,
    Stage.CUSTOMER: 1.4,
}
FOLLOW_UP_SHARE = 0.3  # of open contacts (not Unqualified) that get a follow-up
CHANNELS = (
    (Channel.EMAIL, 40),
    (Channel.PHONE, 30),
    (Channel.IN_PERSON, 10),
    (Channel.SMS, 8),
    (Channel.SOCIAL, 7),
    (Channel.OTHER, 5),
)
DIRECTIONS = ((Direction.OUTBOUND, 50), (Direction.INBOUND, 25), (Direction.TWO_WAY, 25))
SUMMARIES = {
    Channel.EMAIL: ("Sent the product plan", "Sent a quote", "Answered a question about prices",
                    "Sent the spring catalogue", "Followed up on the offer"),
    Channel.PHONE: ("Called about the offer", "Talked through the quote", "Checked in",
                    "Discussed delivery dates", "Asked about their plans"),
    Channel.IN_PERSON: ("Met at the trade fair", "Visit on site", "Lunch meeting",
                        "Demo at their office"),
    Channel.SMS: ("Confirmed the appointment", "Sent a reminder"),
    Channel.SOCIAL: ("Connected on LinkedIn", "Replied to a post"),
    Channel.OTHER: ("Sent a sample by post", "Left a card"),
}  # fmt: skip
NOTES = ("Interested in a larger order next quarter.", "Wants a call back after the holidays.",
         "Budget is decided in March.", "")  # fmt: skip
FOLLOW_UP_NOTES = ("Call back", "Send the quote", "Ask about the order", "Arrange a visit")
# the same conversations as a German team writes them down (the window in German)
SUMMARIES_DE = {
    Channel.EMAIL: ("Produktplan geschickt", "Angebot geschickt", "Preisfrage beantwortet",
                    "Frühjahrskatalog geschickt", "Beim Angebot nachgefasst"),
    Channel.PHONE: ("Wegen des Angebots angerufen", "Angebot durchgesprochen", "Kurz nachgefragt",
                    "Liefertermine besprochen", "Nach den Plänen gefragt"),
    Channel.IN_PERSON: ("Auf der Messe getroffen", "Besuch vor Ort", "Mittagessen",
                        "Vorführung in ihrem Büro"),
    Channel.SMS: ("Termin bestätigt", "Erinnerung geschickt"),
    Channel.SOCIAL: ("Auf LinkedIn vernetzt", "Auf einen Beitrag geantwortet"),
    Channel.OTHER: ("Muster per Post geschickt", "Visitenkarte dagelassen"),
}  # fmt: skip
NOTES_DE = ("Interesse an einer größeren Bestellung im nächsten Quartal.",
            "Möchte nach den Feiertagen zurückgerufen werden.",
            "Über das Budget wird im März entschieden.", "")  # fmt: skip
FOLLOW_UP_NOTES_DE = ("Zurückrufen", "Angebot schicken", "Nach der Bestellung fragen",
                      "Besuch vereinbaren")  # fmt: skip
WORDS = {"en": (SUMMARIES, NOTES, FOLLOW_UP_NOTES),
         "de": (SUMMARIES_DE, NOTES_DE, FOLLOW_UP_NOTES_DE)}  # fmt: skip


def demo_words(language: str) -> tuple[Any, ...]:
    """Summaries, notes and follow-up notes in ``language`` (a code like "de" or "de_AT";
    English for a language without its own)."""
    return WORDS.get(language.split("_")[0].split("-")[0].lower(), WORDS["en"])


def _pick(rng: random.Random, weighted: Sequence[tuple[object, int]]) -> object:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def add_demo_interactions(
    service: ContactService,
    total: int,
    seed: int | None = None,
    now: dt.datetime | None = None,
    ids: Sequence[int] | None = None,
    language: str = "en",
) -> int:
    """About ``total`` interactions spread over the live contacts by stage (none for New),
    the last HISTORY_DAYS days, plus follow-ups for some open contacts. Returns how many
    interactions were written. With ``ids``, only those contacts get them (the ones a demo
    load just added, never the user's own). Their texts are in ``language`` (the window's)."""
    summaries_of, notes_of, follow_up_notes = demo_words(language)
    rng = random.Random(seed)
    now = now or service.clock()
    contacts = [(c.id, c.stage) for c in service.cards(ids)]
    owners = store_owners.owners_of([cid for cid, _ in contacts])
    team = demo_team(service.author)
    weights = [STAGE_WEIGHT[stage] for _, stage in contacts]
    mean = (sum(weights) / len(weights)) if weights else 0.0
    per_contact = total / len(contacts) / mean if contacts and mean else 0.0
    rows: list[store.InteractionTuple] = []
    summaries: list[tuple[int, dt.datetime | None, str]] = []
    follow_ups: list[tuple[int, FollowUp]] = []
    span = HISTORY_DAYS * 24 * 60
    for contact_id, stage in contacts:
        average = per_contact * STAGE_WEIGHT[stage]
        count = rng.randint(0, round(2 * average)) if average else 0
        touches: list[Touch] = []
        for _ in range(count):
            channel = _pick(rng, CHANNELS)
            direction = _pick(rng, DIRECTIONS)
            assert isinstance(channel, Channel) and isinstance(direction, Direction)
            at = now - dt.timedelta(minutes=rng.randrange(span))
            outcome = None
            if channel is Channel.PHONE:
                outcome = rng.choice(
                    (InteractionOutcome.REACHED, InteractionOutcome.NO_ANSWER,
                     InteractionOutcome.LEFT_MESSAGE, None)
                )  # fmt: skip
            # mostly the owner calls; now and then a colleague stands in (a hash, not the
            # random source: the conversations of a seed stay as they were)
            author = owners.get(contact_id) or team[0]
            if (contact_id * 31 + len(rows)) % 5 == 0:
                author = team[(contact_id + len(rows)) % len(team)]
            rows.append(
                (str(uuid.UUID(int=rng.getrandbits(128), version=4)), contact_id,
                 channel.value, direction.value, at, rng.choice(summaries_of[channel]),
                 rng.choice(notes_of), outcome.value if outcome else None, author)
            )  # fmt: skip
            touches.append(Touch(at, direction))
        if touches:
            summaries.append((contact_id, max(t.at for t in touches), schedule(touches, now)))
        if stage not in (Stage.UNQUALIFIED, Stage.NEW) and rng.random() < FOLLOW_UP_SHARE:
            day = now.date() + dt.timedelta(days=rng.randint(-10, 20))
            clock = rng.choice((None, dt.time(9, 30), dt.time(14, 0)))
            follow_ups.append((contact_id, FollowUp(day, clock, rng.choice(follow_up_notes))))
    with write_transaction(service.db):
        for start in range(0, len(rows), 50_000):
            store.insert_interaction_rows(rows[start : start + 50_000], now)
        store.set_summaries(summaries)
        store.set_follow_up_rows(follow_ups, now, service.author)
    return len(rows)


def load_demo_with_conversations(
    service: ContactService, count: int, seed: int | None = None, language: str = "en"
) -> Outcome:
    """Demo contacts with about four interactions each and some follow-ups, as one undo step:
    its inverse purges the new contacts, and their interactions and follow-ups go with them
    (none of this touches a contact's version, so the inverse still applies)."""
    from salesdesk.services.demo import load_demo

    outcome = load_demo(service, count, seed)
    add_demo_interactions(service, count * 4, seed, ids=outcome.ids, language=language)
    return outcome

"""EventService: the events (trade shows) leads come from, and which one is current."""

from __future__ import annotations

import dataclasses

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.events import Event, clean_event
from salesdesk.services.contacts import ContactService
from salesdesk.store import events as store_events
from salesdesk.store.db import write_transaction


class EventService:
    """Events and which one is current on this computer."""

    def __init__(self, contacts: ContactService) -> None:
        self.contacts = contacts

    def add(self, event: Event, *, make_current: bool = True) -> Event:
        """Store a new event (and make it the current one unless told not to)."""
        cleaned = clean_event(event)
        if store_events.find_events(cleaned.name):
            raise ValidationError(f"There is already an event named '{cleaned.name}'.", "name")
        with write_transaction(self.contacts.db):
            new_id = store_events.insert_event(cleaned, self.contacts.clock())
            self.contacts.recorder.record_events([new_id])  # events sync (not which is current)
            if make_current:
                store_events.set_current_event(new_id)
        return dataclasses.replace(cleaned, id=new_id)

    def update(self, event: Event) -> Event:
        if event.id is None:
            raise ValidationError("Only a stored event can be changed.")
        cleaned = clean_event(event)
        clash = [e for e in store_events.find_events(cleaned.name) if e.id != event.id]
        if clash:
            raise ValidationError(f"There is already an event named '{cleaned.name}'.", "name")
        with write_transaction(self.contacts.db):
            if not store_events.update_event(cleaned, self.contacts.clock()):
                raise NotFoundError(f"There is no event with number {event.id}.")
            self.contacts.recorder.record_events([event.id])
        return cleaned

    def list(self) -> list[Event]:
        return store_events.load_events()

    def get(self, event_id: int) -> Event:
        found = store_events.load_event(event_id)
        if found is None:
            raise NotFoundError(f"There is no event with number {event_id}.")
        return found

    def find(self, name: str) -> Event:
        """The event named ``name`` (any case), or its number."""
        text = name.strip()
        if text.isdigit():
            return self.get(int(text))
        found = store_events.find_events(text)
        if not found:
            known = ", ".join(f"'{e.name}'" for e in self.list()[:5]) or "none yet"
            raise NotFoundError(f"There is no event named '{text}' (events: {known}).")
        return found[0]

    def current(self) -> Event | None:
        event_id = store_events.current_event_id()
        return store_events.load_event(event_id) if event_id is not None else None

    def set_current(self, event_id: int | None) -> None:
        if event_id is not None:
            self.get(event_id)
        with write_transaction(self.contacts.db):
            store_events.set_current_event(event_id)

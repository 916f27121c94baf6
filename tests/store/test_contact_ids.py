"""Contact ids are never given twice (migration 0013), and an undo that holds a purged
contact's snapshot never writes it over someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_support import insert_raw_contact

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import ConflictError
from salesdesk.services import ContactService
from salesdesk.services.bulk import bulk_create
from salesdesk.services.interactions import InteractionService
from salesdesk.store.db import integrity_check, open_database


def _everyone(service: ContactService) -> list[tuple[int, str]]:
    people = service.list_contacts() + service.list_contacts(deleted=True)
    return sorted((c.id, c.first_name) for c in people)


def test_undo_of_a_purge_after_a_new_contact_keeps_both(service: ContactService) -> None:
    """Before: the new contact got the purged one's number and the undo wrote over it."""
    old = service.create(first_name="Old").ids[0]
    anna = service.create(first_name="Anna").ids[0]
    InteractionService(service).log([anna], "phone", "outbound", "called Anna")
    service.delete([anna])
    purged = service.purge([anna])
    bernd = service.create(first_name="Bernd").ids[0]  # its history row too: a new id
    InteractionService(service).log([bernd], "phone", "outbound", "called Bernd")
    assert bernd not in (old, anna)
    history = [(h.from_stage, h.to_stage) for h in service.history(bernd)]
    service.apply(purged.inverse)
    assert _everyone(service) == [(old, "Old"), (anna, "Anna"), (bernd, "Bernd")]
    talk = InteractionService(service)
    assert [i.summary for i in talk.interactions(anna)] == ["called Anna"]
    assert [i.summary for i in talk.interactions(bernd)] == ["called Bernd"]
    assert [(h.from_stage, h.to_stage) for h in service.history(bernd)] == history


def test_bulk_writes_skip_purged_numbers_too(service: ContactService) -> None:
    first = service.create(first_name="First").ids[0]
    service.delete([first])
    service.purge([first])
    made = bulk_create(service, [Contact(first_name="Bulk")], description="import")
    assert made.ids[0] > first


def test_an_undo_never_overwrites_another_contact_under_its_number(
    service: ContactService,
) -> None:
    """Should a number be taken anyway (a database from elsewhere), the undo is refused."""
    anna = service.create(first_name="Anna").ids[0]
    service.delete([anna])
    purged = service.purge([anna])
    db = service.db
    db.execute_sql("DELETE FROM contact_id_floor")  # as if the floor were lost
    bernd = service.create(first_name="Bernd").ids[0]
    assert bernd == anna
    with pytest.raises(ConflictError, match="belongs to someone else"):
        service.apply(purged.inverse)
    assert _everyone(service) == [(bernd, "Bernd")]


def test_migration_starts_the_floor_at_the_largest_id(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    opened = open_database(path, migrate_to="0012_sync_booth")
    insert_raw_contact(opened.db, first_name="A", last_name="A")
    top = insert_raw_contact(opened.db, first_name="B", last_name="B")
    opened.db.close()
    opened = open_database(path)
    try:
        db = opened.db
        assert db.execute_sql("SELECT high FROM contact_id_floor").fetchone()[0] == top
        db.execute_sql("DELETE FROM contact WHERE id = ?", (top,))
        service = ContactService(db)
        assert service.create(first_name="C").ids[0] == top + 1
        assert integrity_check(db) == []
    finally:
        opened.db.close()

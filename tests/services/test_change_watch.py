"""The change watch without Qt: another connection's commits come back as a ChangeSet of
just the contacts it changed; this program's own changes do not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.change_watch import ChangeWatch
from salesdesk.services.undo_history import VersionLedger


def other(db_path: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(sql, args)
    conn.close()


def test_nothing_changed_means_no_change_set(service: ContactService) -> None:
    service.create(first_name="Anna")
    watch = ChangeWatch(service, VersionLedger())
    assert watch.poll() is None


def test_another_connection_edit_move_and_delete_are_reported(
    service: ContactService, db_path: Path
) -> None:
    anna = service.create(first_name="Anna").ids[0]
    ben = service.create(first_name="Ben").ids[0]
    cleo = service.create(first_name="Cleo").ids[0]
    watch = ChangeWatch(service, VersionLedger())
    other(db_path, "UPDATE contact SET stage='working', version=version+1 WHERE id=?", anna)
    other(db_path, "DELETE FROM contact WHERE id=?", ben)
    changes = watch.poll()
    assert changes is not None and changes.external
    assert changes.updated == {anna} and changes.removed == {ben}
    assert Stage.WORKING in changes.stages
    assert cleo not in changes.contact_ids
    assert watch.poll() is None  # reported once


def test_own_changes_are_not_reported_but_a_later_one_from_elsewhere_is(
    service: ContactService, db_path: Path
) -> None:
    anna = service.create(first_name="Anna").ids[0]
    watch = ChangeWatch(service, VersionLedger())
    watch.ledger.note(service.update(anna, {"company": "Acme"}))  # as the undo history does
    other(db_path, "INSERT INTO contact_touch (contact_id, seq) VALUES (999, 1000)")
    changes = watch.poll()  # 999: a contact gone elsewhere; our own edit of Anna is not news
    assert changes is not None and changes.contact_ids == {999}
    other(db_path, "UPDATE contact SET title='CEO', version=version+1 WHERE id=?", anna)
    changes = watch.poll()
    assert changes is not None and changes.updated == {anna}


def test_a_contact_created_elsewhere_is_reported(service: ContactService, db_path: Path) -> None:
    watch = ChangeWatch(service, VersionLedger())
    second = ContactService(service.db)  # another window of this program: not in our ledger
    new_id = second.create(first_name="Dora").ids[0]
    other(db_path, "UPDATE contact SET title='x', version=version+1 WHERE id=?", new_id)
    changes = watch.poll()
    assert changes is not None and changes.updated == {new_id}


def test_a_watch_of_a_closed_database_asks_nothing_and_does_not_reopen_it(
    service: ContactService, db_path: Path
) -> None:
    watch = ChangeWatch(service, VersionLedger())
    other(db_path, "UPDATE contact SET title='x'")
    service.db.close()
    assert watch.poll() is None
    assert service.db.is_closed()  # a leftover window's timer must not reopen the file

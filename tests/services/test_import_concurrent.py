"""Two imports of the same file at the same time (two connections, both planned before either
writes): the duplicate check is made again under the write lock, so the second import sees the
first one's contacts and does with them what its on-duplicate choice says."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from salesdesk.services import ContactService
from salesdesk.services.import_run import ImportResult, run_import
from salesdesk.services.importing import (
    DuplicateAction,
    default_options,
    plan_import,
    sniff_bytes,
)
from salesdesk.store.db import open_database

ROWS = 300


def people_csv() -> bytes:
    lines = ["First Name,Last Name,E-mail,Mobile,Company"]
    for n in range(ROWS):
        lines.append(f"Anna{n},Berg{n},anna{n}@example.com,+49 171 {1_000_000 + n},Firma {n % 7}")
    return ("\n".join(lines) + "\n").encode()


def import_at_once(path: Path, clock: Any, action: DuplicateAction) -> list[ImportResult]:
    """Two imports of the same file, each on its own connection (a thread each): both plan,
    then both run at the same moment, as two windows or two ``salesdesk import`` would."""
    opened = open_database(path)
    service = ContactService(opened.db, clock=clock)
    data = people_csv()
    planned = threading.Barrier(2, timeout=30)
    results: list[ImportResult] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            file = sniff_bytes(data, "people.csv")
            options = default_options(file, dt.date(2026, 11, 26))
            plan = plan_import(service, file)
            assert not plan.duplicates  # the database was empty when both looked
            planned.wait()
            results.append(
                run_import(service, plan, dataclasses.replace(options, on_duplicate=action))
            )
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
            planned.abort()
        finally:
            service.db.close()  # this thread's connection

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    opened.db.close()
    assert not errors, errors
    return results


@pytest.mark.parametrize("action", [DuplicateAction.UPDATE, DuplicateAction.SKIP])
def test_the_second_import_finds_the_first_ones_contacts(
    tmp_path: Path, clock, action: DuplicateAction
) -> None:
    results = import_at_once(tmp_path / "shared.db", clock, action)
    opened = open_database(tmp_path / "shared.db")
    try:
        contacts = ContactService(opened.db, clock=clock).list_contacts()
    finally:
        opened.db.close()
    emails = Counter(e.value for c in contacts for e in c.emails)
    assert len(contacts) == ROWS and set(emails.values()) == {1}
    first, second = sorted(results, key=lambda r: -len(r.created))
    assert len(first.created) == ROWS and second.created == ()
    if action is DuplicateAction.SKIP:
        assert len(second.skipped) == ROWS
    else:  # filled in: nothing was missing, so nothing changed
        assert second.skipped == () and second.updated == ()


def test_import_as_new_is_honoured_too(tmp_path: Path, clock) -> None:
    results = import_at_once(tmp_path / "shared.db", clock, DuplicateAction.NEW)
    assert sorted(len(r.created) for r in results) == [ROWS, ROWS]


def test_a_contact_saved_between_the_check_and_the_import_is_found(service, clock) -> None:
    file = sniff_bytes(people_csv(), "people.csv")
    plan = plan_import(service, file)
    assert not plan.duplicates
    clock.advance(seconds=1)
    typed = service.create(first_name="Anna", emails=["anna7@example.com"]).ids[0]
    options = dataclasses.replace(default_options(file, dt.date(2026, 11, 26)),
                                  on_duplicate=DuplicateAction.SKIP)  # fmt: skip
    result = run_import(service, plan, options)
    assert result.skipped == (9,)  # row 9 holds anna7@example.com
    assert len(result.created) == ROWS - 1 and typed not in result.created


def test_the_stamp_tells_a_new_contact_from_a_purged_one(service, clock) -> None:
    from salesdesk.store import bulk as store_bulk

    first = service.create(first_name="Anna").ids[0]
    before = store_bulk.change_stamp()
    service.delete([first])
    service.purge([first])
    clock.advance(seconds=1)
    second = service.create(first_name="Ben", emails=["ben@example.com"]).ids[0]
    assert second != first  # a purged contact's number is never handed out again
    assert store_bulk.change_stamp() != before

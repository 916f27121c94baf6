"""Stage changes are checked and stamped under the write lock: a move from a stale view is
refused, and the time a change records is taken once the lock is held (so the history is in
the order the changes were committed, whichever program made them)."""

from __future__ import annotations

import datetime as dt

import pytest

from salesdesk.domain.errors import ConflictError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService
from salesdesk.services.merge import merge


def test_a_move_from_a_stale_view_is_refused_and_changes_nothing(service: ContactService) -> None:
    anna = service.create(first_name="Anna").ids[0]
    service.move([anna], Stage.CUSTOMER)  # elsewhere, while a board still shows New
    history = service.history(anna)
    with pytest.raises(ConflictError, match="moved to Customer elsewhere"):
        service.move([anna], Stage.PROSPECT, expected_stages={anna: Stage.NEW})
    assert service.get(anna).stage is Stage.CUSTOMER
    assert service.history(anna) == history
    service.move([anna], Stage.PROSPECT, expected_stages={anna: Stage.CUSTOMER})  # seen: fine
    assert service.get(anna).stage is Stage.PROSPECT


class LockAwareClock:
    """A clock whose every reading is a new second, noting whether the write lock was held."""

    def __init__(self) -> None:
        self.db: object = None
        self.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
        self.locked_readings: set[dt.datetime] = set()

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        if self.db is not None and self.db.in_transaction():  # type: ignore[attr-defined]
            self.locked_readings.add(self.now)
        return self.now


CALLS = {
    "create": lambda s, i: s.create(first_name="Ben", stage="working"),
    "move": lambda s, i: s.move([i], Stage.PROSPECT),
    "log with auto-working": lambda s, i: InteractionService(s).log([i], "phone", "two-way", "hi"),
    "merge": lambda s, i: merge(s, i, [s.create(first_name="Anna", stage="prospect").ids[0]]),
}


@pytest.mark.parametrize("name", CALLS)
def test_history_time_is_taken_under_the_write_lock(opened, name: str) -> None:
    clock = LockAwareClock()
    service = ContactService(opened.db, clock=clock)
    anna = service.create(first_name="Anna").ids[0]
    start = clock.now
    clock.db = opened.db
    CALLS[name](service, anna)
    written = [h.at for c in service.cards() for h in service.history(c.id) if h.at > start]
    assert written, "the call recorded a stage change"
    assert set(written) <= clock.locked_readings

"""New uids are version-7 UUIDs in the order they were made."""

from __future__ import annotations

import threading
import uuid
from unittest import mock

import pytest

from salesdesk.domain import ids
from salesdesk.domain.contact import Contact
from salesdesk.domain.events import Event


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if no uid was made yet in this process (other tests made some at the real time)."""
    monkeypatch.setattr(ids, "_last", 0)


def test_uids_are_version_7_and_carry_the_time() -> None:
    with mock.patch("time.time_ns", return_value=1_796_000_000_123_456_789):
        made = uuid.UUID(ids.new_uid())
    assert made.version == 7
    assert made.variant == uuid.RFC_4122
    assert made.int >> 80 == 1_796_000_000_123  # milliseconds since 1970


def test_uids_made_in_one_millisecond_keep_their_order_and_differ() -> None:
    with mock.patch("time.time_ns", return_value=1_796_000_000_000_000_000):
        made = [ids.new_uid() for _ in range(5000)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert all(uuid.UUID(u).version == 7 for u in made)


def test_a_clock_going_back_does_not_break_the_order() -> None:
    with mock.patch("time.time_ns", return_value=1_796_000_000_000_000_000):
        first = ids.new_uid()
    with mock.patch("time.time_ns", return_value=1_795_000_000_000_000_000):
        second = ids.new_uid()
    assert second > first


def test_the_hex_form_sorts_like_the_text_form() -> None:
    made = [ids.new_hex_uid() for _ in range(100)]
    assert made == sorted(made) and all(len(u) == 32 for u in made)


def test_threads_never_get_the_same_uid() -> None:
    out: list[str] = []

    def make() -> None:
        out.extend(ids.new_uid() for _ in range(2000))

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 8000


def test_new_records_get_ordered_uids() -> None:
    first, second = Contact(), Event(name="Fair")
    assert uuid.UUID(first.uid).version == 7
    assert second.uid > first.uid

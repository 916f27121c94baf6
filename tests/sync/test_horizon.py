"""The compaction horizon: a peer not seen for longer no longer holds back compaction, and
when it comes back lacking dropped ops it catches up from a snapshot, losing nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support import Replica, SkewedClock

from salesdesk.domain.errors import ValidationError
from salesdesk.services.sync_service import SyncService
from salesdesk.sync.api import SnapshotNeededError
from salesdesk.sync.engine import DEFAULT_HORIZON
from salesdesk.sync.settings import DEFAULT_HORIZON_DAYS, SyncSettings, parse_horizon_days

DAY = dt.timedelta(days=1)
LIMIT = 30


@pytest.fixture
def clock(base: list[dt.datetime]) -> SkewedClock:
    return SkewedClock(base, dt.timedelta(0))


@pytest.fixture
def make(tmp_path: Path, clock: SkewedClock) -> Any:
    made: list[Replica] = []

    def replica(name: str) -> Replica:
        r = Replica(tmp_path / f"{name}.db", clock)
        with r:
            r.engine.set_device_name(name)
        made.append(r)
        return r

    yield replica
    for r in made:
        r.close()


def _service(r: Replica, limit: int = LIMIT) -> SyncService:
    return SyncService(r.engine, SyncSettings(r.db), clock=r.clock, compact_after=limit)


def _round(r: Replica, folder: Path, limit: int = LIMIT) -> Any:
    with r:
        report = _service(r, limit).round(folder)
    assert report.errors == (), report.errors
    return report


def _edit(r: Replica, count: int, text: str) -> None:
    with r:
        for n in range(count):
            r.contacts.create(first_name=f"{text} {n}")


# --- the engine ---------------------------------------------------------------------------


def test_default_horizon_is_thirty_days() -> None:
    assert dt.timedelta(days=30) == DEFAULT_HORIZON and DEFAULT_HORIZON_DAYS == 30


def test_a_peer_silent_past_the_horizon_no_longer_holds_back(make, base) -> None:
    a = make("A")
    with a:
        me = a.engine.device_id
        a.engine.record_peer_vector("b" * 32, {me: 2})  # the laptop back in the drawer
        base[0] += 31 * DAY
        a.engine.record_peer_vector("c" * 32, {me: 9, "d" * 32: 4})
        assert a.engine.past_horizon() == {"b" * 32}
        assert a.engine.common_vector() == {me: 9, "d" * 32: 4}
        # exactly at the horizon it still counts; ``now`` may be given
        at = base[0] - dt.timedelta(days=1)
        assert a.engine.past_horizon(now=at) == set()
        assert a.engine.common_vector(now=at) == {me: 2, "d" * 32: 0}


def test_a_peer_seen_yesterday_still_holds_back(make, base) -> None:
    a = make("A")
    with a:
        me = a.engine.device_id
        a.engine.record_peer_vector("b" * 32, {me: 2})
        base[0] += DAY
        a.engine.record_peer_vector("c" * 32, {me: 9})
        assert a.engine.past_horizon() == set()
        assert a.engine.common_vector() == {me: 2}


def test_no_horizon_counts_every_peer_ever_recorded(make, base) -> None:
    a = make("A")
    with a:
        me = a.engine.device_id
        a.engine.record_peer_vector("b" * 32, {me: 2})
        base[0] += 400 * DAY
        a.engine.record_peer_vector("c" * 32, {me: 9})
        assert a.engine.past_horizon(None) == set()
        assert a.engine.common_vector(None) == {me: 2}  # the old behaviour
        assert a.engine.common_vector(dt.timedelta(days=500)) == {me: 2}


def test_with_every_peer_past_the_horizon_only_ops_held_nowhere_else_are_kept(make, base):
    a, b = make("A"), make("B")
    _edit(b, 3, "From B")
    with b:
        ops = b.engine.ops_since({})
        other = b.engine.device_id
    _edit(a, 5, "From A")
    with a:
        a.engine.apply(ops)
        me = a.engine.device_id
        mine = a.engine.vector()[me]
        a.engine.record_peer_vector(other, {me: 2, other: 1})
        a.engine.record_peer_vector("c" * 32, {me: 3})
        base[0] += 60 * DAY
        assert a.engine.past_horizon() == {other, "c" * 32}
        keep = a.engine.common_vector()
        # A's own ops beyond what any peer had stay (no other device has them); of B's, what
        # B itself holds may go: B gets a snapshot if it ever needs more
        assert keep == {me: 3, other: a.engine.vector()[other]}
        a.engine.compact(keep_vector=keep)
        assert [op["seq"] for op in a.engine.ops_since({me: 3, other: 99})] == list(
            range(4, mine + 1)
        )


# --- the setting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "days"), [("30", 30), (" 7 ", 7), ("0", 0), ("never", 0), ("Never", 0), (90, 90)]
)
def test_horizon_days_accepted(typed: object, days: int) -> None:
    assert parse_horizon_days(typed) == days


@pytest.mark.parametrize("typed", ["-1", "abc", "2.5", "3651", "", "10 days"])
def test_impossible_horizons_are_refused_plainly(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_horizon_days(typed)
    assert "whole number of days from 1 to 3,650" in str(refused.value)
    assert "0 (or 'never') for no horizon" in str(refused.value)


def test_the_horizon_is_remembered_per_database(make) -> None:
    a, b = make("A"), make("B")
    with a:
        settings = SyncSettings(a.db)
        assert settings.horizon_days() == 30 and settings.horizon() == dt.timedelta(days=30)
        assert _service(a).set_horizon_days("45") == 45
        assert SyncSettings(a.db).horizon() == dt.timedelta(days=45)
        with pytest.raises(ValidationError):
            _service(a).set_horizon_days("-3")
        assert SyncSettings(a.db).horizon_days() == 45  # a refused value changes nothing
        _service(a).set_horizon_days("never")
        assert SyncSettings(a.db).horizon_days() == 0 and SyncSettings(a.db).horizon() is None
    with b:
        assert SyncSettings(b.db).horizon_days() == 30


# --- compaction in rounds -----------------------------------------------------------------


def _three_in_a_folder(make, tmp_path: Path) -> tuple[Replica, Replica, Replica, Path]:
    folder = tmp_path / "share"
    folder.mkdir()
    a, b, c = make("A"), make("B"), make("C")
    _edit(a, 3, "Start")
    for r in (a, b, c, a, b, c):
        _round(r, folder)
    return a, b, c, folder


def _log(r: Replica) -> int:
    with r:
        return r.engine.log_size()


def _work(a: Replica, b: Replica, folder: Path, base: list[dt.datetime], days: int) -> int:
    """A and B keep syncing every day for ``days`` days, A making changes; C is away."""
    compacted = 0
    for day in range(days):
        base[0] += DAY
        _edit(a, 4, f"Day {day}")
        compacted += _round(a, folder).compacted
        _round(b, folder)
    return compacted


def test_a_silent_laptop_blocks_compaction_only_until_the_horizon(make, tmp_path, base):
    a, b, c, folder = _three_in_a_folder(make, tmp_path)
    _work(a, b, folder, base, 20)  # C was seen 20 days ago: it still counts
    assert _log(a) >= 20 * 4  # only what C holds went (the start); every day's change stayed
    compacted = _work(a, b, folder, base, 15)
    assert compacted > 0  # C is past the horizon now
    assert _log(a) <= LIMIT + 8
    with a:
        assert {p.name: p.past_horizon for p in _service(a).peer_horizons()} == {
            "B": False,
            "C": True,
        }


def test_horizon_never_keeps_the_old_behaviour(make, tmp_path, base) -> None:
    a, b, c, folder = _three_in_a_folder(make, tmp_path)
    with a:
        _service(a).set_horizon_days("0")
    _work(a, b, folder, base, 35)
    assert _log(a) >= 35 * 4
    with a:
        assert [p.past_horizon for p in _service(a).peer_horizons()] == [False, False]


# --- a laptop that comes back -------------------------------------------------------------


def _converged(*replicas: Replica) -> dict[str, Any]:
    first = replicas[0].dump()
    for r in replicas[1:]:
        assert r.dump() == first
    return first


def test_a_laptop_back_after_the_horizon_converges_through_the_folder(make, tmp_path, base):
    a, b, c, folder = _three_in_a_folder(make, tmp_path)
    _edit(c, 2, "Offline on C")  # made while away, never synced
    with c:
        c_id, before = c.engine.device_id, c.engine.vector()
    assert _work(a, b, folder, base, 41) > 0
    with a, pytest.raises(SnapshotNeededError):  # A dropped ops C lacks
        a.engine.ops_since(before)
    for r in (c, a, b, c):
        _round(r, folder)
    dump = _converged(a, b, c)
    names = {v["fields"]["first_name"] for k, v in dump.items() if not k.startswith("event:")}
    assert {"Offline on C 0", "Offline on C 1", "Day 40 3", "Start 0"} <= names
    with a:
        assert c_id not in a.engine.past_horizon()  # seen again: it counts again


def test_a_laptop_back_after_the_horizon_gets_a_snapshot_in_a_new_folder(make, tmp_path, base):
    """A fresh folder (a stick between the two) holds nothing: A's log lacks what C needs,
    so A's round writes a snapshot first, and C joins from it, keeping its own changes."""
    a, b, c, folder = _three_in_a_folder(make, tmp_path)
    _edit(c, 2, "Offline on C")
    with c:
        before = c.engine.vector()
    assert _work(a, b, folder, base, 41) > 0
    with a, pytest.raises(SnapshotNeededError):
        a.engine.ops_since(before)
    stick = tmp_path / "stick"
    stick.mkdir()
    written = _round(a, stick)
    assert any("/snap-" in f for f in written.files_written)
    joined = _round(c, stick)
    assert joined.snapshot_loaded
    _round(a, stick)
    _converged(a, c)
    for r in (a, b):
        _round(r, folder)
    _converged(a, b, c)


def test_a_laptop_back_after_the_horizon_converges_through_a_bundle(make, tmp_path, base):
    a, b, c, folder = _three_in_a_folder(make, tmp_path)
    _edit(c, 2, "Offline on C")
    assert _work(a, b, folder, base, 41) > 0
    bundle = tmp_path / "a.sdsync"
    with a:
        _service(a).export_bundle(bundle)
    with c:
        got = _service(c).import_bundle(bundle)
    assert got.snapshot_loaded and got.errors == ()
    back = tmp_path / "c.sdsync"
    with c:
        _service(c).export_bundle(back)
    with a:
        _service(a).import_bundle(back)
    _converged(a, c)

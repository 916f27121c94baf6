"""Compaction has an owner: the SyncService round, once the log is large and peers hold it."""

from __future__ import annotations

from pathlib import Path

from real_replica import Device

from salesdesk.services.sync_service import SyncService
from salesdesk.sync.settings import SyncSettings

LIMIT = 40


def _round(device: Device, folder: Path, limit: int = LIMIT) -> int:
    with device:
        service = SyncService(device.engine, SyncSettings(device.db), compact_after=limit)
        report = service.round(folder)
        assert report.errors == ()
        return report.compacted


def _log(device: Device) -> int:
    with device:
        return device.engine.log_size()


def test_the_log_stays_bounded_over_many_rounds(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    a, b = Device(tmp_path / "a.db", "A"), Device(tmp_path / "b.db", "B")
    ids = [a.add(f"Person {n}") for n in range(4)]
    _round(a, folder)
    _round(b, folder)
    made, peak, compacted = 0, 0, 0
    for n in range(30):
        with a:
            for contact in ids:
                a.contacts.update(contact, {"notes": f"round {n}"})
        made += len(ids)
        compacted += _round(a, folder)
        _round(b, folder)
        peak = max(peak, _log(a), _log(b))
    assert compacted > 0
    # without compaction the log would hold every op made; with it, about one limit's worth
    assert made + 4 > 2 * (LIMIT + 2 * len(ids))
    assert peak <= LIMIT + 2 * len(ids) + 4
    assert a.people() == b.people()
    with a:  # a device that joins later still gets everything (through the folder)
        notes = {r[0] for r in a.db.execute_sql("SELECT notes FROM contact")}
    late = Device(tmp_path / "late.db", "Late")
    _round(late, folder)
    assert late.people() == a.people()
    assert {r[0] for r in late.db.execute_sql("SELECT notes FROM contact")} == notes


def test_no_compaction_while_no_peer_is_known_or_the_log_is_small(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    a = Device(tmp_path / "a.db", "A")
    for n in range(LIMIT):
        a.add(f"Person {n}")
    assert _round(a, folder) == 0  # alone in the folder: nobody to know what others hold
    assert _log(a) > LIMIT
    b = Device(tmp_path / "b.db", "B")
    _round(b, folder)
    assert _round(a, folder, limit=10 * LIMIT) == 0  # below the limit
    assert _round(a, folder) > 0
    assert _log(a) <= 2  # what B holds went; B's own name op (not yet seen by B's file) may stay

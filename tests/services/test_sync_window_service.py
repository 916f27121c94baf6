"""The service side of the window's sync, without Qt: the passphrase store, failure kinds,
one engine per replica, rounds in a worker's connection, and the conflict swap as an
undoable step of UndoHistory."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from salesdesk.domain.errors import ConflictError, DatabaseBusyError, StorageError
from salesdesk.services.session import open_session
from salesdesk.services.sync_passphrase import PassphraseStore, system_keyring
from salesdesk.services.sync_window import (
    Failure,
    classify_failure,
    folder_is_plain,
    remembered_folder,
    window_sync,
)
from salesdesk.services.threads import in_own_connection
from salesdesk.services.undo_history import UndoHistory
from salesdesk.sync.framing import PassphraseError
from tests.views.sync_support import PASS, OtherReplica


class MemoryKeyring:
    """A keyring backend that keeps secrets in a dict (the real one is the system's)."""

    priority = 5

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, user: str) -> str | None:
        return self.secrets.get((service, user))

    def set_password(self, service: str, user: str, password: str) -> None:
        self.secrets[(service, user)] = password

    def delete_password(self, service: str, user: str) -> None:
        del self.secrets[(service, user)]


def test_passphrase_file_is_private_and_per_folder(tmp_path: Path) -> None:
    store = PassphraseStore(tmp_path / "config" / "salesdesk")
    assert not store.in_keyring
    assert store.get("/mnt/nas/team") is None
    store.set("/mnt/nas/team", PASS)
    store.set("/media/stick", "another passphrase")
    assert store.get("/mnt/nas/team") == PASS
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.folder.stat().st_mode) == 0o700
    store.forget("/mnt/nas/team")
    assert store.get("/mnt/nas/team") is None
    assert store.get("/media/stick") == "another passphrase"


def test_damaged_passphrase_file_is_read_as_empty(tmp_path: Path) -> None:
    store = PassphraseStore(tmp_path)
    store.path.write_text("{not json", encoding="utf-8")
    assert store.get("/x") is None
    store.set("/x", PASS)  # and is replaced whole
    assert store.get("/x") == PASS


def test_keyring_is_used_where_the_system_has_one(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = PassphraseStore(tmp_path, backend)
    assert store.in_keyring
    store.set("/mnt/nas/team", PASS)
    assert backend.secrets == {("salesdesk-sync", "/mnt/nas/team"): PASS}
    assert not store.path.exists()  # nothing in a file
    assert store.get("/mnt/nas/team") == PASS
    store.forget("/mnt/nas/team")
    store.forget("/mnt/nas/team")  # twice is fine
    assert store.get("/mnt/nas/team") is None


def test_a_keyring_without_a_backend_is_no_keyring(monkeypatch) -> None:
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    assert system_keyring() is None
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    assert system_keyring() is backend


@pytest.mark.parametrize(
    ("error", "passphrase", "kind"),
    [
        (PassphraseError("x"), None, Failure.PASSPHRASE_NEEDED),
        (PassphraseError("x"), PASS, Failure.PASSPHRASE_WRONG),
        (StorageError("gone"), None, Failure.FOLDER),
        (DatabaseBusyError("busy"), None, Failure.BUSY),
        (ConflictError("other"), None, Failure.OTHER),
    ],
)
def test_failures_are_classified(error, passphrase, kind, tmp_path: Path) -> None:
    assert classify_failure(error, passphrase, tmp_path) is kind


def test_passphrase_for_a_plain_folder_is_told_apart(tmp_path: Path, clock) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    other = OtherReplica(tmp_path / "b.db", clock)
    try:
        other.round(shared, passphrase=None)
    finally:
        other.close()
    assert folder_is_plain(shared)
    assert not folder_is_plain(tmp_path / "nothing here")
    kind = classify_failure(PassphraseError("x"), PASS, shared)
    assert kind is Failure.PASSPHRASE_NOT_USED


def test_window_sync_shares_the_recorders_engine(db_path: Path, clock) -> None:
    session = open_session(db_path, clock=clock)
    try:
        assert remembered_folder(session.service) is None  # read without making an engine
        assert session.service.recorder.engine is None
        sync = window_sync(session.service)
        assert sync.engine is session.service.recorder.engine
        assert window_sync(session.service).engine is sync.engine
    finally:
        session.close()


def test_a_round_in_a_worker_uses_its_own_connection_with_secure_delete(
    db_path: Path, tmp_path: Path, clock
) -> None:
    session = open_session(db_path, clock=clock)
    shared = tmp_path / "shared"
    shared.mkdir()
    try:
        sync = window_sync(session.service)
        session.service.create(first_name="Anna", last_name="Schmidt")
        found: dict[str, object] = {}

        def work() -> None:
            # this machine's SQLite defaults to secure_delete on; others do not
            session.service.db.execute_sql("PRAGMA secure_delete = OFF")
            report = sync.round_in_worker(shared, PASS)
            found["sent"] = report.sent
            found["secure"] = session.service.db.execute_sql("PRAGMA secure_delete").fetchone()[0]
            found["connection"] = id(session.service.db.connection())

        thread = threading.Thread(target=lambda: in_own_connection(session.service, work))
        thread.start()
        thread.join(30)
        assert found["sent"] and found["secure"] == 1
        assert found["connection"] != id(session.service.db.connection())
        assert remembered_folder(session.service) == str(shared)
    finally:
        session.close()


def test_swap_is_an_undoable_step_of_the_history(tmp_path: Path, clock) -> None:
    """A's warm loses against B's later cold; "use this instead" and its undo/redo through
    UndoHistory, and the undo refused once the contact changed after the step."""
    shared = tmp_path / "shared"
    shared.mkdir()
    b = OtherReplica(tmp_path / "b.db", clock)
    a = OtherReplica(tmp_path / "a.db", clock, name="Booth A")
    try:
        with a.bound():
            anna = a.service.create(first_name="Anna", last_name="Schmidt").ids[0]
        a.round(shared)
        b.round(shared)
        with a.bound():
            a.service.update(anna, {"rating": "warm"})
        clock.advance(minutes=1)
        with b.bound():
            b.service.update(b.contact_id("Anna"), {"rating": "cold"})
        b.round(shared)
        a.round(shared)
        with a.bound():
            service = a.service
            history = UndoHistory(service)
            (row,) = a.sync.conflict_rows(service)
            assert (row.contact_id, row.contact_name, row.field) == (anna, "Anna Schmidt", "rating")
            assert (row.kept_value, row.kept_device, row.kept_here) == ("cold", "Booth B", False)
            assert (row.lost_value, row.lost_here) == ("warm", True)
            outcome = a.sync.swap_conflict(service, row.id, "Use the other value")
            history.record(outcome)
            assert outcome.changes.updated == {anna}
            assert service.get(anna).rating.value == "warm"
            history.undo()
            assert service.get(anna).rating.value == "cold"
            history.redo()
            assert service.get(anna).rating.value == "warm"
            service.update(anna, {"title": "CEO"})  # a change after the step (not in history)
            with pytest.raises(ConflictError, match="cannot be undone"):
                history.undo()
            assert service.get(anna).rating.value == "warm"
            assert history.can_undo  # the step stays, as every refused undo does
    finally:
        a.close()
        b.close()

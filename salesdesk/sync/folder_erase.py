"""Erasure reaches the shared folder: this device's own files lose an erased person.

Segments are immutable in normal operation, but after a purge (GDPR erasure) the ones this
device wrote may still hold the person's name, addresses and notes, and so may its
snapshots. Each such file is rewritten whole under its own name (temp file, then rename), its
ops redacted in place (device and seq stay, so readers see duplicates and nothing else) and
the person's snapshot records replaced by tombstones. Other devices' files are theirs to
rewrite: each device does this for its own when the purge reaches it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salesdesk.sync import folder_files as files
from salesdesk.sync.framing import Kind, SyncFileError, write_container
from salesdesk.sync.merge import redacted

if TYPE_CHECKING:
    from salesdesk.sync.folder_reader import FolderReport
    from salesdesk.sync.transport_folder import FolderTransport


def scrub_erased(
    transport: FolderTransport,
    folders: list[files.DeviceFolder],
    index: dict[str, Any],
    report: FolderReport,
) -> None:
    """Rewrite our segments and snapshots that hold a contact erased since the last scrub."""
    erasures = getattr(transport.replica, "erasures", None)
    if erasures is None:
        return
    tombs: dict[str, str] = erasures()
    key = f"folder.{transport._team_id()}.scrubbed"
    done = set(transport.settings.get_json(key, []))
    fresh = set(tombs) - done
    if not fresh:
        return
    mine = next((f for f in folders if f.device == transport.me), None)
    listed_files = [
        *((Kind.SEGMENT, f) for f in (mine.segments if mine else [])),
        *((Kind.SNAPSHOT, f) for f in (mine.snapshots if mine else [])),
    ]
    for kind, listed in listed_files:
        if not listed.path.exists():
            continue  # pruned in this round
        try:
            box = transport._read(listed.path, kind, transport.me, listed.number)
        except SyncFileError as error:
            report.errors.append(str(error))
            continue
        if kind is Kind.SEGMENT:
            records, changed = _segment(box.records, fresh)
        else:
            records, changed = _snapshot(box.records, fresh, tombs)
        if not changed:
            continue
        data = write_container(kind, transport.me, listed.number, box.meta, records,
                               transport.key)  # fmt: skip
        files.write_replace(listed.path.parent, listed.path.name, data)
        entry = index.get(listed.key)
        if entry is not None:
            st = listed.path.stat()
            entry["stamp"] = [st.st_size, st.st_mtime_ns]
        report.files_written.append(listed.key)
    transport.settings.set_json(key, sorted(tombs))


def _segment(ops: list[dict[str, Any]], erased: set[str]) -> tuple[list[dict[str, Any]], bool]:
    out, changed = [], False
    for op in ops:
        if op.get("contact") in erased and op.get("field") not in ("redacted", "purged"):
            op, changed = redacted(op), True
        out.append(op)
    return out, changed


def _snapshot(
    records: list[dict[str, Any]], erased: set[str], tombs: dict[str, str]
) -> tuple[list[dict[str, Any]], bool]:
    def personal(record: dict[str, Any]) -> bool:
        if record.get("type") == "entity":
            return record.get("uid") in erased or record.get("contact") in erased
        return record.get("type") == "dot" and record.get("owner") in erased

    out = [r for r in records if not personal(r)]
    if len(out) == len(records):
        return records, False
    held = {r.get("uid") for r in out if r.get("type") == "tomb"}
    out += [{"type": "tomb", "uid": u, "hlc": tombs[u]} for u in sorted(erased - held)]
    return out, True

"""Exporting contacts: CSV for spreadsheets and mail tools, vCard 3.0/4.0 for phones and
address books, and JSON of everything (a backup a new database imports without loss)."""

from __future__ import annotations

import datetime as dt
import enum
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import StorageError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.formats import csv_writer, json_format, vcard_write
from salesdesk.services.contacts import ContactService
from salesdesk.store import contacts as store
from salesdesk.store import interactions as store_interactions
from salesdesk.store import transfer as store_transfer


class ExportFormat(enum.Enum):
    """The kinds of file salesdesk exports."""

    CSV = "csv"
    VCARD = "vcard"
    JSON = "json"


SUFFIXES = {ExportFormat.CSV: ".csv", ExportFormat.VCARD: ".vcf", ExportFormat.JSON: ".json"}


@dataclass(frozen=True)
class ExportResult:
    """Where an export went and how many contacts it holds."""

    path: Path
    count: int


def select_contacts(
    service: ContactService,
    *,
    ids: Sequence[int] | None = None,
    stage: Stage | None = None,
    search: str | None = None,
) -> list[Contact]:
    """Live contacts to export in board order: the given ids, else one stage and/or the
    matches of a search, else all."""
    if ids is not None:
        loaded = service.get_many(list(ids))
        found = [loaded[i] for i in ids if i in loaded and loaded[i].deleted_at is None]
        return [c for c in found if stage is None or c.stage is stage]
    return service.list_contacts(stage=stage, search=search or None)


# --- CSV ------------------------------------------------------------------------------------


def csv_table(
    service: ContactService, contacts: Sequence[Contact]
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV export: as many e-mail and phone columns as the contact with
    the most needs, each with its label column (salesdesk reads them back)."""
    emails = max((len(c.emails) for c in contacts), default=1) or 1
    phones = max((len(c.phones) for c in contacts), default=1) or 1
    headers = ["First Name", "Last Name", "Company", "Job Title"]
    for n in range(1, emails + 1):
        suffix = "" if n == 1 else f" {n}"
        headers += [f"E-mail{suffix}", f"E-mail{suffix} Label"]
    for n in range(1, phones + 1):
        suffix = "" if n == 1 else f" {n}"
        headers += [f"Phone{suffix}", f"Phone{suffix} Label"]
    headers += ["Street", "Postal Code", "City", "Region", "Country", "Stage", "Rating",
                "Source", "Source Detail", "Gender", "Tags", "Referred By", "Do Not Contact",
                "Notes", "Created", "UID", "Expected Value", "Currency",
                "Expected Close"]  # fmt: skip
    names = _referrer_names(service, contacts)
    rows = []
    for c in contacts:
        row = [c.first_name, c.last_name, c.company, c.title]
        for n in range(emails):
            e = c.emails[n] if n < len(c.emails) else None
            row += [e.value, e.label] if e else ["", ""]
        for n in range(phones):
            p = c.phones[n] if n < len(c.phones) else None
            row += [service.phone_display(p), p.label] if p else ["", ""]
        a = c.address
        row += [a.street, a.postal_code, a.city, a.region, a.country, c.stage.value,
                c.rating.value if c.rating.value != "none" else "",
                c.source.value if c.source else "", c.source_detail, c.gender,
                ", ".join(c.tags), names.get(c.referred_by or 0, ""),
                "yes" if c.do_not_contact else "", c.notes,
                json_format.iso(c.created_at) or "", c.uid,
                "" if c.expected_value is None else str(c.expected_value), c.currency,
                "" if c.expected_close is None else c.expected_close.isoformat()]  # fmt: skip
        rows.append(row)
    return headers, rows


def _referrer_names(service: ContactService, contacts: Sequence[Contact]) -> dict[int, str]:
    wanted = list({c.referred_by for c in contacts if c.referred_by is not None})
    return {i: c.display_name for i, c in service.get_many(wanted).items()}


def export_csv(
    service: ContactService,
    contacts: Sequence[Contact],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8-sig",
) -> bytes:
    """CSV bytes (UTF-8 with BOM unless told otherwise), safe against formula injection."""
    headers, rows = csv_table(service, contacts)
    return csv_writer.write_csv(headers, rows, delimiter=delimiter, encoding=encoding)


# --- vCard ----------------------------------------------------------------------------------


def export_vcard(
    service: ContactService, contacts: Sequence[Contact], version: str = "3.0"
) -> bytes:
    """vCard 3.0 or 4.0 bytes (UTF-8); referrers are named by uid and name."""
    wanted = list({c.referred_by for c in contacts if c.referred_by is not None})
    referrers = {
        i: vcard_write.Referrer(c.uid, c.display_name) for i, c in service.get_many(wanted).items()
    }
    return vcard_write.write_vcards(contacts, version, referrers).encode("utf-8")


# --- JSON -----------------------------------------------------------------------------------


def export_json(service: ContactService) -> bytes:
    """Everything: every contact (the trash too) with its stage history, photo and
    follow-up, every interaction and follow-up change. See docs/cli.md for the format."""
    cards = store.card_tuples(None) + store.card_tuples(None, deleted=True)
    ids = [row[0] for row in sorted(cards, key=lambda r: (Stage(r[4]).order, r[5], r[0]))]
    contacts = service.get_many(ids)
    uids = {cid: c.uid for cid, c in contacts.items()}
    follow_ups = store_interactions.load_follow_ups(ids)
    records = []
    for cid in ids:
        contact = contacts[cid]
        record = json_format.contact_record(
            contact, service.history(cid), uids.get(contact.referred_by or 0)
        )
        follow_up = follow_ups.get(cid)
        record["follow_up"] = (
            {
                "due_on": follow_up.due_on.isoformat(),
                "due_time": follow_up.due_time.strftime("%H:%M") if follow_up.due_time else None,
                "note": follow_up.note,
            }
            if follow_up
            else None
        )
        records.append(record)
    interactions = [_interaction(row) for row in store_transfer.interaction_dicts()]
    changes = [_follow_up_change(row) for row in store_transfer.follow_up_change_dicts()]
    return json_format.dump_document(
        records, interactions, service.clock(), follow_up_changes=changes
    )


def _interaction(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "uid": row["uid"],
        "contact_uid": row["contact_uid"],
        "channel": row["channel"],
        "direction": row["direction"],
        "at": _iso(row["at"]),
        "summary": row["summary"],
        "notes": row["notes"],
        "outcome": row["outcome"],
        "created_at": _iso(row["created_at"]),
        "updated_at": _iso(row["updated_at"]),
        "author": row["author"],
    }


def _follow_up_change(row: dict[str, Any]) -> dict[str, Any]:
    due_on = row["due_on"]
    return {
        "contact_uid": row["contact_uid"],
        "at": _iso(row["at"]),
        "kind": row["kind"],
        "due_on": due_on.isoformat() if isinstance(due_on, dt.date) else due_on,
        "due_time": row["due_time"],
        "note": row["note"],
        "author": row["author"],
    }


def _iso(value: Any) -> str | None:
    return json_format.iso(store.from_db_time(value))


# --- files ----------------------------------------------------------------------------------


def export_to_file(
    service: ContactService,
    path: str | os.PathLike[str],
    format: ExportFormat,
    *,
    contacts: Sequence[Contact] | None = None,
    version: str = "3.0",
    delimiter: str = ",",
    encoding: str = "utf-8-sig",
) -> ExportResult:
    """Write an export to ``path`` (replacing it only once complete). ``contacts`` defaults
    to all live ones; JSON always holds everything."""
    if format is ExportFormat.JSON:
        data = export_json(service)
        count = len(store.card_tuples(None)) + len(store.card_tuples(None, deleted=True))
    else:
        chosen = list(contacts) if contacts is not None else select_contacts(service)
        if not chosen:
            raise ValidationError("There are no contacts to export.")
        if format is ExportFormat.CSV:
            data = export_csv(service, chosen, delimiter=delimiter, encoding=encoding)
        else:
            data = export_vcard(service, chosen, version)
        count = len(chosen)
    target = Path(path)
    write_atomically(target, data)
    return ExportResult(target, count)


def write_atomically(target: Path, data: bytes) -> None:
    """Write a new file next to ``target`` and rename it over: never a half-written file.

    Only an ordinary file is replaced: renaming over a link would replace the link (not the
    file it points to), and over a pipe or device would swap it for a file, both silently."""
    tmp: str | None = None
    _refuse_special(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as error:
        raise StorageError(f"'{target}' could not be written ({error.strerror}).") from error
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _refuse_special(target: Path) -> None:
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(f"'{target}' could not be written ({error.strerror}).") from error
    if stat.S_ISLNK(info.st_mode):
        raise ValidationError(
            f"'{target}' is a link to '{os.readlink(target)}'. Saving there would replace the "
            "link with a new file instead of writing where it points, so nothing was written. "
            "Choose the file it points to, or another name."
        )
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError(f"'{target}' is a folder. Choose a file name in it.")
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(
            f"'{target}' is not an ordinary file (it is a pipe, a device or a socket), so "
            "nothing was written to it. Choose another file name."
        )

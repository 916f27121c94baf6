"""Importing contacts, in the steps of the import wizard: open and sniff a file, preview it
with a column mapping, plan (check every row, find duplicates), then run (one transaction,
one undo step) with progress and cancel. ``salesdesk import`` goes through the same steps."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesdesk.domain.contact import Contact, LeadSource
from salesdesk.domain.errors import SalesdeskError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.formats import csv_mapping, csv_reader, json_format, spreadsheets, vcard
from salesdesk.formats.common import FormatError, IncomingContact, RowIssue, read_file
from salesdesk.formats.phones import PhoneBatch
from salesdesk.services.bulk import HistoryStep, check_history
from salesdesk.services.contacts import ContactService
from salesdesk.services.duplicates import Match, NameIndex, match_incoming
from salesdesk.services.validation import clean_contact, clean_notes
from salesdesk.store import bulk as store_bulk

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) from the thread doing the work."""
Cancelled = Callable[[], bool]
"""Polled between rows; True stops the work (an import then writes nothing)."""
Extras = dict[str, list[dict[str, Any]]]
"""What a salesdesk JSON file holds besides contacts: interactions, follow-up changes."""
PREVIEW_ROWS = 20
_CHECK_EVERY = 250  # rows between progress reports and cancel checks


class ImportFormat(enum.Enum):
    """The kinds of file salesdesk imports."""

    CSV = "csv"
    VCARD = "vcard"
    JSON = "json"


class DuplicateAction(enum.Enum):
    """What to do with an incoming contact that matches a stored one."""

    UPDATE = "update"  # fill the stored contact's empty fields, add e-mails, phones, tags
    SKIP = "skip"
    NEW = "new"  # import it as another contact


class ImportCancelled(SalesdeskError):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class ImportFile:
    """A file opened for import: its bytes, format and, for CSV, how to read it and the
    column mapping (one target per header; see formats.csv_mapping.TARGETS)."""

    name: str
    data: bytes
    format: ImportFormat
    dialect: csv_reader.CsvDialect | None = None
    headers: tuple[str, ...] = ()
    preset: str = ""
    mapping: tuple[str, ...] = ()
    phone_label: str = "mobile"  # phones from a column that names no label (Preferences)
    workbook: bytes = b""  # a spreadsheet: the workbook; ``data`` is its sheet as CSV
    sheets: tuple[str, ...] = ()
    sheet: str = ""

    @property
    def is_workbook(self) -> bool:
        return bool(self.workbook)


@dataclass(frozen=True)
class ImportOptions:
    """Choices for the whole import. ``stage``/``source`` None keep what the file says
    (New and no source where it says nothing); with the source kept, ``source_detail`` only
    goes to contacts the file gives neither source nor detail. ``decisions`` overrides
    ``on_duplicate`` for single rows (by row number)."""

    stage: Stage | None = Stage.NEW
    source: LeadSource | None = LeadSource.IMPORT
    source_detail: str = ""
    tag: str = ""
    on_duplicate: DuplicateAction = DuplicateAction.UPDATE
    decisions: Mapping[int, DuplicateAction] = field(default_factory=dict)

    def action_for(self, number: int) -> DuplicateAction:
        return self.decisions.get(number, self.on_duplicate)


def default_tag(today: dt.date) -> str:
    """The tag an import suggests: 'Import 2026-11-26'."""
    return f"Import {today.isoformat()}"


def default_options(file: ImportFile, today: dt.date, tag: str | None = None) -> ImportOptions:
    """What the wizard starts with: CSV and vCard land in New with source Import and a dated
    tag (or ``tag``, the Preferences' one); a salesdesk JSON file is a backup and comes back
    exactly as it was."""
    if file.format is ImportFormat.JSON:
        return ImportOptions(stage=None, source=None)
    return ImportOptions(source_detail=file.name, tag=default_tag(today) if tag is None else tag)


# --- 1. open and sniff ------------------------------------------------------------------------


def detect_format(data: bytes, name: str = "") -> ImportFormat:
    """The format of a file from its content (the name only breaks a tie)."""
    if vcard.looks_like_vcard(data):
        return ImportFormat.VCARD
    if json_format.looks_like_json(data) and not name.lower().endswith((".csv", ".txt")):
        return ImportFormat.JSON
    return ImportFormat.CSV


def open_import(
    path: str | os.PathLike[str],
    *,
    format: ImportFormat | None = None,
    sheet: str | None = None,
) -> ImportFile:
    """Read a file (refusing one over formats.common.MAX_IMPORT_BYTES) and sniff it. A
    spreadsheet (.xlsx, .xls, .ods) is read as CSV from ``sheet`` (default: the first sheet
    with a table)."""
    file = Path(path)
    data = read_file(file)
    if format in (None, ImportFormat.CSV) and spreadsheets.is_workbook(data, file.name):
        return workbook_file(data, file.name, sheet)
    if sheet:
        raise ValidationError(f"'{file.name}' is not a spreadsheet, so it has no sheets.", "sheet")
    return sniff_bytes(data, file.name, format=format)


def workbook_file(data: bytes, name: str, sheet: str | None = None) -> ImportFile:
    """One sheet of a workbook as a CSV import (cells as text: numbers, dates, times)."""
    names = spreadsheets.sheet_names(data, name)
    chosen = sheet if sheet is not None else spreadsheets.first_table_sheet(data, name)
    if chosen not in names:
        raise ValidationError(
            f"'{name}' has no sheet '{chosen}'. Its sheets: {', '.join(names)}.", "sheet"
        )
    rows = spreadsheets.sheet_rows(data, name, chosen)
    if not any(any(row) for row in rows):
        raise FormatError(f"The sheet '{chosen}' of '{name}' is empty: choose another sheet.")
    read = sniff_bytes(spreadsheets.rows_to_csv(rows), name, format=ImportFormat.CSV,
                       encoding="utf-8", delimiter=",")  # fmt: skip
    return dataclasses.replace(read, workbook=data, sheets=tuple(names), sheet=chosen)


def with_sheet(file: ImportFile, sheet: str) -> ImportFile:
    """The same workbook read from another sheet (the mapping is guessed again)."""
    if not file.is_workbook:
        raise ValidationError(f"'{file.name}' is not a spreadsheet, so it has no sheets.", "sheet")
    return dataclasses.replace(
        workbook_file(file.workbook, file.name, sheet), phone_label=file.phone_label
    )


def sniff_bytes(
    data: bytes,
    name: str,
    *,
    format: ImportFormat | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_row: int | None | bool = True,
    preset: str | None = None,
) -> ImportFile:
    """Recognise the format and, for CSV, encoding, delimiter, header row and a mapping.
    Any of these given is kept as it is (the wizard's overrides). Raises FormatError."""
    if not data.strip():
        raise FormatError(f"'{name}' is empty: there is nothing to import.")
    kind = format or detect_format(data, name)
    if kind is not ImportFormat.CSV:
        return ImportFile(name, data, kind)
    dialect = csv_reader.sniff(data, encoding=encoding, delimiter=delimiter, header_row=header_row)
    table = csv_reader.read_table(data, dialect, max_rows=1)
    chosen = preset or csv_mapping.detect_preset(table.headers)
    mapping = csv_mapping.guess_mapping(table.headers, chosen)
    return ImportFile(name, data, kind, dialect, table.headers, chosen, mapping)


def with_dialect(
    file: ImportFile,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_row: int | None | bool = True,
) -> ImportFile:
    """The same CSV file read another way (the user overrode a guess); the mapping is
    guessed again since the columns may have changed."""
    old = file.dialect
    read = sniff_bytes(
        file.data,
        file.name,
        format=ImportFormat.CSV,
        encoding=encoding or (old.encoding if old else None),
        delimiter=delimiter or (old.delimiter if old else None),
        header_row=header_row,
    )
    return dataclasses.replace(read, phone_label=file.phone_label, workbook=file.workbook,
                               sheets=file.sheets, sheet=file.sheet)  # fmt: skip


def with_mapping(file: ImportFile, mapping: Sequence[str]) -> ImportFile:
    """The file with another column mapping (one target per header)."""
    if len(mapping) != len(file.headers):
        raise FormatError("The mapping does not have one target for every column.")
    csv_mapping.check_targets(mapping)
    return dataclasses.replace(file, mapping=tuple(mapping))


def with_preset(file: ImportFile, preset: str) -> ImportFile:
    mapping = csv_mapping.guess_mapping(file.headers, preset)
    return dataclasses.replace(file, preset=preset, mapping=mapping)


# --- 2. preview -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    """A row as it will be imported: its number, the raw cells (CSV) and the contact."""

    number: int
    cells: tuple[str, ...]
    contact: Contact
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Preview:
    """The first rows of a file as they will be imported, and the problems met so far."""

    rows: tuple[PreviewRow, ...]
    issues: tuple[RowIssue, ...]
    more: bool  # the file has more rows than shown


def preview(file: ImportFile, rows: int = PREVIEW_ROWS) -> Preview:
    """The first ``rows`` rows mapped to contacts (not yet checked), quickly."""
    if file.format is ImportFormat.CSV:
        assert file.dialect is not None
        table = csv_reader.read_table(file.data, file.dialect, max_rows=rows)
        mapper = csv_mapping.RowMapper(file.headers, file.mapping, file.phone_label)
        shown = []
        for row in table.rows:
            incoming = mapper.contact(row.number, row.cells)
            shown.append(
                PreviewRow(row.number, row.cells, incoming.contact, tuple(incoming.warnings))
            )
        return Preview(tuple(shown), tuple(table.issues), table.truncated)
    incoming_all, issues, _ = read_incoming(file)
    shown = [PreviewRow(i.number, (), i.contact, tuple(i.warnings)) for i in incoming_all[:rows]]
    return Preview(tuple(shown), tuple(issues), len(incoming_all) > rows)


def read_incoming(
    file: ImportFile, cancelled: Cancelled | None = None
) -> tuple[list[IncomingContact], list[RowIssue], Extras]:
    """Every contact of the file as read (not checked), the rows that failed, and (JSON)
    the interactions and follow-up changes."""
    if file.format is ImportFormat.VCARD:
        result = vcard.parse_vcards(file.data)
        return result.cards, result.issues, {}
    if file.format is ImportFormat.JSON:
        document = json_format.load_document(file.data)
        extras: Extras = {
            "interactions": document.interactions,
            "follow_up_changes": document.follow_up_changes,
        }
        return document.contacts, document.issues, extras
    table, mapper = _csv_table(file)
    return _map_rows(table, mapper, cancelled), table.issues, {}


def _csv_table(file: ImportFile) -> tuple[csv_reader.CsvTable, csv_mapping.RowMapper]:
    assert file.dialect is not None
    table = csv_reader.read_table(file.data, file.dialect)
    return table, csv_mapping.RowMapper(file.headers, file.mapping, file.phone_label)


def _map_rows(
    table: csv_reader.CsvTable, mapper: csv_mapping.RowMapper, cancelled: Cancelled | None
) -> list[IncomingContact]:
    incoming: list[IncomingContact] = []
    for index, row in enumerate(table.rows):
        if cancelled is not None and index % _CHECK_EVERY == 0 and cancelled():
            raise ImportCancelled("The import was cancelled; nothing was changed.")
        incoming.append(mapper.contact(row.number, row.cells))
    return incoming


# --- 3. plan ----------------------------------------------------------------------------------


@dataclass
class PlannedContact:
    """One importable contact: checked and cleaned, with its likely duplicates (stored
    contacts, best first) or the earlier row of the same file it repeats."""

    number: int
    contact: Contact
    incoming: IncomingContact
    matches: tuple[Match, ...] = ()
    same_as_row: int | None = None
    history: tuple[HistoryStep, ...] = ()

    @property
    def is_duplicate(self) -> bool:
        return bool(self.matches) or self.same_as_row is not None


@dataclass
class ImportPlan:
    """What an import would do: the contacts that can be imported and the rows that cannot
    (``issues`` with skipped=True), plus warnings about rows that import with changes."""

    file: ImportFile
    items: list[PlannedContact]
    issues: list[RowIssue]
    extras: Extras = field(default_factory=dict)
    stamp: tuple[object, ...] | None = None  # store_bulk.change_stamp() when it was checked

    @property
    def duplicates(self) -> list[PlannedContact]:
        return [item for item in self.items if item.is_duplicate]

    @property
    def skipped_rows(self) -> list[RowIssue]:
        return [issue for issue in self.issues if issue.skipped]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a bulk step allocates: with 100k new objects alive
    every collection walks all of them, which costs more than the import's own work. The
    objects are freed by reference counting as usual; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plan_import(
    service: ContactService,
    file: ImportFile,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPlan:
    """Read and check every row like ``create`` would, and find likely duplicates. Writes
    nothing. Rows that fail become issues (their number and why); the rest are planned."""
    with paused_gc():
        return _plan(service, file, progress, cancelled)


def _plan(
    service: ContactService,
    file: ImportFile,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> ImportPlan:
    region = service.phone_region
    batch: PhoneBatch | None = None
    extras: Extras = {}
    try:
        # Phone numbers are half the work of checking: they are checked all at once, by a
        # helper process on the other core from as soon as the rows are read.
        if file.format is ImportFormat.CSV:
            table, mapper = _csv_table(file)
            batch = PhoneBatch(mapper.phone_texts(row.cells for row in table.rows), region)
            incoming, issues = _map_rows(table, mapper, cancelled), table.issues
        else:
            incoming, issues, extras = read_incoming(file, cancelled)
            texts = [" ".join(p.value.split()) for i in incoming for p in i.contact.phones]
            batch = PhoneBatch(texts, region)
        total = len(incoming)
        half = total // 2  # progress in rows: the numbers make the first half
        batch.finish(
            progress=lambda done, numbers: _tick(progress, None, half * done // numbers, total),
            cancelled=cancelled,
        )
    finally:
        if batch is not None:
            batch.stop()
    issues = list(issues)
    now = service.clock()
    items: list[PlannedContact] = []
    for index, item in enumerate(incoming):
        if index % _CHECK_EVERY == 0:
            _tick(progress, cancelled, half + (total - half) * index // total, total)
        planned = _check_row(service, item, now, issues)
        if planned is not None:
            items.append(planned)
    _tick(progress, cancelled, total, total)
    stamp = (
        store_bulk.change_stamp()
    )  # before the check: a write during it makes the run look again
    names = NameIndex.load()
    found = match_incoming(service, [p.contact for p in items], names=names)
    for planned, matches in zip(items, found, strict=True):
        planned.matches = tuple(matches)
    _match_badges(items)
    _mark_repeats(items)
    return ImportPlan(file, items, issues, extras, stamp)


def _tick(progress: Progress | None, cancelled: Cancelled | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled("The import was cancelled; nothing was changed.")
    if progress is not None:
        progress(done, total)


def _check_row(
    service: ContactService, item: IncomingContact, now: dt.datetime, issues: list[RowIssue]
) -> PlannedContact | None:
    contact = item.contact
    rejected: list[str] = []
    try:
        cleaned = clean_contact(contact, service.phone_region, now, rejected)
        if rejected:  # a bad address is no reason to lose the row: it goes to the notes
            lines = [f"E-mail (not valid): {value}" for value in rejected]
            notes = "\n".join([cleaned.notes, *lines] if cleaned.notes else lines)
            cleaned.notes = clean_notes(notes)
    except ValidationError as error:
        issues.append(RowIssue(item.number, _row_reason(error)))
        return None
    for value in rejected:
        item.warnings.append(f"'{value}' is not a valid e-mail address; it went to the notes.")
    cleaned.created_at, cleaned.updated_at = contact.created_at, contact.updated_at
    cleaned.position = contact.position
    cleaned.deleted_at = contact.deleted_at
    if cleaned.created_at is not None and cleaned.created_at > now:
        cleaned.created_at = now  # a file from a machine whose clock ran ahead
    history: tuple[HistoryStep, ...] = ()
    if item.history:
        steps = tuple(HistoryStep(Stage(h.stage), h.at, h.reason, h.author) for h in item.history)
        try:
            check_history(steps, cleaned.stage, now)
            history = steps
        except ValidationError as error:
            item.warnings.append(f"Its stage history was left out: {error}")
    for warning in item.warnings:
        issues.append(RowIssue(item.number, warning, skipped=False))
    return PlannedContact(item.number, cleaned, item, history=history)


def _row_reason(error: ValidationError) -> str:
    text = str(error)
    if error.field == "first_name" and "needs at least" in text:
        return "It has no name, company, e-mail address or phone number."
    return text


def _match_badges(items: Sequence[PlannedContact]) -> None:
    """A row with the badge id of a booth capture (an organiser's lead export) is that
    contact before any other match: the capture it completes."""
    from salesdesk.store.events import ids_by_badge

    badges = [str(p.incoming.extra.get("badge_id") or "") for p in items]
    owners = ids_by_badge(badges) if any(badges) else {}
    for planned, badge in zip(items, badges, strict=True):
        owner = owners.get(badge) if badge else None
        if owner is not None:
            others = tuple(m for m in planned.matches if m.contact_id != owner)
            planned.matches = (Match(owner, ("badge",), 100.0), *others)


def _mark_repeats(items: Sequence[PlannedContact]) -> None:
    """A row with the e-mail or phone of an earlier row of the same file repeats it."""
    # lower-cased e-mail, E.164 number or given uid -> index of the first item with it; the
    # kinds cannot clash (only e-mails hold "@", only numbers start with "+")
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        contact = item.contact
        keys = [e.value.lower() for e in contact.emails]
        keys += [p.e164 for p in contact.phones if p.e164]
        if item.incoming.uid_given:
            keys.append(contact.uid)
        for key in keys:
            earlier = seen.get(key)
            if earlier is not None:
                if not item.matches:
                    item.same_as_row = items[earlier].number
                break
        for key in keys:
            seen.setdefault(key, index)

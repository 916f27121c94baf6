"""The ``import`` and ``export`` commands: contacts in and out as CSV, vCard and JSON.

Like ``cli.py``, nothing here imports Qt, and the services are imported inside the commands.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from salesdesk.cli_commands import contact_service, emit, emit_json, parse_stage, preferences
from salesdesk.domain.contact import PHONE_LABELS
from salesdesk.domain.errors import ValidationError

EXIT_OK, EXIT_FAILURE = 0, 1
MAX_LISTED = 50  # problem lines printed before "... and N more"
FORMATS = ("auto", "csv", "vcard", "json")
ACTIONS = ("update", "skip", "new")


def add_transfer_commands(command: Callable[..., Any]) -> None:
    """Register ``import`` and ``export`` (``command(name, func, help)`` makes a parser)."""
    imp = command(
        "import",
        cmd_import,
        "import contacts from a CSV, vCard or JSON file or a spreadsheet (.xlsx, .xls, .ods)",
    )
    imp.add_argument("file", metavar="FILE", help="the file to import")
    imp.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="the file's format (default: recognised from its content)",
    )
    imp.add_argument(
        "--stage",
        metavar="S",
        help="stage of the imported contacts (default new; 'keep' keeps the "
        "file's stages; JSON files keep them by default)",
    )
    imp.add_argument(
        "--tag",
        metavar="T",
        help="tag for every imported contact (default: the Preferences' import tag, "
        "'Import YYYY-MM-DD'; '' for none)",
    )
    imp.add_argument(
        "--source",
        help="lead source of the imported contacts (default import; 'keep' keeps the file's)",
    )
    imp.add_argument(
        "--on-duplicate",
        choices=ACTIONS,
        default="update",
        help="a contact that is already stored (same e-mail, phone or similar "
        "name at the same company): update fills its empty fields (the "
        "default), skip leaves it, new imports it again",
    )
    imp.add_argument(
        "--phone-label",
        choices=PHONE_LABELS,
        help="label of phone numbers from a column that names none (default: the "
        "Preferences' label, mobile)",
    )
    imp.add_argument(
        "--sheet", help="spreadsheet: the sheet to read (default: the first with a table)"
    )
    imp.add_argument("--encoding", help="CSV: the file's encoding (default: detected)")
    imp.add_argument("--delimiter", help="CSV: the delimiter (default: detected); 'tab' for tab")
    imp.add_argument(
        "--preset",
        help="CSV: column names as in google, outlook-en, outlook-de, "
        "linkedin or generic (default: detected)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="check the file and report, but import nothing"
    )
    imp.add_argument("--json", action="store_true", help="print the result as JSON")  # fmt: skip

    exp = command(
        "export",
        cmd_export,
        "export contacts to a CSV, vCard or JSON file, or the follow-ups to a calendar (.ics)",
    )
    exp.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="file to write (an ordinary file is replaced; a link or pipe is refused); '-' for "
        "standard output",
    )
    exp.add_argument(
        "--format",
        choices=("csv", "vcard", "json", "ics"),
        help="default: from the file name (.csv, .vcf, .json, .ics), else csv; ics: every "
        "planned follow-up as a calendar event (--stage: only that stage's)",
    )
    exp.add_argument("--stage", metavar="S", help="only this stage (CSV and vCard)")
    exp.add_argument("--search", metavar="TEXT", help="only contacts matching this text")
    exp.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    exp.add_argument(
        "--delimiter",
        help="CSV delimiter (default: the Preferences' delimiter, ','); 'tab' for tab",
    )
    exp.add_argument(
        "--encoding",
        default="utf-8-sig",
        help="CSV encoding (default utf-8-sig: UTF-8 with BOM, for spreadsheets)",
    )


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    return "\t" if text.lower() in ("tab", "\\t") else text


def cmd_import(args: argparse.Namespace) -> int:
    from salesdesk.services.import_run import run_import
    from salesdesk.services.importing import (
        DuplicateAction,
        ImportFormat,
        default_options,
        open_import,
        plan_import,
        sniff_bytes,
        with_preset,
    )

    kind = None if args.format == "auto" else ImportFormat(args.format)
    file = open_import(args.file, format=kind, sheet=args.sheet)
    if (
        file.format is ImportFormat.CSV
        and not file.is_workbook
        and (args.encoding or args.delimiter)
    ):
        file = sniff_bytes(file.data, file.name, format=kind, encoding=args.encoding,
                           delimiter=_delimiter(args.delimiter))  # fmt: skip
    if args.preset and file.format is ImportFormat.CSV:
        file = with_preset(file, args.preset)
    stored = preferences()
    file = dataclasses.replace(file, phone_label=args.phone_label or stored.phone_label)
    options = default_options(file, dt.date.today(), stored.import_tag_for(dt.date.today()))
    changes: dict[str, Any] = {"on_duplicate": DuplicateAction(args.on_duplicate)}
    if args.stage is not None:
        changes["stage"] = None if args.stage.lower() == "keep" else parse_stage(args.stage)
    if args.tag is not None:
        changes["tag"] = args.tag
    if args.source is not None:
        changes["source"] = None if args.source.lower() == "keep" else _source(args.source)
    options = dataclasses.replace(options, **changes)
    with contact_service(args, create=not args.dry_run) as service:
        plan = plan_import(service, file)
        if args.dry_run:
            return _report_plan(args, plan)
        result = run_import(service, plan, options)
    return _report(args, result)


def _source(text: str) -> Any:
    from salesdesk.domain.contact import LeadSource

    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    for source in LeadSource:
        if key == source.value:
            return source
    choices = ", ".join(s.value for s in LeadSource)
    raise ValidationError(f"'{text}' is not a lead source. Choose one of: {choices}.", "source")


def _issue_lines(issues: Any) -> list[str]:
    lines = []
    for issue in issues:
        where = f"row {issue.number}" if issue.number else "file"
        lines.append(
            f"  {where}: {issue.reason}" if issue.skipped else f"  {where} (note): {issue.reason}"
        )
    if len(lines) > MAX_LISTED:
        lines = lines[:MAX_LISTED] + [f"  ... and {len(lines) - MAX_LISTED:,} more"]
    return lines


def _report_plan(args: argparse.Namespace, plan: Any) -> int:
    if args.json:
        emit_json({
            "importable": len(plan.items),
            "duplicates": [{"row": i.number, "matches": [m.contact_id for m in i.matches],
                            "same_as_row": i.same_as_row} for i in plan.duplicates],
            "issues": [_issue_dict(i) for i in plan.issues],
        })  # fmt: skip
    else:
        emit(f"{len(plan.items):,} contacts can be imported; {len(plan.duplicates):,} of them "
             f"look like contacts already there.")  # fmt: skip
        _emit_issues(plan.issues)
    return EXIT_OK


def _issue_dict(issue: Any) -> dict[str, Any]:
    return {"row": issue.number, "reason": issue.reason, "skipped": issue.skipped}


def _emit_issues(issues: Any) -> None:
    skipped = [i for i in issues if i.skipped]
    notes = [i for i in issues if not i.skipped]
    if skipped:
        emit(f"{len(skipped):,} row{_s(skipped)} could not be imported:", err=True)
        for line in _issue_lines(skipped):
            emit(line, err=True)
    if notes:
        emit(f"{len(notes):,} note{_s(notes)} about imported rows:", err=True)
        for line in _issue_lines(notes):
            emit(line, err=True)


def _report(args: argparse.Namespace, result: Any) -> int:
    if args.json:
        emit_json({
            "created": list(result.created),
            "updated": list(result.updated),
            "skipped_duplicates": list(result.skipped),
            "issues": [_issue_dict(i) for i in result.issues],
        })  # fmt: skip
    else:
        parts = [f"{len(result.created):,} new", f"{len(result.updated):,} updated"]
        if result.skipped:
            parts.append(f"{len(result.skipped):,} duplicates skipped")
        total = len(result.created) + len(result.updated)
        emit(f"Imported {total:,} contact{'s' if total != 1 else ''} ({', '.join(parts)}).")
        _emit_issues(result.issues)
    nothing = result.outcome is None and any(i.skipped for i in result.issues)
    return EXIT_FAILURE if nothing else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from salesdesk.services.exporting import (
        ExportFormat,
        export_csv,
        export_json,
        export_to_file,
        export_vcard,
        select_contacts,
    )

    suffixes = {".csv": "csv", ".tsv": "csv", ".vcf": "vcard", ".vcard": "vcard", ".json": "json",
                ".ics": "ics"}  # fmt: skip
    name = args.format or suffixes.get(Path(args.output).suffix.lower(), "csv")
    if name == "ics":
        return _export_ics(args)
    kind = ExportFormat(name)
    if kind is ExportFormat.JSON and (args.stage or args.search):
        raise ValidationError(
            "A JSON export always holds everything; leave out --stage and --search."
        )
    delimiter = _delimiter(args.delimiter) or preferences().csv_delimiter
    with contact_service(args) as service:
        stage = parse_stage(args.stage) if args.stage else None
        contacts = None
        if kind is not ExportFormat.JSON:
            contacts = select_contacts(service, stage=stage, search=args.search)
            if not contacts:
                raise ValidationError("No contacts match, so there is nothing to export.")
        if args.output == "-":
            if kind is ExportFormat.JSON:
                data = export_json(service)
            elif kind is ExportFormat.CSV:
                assert contacts is not None
                data = export_csv(service, contacts, delimiter=delimiter, encoding=args.encoding)
            else:
                assert contacts is not None
                data = export_vcard(service, contacts, args.vcard_version)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return EXIT_OK
        result = export_to_file(service, args.output, kind, contacts=contacts,
                                version=args.vcard_version, delimiter=delimiter,
                                encoding=args.encoding)  # fmt: skip
    emit(f"Exported {result.count:,} contact{'s' if result.count != 1 else ''} to {result.path}.")
    return EXIT_OK


def _export_ics(args: argparse.Namespace) -> int:
    from salesdesk.services.follow_up_export import export_follow_ups

    if args.search:
        raise ValidationError("A calendar export holds the follow-ups; leave out --search.")
    with contact_service(args) as service:
        stage = parse_stage(args.stage) if args.stage else None
        to_stdout = args.output == "-"
        data, result = export_follow_ups(service, None if to_stdout else args.output, stage=stage)
    if to_stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    emit(f"Exported {result.count:,} follow-up{'s' if result.count != 1 else ''} to {result.path}.")
    return EXIT_OK


def _s(items: Any) -> str:
    return "" if len(items) == 1 else "s"

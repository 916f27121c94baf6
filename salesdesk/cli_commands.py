"""The subcommands: each opens the database, does one thing and prints the result.

Like ``cli.py``, nothing here imports Qt or peewee at module level.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import DatabaseOpenError, ValidationError
from salesdesk.domain.stages import Stage

if TYPE_CHECKING:
    from salesdesk.services.contacts import ContactService
    from salesdesk.services.preferences import Preferences
    from salesdesk.store.db import OpenedDatabase

LARGE_DEMO = 10_000
EXIT_OK, EXIT_FAILURE = 0, 1


# --- output ----------------------------------------------------------------------------


def emit(text: str, *, err: bool = False) -> None:
    """Print a line; characters the terminal cannot show become '?' instead of a crash."""
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")


def emit_json(data: Any) -> None:
    """JSON on stdout: UTF-8 as is, or \\u escapes when the terminal is not UTF-8."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    emit(json.dumps(data, indent=2, ensure_ascii=encoding != "utf8"))


@contextlib.contextmanager
def opened_database(
    args: argparse.Namespace, *, create: bool = False, read_only: bool = False
) -> Iterator[OpenedDatabase]:
    """Open the chosen database for one command and close it afterwards.

    Only commands that add data (and the default database) create a missing file, so a
    mistyped ``--db`` for ``list`` or ``check`` reports the mistake instead of a new empty file.
    ``read_only`` opens it without writing a byte (no migration, no repair): ``check``.
    """
    from salesdesk.store.db import open_database, sqlite_path

    path = sqlite_path(args.target)
    if path is not None and not create and not args.is_default and not path.exists():
        shown = f'"{args.target}"' if any(c.isspace() for c in args.target) else args.target
        raise DatabaseOpenError(
            f"There is no database file '{path}'. Check the name, or create it by adding a "
            f"contact: salesdesk --db {shown} add --first NAME"
        )
    if read_only and args.is_default and path is not None and not path.exists():
        raise DatabaseOpenError(
            f"There is no database file '{path}' yet: it is made when you add a contact "
            "or open the window."
        )
    opened = open_database(args.target, read_only=read_only)
    try:
        yield opened
    finally:
        opened.db.close()


def spoken_language(chosen: str) -> str:
    """The language of Preferences, or for "system" the one of the environment (LC_ALL,
    LC_MESSAGES, LANG, as Qt reads it on Linux)."""
    if chosen != "system":
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name, ""):
            return value.split(".")[0] if value not in ("C", "POSIX") else "en"
    return "en"


def preferences() -> Preferences:
    """What Edit ▸ Preferences stored (the same file the window writes); flags override it."""
    from salesdesk.services.preferences import load_preferences

    return load_preferences()


@contextlib.contextmanager
def contact_service(args: argparse.Namespace, *, create: bool = False) -> Iterator[ContactService]:
    from salesdesk.services import ContactService

    with opened_database(args, create=create) as opened:
        from salesdesk.services.identity import user_name
        from salesdesk.services.session import configured_region, record_for_sync

        stored = preferences()
        region = configured_region(args.phone_region, stored.phone_region)
        service = ContactService(opened.db, phone_region=region)
        service.author = user_name(opened.db, stored, getattr(args, "as_name", None))
        record_for_sync(service)  # edits become sync operations
        yield service


def parse_stage(text: str) -> Stage:
    try:
        return Stage.parse(text)
    except ValueError as error:
        raise ValidationError(str(error), "stage") from error


def names(contacts: Sequence[Any]) -> str:
    from salesdesk.cli_text import name_with_id

    if len(contacts) > 5:
        return f"{len(contacts)} contacts"
    return ", ".join(name_with_id(c) for c in contacts)


# --- commands ------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from salesdesk.views.app import run_gui
    except ImportError as error:
        emit(
            f"Error: the salesdesk window cannot start ({error}). Is PySide6 installed? "
            "The other commands work without it; see: salesdesk --help",
            err=True,
        )
        return EXIT_FAILURE
    if getattr(args, "phone_region", None):
        from salesdesk.services.session import configured_region

        os.environ["SALESDESK_REGION"] = configured_region(args.phone_region)  # the window reads it
    return int(run_gui(args.target, use_last=args.is_default))


def cmd_demo(args: argparse.Namespace) -> int:
    try:
        from salesdesk.services.demo_interactions import load_demo_with_conversations
    except ImportError as error:
        emit(f"Error: demo data is not available in this version ({error}).", err=True)
        return EXIT_FAILURE
    chosen = preferences()
    count = args.contacts or chosen.demo_contacts
    with contact_service(args, create=True) as service:
        before = sum(service.counts().values())
        if count >= LARGE_DEMO:
            emit(f"Adding {count:,} demo contacts; this can take a while...", err=True)
        # the window's demo: the same conversations and follow-ups with the contacts, in the
        # language the window would speak
        load_demo_with_conversations(service, count, args.seed, spoken_language(chosen.language))
        added = sum(service.counts().values()) - before
    emit(f"Added {added:,} demo contact{'s' if added != 1 else ''}.")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {
        "first_name": args.first,
        "last_name": args.last,
        "company": args.company,
        "title": args.title,
        "emails": args.email or [],
        "phones": args.phone or [],
        "tags": args.tag or [],
        "notes": args.notes,
        "source": args.source,
        "rating": args.rating,
        "gender": args.gender,
        "referred_by": args.referred_by,
        "address": {
            "street": args.street,
            "postal_code": args.postal_code,
            "city": args.city,
            "region": args.region,
            "country": args.country,
        },
        "expected_value": args.value,
        "currency": args.currency,
        "expected_close": args.close,
    }
    if args.stage:
        stage = parse_stage(args.stage)
        if stage is Stage.UNQUALIFIED:
            raise ValidationError(
                "A new contact cannot start as Unqualified, because that needs a reason. Add it "
                'to another stage, then run: salesdesk move ID unqualified --reason "..."',
                "stage",
            )
        fields["stage"] = stage
    with contact_service(args, create=True) as service:
        outcome = service.create(**fields)
    emit(str(outcome.ids[0]))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from salesdesk.cli_text import contact_sheet, conversation_lines
    from salesdesk.services.export import contact_to_dict
    from salesdesk.services.interaction_export import conversation_dict
    from salesdesk.services.interactions import InteractionService

    with contact_service(args) as service:
        contact = service.get(args.id)
        history = service.history(args.id)
        talk = InteractionService(service)
        if args.json:
            emit_json(contact_to_dict(contact, history) | conversation_dict(talk, args.id))
            return EXIT_OK
        referrer = None
        if contact.referred_by is not None:
            referrer = service.get_many([contact.referred_by]).get(contact.referred_by)
        referrals = service.get_many(service.referrals(args.id))
        emit(contact_sheet(contact, history, service.phone_region, referrer, referrals))
        emit(
            conversation_lines(
                talk.interactions(args.id), talk.follow_up(args.id), talk.engagement(args.id)
            )
        )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from salesdesk.cli_text import contact_table
    from salesdesk.services.export import contact_to_dict

    stage = parse_stage(args.stage) if args.stage else None
    with contact_service(args) as service:
        contacts = service.list_contacts(stage=stage, search=args.search, deleted=args.trash)
        if args.json:
            emit_json([contact_to_dict(c) for c in contacts])
        else:
            emit(contact_table(contacts, service.phone_region))
    return EXIT_OK


def cmd_move(args: argparse.Namespace) -> int:
    stage = parse_stage(args.stage)
    with contact_service(args) as service:
        service.move(args.ids, stage, reason=args.reason)
        moved = list(service.get_many(args.ids).values())
    emit(f"Moved {names(moved)} to {stage.value.capitalize()}.")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    with contact_service(args) as service:
        service.delete(args.ids)
        deleted = list(service.get_many(args.ids).values())
    ids = " ".join(str(i) for i in dict.fromkeys(args.ids))
    emit(f"Moved to the trash: {names(deleted)}. To bring back: salesdesk restore {ids}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with contact_service(args) as service:
        service.restore(args.ids)
        restored = list(service.get_many(args.ids).values())
    emit(f"Restored: {names(restored)}.")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    from salesdesk.services.interactions import InteractionService

    with contact_service(args) as service:
        before = {i: c.stage for i, c in service.get_many(args.ids).items()}
        auto = preferences().auto_working and not args.keep_stage
        InteractionService(service, auto_working=auto).log(
            args.ids,
            args.channel,
            args.direction,
            args.summary,
            at=args.at,
            notes=args.notes or "",
            outcome=args.outcome,
        )
        after = service.get_many(args.ids)
    logged = list(after.values())
    emit(f"Logged for {names(logged)}.")
    moved = [c for i, c in after.items() if c.stage is not before.get(i)]
    if moved:
        emit(f"Moved to Working (first contact): {names(moved)}.")
    return EXIT_OK


def cmd_follow_up(args: argparse.Namespace) -> int:
    from salesdesk.services.interactions import InteractionService

    if args.clear and (args.time or args.note):
        raise ValidationError("--time and --note go with --on, not with --clear.")
    with contact_service(args) as service:
        talk = InteractionService(service)
        if args.clear:
            talk.clear_follow_up(args.ids)
        else:
            talk.set_follow_up(args.ids, args.on, args.time, args.note or "")
        contacts = list(service.get_many(args.ids).values())
    if args.clear:
        emit(f"Follow-up removed: {names(contacts)}.")
    else:
        emit(f"Follow-up on {args.on}{' ' + args.time if args.time else ''}: {names(contacts)}.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from salesdesk.store.schema_check import integrity_problems

    with opened_database(args, read_only=True) as opened:
        problems = integrity_problems(opened.db)
        label = opened.label
        if problems and args.repair:
            return _repair(opened, problems)
    if not problems:
        emit("ok")
        return EXIT_OK
    for problem in problems:
        emit(problem)
    count = len(problems)
    emit(
        f"Error: {label} has {count} problem{'s' if count != 1 else ''}; nothing was changed. "
        "Keep a copy of the file; 'salesdesk check --repair' backs it up and repairs what it "
        "can, or restore it from a backup.",
        err=True,
    )
    return EXIT_FAILURE


def _repair(opened: OpenedDatabase, problems: Sequence[str]) -> int:
    from salesdesk.store.schema_check import repair

    if opened.path is None:
        raise ValidationError("Only SQLite database files can be repaired by salesdesk.")
    for problem in problems:
        emit(f"found: {problem}")
    report = repair(opened.db, opened.path)
    emit(f"Backed up {opened.label} to {report.backup} before repairing.")
    for line in report.repaired:
        emit(f"repaired: {line}")
    if not report.not_repaired:
        emit("ok")
        return EXIT_OK
    for line in report.not_repaired:
        emit(f"not repaired: {line}")
    count = len(report.not_repaired)
    emit(
        f"Error: {opened.label} still has {count} problem{'s' if count != 1 else ''} that "
        f"salesdesk cannot repair. Restore it from a backup (the copy made now is "
        f"'{report.backup.name}').",
        err=True,
    )
    return EXIT_FAILURE


def cmd_backup(args: argparse.Namespace) -> int:
    from salesdesk.store.db import MEMORY_REFUSED, backup_sqlite, is_memory, sqlite_path

    target = Path(args.output).expanduser()
    if is_memory(args.target):
        raise DatabaseOpenError(MEMORY_REFUSED.format(target=args.target))
    if sqlite_path(args.target) is None:
        raise ValidationError(
            "This backup command copies SQLite database files only; back up other databases "
            "with their own tools (for PostgreSQL: pg_dump)."
        )
    if target.exists():
        raise ValidationError(
            f"'{target}' already exists. Choose a new file name; a backup never overwrites a file."
        )
    if not target.parent.is_dir():
        raise ValidationError(f"The folder '{target.parent}' does not exist.")
    with opened_database(args) as opened:
        backup_sqlite(opened.db, target)
        label = opened.label
    emit(f"Backed up {label} to {target}.")
    return EXIT_OK

"""Command line: parse arguments, open the database, then run a command or start the window.

Nothing here imports Qt or peewee at module level: commands import what they need, so
``salesdesk list`` never loads PySide6 and ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from salesdesk import __version__
from salesdesk.cli_booth import add_booth_commands
from salesdesk.cli_commands import (
    cmd_add,
    cmd_backup,
    cmd_check,
    cmd_delete,
    cmd_demo,
    cmd_follow_up,
    cmd_gui,
    cmd_list,
    cmd_log,
    cmd_move,
    cmd_restore,
    cmd_show,
    emit,
)
from salesdesk.cli_hub import add_hub_commands
from salesdesk.cli_report import add_report_command
from salesdesk.cli_sync import add_sync_commands
from salesdesk.cli_transfer import add_transfer_commands
from salesdesk.domain.errors import DatabaseOpenError, SalesdeskError

DB_ENV = "SALESDESK_DB"
DEBUG_ENV = "SALESDESK_DEBUG"
MAX_DEMO_CONTACTS = 1_000_000
EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
INTERRUPTED = "Interrupted; nothing was changed by the unfinished step."


# --- where the database is -----------------------------------------------------------------


def default_database_path() -> Path:
    """The database used when neither --db nor SALESDESK_DB is given."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("salesdesk")) / "salesdesk.db"


def tighten_default_folder() -> None:
    """The default data folder is salesdesk's own: make it and the files in it owner-only
    (an older salesdesk left them readable by everyone)."""
    from salesdesk.store.private import tighten_data_folder

    folder = default_database_path().parent
    if folder.is_dir():
        tighten_data_folder(folder)


def resolve_target(option: str | None) -> tuple[str, bool]:
    """The database to open (path or URL) and whether it is the default one."""
    if option:
        return option, False
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return from_env, False
    return str(default_database_path()), True


# --- argument types ----------------------------------------------------------------------


def contact_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a contact number (like 12).")
    return value


def demo_count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_DEMO_CONTACTS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a number of contacts from 1 to {MAX_DEMO_CONTACTS:,}."
        )
    return value


# --- the parser ----------------------------------------------------------------------------

EPILOG = """\
examples:
  salesdesk                                  open the window
  salesdesk --db team.db list --stage working
  salesdesk add --first Anna --last Berg --email anna@example.com
  salesdesk move 12 unqualified --reason "no budget"
  salesdesk log 12 --channel phone --direction two-way --summary "Went through the offer"
  salesdesk follow-up 12 --on 2026-12-03 --note "send the quote"
  salesdesk show 12 --json
  salesdesk import contacts.csv --tag "Trade show 2026"
  salesdesk export --format vcard -o team.vcf --stage customer
  salesdesk sync --folder /mnt/team-share --passphrase-file ~/.team-pass
  salesdesk sync --hub postgresql://jana@crm.example.com/crm --password-file ~/.hub-pass
  salesdesk event add "Hannover Messe 2026" --booth B12 --chip "wants demo"
  salesdesk capture --scan "MECARD:N:Doe,John;EMAIL:john@example.com;;" --rating hot
  salesdesk report funnel --from 2026-10-01 --to 2026-12-31 --json

The database is --db, else the SALESDESK_DB environment variable, else
{default}. Phone numbers without +country code are read as numbers of --phone-region,
else SALESDESK_REGION, else the home country of the window's Preferences, else DE.
The Preferences (Edit > Preferences in the window; {preferences}) also give the
defaults of export --delimiter, import --tag, demo --contacts and whether log moves
New contacts to Working; flags override them. Set SALESDESK_DEBUG=1 to see details of
unexpected errors.
"""


def _preferences_file() -> Path:
    from salesdesk.services.preferences import default_preferences_path

    return default_preferences_path()


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each subcommand stores its handler in ``func``."""
    parser = argparse.ArgumentParser(
        prog="salesdesk",
        description="salesdesk: your contacts and sales pipeline, offline.",
        epilog=EPILOG.format(default=default_database_path(), preferences=_preferences_file()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--db", metavar="PATH|URL", help="database file or URL to use")
    parser.add_argument(
        "--phone-region",
        metavar="CC",
        help="home country for phone numbers typed without +code (default: SALESDESK_REGION, "
        "else the Preferences' home country, else DE)",
    )
    parser.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="who you are for this command: the author of what it changes and the owner of "
        "what it adds (default: Preferences' Your name, else your team-server member name, "
        "else your login)",
    )
    parser.add_argument("--version", action="version", version=f"salesdesk {__version__}")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], text: str) -> Any:
        made = sub.add_parser(name, help=text, description=text)
        made.set_defaults(func=func)
        return made

    command("gui", cmd_gui, "open the window (the same as no command)")

    demo = command("demo", cmd_demo, "add realistic demo contacts")
    demo.add_argument(
        "--contacts",
        type=demo_count,
        metavar="N",
        help=f"how many (1 to {MAX_DEMO_CONTACTS:,}; default: the Preferences' demo size, 150)",
    )
    demo.add_argument("--seed", type=int, help="the same seed gives the same contacts")

    add = command("add", cmd_add, "add a contact and print its number")
    add.add_argument("--first", metavar="NAME", help="first name")
    add.add_argument("--last", metavar="NAME", help="last name")
    add.add_argument("--company")
    add.add_argument("--title", help="job title")
    add.add_argument(
        "--email", action="append", metavar="E", help="e-mail (repeatable; the first is primary)"
    )
    add.add_argument(
        "--phone",
        action="append",
        metavar="P",
        help="phone number (repeatable; the first is primary)",
    )
    add.add_argument("--tag", action="append", help="tag (repeatable)")
    add.add_argument("--notes")
    add.add_argument(
        "--source",
        help="newsletter, trade_show, referral, website, social, cold_call, import or other",
    )
    add.add_argument("--rating", help="cold, warm or hot")
    add.add_argument("--gender")
    add.add_argument(
        "--referred-by",
        type=contact_id,
        metavar="ID",
        help="number of the contact who referred this one",
    )
    for part in ("street", "postal-code", "city", "region", "country"):
        add.add_argument(f"--{part}", help="address: " + part.replace("-", " "))
    add.add_argument("--stage", help="new, working, nurturing, prospect or customer (default: new)")
    add.add_argument("--value", metavar="AMOUNT", help="expected deal value, e.g. 1200 or 1200.50")
    add.add_argument("--currency", metavar="CODE", help="currency of --value (default: EUR)")
    add.add_argument("--close", metavar="DATE", help="expected close date, YYYY-MM-DD")

    show = command("show", cmd_show, "show everything about one contact")
    show.add_argument("id", type=contact_id, metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")

    listing = command("list", cmd_list, "list contacts in pipeline order")
    listing.add_argument("--stage", metavar="S", help="only this stage")
    listing.add_argument("--search", metavar="TEXT", help="only contacts matching this text")
    listing.add_argument("--trash", action="store_true", help="list the trash instead")
    listing.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")

    move = command("move", cmd_move, "move contacts to a stage (to the top of its column)")
    move.add_argument("ids", type=contact_id, nargs="+", metavar="ID")
    move.add_argument(
        "stage", metavar="STAGE", help="new, working, nurturing, unqualified, prospect or customer"
    )
    move.add_argument("--reason", help="why (needed for unqualified)")

    delete = command("delete", cmd_delete, "move contacts to the trash")
    delete.add_argument("ids", type=contact_id, nargs="+", metavar="ID")
    restore = command("restore", cmd_restore, "bring contacts back from the trash")
    restore.add_argument("ids", type=contact_id, nargs="+", metavar="ID")

    log = command("log", cmd_log, "log an e-mail, call, message or meeting with contacts")
    log.add_argument("ids", type=contact_id, nargs="+", metavar="ID")
    log.add_argument("--channel", required=True, help="email, phone, sms, social, in-person, other")
    log.add_argument("--direction", required=True, help="outbound, inbound or two-way")
    log.add_argument("--summary", required=True, metavar="TEXT", help="what happened, in a line")
    log.add_argument(
        "--at", metavar="ISO-DATETIME", help="when (default: now), e.g. 2026-11-26T14:30"
    )
    log.add_argument("--notes", metavar="TEXT", help="longer notes")
    log.add_argument(
        "--outcome",
        help="reached, no-answer, left-message, replied, meeting-booked or not-interested",
    )
    log.add_argument(
        "--keep-stage",
        action="store_true",
        help="do not move contacts in New to Working (which logging does by default)",
    )

    follow = command("follow-up", cmd_follow_up, "set, clear or complete a contact's follow-up")
    follow.add_argument("ids", type=contact_id, nargs="+", metavar="ID")
    when = follow.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", metavar="DATE", help="the day to follow up, e.g. 2026-12-03")
    when.add_argument("--clear", action="store_true", help="remove the follow-up")
    follow.add_argument("--time", metavar="HH:MM", help="a time of day (with --on)")
    follow.add_argument("--note", metavar="TEXT", help="what to do (with --on)")

    check = command(
        "check", cmd_check, "check the database for damage, changing nothing; prints ok or problems"
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="back the file up, then repair what can be repaired (missing indexes, triggers, "
        "tables, the search index)",
    )
    backup = command("backup", cmd_backup, "copy the database safely, even while it is open")
    backup.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="new file to write (never overwritten)",
    )
    add_transfer_commands(command)
    add_sync_commands(command)
    add_booth_commands(command)
    add_hub_commands(command)
    add_report_command(command)
    return parser


# --- entry point ---------------------------------------------------------------------------


def driver_error(error: BaseException) -> SalesdeskError | None:
    """A database driver error that escaped the services, as a plain message."""
    peewee = sys.modules.get("peewee")
    sqlite3 = sys.modules.get("sqlite3")
    if peewee and isinstance(error, peewee.ImproperlyConfigured):  # missing database driver
        return DatabaseOpenError(f"The database cannot be opened ({str(error).rstrip('.')}).")
    if (peewee and isinstance(error, peewee.DatabaseError)) or (
        sqlite3 and isinstance(error, sqlite3.Error)
    ):
        from salesdesk.store.db import translate_error

        return translate_error(error)
    return None


def silence_stdout() -> None:
    """After a closed pipe (``salesdesk list | head``), stop Python complaining at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def quiet_logs(debug: bool) -> None:
    """Library log lines would repeat the one error sentence; show them only when debugging."""
    logger = logging.getLogger("salesdesk")
    if debug:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    elif not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())  # keeps Python's last-resort printer quiet


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 failure, 2 usage error, 130
    interrupted by Ctrl+C)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exit_:  # --help, --version, usage errors
        code = exit_.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    args.target, args.is_default = resolve_target(args.db)
    debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")
    quiet_logs(debug)
    try:
        if args.is_default:
            tighten_default_folder()
        return int(args.func(args))
    except KeyboardInterrupt:
        # Every change is one transaction: the one under way was rolled back (or, cut off
        # by the end of the process, is rolled back by SQLite when the file is next opened).
        emit(INTERRUPTED, err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_FAILURE
    except Exception as error:
        known = error if isinstance(error, SalesdeskError) else driver_error(error)
        if debug:
            traceback.print_exc()
        if known is not None:
            emit(f"Error: {known}", err=True)
        else:
            emit(f"Unexpected error: {type(error).__name__}: {error}", err=True)
            emit(
                "This is a problem in salesdesk, not in what you typed. Run the command again "
                f"with {DEBUG_ENV}=1 to see the details, and include them in a bug report.",
                err=True,
            )
        return EXIT_FAILURE

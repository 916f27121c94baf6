"""The ``hub`` commands (the admin's: init, add-member, remove-member, status, check) and the
member's ``salesdesk sync --hub URL`` round.

Passwords are never arguments (the process list shows those): they come from a file
(``--password-file``, '-' reads a line from standard input), the SALESDESK_HUB_PASSWORD or
PGPASSWORD environment variable, libpq's own ~/.pgpass, or a prompt on a terminal; they are
never printed. The admin's address (without password) is remembered after ``hub init``.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from salesdesk.cli_commands import emit, emit_json
from salesdesk.domain.errors import ValidationError

ADMIN_URL_ENV = "SALESDESK_HUB_ADMIN_URL"
MEMBER_PASSWORD_ENV = "SALESDESK_MEMBER_PASSWORD"
EXIT_OK, EXIT_FAILURE = 0, 1


class RefusePassword(argparse.Action):
    """``--password X`` is refused without echoing X (argparse would otherwise take it as an
    abbreviation of --password-file and name the password in its error)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        parser.error(
            "a password is not accepted on the command line (other programs can see it "
            "there); use --password-file FILE or the SALESDESK_HUB_PASSWORD environment "
            "variable"
        )


def refuse_password_option(
    parser: argparse.ArgumentParser, flags: tuple[str, ...] = ("--password",)
) -> None:
    for flag in flags:
        parser.add_argument(flag, nargs="*", action=RefusePassword, help=argparse.SUPPRESS)


def add_hub_commands(command: Callable[..., Any]) -> None:
    """Register ``hub`` and its subcommands."""
    hub = command("hub", cmd_hub_help, "set up and run the team's PostgreSQL sync hub (admin)")
    sub = hub.add_subparsers(title="hub commands", metavar="HUB-COMMAND")

    def part(name: str, func: Callable[[argparse.Namespace], int], text: str) -> Any:
        made = sub.add_parser(name, help=text, description=text)
        made.set_defaults(func=func)
        refuse_password_option(made, ("--password", "--member-password"))
        made.add_argument("--password-file", metavar="FILE", default=None,
                          help="file holding the admin's password ('-': standard input; else "
                               "SALESDESK_HUB_PASSWORD, PGPASSWORD, ~/.pgpass or a "
                               "prompt)")  # fmt: skip
        if name != "init":
            made.add_argument("--url", metavar="URL", default=None,
                              help=f"the hub as its admin, postgresql://ADMIN@HOST/DB (else "
                                   f"{ADMIN_URL_ENV}, else the last hub init)")  # fmt: skip
        return made

    init = part("init", cmd_hub_init, "create or upgrade the hub schema in a PostgreSQL database")
    init.add_argument("url", metavar="URL", help="postgresql://ADMIN@HOST/DATABASE")
    init.add_argument("--after-restore", action="store_true",
                      help="the database was restored from a backup: members pull everything "
                           "again and push what the backup lacks")  # fmt: skip
    add = part("add-member", cmd_hub_add, "create a member's PostgreSQL role (push and pull only)")
    add.add_argument("name", metavar="NAME", help="the member's user name, like jana")
    add.add_argument("--member-password-file", metavar="FILE",
                     help=f"file holding the member's password (else {MEMBER_PASSWORD_ENV}, "
                          "else a prompt)")  # fmt: skip
    add.add_argument("--reset-password", action="store_true",
                     help="set a new password for an existing member")  # fmt: skip
    remove = part("remove-member", cmd_hub_remove, "revoke a member's access and drop the login")
    remove.add_argument("name", metavar="NAME")
    status = part("status", cmd_hub_status, "members, when each was last seen, pending changes")
    status.add_argument("--json", action="store_true", help="print JSON")
    part("check", cmd_hub_check, "verify the hub's schema, functions and rights")


def cmd_hub_help(args: argparse.Namespace) -> int:
    raise ValidationError(
        "Say what to do: salesdesk hub init URL | add-member NAME | remove-member NAME | "
        "status | check (salesdesk hub --help explains each)."
    )


# --- passwords and addresses ------------------------------------------------------------


def given_password(args: argparse.Namespace) -> str | None:
    from salesdesk.sync.hub_secrets import env_password, read_password_file

    source = getattr(args, "password_file", None)
    if source:
        return read_password_file(source)
    return env_password()


def _prompt(label: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(label) or None


def _admin_config() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("salesdesk")) / "hub-admin.json"


def _admin_address(args: argparse.Namespace) -> Any:
    from salesdesk.sync.hub_connect import HubAddress

    url = getattr(args, "url", None) or os.environ.get(ADMIN_URL_ENV, "").strip()
    if url:
        return HubAddress.parse(url)
    try:
        params = json.loads(_admin_config().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        params = None
    if not isinstance(params, dict):
        raise ValidationError(
            "Which hub? Give --url postgresql://ADMIN@HOST/DATABASE (or run salesdesk hub init "
            "first; it is remembered).",
            "url",
        )
    return HubAddress.from_params(params)


def _as_admin(args: argparse.Namespace, work: Callable[[Any, str | None], Any]) -> Any:
    """Run ``work(address, password)``; on a refused login without a password, prompt once."""
    from salesdesk.sync.hub_connect import HubAuthError

    address = args.address
    password = given_password(args)
    try:
        return work(address, password)
    except HubAuthError:
        if password is not None or address.url_password is not None:
            raise
        asked = _prompt(f"Password for {address.display}: ")
        if asked is None:
            raise
        return work(address, asked)


# --- the admin's commands ---------------------------------------------------------------


def cmd_hub_init(args: argparse.Namespace) -> int:
    from salesdesk.store.private import keep_private
    from salesdesk.sync.hub_admin import init_hub
    from salesdesk.sync.hub_connect import HubAddress

    args.address = HubAddress.parse(args.url)
    report = _as_admin(args, lambda a, p: init_hub(a, p, after_restore=args.after_restore))
    if report.applied:
        emit(f"The hub {args.address.display} is at version {report.version} (applied: "
             f"{', '.join(report.applied)}). Members' group role: "
             f"{report.member_role}.")  # fmt: skip
    else:
        emit(f"The hub {args.address.display} was already at version {report.version}; its "
             "rights were checked and set again.")  # fmt: skip
    emit("Next: salesdesk hub add-member NAME, for each member.")
    config = _admin_config()
    keep_private(config, own_folder=False)
    config.write_text(json.dumps(args.address.params), encoding="utf-8")
    return EXIT_OK


def _member_password(args: argparse.Namespace) -> str | None:
    from salesdesk.sync.hub_secrets import read_password_file

    if args.member_password_file:
        return read_password_file(args.member_password_file)
    from_env = os.environ.get(MEMBER_PASSWORD_ENV, "")
    if from_env:
        return from_env
    first = _prompt(f"New password for {args.name}: ")
    if first is None:
        return None
    if _prompt(f"The same password again for {args.name}: ") != first:
        raise ValidationError("The two passwords differ; nothing was changed.", "password")
    return first


def cmd_hub_add(args: argparse.Namespace) -> int:
    from salesdesk.sync.hub_admin import add_member, check_member_name

    check_member_name(args.name)
    args.address = _admin_address(args)
    secret = _member_password(args)
    done = _as_admin(args, lambda a, p: add_member(a, p, args.name, secret,
                                                   reset_password=args.reset_password))  # fmt: skip
    emit(done)
    host = args.address.params.get("host") or "SERVER"
    port = f":{args.address.params['port']}" if args.address.params.get("port") else ""
    emit(f"{args.name} joins with: salesdesk sync --hub "
         f"postgresql://{args.name}@{host}{port}/{args.address.database}")  # fmt: skip
    return EXIT_OK


def cmd_hub_remove(args: argparse.Namespace) -> int:
    from salesdesk.sync.hub_admin import remove_member

    args.address = _admin_address(args)
    emit(_as_admin(args, lambda a, p: remove_member(a, p, args.name)))
    return EXIT_OK


def cmd_hub_status(args: argparse.Namespace) -> int:
    from salesdesk.sync.hub_admin import hub_status

    args.address = _admin_address(args)
    status = _as_admin(args, hub_status)
    if args.json:
        emit_json(dataclasses.asdict(status))
        return EXIT_OK
    emit(f"Hub {status.address}, version {status.version}: {status.ops:,} changes stored "
         f"(newest {status.top:,}); snapshot: {status.snapshot or 'none yet'}")  # fmt: skip
    if not status.members:
        emit("No members yet: salesdesk hub add-member NAME")
    for m in status.members:
        state = f"removed {m.removed_at}" if m.removed_at else (
            f"last seen {m.last_seen}" if m.last_seen else "never seen")  # fmt: skip
        pending = (
            f", {m.pending:,} changes not yet pulled" if m.pending and not m.removed_at else ""
        )
        emit(f"  {m.name}: {state}, {m.devices} device{'s' if m.devices != 1 else ''}{pending}")
    return EXIT_OK


def cmd_hub_check(args: argparse.Namespace) -> int:
    from salesdesk.sync.hub_admin import check_hub

    args.address = _admin_address(args)
    problems = _as_admin(args, check_hub)
    if not problems:
        emit(f"ok: the hub {args.address.display} has its schema, functions and rights.")
        return EXIT_OK
    for problem in problems:
        emit(f"Problem: {problem}", err=True)
    emit("salesdesk hub init on the same address sets the schema and rights again.", err=True)
    return EXIT_FAILURE


# --- the member's round -------------------------------------------------------------------


def hub_round(args: argparse.Namespace, service: Any) -> int:
    """``salesdesk sync --hub URL`` (or the remembered hub): one round, reported."""
    from salesdesk.sync.hub_connect import HubAuthError

    password = given_password(args)
    try:
        report = service.round(args.hub, password)
    except HubAuthError:
        address = service._choose(args.hub)
        if password is not None or service.password_for(address, None) is not None:
            raise
        asked = _prompt(f"Password for {address.display}: ")
        if asked is None:
            raise
        report = service.round(args.hub or _url_of(address), asked)
    if args.json:
        data = dataclasses.asdict(report)
        changes = data.pop("changes")
        data["contacts_changed"] = len(set(changes["created"]) | set(changes["updated"])
                                       | set(changes["removed"]))  # fmt: skip
        for key in ("errors", "warnings", "files_written"):
            data[key] = list(data[key])
        emit_json(data)
    if report.offline:
        if not args.json:
            emit(f"Offline, {_changes(report.waiting)} waiting: {report.errors[0]} They go "
                 "out with the next round.", err=True)  # fmt: skip
        return EXIT_FAILURE
    if not args.json:
        extra = " (joined from a snapshot)" if report.snapshot_loaded else ""
        emit(f"Synced with {report.folder}: {_changes(report.received)} came in{extra}, "
             f"{_changes(report.sent)} went out.")  # fmt: skip
        if report.password_stored:
            emit(f"The password is kept in {report.password_stored}.")
        for error in report.errors:
            emit(f"  skipped: {error}", err=True)
    return EXIT_OK


def _url_of(address: Any) -> str:
    from psycopg.conninfo import make_conninfo

    return str(make_conninfo(**address.params))


def _changes(n: int) -> str:
    return f"{n:,} change{'' if n == 1 else 's'}"

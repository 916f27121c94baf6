"""The ``sync`` command: a round through a shared folder, status, conflicts, devices, bundles.

The passphrase is never an argument (it would show in the process list): it comes from
``--passphrase-file FILE`` ("-" reads one line from standard input) or the
SALESDESK_SYNC_PASSPHRASE environment variable, and is never printed.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from salesdesk.cli_commands import emit, emit_json, opened_database

if TYPE_CHECKING:
    from salesdesk.services.sync_service import PeerHorizon, RoundReport, SyncService

PASSPHRASE_ENV = "SALESDESK_SYNC_PASSPHRASE"
EXIT_OK = 0
MAX_LISTED = 20


def make_engine(db: Any) -> Any:
    """The replication engine over an open database (tests may put a stand-in here)."""
    from salesdesk.sync.engine import SyncEngine

    return SyncEngine(db)


def add_sync_commands(command: Callable[..., Any]) -> None:
    """Register ``sync`` and its subcommands (``command(name, func, help)`` makes a parser)."""
    sync = command(
        "sync",
        cmd_sync_round,
        "sync with the other devices through a shared folder (one round), or see its state",
    )
    sync.add_argument("--folder", metavar="DIR",
                      help="the shared folder (remembered for this database after the first "
                           "round)")  # fmt: skip
    sync.add_argument("--hub", metavar="URL",
                      help="the team's PostgreSQL hub, postgresql://NAME@SERVER/DATABASE "
                           "(remembered for this database; see docs/hub.md)")  # fmt: skip
    sync.add_argument("--password-file", metavar="FILE",
                      help="file holding your hub password ('-': standard input; else "
                           "SALESDESK_HUB_PASSWORD, PGPASSWORD, the stored one or a "
                           "prompt)")  # fmt: skip
    _passphrase_option(sync, None)
    from salesdesk.cli_hub import refuse_password_option

    refuse_password_option(sync)
    sync.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")
    sub = sync.add_subparsers(title="sync commands", metavar="SYNC-COMMAND")

    def part(name: str, func: Callable[[argparse.Namespace], int], text: str) -> Any:
        made = sub.add_parser(name, help=text, description=text)
        made.set_defaults(func=func)
        # SUPPRESS: an option given before the subcommand is not reset by its default
        made.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                          help="print JSON (see docs/cli.md)")  # fmt: skip
        return made

    part("status", cmd_sync_status, "this device, the folder, the last round and its problems")
    part("conflicts", cmd_sync_conflicts, "values that lost against a concurrent edit")
    part("devices", cmd_sync_devices, "the devices this one has heard of, and when")
    chosen = part("settings", cmd_sync_settings, "the folder and the compaction horizon")
    chosen.add_argument("--horizon-days", metavar="DAYS",
                        help="a device that has not synced for this many days no longer holds "
                             "back compaction of the change log; if it comes back it catches "
                             "up from a snapshot (default 30; 0 or 'never': no "
                             "horizon)")  # fmt: skip
    name = part("name", cmd_sync_name, "set this device's name (shown to the others)")
    name.add_argument("name", metavar="NAME")
    export = part("export", cmd_sync_export, "write everything this database has to a bundle")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="bundle file to write, e.g. booth-b.sdsync (replaced)")  # fmt: skip
    _passphrase_option(export, argparse.SUPPRESS)
    imp = part("import", cmd_sync_import, "apply a bundle another device exported")
    imp.add_argument("file", metavar="FILE", help="the bundle, e.g. booth-b.sdsync")
    _passphrase_option(imp, argparse.SUPPRESS)


class _RefusePassphrase(argparse.Action):
    """``--passphrase X`` is refused without echoing X (and is not taken as an abbreviation
    of --passphrase-file, which would treat the passphrase as a file name)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        parser.error(
            "a passphrase is not accepted on the command line (other programs can see it "
            f"there); use --passphrase-file FILE or the {PASSPHRASE_ENV} environment variable"
        )


def _passphrase_option(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument("--passphrase", nargs="*", action=_RefusePassphrase, help=argparse.SUPPRESS)
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help=f"file holding the team passphrase ('-': read a line from standard input; "
        f"else {PASSPHRASE_ENV})",
    )


def read_passphrase(args: argparse.Namespace) -> str | None:
    """The team passphrase from --passphrase-file or the environment; None if neither."""
    from salesdesk.sync.crypto import clean_passphrase
    from salesdesk.sync.hub_secrets import read_secret_line

    source = getattr(args, "passphrase_file", None)
    if source:
        return clean_passphrase(read_secret_line(source, "passphrase", sys.stdin))
    from_env = os.environ.get(PASSPHRASE_ENV, "")
    return clean_passphrase(from_env) if from_env else None


@contextlib.contextmanager
def sync_service(args: argparse.Namespace, *, create: bool = False) -> Iterator[SyncService]:
    from salesdesk.services.sync_service import SyncService
    from salesdesk.sync.settings import SyncSettings

    with opened_database(args, create=create) as opened:
        yield SyncService(make_engine(opened.db), SyncSettings(opened.db))


@contextlib.contextmanager
def hub_service(args: argparse.Namespace) -> Iterator[Any]:
    from salesdesk.services.hub_service import HubService
    from salesdesk.sync.settings import SyncSettings

    with opened_database(args, create=True) as opened:
        yield HubService(make_engine(opened.db), SyncSettings(opened.db))


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _report_dict(report: RoundReport) -> dict[str, Any]:
    data = dataclasses.asdict(report)
    changes = data.pop("changes")
    data["contacts_changed"] = len(
        set(changes["created"]) | set(changes["updated"]) | set(changes["removed"])
    )
    for key in ("errors", "warnings", "files_written"):
        data[key] = list(data[key])
    return data


def _problems(report: RoundReport) -> None:
    for warning in report.warnings:
        emit(f"Warning: {warning}", err=True)
    if report.errors:
        emit(f"{_plural(len(report.errors), 'file')} could not be used and "
             f"{'was' if len(report.errors) == 1 else 'were'} skipped "
             "(nothing from them was applied):", err=True)  # fmt: skip
        for error in report.errors[:MAX_LISTED]:
            emit(f"  {error}", err=True)
        if len(report.errors) > MAX_LISTED:
            emit(f"  ... and {len(report.errors) - MAX_LISTED} more", err=True)


def _came_in(report: RoundReport) -> str:
    text = f"{_plural(report.received, 'change')} came in"
    extra = []
    if report.conflicts:
        extra.append(f"{_plural(report.conflicts, 'conflict')} to review: salesdesk sync "
                     "conflicts")  # fmt: skip
    if report.held:
        extra.append(f"{report.held:,} waiting for earlier changes")
    if report.snapshot_loaded:
        extra.append("joined from a snapshot")
    return text + (f" ({'; '.join(extra)})" if extra else "")


def cmd_sync_round(args: argparse.Namespace) -> int:
    from salesdesk.cli_hub import hub_round

    with hub_service(args) as hubs:
        use_hub = bool(args.hub) or (not args.folder and hubs.address is not None)
        use_folder = bool(args.folder) or (not args.hub and hubs.settings.get("folder"))
        code = hub_round(args, hubs) if use_hub else EXIT_OK
    if use_hub and not use_folder:
        return code
    passphrase = read_passphrase(args)
    with sync_service(args, create=True) as service:
        report = service.round(args.folder, passphrase)
    if args.json:
        emit_json(_report_dict(report))
    else:
        emit(f"Synced with {report.folder}: {_came_in(report)}, "
             f"{_plural(report.sent, 'change')} went out.")  # fmt: skip
    _problems(report)
    return code


def cmd_sync_status(args: argparse.Namespace) -> int:
    with sync_service(args) as service:
        status = service.status()
    if args.json:
        data = dataclasses.asdict(status)
        data["errors"] = list(status.errors)
        data["devices"] = [dataclasses.asdict(d) for d in status.devices]
        emit_json(data)
        return EXIT_OK
    from salesdesk.cli_text import LABEL_WIDTH

    protection = {None: "-", True: "team passphrase", False: "none (plain text)"}
    rows = [
        ("This device", f"{status.device_name or '(no name)'} ({status.device_id})"),
        ("Folder", status.folder or "- (salesdesk sync --folder DIR sets it)"),
        ("Encryption", protection[status.encrypted]),
        ("Last sync", _when(status.last_sync)),
        ("Pending", _plural(status.pending, "change") + " not yet on another device"
         if status.pending else "-"),
    ]  # fmt: skip
    with hub_service(args) as hubs:
        hub = hubs.status()
    if hub.hub:  # the hub holds what it was sent: that is what "pending" means then
        state = "offline" if hub.offline else "online at the last round"
        rows[-1] = ("Pending", _plural(hub.waiting, "change") + " not yet on the team server"
                    if hub.waiting else "-")  # fmt: skip
        rows.append(("Team server", f"{hub.hub} ({state})"))
    rows.append(("Horizon", _horizon_text(status.horizon_days)))
    for label, value in rows:
        emit(f"{label + ':':<{LABEL_WIDTH}}{value}")
    for device in status.devices:
        if device.past_horizon:
            emit(f"{'Past horizon:':<{LABEL_WIDTH}}{_past_horizon_text(device)}")
    if status.last_attempt and status.last_attempt != status.last_sync:
        emit(f"{'Last attempt:':<{LABEL_WIDTH}}{_when(status.last_attempt)} (failed)")
    for error in status.errors:
        emit(f"{'Problem:':<{LABEL_WIDTH}}{error}")
    return EXIT_OK


def _horizon_text(days: int) -> str:
    if not days:
        return "never (a device that stopped syncing holds back compaction for ever)"
    return (f"{_plural(days, 'day')} (a device silent for longer no longer holds back "
            "compaction)")  # fmt: skip


def _past_horizon_text(device: PeerHorizon) -> str:
    name = device.name or device.id
    ago = "" if device.days_ago is None else f" {_plural(device.days_ago, 'day')} ago"
    return f"{name}: last seen{ago}, no longer holds back compaction"


def _when(iso: str | None) -> str:
    if not iso:
        return "never"
    import datetime as dt

    from salesdesk.cli_text import local_time

    return local_time(dt.datetime.fromisoformat(iso))


def cmd_sync_conflicts(args: argparse.Namespace) -> int:
    with sync_service(args) as service:
        conflicts = service.conflicts()
    if args.json:
        emit_json([dataclasses.asdict(c) for c in conflicts])
    elif not conflicts:
        emit("No conflicts.")
    else:
        for c in conflicts:
            source = c.lost_device_name or c.lost_device
            if c.kept_by:  # a badge two contacts claim
                emit(f"#{c.id} badge {c.kept_value!r}: kept by contact {c.kept_by}, lost by "
                     f"contact {c.contact_uid} (from {source})")  # fmt: skip
                continue
            emit(f"#{c.id} {c.entity} {c.contact_uid} {c.field}: kept {c.kept_value!r}, "
                 f"lost {c.lost_value!r} (from {source})")  # fmt: skip
    return EXIT_OK


def cmd_sync_devices(args: argparse.Namespace) -> int:
    with sync_service(args) as service:
        devices = service.devices()
        past = {p.id for p in service.peer_horizons() if p.past_horizon}
    if args.json:
        emit_json([dataclasses.asdict(d) for d in devices])
        return EXIT_OK
    for d in devices:
        me = " (this device)" if d.is_self else ""
        note = ", no longer holds back compaction" if d.id in past else ""
        emit(f"{d.name or '(no name)'}{me}  {d.id}  last seen {_when(d.last_seen or None)}{note}")
    return EXIT_OK


def cmd_sync_settings(args: argparse.Namespace) -> int:
    """Show the settings, or change the horizon (``--horizon-days``) first."""
    from salesdesk.sync.settings import parse_horizon_days

    change = args.horizon_days is not None
    if change:
        parse_horizon_days(args.horizon_days)  # refused before any database is made
    with sync_service(args, create=change) as service:
        if change:
            service.set_horizon_days(args.horizon_days)
        folder, days = service.folder, service.horizon_days
    if args.json:
        emit_json({"folder": folder, "horizon_days": days})
        return EXIT_OK
    from salesdesk.cli_text import LABEL_WIDTH

    emit(f"{'Folder:':<{LABEL_WIDTH}}{folder or '-'}")
    emit(f"{'Horizon:':<{LABEL_WIDTH}}{_horizon_text(days)}")
    return EXIT_OK


def cmd_sync_name(args: argparse.Namespace) -> int:
    with sync_service(args, create=True) as service:
        service.set_device_name(args.name)
        emit(f"This device is now called '{service.engine.device_name}'.")
    return EXIT_OK


def cmd_sync_export(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args)
    with sync_service(args) as service:
        report = service.export_bundle(args.output, passphrase)
    if args.json:
        emit_json(_report_dict(report))
    else:
        emit(f"Wrote {_plural(report.sent, 'change')} to {args.output}.")
    _problems(report)
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args)
    with sync_service(args, create=True) as service:
        report = service.import_bundle(args.file, passphrase)
    if args.json:
        emit_json(_report_dict(report))
    else:
        known = f", {report.duplicates:,} already here" if report.duplicates else ""
        emit(f"Imported {args.file}: {_came_in(report)}{known}.")
    _problems(report)
    return EXIT_OK

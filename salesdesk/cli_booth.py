"""The ``capture`` and ``event`` commands: booth mode from the command line.

``capture`` reads a scan (or a badge photo) with the same parser as the booth window and
records the visitor through the same CaptureService, so a script and the window store
exactly the same. Like ``cli.py``, nothing here imports Qt at module level; only
``--image`` loads it, to read the photo.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from typing import Any

from salesdesk.cli_commands import contact_service, emit, emit_json
from salesdesk.domain.errors import ValidationError

EXIT_OK = 0
STAFF_ENV = "SALESDESK_STAFF"


def add_booth_commands(command: Callable[..., Any]) -> None:
    """Register ``capture`` and ``event`` (``command(name, func, help)`` makes a parser)."""
    cap = command("capture", cmd_capture, "capture a booth visitor (typed, scanned or a photo)")
    cap.add_argument("--event", metavar="NAME", help="the event (default: the current one)")
    source = cap.add_mutually_exclusive_group()
    source.add_argument("--scan", metavar="TEXT", help="what the badge scanner gave")
    source.add_argument("--image", metavar="FILE", help="a photo of the badge or card QR code")
    cap.add_argument("--first", metavar="NAME", help="first name (wins over the scan)")
    cap.add_argument("--last", metavar="NAME", help="last name")
    cap.add_argument("--company")
    cap.add_argument("--title", help="job title")
    cap.add_argument("--email", action="append", metavar="E", help="e-mail (repeatable)")
    cap.add_argument("--phone", action="append", metavar="P", help="phone (repeatable)")
    cap.add_argument("--badge", metavar="ID", help="the badge id")
    cap.add_argument("--rating", metavar="GRADE", help="hot, warm, cold (or A-D on such events)")
    cap.add_argument("--tag", action="append", metavar="CHIP", help="a chip of the event")
    cap.add_argument("--note", metavar="TEXT", help="what you talked about")
    cap.add_argument(
        "--consent", action="append", metavar="HOW", help="email and/or phone follow-up allowed"
    )
    cap.add_argument("--wording", metavar="TEXT", help="the consent text shown (default: ours)")
    cap.add_argument(
        "--staff",
        metavar="NAME",
        help=f"who captures (default: {STAFF_ENV}, else --as, else your name as Preferences, "
        "the team server or your login give it)",
    )
    link = cap.add_mutually_exclusive_group()
    link.add_argument("--link", type=int, metavar="ID", help="log it on this existing contact")
    link.add_argument(
        "--link-duplicate",
        action="store_true",
        help="log it on the contact it most likely is (same e-mail, phone or badge)",
    )
    cap.add_argument("--json", action="store_true", help="print the result as JSON")

    event = command("event", cmd_event_help, "add, list or choose events (trade shows)")
    sub = event.add_subparsers(title="event commands", metavar="ACTION")
    add = sub.add_parser("add", help="add an event (it becomes the current one)")
    add.set_defaults(func=cmd_event_add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--from", dest="starts", metavar="DATE", help="first day, e.g. 2026-04-20")
    add.add_argument("--to", dest="ends", metavar="DATE", help="last day")
    add.add_argument("--place", help="city or venue")
    add.add_argument("--booth", help="your booth, e.g. Hall 7 B12")
    add.add_argument("--chip", action="append", metavar="TEXT", help="a qualifying chip")
    add.add_argument("--scale", choices=("hot-warm-cold", "abcd"), default="hot-warm-cold")
    add.add_argument(
        "--follow-up",
        action="append",
        metavar="GRADE=DAYS",
        help="working days to the follow-up of a grade (e.g. warm=2; 'none' for none)",
    )
    add.add_argument("--not-current", action="store_true", help="do not make it the current one")
    add.add_argument("--json", action="store_true", help="print the event as JSON")
    listing = sub.add_parser("list", help="list the events")
    listing.set_defaults(func=cmd_event_list)
    listing.add_argument("--json", action="store_true", help="print JSON")
    current = sub.add_parser("current", help="show the current event, or choose it by name")
    current.set_defaults(func=cmd_event_current)
    current.add_argument("name", nargs="?", metavar="NAME")


# --- capture --------------------------------------------------------------------------------


def cmd_capture(args: argparse.Namespace) -> int:
    from salesdesk.domain.events import consent_wording, parse_channels
    from salesdesk.formats.badges import BadgeScan, ScanKind, parse_scan
    from salesdesk.services.booth import CaptureInput, CaptureService, EventService

    scan = BadgeScan(ScanKind.EMPTY, "")
    if args.scan is not None:
        scan = parse_scan(args.scan)
    elif args.image:
        scan = _scan_image(args.image)
    typed: dict[str, Any] = {
        "first_name": args.first,
        "last_name": args.last,
        "company": args.company,
        "title": args.title,
        "emails": tuple(args.email) if args.email else None,
        "phones": tuple(args.phone) if args.phone else None,
        "badge_id": args.badge,
    }
    channels = parse_channels(args.consent or [])
    with contact_service(args, create=True) as service:
        events = EventService(service)
        event = events.find(args.event) if args.event else events.current()
        if event is None:
            raise ValidationError(
                'There is no current event. Add one first: salesdesk event add "NAME"', "event"
            )
        wording = args.wording or (consent_wording("", channels, event.name) if channels else "")
        data = CaptureInput.from_scan(
            scan,
            **{k: v for k, v in typed.items() if v is not None},
            grade=args.rating or "",
            chips=_chips(event.chips, args.tag or []),
            note=args.note or "",
            consent=channels,
            consent_wording=wording,
            link_to=args.link,
        )
        booth = CaptureService(service, staff=_staff(args.staff, service.author))
        matches = booth.duplicates(data) if args.link is None else []
        strong = [m for m in matches if m.strong]
        if args.link_duplicate and strong:
            data = dataclasses.replace(data, link_to=strong[0].contact_id)
        result = booth.capture(event, data)
        contact = service.get(result.contact_id)
        hints = [
            service.get(m.contact_id) for m in matches[:3] if m.contact_id != result.contact_id
        ]
    report = {
        "contact_id": result.contact_id,
        "name": result.name,
        "event": event.name,
        "linked": result.linked,
        "badge_only": result.badge_only,
        "rating": contact.rating.value,
        "grade": result.grade.key if result.grade else None,
        "follow_up_on": result.follow_up_on.isoformat() if result.follow_up_on else None,
        "tags": contact.tags,
        "consent": sorted(c.value for c in channels),
        "capture_uid": result.capture.uid,
        "recognised": _recognised(scan),
        "possible_duplicates": [{"id": c.id, "name": c.display_name} for c in hints],
    }
    if args.json:
        emit_json(report)
        return EXIT_OK
    if scan.kind is not ScanKind.EMPTY:
        emit(_recognised_line(scan))
    for warning in scan.warnings:
        emit(f"Note: {warning}", err=True)
    how = "logged on" if result.linked else "new lead"
    extra = f", {result.grade.label}" if result.grade else ""
    if result.follow_up_on:
        extra += f", follow-up {result.follow_up_on.isoformat()}"
    emit(f"Saved {result.name} (#{result.contact_id}, {how}{extra}) at {event.name}.")
    for other in hints:
        emit(
            f"Already in salesdesk? {other.display_name} (#{other.id}); add --link {other.id} "
            "to log captures on it instead.",
            err=True,
        )
    return EXIT_OK


def _scan_image(path: str) -> Any:
    from salesdesk.formats.badges import parse_scan

    try:
        from salesdesk.views.booth.image_decode import decode_file
    except ImportError as error:  # PySide6 or zxing-cpp missing
        raise ValidationError(f"Badge photos cannot be read here ({error}).", "image") from error
    texts = decode_file(path)
    if not texts:
        raise ValidationError(f"No QR code or barcode was found in '{path}'.", "image")
    return parse_scan(texts[0])


def _chips(known: tuple[str, ...], wanted: list[str]) -> tuple[str, ...]:
    by_key = {c.casefold(): c for c in known}
    return tuple(by_key.get(w.strip().casefold(), w.strip()) for w in wanted if w.strip())


def _staff(given: str | None, user: str = "") -> str:
    """Who captures: --staff, else SALESDESK_STAFF, else the user's name (services.identity:
    --as, Preferences, the team server's member name, the login)."""
    if given:
        return given.strip()
    from_env = os.environ.get(STAFF_ENV, "").strip()
    if from_env:
        return from_env
    return user


def _recognised(scan: Any) -> dict[str, Any] | None:
    from salesdesk.formats.badges import ScanKind

    if scan.kind is ScanKind.EMPTY:
        return None
    return {
        "kind": scan.kind.value,
        "first_name": scan.first_name,
        "last_name": scan.last_name,
        "company": scan.company,
        "title": scan.title,
        "emails": list(scan.emails),
        "phones": list(scan.phones),
        "urls": list(scan.urls),
        "badge_id": scan.badge_id,
        "layout_repaired": scan.repaired_layout,
        "warnings": list(scan.warnings),
    }


def _recognised_line(scan: Any) -> str:
    name = " ".join(p for p in (scan.first_name, scan.last_name) if p)
    parts = [p for p in (name, scan.company) if p]
    parts += list(scan.emails) + list(scan.phones)
    if scan.badge_id and scan.badge_id not in parts:
        parts.append(f"badge {scan.badge_id}")
    kind = scan.kind.value.replace("_", " ")
    repaired = " (keyboard layout repaired)" if scan.repaired_layout else ""
    return f"Recognised {kind}{repaired}: " + (", ".join(parts) or "nothing to fill in")


# --- events ---------------------------------------------------------------------------------


def cmd_event_help(args: argparse.Namespace) -> int:
    raise ValidationError("Say what to do: salesdesk event add|list|current (see --help).")


def cmd_event_add(args: argparse.Namespace) -> int:
    from salesdesk.domain.events import Event, RatingScale
    from salesdesk.services.booth import EventService

    scale = RatingScale.ABCD if args.scale == "abcd" else RatingScale.HOT_WARM_COLD
    event = Event(
        args.name,
        _date(args.starts, "--from"),
        _date(args.ends, "--to"),
        args.place or "",
        args.booth or "",
        tuple(args.chip or ()),
        scale,
        _follow_ups(args.follow_up or []),
    )
    with contact_service(args, create=True) as service:
        added = EventService(service).add(event, make_current=not args.not_current)
    if args.json:
        emit_json(_event_dict(added, not args.not_current))
    else:
        emit(f"Added event #{added.id} {added.name}" + ("" if args.not_current else " (current)."))
    return EXIT_OK


def cmd_event_list(args: argparse.Namespace) -> int:
    from salesdesk.services.booth import EventService

    with contact_service(args) as service:
        events = EventService(service)
        listed, current = events.list(), events.current()
    current_id = current.id if current else None
    if args.json:
        emit_json([_event_dict(e, e.id == current_id) for e in listed])
        return EXIT_OK
    if not listed:
        emit('No events yet. Add one: salesdesk event add "NAME"')
    for e in listed:
        mark = "*" if e.id == current_id else " "
        where = ", ".join(p for p in (e.dates_text, e.place, e.booth and f"booth {e.booth}") if p)
        emit(f"{mark} {e.id:>3}  {e.name}" + (f"  ({where})" if where else ""))
    return EXIT_OK


def cmd_event_current(args: argparse.Namespace) -> int:
    from salesdesk.services.booth import EventService

    with contact_service(args, create=bool(args.name)) as service:
        events = EventService(service)
        if args.name:
            chosen = events.find(args.name)
            events.set_current(chosen.id)
        current = events.current()
    if current is None:
        emit('There is no current event. Add one: salesdesk event add "NAME"')
    else:
        emit(f"{current.name} (#{current.id})")
    return EXIT_OK


def _event_dict(event: Any, current: bool) -> dict[str, Any]:
    return {
        "id": event.id,
        "uid": event.uid,
        "name": event.name,
        "starts_on": event.starts_on.isoformat() if event.starts_on else None,
        "ends_on": event.ends_on.isoformat() if event.ends_on else None,
        "place": event.place,
        "booth": event.booth,
        "chips": list(event.chips),
        "scale": event.scale.value,
        "grades": {g.key: g.follow_up_days for g in event.grades},
        "current": current,
    }


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        raise ValidationError(
            f"{option} '{text}' is not a date (write e.g. 2026-04-20)."
        ) from error


def _follow_ups(items: list[str]) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for item in items:
        grade, sep, days = item.partition("=")
        if not sep:
            raise ValidationError(f"--follow-up '{item}' needs the form GRADE=DAYS, e.g. warm=2.")
        value = days.strip().lower()
        if value == "none":
            out[grade.strip().lower()] = None
        elif value.isdigit():
            out[grade.strip().lower()] = int(value)
        else:
            raise ValidationError(f"--follow-up '{item}': days must be a number or 'none'.")
    return out

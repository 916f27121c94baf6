"""Translated words of the sync views: field names, values, times and why a round failed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTimeZone

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.stages import Stage
from salesdesk.views.detail.labels import rating_label, source_label, stage_label

if TYPE_CHECKING:  # loading sync_service pulls in the sync modules: not at start-up
    from salesdesk.services.sync_window import Failure

MAX_VALUE_CHARS = 120


def field_label(entity: str, field: str) -> str:
    """The name of a conflicting field as the detail pane calls it."""
    if entity == "contact":
        return _contact_fields().get(field, field)
    kind = _entities().get(entity, entity)
    return f"{kind}: {_parts().get(field, field)}"


def has_label(entity: str, field: str) -> bool:
    """Whether ``field_label`` knows the field (else it shows the raw name)."""
    if entity == "contact":
        return field in _contact_fields()
    return entity in _entities() and field in _parts()


def _contact_fields() -> dict[str, str]:
    # Every label is a literal translate() call, so that pyside6-lupdate finds it.
    return {
        "first_name": QCoreApplication.translate("SyncLabels", "First name"),
        "last_name": QCoreApplication.translate("SyncLabels", "Last name"),
        "company": QCoreApplication.translate("SyncLabels", "Company"),
        "title": QCoreApplication.translate("SyncLabels", "Job title"),
        "gender": QCoreApplication.translate("SyncLabels", "Gender"),
        "source": QCoreApplication.translate("SyncLabels", "Source"),
        "source_detail": QCoreApplication.translate("SyncLabels", "Source detail"),
        "referred_by": QCoreApplication.translate("SyncLabels", "Referred by"),
        "stage": QCoreApplication.translate("SyncLabels", "Stage"),
        "position": QCoreApplication.translate("SyncLabels", "Place in the column"),
        "rating": QCoreApplication.translate("SyncLabels", "Rating"),
        "notes": QCoreApplication.translate("SyncLabels", "Notes"),
        "street": QCoreApplication.translate("SyncLabels", "Street"),
        "postal_code": QCoreApplication.translate("SyncLabels", "Postal code"),
        "city": QCoreApplication.translate("SyncLabels", "City"),
        "region": QCoreApplication.translate("SyncLabels", "Region"),
        "country": QCoreApplication.translate("SyncLabels", "Country"),
        "consent_email": QCoreApplication.translate("SyncLabels", "E-mail consent"),
        "consent_at": QCoreApplication.translate("SyncLabels", "Consent given on"),
        "consent_how": QCoreApplication.translate("SyncLabels", "How consent was given"),
        "do_not_contact": QCoreApplication.translate("SyncLabels", "Do not contact"),
        "photo": QCoreApplication.translate("SyncLabels", "Photo"),
        "follow_up_on": QCoreApplication.translate("SyncLabels", "Follow-up date"),
        "follow_up_time": QCoreApplication.translate("SyncLabels", "Follow-up time"),
        "follow_up_note": QCoreApplication.translate("SyncLabels", "Follow-up note"),
        "deleted_at": QCoreApplication.translate("SyncLabels", "In the trash since"),
        "owner": QCoreApplication.translate("SyncLabels", "Owner"),
        "photo_mime": QCoreApplication.translate("SyncLabels", "Photo format"),
        "created_at": QCoreApplication.translate("SyncLabels", "Created on"),
        "expected_cents": QCoreApplication.translate("SyncLabels", "Expected deal value"),
        "currency": QCoreApplication.translate("SyncLabels", "Currency"),
        "expected_close": QCoreApplication.translate("SyncLabels", "Expected close"),
        "event": QCoreApplication.translate("SyncLabels", "Event (lead came from)"),
        "badge_id": QCoreApplication.translate("SyncLabels", "Badge id"),
        "merged_into": QCoreApplication.translate("SyncLabels", "Merged into"),
    }


def _entities() -> dict[str, str]:
    return {
        "interaction": QCoreApplication.translate("SyncLabels", "Logged interaction"),
        "stage_change": QCoreApplication.translate("SyncLabels", "Stage history"),
        "follow_up_change": QCoreApplication.translate("SyncLabels", "Follow-up history"),
        "event": QCoreApplication.translate("SyncLabels", "Event"),
        "capture": QCoreApplication.translate("SyncLabels", "Booth capture"),
        "consent_record": QCoreApplication.translate("SyncLabels", "Consent record"),
    }


def _parts() -> dict[str, str]:
    """Fields of the other entities (one name means one thing in all of them)."""
    return {
        "summary": QCoreApplication.translate("SyncLabels", "summary"),
        "notes": QCoreApplication.translate("SyncLabels", "notes"),
        "outcome": QCoreApplication.translate("SyncLabels", "outcome"),
        "at": QCoreApplication.translate("SyncLabels", "time"),
        "channel": QCoreApplication.translate("SyncLabels", "channel"),
        "direction": QCoreApplication.translate("SyncLabels", "direction"),
        "reason": QCoreApplication.translate("SyncLabels", "reason"),
        "note": QCoreApplication.translate("SyncLabels", "note"),
        "due_on": QCoreApplication.translate("SyncLabels", "due date"),
        "due_time": QCoreApplication.translate("SyncLabels", "due time"),
        "deleted": QCoreApplication.translate("SyncLabels", "removed"),
        "author": QCoreApplication.translate("SyncLabels", "made by"),
        "contact": QCoreApplication.translate("SyncLabels", "belongs to"),
        "from_stage": QCoreApplication.translate("SyncLabels", "from stage"),
        "to_stage": QCoreApplication.translate("SyncLabels", "to stage"),
        "kind": QCoreApplication.translate("SyncLabels", "kind of change"),
        "created_at": QCoreApplication.translate("SyncLabels", "created"),
        "updated_at": QCoreApplication.translate("SyncLabels", "last changed"),
        "name": QCoreApplication.translate("SyncLabels", "name"),
        "starts_on": QCoreApplication.translate("SyncLabels", "first day"),
        "ends_on": QCoreApplication.translate("SyncLabels", "last day"),
        "place": QCoreApplication.translate("SyncLabels", "place"),
        "booth": QCoreApplication.translate("SyncLabels", "booth"),
        "chips": QCoreApplication.translate("SyncLabels", "chips"),
        "scale": QCoreApplication.translate("SyncLabels", "rating scale"),
        "follow_up_days": QCoreApplication.translate(
            "SyncLabels", "follow-up after (working days)"
        ),
        "event": QCoreApplication.translate("SyncLabels", "event"),
        "staff": QCoreApplication.translate("SyncLabels", "recorded by"),
        "grade": QCoreApplication.translate("SyncLabels", "grade"),
        "linked": QCoreApplication.translate("SyncLabels", "linked to a known contact"),
        "badge_only": QCoreApplication.translate("SyncLabels", "badge scan only"),
        "wording": QCoreApplication.translate("SyncLabels", "wording shown"),
        "channels": QCoreApplication.translate("SyncLabels", "channels"),
    }


def value_text(field: str, value: Any, names: Mapping[str, str] | None = None) -> str:
    """A conflicting value as a person reads it: enum values by their label, dates and
    times in local form, an event or contact (named by uid) by its name from ``names``."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "yes")
            if value
            else QCoreApplication.translate("SyncLabels", "no")
        )
    if field == "event" and isinstance(value, str):
        return (names or {}).get(value) or QCoreApplication.translate(
            "SyncLabels", "(an event not stored here)"
        )
    if field == "referred_by" and isinstance(value, str):
        return (names or {}).get(value) or QCoreApplication.translate(
            "SyncLabels", "(a contact not stored here)"
        )
    booth = _booth_value(field, value)
    if booth is not None:
        return booth
    if field in _DATES and isinstance(value, str):
        day = QDate.fromString(value, Qt.DateFormat.ISODate)
        if day.isValid():
            return QLocale().toString(day, QLocale.FormatType.ShortFormat)
    if field in _TIMES and isinstance(value, str):
        return when_text(value)
    if field == "expected_cents" and isinstance(value, int):
        return QLocale().toString(value / 100, "f", 2)
    if field in ("stage", "from_stage", "to_stage") and isinstance(value, str):
        try:
            return stage_label(Stage(value))
        except ValueError:
            return value
    if field == "rating" and isinstance(value, str):
        try:
            return rating_label(Rating(value))
        except ValueError:
            return value
    if field == "source" and isinstance(value, str):
        try:
            return source_label(LeadSource(value))
        except ValueError:
            return value
    if field == "photo":
        return QCoreApplication.translate("SyncLabels", "(a photo)")
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


_DATES = frozenset({"starts_on", "ends_on", "follow_up_on", "due_on", "expected_close"})
_TIMES = frozenset({"at", "created_at", "updated_at", "consent_at", "deleted_at"})


def _booth_value(field: str, value: Any) -> str | None:
    """An event's chips, scale and follow-up days, a capture's grade, a consent's channels
    as the booth shows them (None: not one of those, or not readable)."""
    if not isinstance(value, str):
        return None
    if field == "grade":
        return _grade(value)
    if field == "scale":
        return {
            "hot_warm_cold": QCoreApplication.translate("SyncLabels", "Hot, warm, cold"),
            "abcd": QCoreApplication.translate("SyncLabels", "A, B, C, D"),
        }.get(value)
    if field == "channels":
        words = {
            "email": QCoreApplication.translate("SyncLabels", "e-mail"),
            "phone": QCoreApplication.translate("SyncLabels", "phone"),
        }
        return ", ".join(words.get(c, c) for c in value.split(",") if c)
    if field not in ("chips", "follow_up_days"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if field == "chips" and isinstance(data, list):
        return ", ".join(str(c) for c in data)
    if field == "follow_up_days" and isinstance(data, dict):
        none = QCoreApplication.translate("SyncLabels", "no follow-up")
        return ", ".join(
            f"{_grade(str(key))}: {days if isinstance(days, int) else none}"
            for key, days in data.items()
        )
    return None


def _grade(key: str) -> str:
    """A grade of a rating scale: hot/warm/cold by the rating's label, A to D as letters."""
    try:
        return rating_label(Rating(key))
    except ValueError:
        return key.upper()


def when_text(moment: dt.datetime | str | None) -> str:
    """A UTC moment in local time, short: the time alone today, else date and time."""
    if not moment:
        return ""
    if isinstance(moment, str):
        text = moment
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    utc = moment.astimezone(dt.UTC)
    shown = QDateTime.fromSecsSinceEpoch(int(utc.timestamp()), QTimeZone.utc()).toLocalTime()
    locale = QLocale()
    if shown.date() == QDateTime.currentDateTime().date():
        return locale.toString(shown.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(shown, QLocale.FormatType.ShortFormat)


def failure_text(kind: Failure, detail: str) -> str:
    """Why a round could not run, in the window's words (``detail``: the service's)."""
    if kind.value == "passphrase_wrong":
        return QCoreApplication.translate(
            "SyncLabels",
            "The team passphrase does not match the one this sync folder was set up with. "
            "Nothing was read or written. Enter the right one in File ▸ Sync….",
        )
    if kind.value == "passphrase_needed":
        return QCoreApplication.translate(
            "SyncLabels",
            "This sync folder is protected by a team passphrase. Enter it in File ▸ Sync….",
        )
    if kind.value == "passphrase_not_used":
        return QCoreApplication.translate(
            "SyncLabels",
            "This sync folder was set up without a team passphrase, so its files are not "
            "encrypted. Leave the passphrase empty, or choose a new, empty folder to sync "
            "with a passphrase.",
        )
    if kind.value == "no_folder":
        return QCoreApplication.translate("SyncLabels", "Choose the shared folder first.")
    if kind.value == "busy":
        return QCoreApplication.translate(
            "SyncLabels", "The database was busy; the next round tries again."
        )
    return detail


def failure_short(kind: Failure) -> str:
    """A few words for the status bar."""
    texts = {
        "passphrase_wrong": QCoreApplication.translate("SyncLabels", "wrong team passphrase"),
        "passphrase_needed": QCoreApplication.translate("SyncLabels", "team passphrase needed"),
        "passphrase_not_used": QCoreApplication.translate("SyncLabels", "folder is not encrypted"),
        "no_folder": QCoreApplication.translate("SyncLabels", "no folder chosen"),
        "folder": QCoreApplication.translate("SyncLabels", "folder not reachable"),
        "busy": QCoreApplication.translate("SyncLabels", "database busy"),
    }
    return texts.get(kind.value, QCoreApplication.translate("SyncLabels", "failed"))


def hub_failure_text(kind: Failure, detail: str, user: str = "", database: str = "") -> str:
    """Why the team server could not be used, in the window's words (``detail``: the
    service's sentence, which names the server but never a password)."""
    if kind.value == "hub_offline":
        return QCoreApplication.translate(
            "SyncLabels",
            "The team server cannot be reached now (%1). Nothing was lost: your changes wait "
            "on this computer and go out as soon as it can be reached.",
        ).replace("%1", detail.rstrip("."))
    if kind.value == "hub_auth":
        return QCoreApplication.translate(
            "SyncLabels",
            "The team server refused the user name or password. Check both (the password is "
            "case-sensitive) and try again. Nothing was changed.",
        )
    if kind.value == "hub_rights":
        return QCoreApplication.translate(
            "SyncLabels",
            "'%1' is not (or no longer) a member of this team server. Ask its admin to add "
            "you. Nothing was changed.",
        ).replace("%1", user)
    if kind.value == "hub_database":
        return QCoreApplication.translate(
            "SyncLabels",
            "The database '%1' does not exist on that server. Check its name. Nothing was changed.",
        ).replace("%1", database)
    if kind.value == "hub_setup":
        return QCoreApplication.translate(
            "SyncLabels",
            "That database is not a salesdesk team server (or was set up by a newer "
            "salesdesk). Nothing was changed. %1",
        ).replace("%1", detail)
    return failure_text(kind, detail)


def hub_failure_short(kind: Failure) -> str:
    """A few words for the status bar."""
    texts = {
        "hub_offline": QCoreApplication.translate("SyncLabels", "not reachable"),
        "hub_auth": QCoreApplication.translate("SyncLabels", "password refused"),
        "hub_rights": QCoreApplication.translate("SyncLabels", "not a member"),
        "hub_database": QCoreApplication.translate("SyncLabels", "no such database"),
        "hub_setup": QCoreApplication.translate("SyncLabels", "not a team server"),
    }
    return texts.get(kind.value) or failure_short(kind)

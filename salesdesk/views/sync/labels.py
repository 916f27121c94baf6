"""Translated words of the sync views: field names, values, times and why a round failed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.stages import Stage
from salesdesk.views.detail.labels import rating_label, source_label, stage_label

if TYPE_CHECKING:  # loading sync_service pulls in the sync modules: not at start-up
    from salesdesk.services.sync_window import Failure

MAX_VALUE_CHARS = 120


def field_label(entity: str, field: str) -> str:
    """The name of a conflicting field as the detail pane calls it."""
    # Every label is a literal translate() call, so that pyside6-lupdate finds it.
    contact = {
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
    }
    if entity == "contact":
        return contact.get(field, field)
    kind = {
        "interaction": QCoreApplication.translate("SyncLabels", "Logged interaction"),
        "stage_change": QCoreApplication.translate("SyncLabels", "Stage history"),
        "follow_up_change": QCoreApplication.translate("SyncLabels", "Follow-up history"),
    }.get(entity, entity)
    part = {
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
    }.get(field, field)
    return f"{kind}: {part}"


def value_text(field: str, value: Any) -> str:
    """A conflicting value as a person reads it (enum values by their label)."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "yes")
            if value
            else QCoreApplication.translate("SyncLabels", "no")
        )
    if field == "stage" and isinstance(value, str):
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

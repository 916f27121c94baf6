"""Translated labels and icons for interactions, follow-ups and engagement; relative dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QColor, QIcon

from salesdesk.domain.agenda import Due
from salesdesk.domain.engagement import Engagement, Level
from salesdesk.domain.interactions import Channel, Direction, FollowUp, InteractionOutcome
from salesdesk.views.detail.common import tinted_icon

# Every label is a literal QCoreApplication.translate() call so that pyside6-lupdate finds it.


def channel_label(channel: Channel) -> str:
    return {
        Channel.EMAIL: QCoreApplication.translate("Conversations", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("Conversations", "Phone call"),
        Channel.SMS: QCoreApplication.translate("Conversations", "SMS"),
        Channel.SOCIAL: QCoreApplication.translate("Conversations", "Social network"),
        Channel.IN_PERSON: QCoreApplication.translate("Conversations", "In person"),
        Channel.OTHER: QCoreApplication.translate("Conversations", "Other"),
    }[channel]


def direction_label(direction: Direction) -> str:
    return {
        Direction.OUTBOUND: QCoreApplication.translate("Conversations", "Outbound"),
        Direction.INBOUND: QCoreApplication.translate("Conversations", "Inbound"),
        Direction.TWO_WAY: QCoreApplication.translate("Conversations", "Two-way"),
    }[direction]


def direction_hint(direction: Direction) -> str:
    return {
        Direction.OUTBOUND: QCoreApplication.translate("Conversations", "We reached out"),
        Direction.INBOUND: QCoreApplication.translate("Conversations", "They reached us"),
        Direction.TWO_WAY: QCoreApplication.translate("Conversations", "A real conversation"),
    }[direction]


def outcome_label(outcome: InteractionOutcome | None) -> str:
    if outcome is None:
        return QCoreApplication.translate("Conversations", "No outcome")
    return {
        InteractionOutcome.REACHED: QCoreApplication.translate("Conversations", "Reached"),
        InteractionOutcome.NO_ANSWER: QCoreApplication.translate("Conversations", "No answer"),
        InteractionOutcome.LEFT_MESSAGE: QCoreApplication.translate(
            "Conversations", "Left a message"
        ),
        InteractionOutcome.REPLIED: QCoreApplication.translate("Conversations", "Replied"),
        InteractionOutcome.MEETING_BOOKED: QCoreApplication.translate(
            "Conversations", "Meeting booked"
        ),
        InteractionOutcome.NOT_INTERESTED: QCoreApplication.translate(
            "Conversations", "Not interested"
        ),
    }[outcome]


def level_label(level: Level) -> str:
    return {
        Level.NONE: QCoreApplication.translate("Conversations", "none"),
        Level.LOW: QCoreApplication.translate("Conversations", "low"),
        Level.MEDIUM: QCoreApplication.translate("Conversations", "medium"),
        Level.HIGH: QCoreApplication.translate("Conversations", "high"),
    }[level]


def engagement_text(result: Engagement) -> str:
    """'high: 3 two-way conversations in the last 14 days', translated."""
    level = level_label(result.level)
    if result.window_days is None:
        if result.last_at is None:
            return QCoreApplication.translate("Conversations", "%1: never contacted").replace(
                "%1", level
            )
        return QCoreApplication.translate(
            "Conversations", "%1: no contact in the last 90 days"
        ).replace("%1", level)
    parts = []
    if result.two_way == 1:
        parts.append(QCoreApplication.translate("Conversations", "1 two-way conversation"))
    elif result.two_way:
        parts.append(
            QCoreApplication.translate("Conversations", "%1 two-way conversations").replace(
                "%1", str(result.two_way)
            )
        )
    if result.inbound:
        parts.append(
            QCoreApplication.translate("Conversations", "%1 inbound").replace(
                "%1", str(result.inbound)
            )
        )
    if result.outbound:
        parts.append(
            QCoreApplication.translate("Conversations", "%1 outbound").replace(
                "%1", str(result.outbound)
            )
        )
    text = (
        QCoreApplication.translate("Conversations", "%1: %2 in the last %3 days")
        .replace("%1", level)
        .replace("%2", ", ".join(parts))
        .replace("%3", str(result.window_days))
    )
    if result.no_reply:
        text += QCoreApplication.translate("Conversations", ", no reply")
    return text


CHANNEL_ICONS = {
    Channel.EMAIL: ":/icons/channel-email.svg",
    Channel.PHONE: ":/icons/channel-phone.svg",
    Channel.SMS: ":/icons/channel-sms.svg",
    Channel.SOCIAL: ":/icons/channel-social.svg",
    Channel.IN_PERSON: ":/icons/channel-in-person.svg",
    Channel.OTHER: ":/icons/channel-other.svg",
}


def channel_icon(channel: Channel, color: QColor, size: int = 16) -> QIcon:
    return tinted_icon(CHANNEL_ICONS[channel], color, size)


# --- dates ---------------------------------------------------------------------------------


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def short_date(day: dt.date, today: dt.date | None = None) -> str:
    """'21 Nov' (this year) or '21 Nov 2025', in the user's language."""
    this_year = today is not None and day.year == today.year
    return QLocale().toString(_qdate(day), "d MMM" if this_year else "d MMM yyyy")


def edit_date_format() -> str:
    """The user's short date format with a four-digit year, for date fields ('dd.MM.yyyy',
    'M/d/yyyy'): typed and read the way the user writes dates, never ISO."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


def edit_time_format() -> str:
    """The user's short time format ('HH:mm', 'h:mm AP')."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)


def edit_datetime_format() -> str:
    return f"{edit_date_format()} {edit_time_format()}"


def full_date(day: dt.date) -> str:
    """The date in the user's words and order, e.g. 'Thursday, 26 November 2026'."""
    return QLocale().toString(_qdate(day), QLocale.FormatType.LongFormat)


def short_time(moment: dt.time) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def relative_day(day: dt.date, today: dt.date) -> str:
    """'today', 'yesterday', 'tomorrow', '3 days ago', 'in 3 days', else the date."""
    delta = (day - today).days
    if delta == 0:
        return QCoreApplication.translate("Conversations", "today")
    if delta == -1:
        return QCoreApplication.translate("Conversations", "yesterday")
    if delta == 1:
        return QCoreApplication.translate("Conversations", "tomorrow")
    if -7 < delta < 0:
        return QCoreApplication.translate("Conversations", "%1 days ago").replace("%1", str(-delta))
    if 0 < delta < 7:
        return QCoreApplication.translate("Conversations", "in %1 days").replace("%1", str(delta))
    return short_date(day, today)


def relative_moment(when: dt.datetime, now_local: dt.datetime) -> str:
    """A stored (UTC) moment relative to now: 'today, 14:30', '3 days ago', or a date."""
    local = when.astimezone(now_local.tzinfo)
    day = relative_day(local.date(), now_local.date())
    if abs((local.date() - now_local.date()).days) <= 1:
        return (
            QCoreApplication.translate("Conversations", "%1, %2")
            .replace("%1", day)
            .replace("%2", short_time(local.time()))
        )
    return day


def follow_up_when(follow_up: FollowUp, today: dt.date, relative: bool = True) -> str:
    """'tomorrow 10:00', 'in 3 days', '3 Dec' (``relative`` False: always the date)."""
    text = (
        relative_day(follow_up.due_on, today) if relative else short_date(follow_up.due_on, today)
    )
    if follow_up.due_time is not None:
        text += " " + short_time(follow_up.due_time)
    return text


def due_label(due: Due) -> str:
    return {
        Due.OVERDUE: QCoreApplication.translate("Conversations", "overdue"),
        Due.TODAY: QCoreApplication.translate("Conversations", "due today"),
        Due.SOON: QCoreApplication.translate("Conversations", "soon"),
        Due.LATER: QCoreApplication.translate("Conversations", "later"),
    }[due]

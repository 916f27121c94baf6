"""Plain-text output of the command line: the contact table and the contact sheet."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence

from salesdesk.domain.contact import Contact, PhoneNumber, Rating, StageChange
from salesdesk.domain.engagement import Engagement
from salesdesk.domain.interactions import FollowUp, Interaction
from salesdesk.domain.stages import Stage
from salesdesk.formats import phones as phone_format

EMPTY = "-"
COLUMN_LIMITS = {"Name": 28, "Company": 24, "E-mail": 32, "Phone": 22}
LABEL_WIDTH = 16


def stage_label(stage: Stage) -> str:
    return stage.value.capitalize()


def local_time(value: dt.datetime | None) -> str:
    """Stored UTC times are shown in the computer's time zone, to the minute."""
    if value is None:
        return EMPTY
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def text_width(text: str) -> int:
    """Terminal columns of ``text``: wide (CJK) characters take two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, limit: int) -> str:
    """``text`` on one line, cut with an ellipsis to at most ``limit`` columns."""
    text = " ".join(text.split())
    if text_width(text) <= limit:
        return text
    out = ""
    for char in text:
        if text_width(out + char) > limit - 1:
            break
        out += char
    return out + "…"


def full_name(contact: Contact) -> str:
    return " ".join(p for p in (contact.first_name, contact.last_name) if p)


def name_with_id(contact: Contact) -> str:
    return f"{contact.display_name} (#{contact.id})"


def phone_text(phone: PhoneNumber, region: str) -> str:
    return phone_format.display(phone.e164, phone.value, region)


def contact_table(contacts: Sequence[Contact], region: str) -> str:
    """An aligned table: id, name, company, stage, rating, primary e-mail and phone."""
    headers = ("ID", "Name", "Company", "Stage", "Rating", "E-mail", "Phone")
    rows: list[tuple[str, ...]] = []
    for c in contacts:
        email = c.primary_email
        phone = c.primary_phone
        rating = "" if c.rating is Rating.NONE else c.rating.value
        cells: tuple[str, ...] = (
            str(c.id),
            full_name(c),
            c.company,
            stage_label(c.stage),
            rating,
            email.value if email else "",
            phone_text(phone, region) if phone else "",
        )
        rows.append(
            tuple(
                fit(cell, COLUMN_LIMITS.get(h, 1000))
                for h, cell in zip(headers, cells, strict=True)
            )
        )
    widths = [max(text_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = []
    for row in [headers, *rows]:
        padded = [" " * (widths[0] - text_width(row[0])) + row[0]]  # ids align right
        padded += [
            cell + " " * (w - text_width(cell)) for cell, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(padded).rstrip())
    count = len(rows)
    lines.append(f"{count} contact{'s' if count != 1 else ''}")
    return "\n".join(lines)


def _line(label: str, value: str) -> str:
    return f"{label + ':':<{LABEL_WIDTH}}{value or EMPTY}"


def _address(contact: Contact) -> str:
    a = contact.address
    town = " ".join(p for p in (a.postal_code, a.city) if p)
    return ", ".join(p for p in (a.street, town, a.region, a.country) if p)


def _consent(contact: Contact) -> str:
    consent = contact.consent
    if not consent.email_ok:
        return "no" + (f" ({consent.how})" if consent.how else "")
    text = "yes"
    if consent.at:
        text += f", since {local_time(consent.at)}"
    if consent.how:
        text += f" ({consent.how})"
    return text


def _history_line(change: StageChange) -> str:
    when = local_time(change.at)
    if change.from_stage is None:
        text = f"{when}  created in {stage_label(change.to_stage)}"
    else:
        text = f"{when}  {stage_label(change.from_stage)} -> {stage_label(change.to_stage)}"
    if change.reason:
        text += f"  (reason: {change.reason})"
    return text


def contact_sheet(
    contact: Contact,
    history: Sequence[StageChange],
    region: str,
    referrer: Contact | None = None,
    referrals: Mapping[int, Contact] | None = None,
) -> str:
    """Every field of one contact on its own line, then its stage history."""
    lines = [f"#{contact.id}  {contact.display_name}"]
    if contact.deleted_at:
        lines.append(
            f"In the trash since {local_time(contact.deleted_at)} "
            f"(bring it back with: salesdesk restore {contact.id})"
        )
    lines += [
        _line("First name", contact.first_name),
        _line("Last name", contact.last_name),
        _line("Company", contact.company),
        _line("Title", contact.title),
        _line("Stage", stage_label(contact.stage)),
        _line("Rating", "" if contact.rating is Rating.NONE else contact.rating.value),
    ]
    several = len(contact.emails) > 1
    for email in contact.emails:
        mark = ", primary" if email.primary and several else ""
        lines.append(_line("E-mail", f"{email.value} ({email.label}{mark})"))
    if not contact.emails:
        lines.append(_line("E-mail", ""))
    several = len(contact.phones) > 1
    for phone in contact.phones:
        mark = ", primary" if phone.primary and several else ""
        bad = "" if phone.e164 else ", not a valid number"
        lines.append(_line("Phone", f"{phone_text(phone, region)} ({phone.label}{mark}{bad})"))
    if not contact.phones:
        lines.append(_line("Phone", ""))
    source = contact.source.value.replace("_", " ") if contact.source else ""
    if contact.source_detail:
        source = f"{source} ({contact.source_detail})" if source else contact.source_detail
    if contact.referred_by is None:
        referred = ""
    elif referrer is not None:
        referred = name_with_id(referrer) + (" (in the trash)" if referrer.deleted_at else "")
    else:
        referred = f"#{contact.referred_by}"
    lines += [
        _line("Address", _address(contact)),
        _line("Gender", contact.gender),
        _line("Source", source),
        _line("Referred by", referred),
        _line("Referred", ", ".join(name_with_id(c) for c in (referrals or {}).values())),
        _line("Tags", ", ".join(contact.tags)),
        _line("E-mail consent", _consent(contact)),
        _line("Do not contact", "yes" if contact.do_not_contact else "no"),
        _line("Created", local_time(contact.created_at)),
        _line("Updated", local_time(contact.updated_at)),
        _line("UID", contact.uid),
    ]
    if contact.notes:
        lines.append("Notes:")
        lines += [f"  {line}" for line in contact.notes.splitlines()]
    else:
        lines.append(_line("Notes", ""))
    lines.append("Stage history:")
    lines += [f"  {_history_line(change)}" for change in history] or [f"  {EMPTY}"]
    return "\n".join(lines)


def conversation_lines(
    interactions: Sequence[Interaction], follow_up: FollowUp | None, engagement: Engagement
) -> str:
    """The follow-up, the engagement level and the interactions (newest first) of a contact."""
    if follow_up is None:
        planned = ""
    else:
        planned = follow_up.due_on.isoformat()
        if follow_up.due_time:
            planned += f" {follow_up.due_time:%H:%M}"
        if follow_up.note:
            planned += f"  {follow_up.note}"
    lines = [_line("Next follow-up", planned), _line("Engagement", engagement.explain())]
    lines.append("Interactions:")
    for item in interactions:
        text = f"  {local_time(item.at)}  {item.channel.value}, {item.direction.value}: "
        text += item.summary
        if item.outcome:
            text += f" ({item.outcome.value})"
        lines.append(text)
        lines += [f"      {line}" for line in item.notes.splitlines()]
    if not interactions:
        lines.append(f"  {EMPTY}")
    return "\n".join(lines)

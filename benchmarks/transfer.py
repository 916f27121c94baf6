"""Benchmarks of contacts in and out: a CSV import end to end, and duplicate detection."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from typing import Any

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, register, timed, timed_call
from salesdesk.domain.contact import Contact, EmailAddress
from salesdesk.formats.csv_writer import write_csv
from salesdesk.services.duplicates import match_incoming
from salesdesk.services.import_run import run_import
from salesdesk.services.importing import ImportOptions, plan_import, sniff_bytes
from salesdesk.store.db import open_database

HEADERS = ["First Name", "Last Name", "Company", "Job Title", "E-mail", "Phone", "Mobile",
           "City", "Country", "Tags", "Notes"]  # fmt: skip
INCOMING = 1000
CONTACT_COLUMNS = ("id", "uid", "first_name", "last_name", "company", "title", "gender", "source",
                   "source_detail", "stage", "position", "rating", "notes", "street",
                   "postal_code", "city", "region", "country", "consent_email", "consent_how",
                   "do_not_contact", "primary_email", "primary_phone", "tag_names",
                   "search_extra", "created_at", "updated_at", "version")  # fmt: skip


def csv_of(contacts: list[Contact]) -> bytes:
    """The demo contacts as a spreadsheet would hold them (UTF-8 with BOM)."""
    rows = []
    for c in contacts:
        work = [p.value for p in c.phones if p.label != "mobile"]
        mobile = [p.value for p in c.phones if p.label == "mobile"]
        rows.append([c.first_name, c.last_name, c.company, c.title,
                     c.emails[0].value if c.emails else "", work[0] if work else "",
                     mobile[0] if mobile else "", c.address.city, c.address.country,
                     ", ".join(c.tags), c.notes])  # fmt: skip
    return write_csv(HEADERS, rows)


@register("import", order=80)
def csv_import(ctx: BenchContext) -> list[Row]:
    data = csv_of(ctx.batch().contacts)
    n = f"{ctx.contacts:,}"
    ours: list[float] = []
    check: list[float] = []
    base: list[float] = []
    for _ in range(ctx.heavy_repeat):
        path = ctx.fresh_path("import")
        with ctx.service(path) as service:
            seconds, plan = timed_call(lambda s=service: plan_import(s, sniff_bytes(data, "x.csv")))
            write = timed(lambda s=service, p=plan: run_import(s, p, ImportOptions(tag="Import")))
            assert len(plan.items) == ctx.contacts, plan.issues[:3]
        check.append(seconds)
        ours.append(seconds + write)
        base.append(_raw_import(ctx, data, path))
    text = (
        f"the same {n}-row CSV read with csv.reader and written by executemany into the same "
        "schema: the rows the import stores (contact, email, phone, tag, contact_tag with the "
        "import's tag, stage_change), no checks and no E.164, FTS filled, one transaction"
    )
    return [
        Row(f"import a {n}-row CSV end to end (read, check, duplicates, write)", ours, None,
            Target(ms=5000)),
        Row(f"  import a {n}-row CSV vs a raw sqlite3 import of the same rows", ours, base,
            Target(ratio=4), text),
        Row("  of which reading and checking every row (phonenumbers, email-validator)",
            check, base, Target(), text),
    ]  # fmt: skip


def _raw_import(ctx: BenchContext, data: bytes, migrated: Any) -> float:
    path = ctx.fresh_path("raw-import")
    raw.create(path, raw.schema(migrated, contact_only=False))
    conn = raw.connect(path)
    try:
        return timed(lambda: _raw_rows(conn, data))
    finally:
        conn.close()


def _raw_rows(conn: Any, data: bytes) -> None:
    """What the import stores for the file, without any of its checks: every contact in New
    with source import, the import's tag, a history row, e-mail and phone rows (no E.164:
    that needs phonenumbers; the digits stand in for it in the search text) and the FTS."""
    now = str(dt.datetime.now(dt.UTC).replace(tzinfo=None))
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    next(reader)
    contacts, emails, phones, tagged, history, tags = [], [], [], [], [], {"import": 1}
    for index, row in enumerate(reader, start=1):
        first, last, company, title, email, phone, mobile, city, country, tag_text, notes = row
        numbers = [n.lstrip("'") for n in (mobile, phone) if n]
        names = ["Import", *(t.strip() for t in tag_text.split(",") if t.strip())]
        extra = [email, *(f"{n} {''.join(filter(str.isdigit, n))}" for n in numbers), *names,
                 country]  # fmt: skip
        contacts.append((index, str(uuid.uuid4()), first, last, company, title, "", "import",
                         "", "new", float(index), "none", notes, "", "", city, "", country, 0,
                         "", 0, email, numbers[0] if numbers else "", ", ".join(names),
                         " ".join(x for x in extra if x), now, now, 1))  # fmt: skip
        if email:
            emails.append((index, "work", email, 1, 0))
        for sort, number in enumerate(numbers):
            phones.append((index, "mobile", number, None, sort == 0, sort))
        for name in names:
            tagged.append((index, tags.setdefault(name.casefold(), len(tags) + 1)))
        history.append((index, None, "new", now, None, "created"))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO contact ({', '.join(CONTACT_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(CONTACT_COLUMNS))})",
        contacts,
    )
    conn.executemany(
        "INSERT INTO email (contact_id, label, value, is_primary, sort) VALUES (?, ?, ?, ?, ?)",
        emails,
    )
    conn.executemany(
        "INSERT INTO phone (contact_id, label, value, e164, is_primary, sort) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        phones,
    )
    conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)",
                     [(i, name) for name, i in tags.items()])  # fmt: skip
    conn.executemany("INSERT OR IGNORE INTO contact_tag VALUES (?, ?)", tagged)
    conn.executemany(
        "INSERT INTO stage_change (contact_id, from_stage, to_stage, at, reason, kind) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        history,
    )
    cols = ", ".join(raw.FTS_COLUMNS)
    conn.execute(f"INSERT INTO contact_fts(rowid, {cols}) SELECT id, {cols} FROM contact")
    conn.execute("COMMIT")


@register("duplicates", order=81)
def duplicate_detection(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    stored = ctx.batch().contacts
    incoming = _incoming(stored)
    ours: list[float] = []
    opened = open_database(path)
    try:
        from salesdesk.services import ContactService

        service = ContactService(opened.db)
        for _ in range(ctx.repeat):
            seconds, found = timed_call(lambda: match_incoming(service, incoming))
            ours.append(seconds)
        assert sum(1 for f in found if f) >= len(incoming) // 4
    finally:
        opened.db.close()
    return [
        Row(f"duplicate check of {len(incoming):,} incoming contacts against "
            f"{ctx.contacts:,} stored (e-mail, phone, fuzzy name at company)", ours, None,
            Target(ms=2000)),
    ]  # fmt: skip


def _incoming(stored: list[Contact]) -> list[Contact]:
    """As many incoming contacts as an import of a 1,000-row file: a third repeat a stored
    e-mail (in other case), a third a stored name at its company spelled without accents,
    a third are new."""
    step = max(1, len(stored) // INCOMING)
    picked = stored[::step][:INCOMING]
    out = []
    for index, c in enumerate(picked):
        if index % 3 == 0 and c.emails:
            out.append(Contact(first_name=c.first_name, emails=[
                EmailAddress(c.emails[0].value.upper())]))  # fmt: skip
        elif index % 3 == 1:
            out.append(Contact(first_name=_ascii(c.first_name), last_name=_ascii(c.last_name),
                               company=c.company))  # fmt: skip
        else:
            email = EmailAddress(f"n{index}@example.org")
            out.append(Contact(first_name="New", last_name=f"Person {index}", company="Unknown Ltd",
                               emails=[email]))  # fmt: skip
    return out


def _ascii(text: str) -> str:
    import unicodedata

    german = text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    folded = unicodedata.normalize("NFKD", german)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))

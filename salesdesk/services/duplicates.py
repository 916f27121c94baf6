"""Likely duplicates of incoming contacts (an import, the new-contact dialog) among the
stored ones: the same e-mail, the same phone (E.164), or a similar name at the same company."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import ValidationError
from salesdesk.formats.phones import to_e164
from salesdesk.services.contacts import ContactService
from salesdesk.services.merge import NAME_SIMILARITY, company_key, name_key
from salesdesk.services.validation import coerce_emails, coerce_phones
from salesdesk.store import merging as store_merging
from salesdesk.store import transfer as store_dups

REASON_UID = "uid"
REASON_EMAIL = "email"
REASON_PHONE = "phone"
REASON_NAME = "name"
_REASON_ORDER = (REASON_UID, REASON_EMAIL, REASON_PHONE, REASON_NAME)


@dataclass(frozen=True)
class Match:
    """A stored contact an incoming one probably is, why (uid, email, phone, name), and how
    sure (100 for uid, e-mail and phone; the name similarity otherwise)."""

    contact_id: int
    reasons: tuple[str, ...]
    score: float

    @property
    def strong(self) -> bool:
        return self.reasons[0] != REASON_NAME


class NameIndex:
    """Live contacts by company key, then by name key: built once per check, so 1,000
    incoming contacts cost one read of the names and a few fuzzy comparisons each."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str]]) -> None:
        self.by_company: dict[str, dict[str, list[int]]] = defaultdict(dict)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for contact_id, first, last, company in rows:
            name = name_key(first or "", last or "")
            if not name:
                continue
            self.by_name[name].append(contact_id)
            if company:
                key = company_key(company)
                if key:
                    self.by_company[key].setdefault(name, []).append(contact_id)

    @classmethod
    def load(cls) -> NameIndex:
        return cls(store_merging.name_rows())

    def similar(self, contact: Contact) -> list[tuple[int, float]]:
        """(id, similarity) of contacts at the same company with a similar name."""
        if not self.by_company or not contact.company:
            return []
        names = self.by_company.get(company_key(contact.company))
        name = name_key(contact.first_name, contact.last_name) if names else ""
        if not names or not name:
            return []
        from rapidfuzz import fuzz, process  # loads on first use, not with the window

        hits = process.extract(
            name, list(names), scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=None
        )
        return [(i, float(score)) for found, score, _ in hits for i in names[found]]

    def named(self, first: str, last: str) -> list[int]:
        """Ids of live contacts with this name (folded, either order)."""
        return list(self.by_name.get(name_key(first, last), []))


def match_incoming(
    service: ContactService,
    contacts: Sequence[Contact],
    *,
    names: NameIndex | None = None,
) -> list[list[Match]]:
    """For each contact, the stored live contacts it likely duplicates, best first. E-mails
    match without regard to case, phones by E.164 (computed with the service's region when
    the contact was not cleaned), names folded (Jürgen Müller = Juergen Mueller) and fuzzy,
    at the same company. A uid already stored (an earlier import of the same file) matches
    too, even in the trash."""
    if not contacts:
        return []
    region = service.phone_region
    emails = [[e.value.strip().lower() for e in c.emails if e.value.strip()] for c in contacts]
    phones = [[p.e164 or to_e164(p.value, region) or "" for p in c.phones] for c in contacts]
    by_email: dict[str, set[int]] = defaultdict(set)
    for address, contact_id in store_dups.ids_by_email([a for row in emails for a in row]):
        by_email[address].add(contact_id)
    by_phone: dict[str, set[int]] = defaultdict(set)
    for number, contact_id in store_dups.ids_by_e164([n for row in phones for n in row if n]):
        by_phone[number].add(contact_id)
    by_uid = {uid: cid for uid, cid, _ in store_dups.ids_by_uid([c.uid for c in contacts])}
    index = names if names is not None else NameIndex.load()
    out: list[list[Match]] = []
    by_name = bool(index.by_company)
    for contact, mails, numbers in zip(contacts, emails, phones, strict=True):
        if not (
            contact.uid in by_uid
            or any(a in by_email for a in mails)
            or any(n in by_phone for n in numbers)
            or (by_name and contact.company)
        ):
            out.append([])  # nothing stored like it: the usual case of a big import
            continue
        found: dict[int, dict[str, float]] = defaultdict(dict)
        if contact.uid in by_uid:
            found[by_uid[contact.uid]][REASON_UID] = 100.0
        for address in mails:
            for cid in by_email.get(address, ()):
                found[cid][REASON_EMAIL] = 100.0
        for number in numbers:
            for cid in by_phone.get(number, ()):
                found[cid][REASON_PHONE] = 100.0
        for cid, score in index.similar(contact):
            found[cid].setdefault(REASON_NAME, score)
        out.append(_ranked(found))
    return out


def _ranked(found: Mapping[int, Mapping[str, float]]) -> list[Match]:
    matches = [
        Match(cid, tuple(r for r in _REASON_ORDER if r in reasons), max(reasons.values()))
        for cid, reasons in found.items()
    ]
    # uid/e-mail/phone before names; more reasons first; then the closer name
    matches.sort(key=lambda m: (not m.strong, -len(m.reasons), -m.score, m.contact_id))
    return matches


def duplicates_of_new(service: ContactService, fields: Mapping[str, Any]) -> list[Match]:
    """Likely duplicates of a contact about to be created from ``fields`` (as ``create``
    takes them; unchecked input is fine). Reads every live name once (~0.2 s at 100k
    contacts): call it when the user pauses or saves, not on every key press."""
    contact = Contact(
        first_name=str(fields.get("first_name") or ""),
        last_name=str(fields.get("last_name") or ""),
        company=str(fields.get("company") or ""),
    )
    try:
        contact.emails = coerce_emails(fields.get("emails") or [])
        contact.phones = coerce_phones(fields.get("phones") or [])
    except ValidationError:  # a half-typed value is no reason to fail the check
        contact.emails, contact.phones = [], []
    return match_incoming(service, [contact])[0]

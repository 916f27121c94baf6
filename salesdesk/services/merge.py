"""Finding likely duplicates over the whole database and merging them into one contact."""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from salesdesk.domain.changes import StepLabel
from salesdesk.domain.contact import (
    EDITABLE_FIELDS,
    Address,
    Consent,
    Contact,
    EmailAddress,
    PhoneNumber,
    Rating,
)
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.stages import Stage, validate_transition
from salesdesk.services.contacts import ContactService, Outcome, Snapshots
from salesdesk.services.validation import apply_changes, fields_of
from salesdesk.store import contacts as store
from salesdesk.store import interactions as store_interactions
from salesdesk.store import merging as store_merging

UNION_FIELDS = ("emails", "phones", "tags")
"""Fields whose values are all kept (without repeats) instead of picked from one contact."""

_ORDER = (
    "first_name",
    "last_name",
    "company",
    "title",
    "stage",
    "rating",
    "gender",
    "address",
    "source",
    "source_detail",
    "referred_by",
    "consent",
    "do_not_contact",
    "notes",
)
PICK_FIELDS: tuple[str, ...] = _ORDER + tuple(
    sorted(EDITABLE_FIELDS - set(_ORDER) - set(UNION_FIELDS))
)
"""Fields the user picks from one of the merged contacts (stage includes its place)."""

MAX_BLOCK = 50
"""A key shared by more contacts than this (a switchboard number, info@) proves nothing."""
MAX_FUZZY_BLOCK = 1000
"""Names are compared pairwise only within companies of at most this many distinct names."""
NAME_SIMILARITY = 90.0
"""rapidfuzz ratio (0-100) from which two folded names at one company count as the same."""

REASON_EMAIL = "email"
REASON_PHONE = "phone"
REASON_NAME = "name"

_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_UMLAUT_SPELLING = re.compile(
    r"(?<=[aou])e(?=[^\W_])"
)  # Mueller, Juergen, Baer: German without umlauts
_WORD = re.compile(r"[^\W_]+")
_LEGAL_FORMS = frozenset(
    ("gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "ug", "gbr", "ev", "se", "co", "ltd", "limited",
     "inc", "incorporated", "llc", "llp", "lp", "plc", "corp", "corporation", "company", "sa",
     "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "aps")
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text as a match key: case, accents and spelled-out umlauts folded, words only
    ("Jürgen Müller" and "JUERGEN MUELLER" both give "jurgen muller")."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(_UMLAUT_SPELLING.sub("", text)))


def name_key(first: str, last: str) -> str:
    """A person's name as a match key, whatever the order of first and last name."""
    words = f"{fold(first)} {fold(last)}".split()
    words.sort()
    return " ".join(words)


@functools.lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """A company as a match key, without its legal form ("Acme GmbH" = "ACME")."""
    words = fold(company).split()
    kept = [w for w in words if w not in _LEGAL_FORMS]
    return " ".join(kept or words)


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that are likely the same person, and why (e-mail, phone, name at company)."""

    ids: tuple[int, ...]
    reasons: frozenset[str]


class _Groups:
    """Union-find over contact ids, remembering why two contacts were joined."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.reasons: dict[tuple[int, int], set[str]] = defaultdict(set)

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        while parent != item:
            grand = self.parent[parent]
            self.parent[item] = grand
            item, parent = parent, grand
        return item

    def join(self, ids: Sequence[int], reason: str) -> None:
        first = ids[0]
        for other in ids[1:]:
            a, b = self.find(first), self.find(other)
            if a != b:
                self.parent[b] = a
            self.reasons[(first, other)].add(reason)

    def groups(self) -> list[DuplicateGroup]:
        members: dict[int, list[int]] = defaultdict(list)
        for item in self.parent:
            members[self.find(item)].append(item)
        why: dict[int, set[str]] = defaultdict(set)
        for (a, _), reasons in self.reasons.items():
            why[self.find(a)] |= reasons
        found = [
            DuplicateGroup(tuple(sorted(ids)), frozenset(why[root]))
            for root, ids in members.items()
            if len(ids) > 1
        ]
        return sorted(found, key=lambda g: g.ids)


def _join_blocks(groups: _Groups, blocks: Iterable[Sequence[int]], reason: str) -> None:
    for ids in blocks:
        if 1 < len(ids) <= MAX_BLOCK:
            groups.join(sorted(ids), reason)


def find_duplicates(service: ContactService) -> list[DuplicateGroup]:
    """Groups of live contacts sharing an e-mail address, a phone number (E.164), or a
    similar name (accents and umlaut spellings folded) at the same company.

    Contacts are put into blocks by key, so the work grows with the number of contacts,
    not its square: names are only compared pairwise within one company (~2 s for 100k)."""
    groups = _Groups()
    _join_blocks(groups, store_merging.shared_emails(), REASON_EMAIL)
    _join_blocks(groups, store_merging.shared_phones(), REASON_PHONE)
    companies: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for contact_id, first, last, company in store_merging.name_rows():
        if company and (first or last):
            key = company_key(company)
            name = name_key(first, last)
            if key and name:
                companies[key].setdefault(name, []).append(contact_id)
    for names in companies.values():
        if len(names) > 1 or any(len(ids) > 1 for ids in names.values()):
            _join_blocks(groups, names.values(), REASON_NAME)
            if 1 < len(names) <= MAX_FUZZY_BLOCK:
                _join_similar(groups, names)
    return groups.groups()


def _join_similar(groups: _Groups, names: Mapping[str, list[int]]) -> None:
    from rapidfuzz import fuzz, process  # loads on first use, not with the window

    keys = sorted(names)
    for i, a in enumerate(keys[:-1]):
        rest = keys[i + 1 :]
        hits = process.extract(a, rest, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=None)
        for _, _, index in hits:
            groups.join([names[a][0], names[rest[index]][0]], REASON_NAME)


def find_duplicate_groups(service: ContactService) -> list[list[int]]:
    """Ids of each group of likely duplicates (see ``find_duplicates``)."""
    return [list(group.ids) for group in find_duplicates(service)]


# --- merging -------------------------------------------------------------------------------


def is_empty(value: Any) -> bool:
    """Whether a field value says nothing (so another contact's value is preferred)."""
    return value in ("", None, False, Rating.NONE, Address(), Consent()) or (
        isinstance(value, Address) and value.is_empty()
    )


def default_choices(contacts: Sequence[Contact]) -> dict[str, int]:
    """For each picked field the contact to take it from: the first (the one kept) unless
    its value is empty and another one has a value."""
    choices: dict[str, int] = {}
    for name in PICK_FIELDS:
        source = contacts[0]
        if name != "stage" and is_empty(getattr(source, name)):
            source = next((c for c in contacts[1:] if not is_empty(getattr(c, name))), source)
        assert source.id is not None
        choices[name] = source.id
    return choices


def _union_emails(contacts: Sequence[Contact]) -> list[EmailAddress]:
    seen: set[str] = set()
    out: list[EmailAddress] = []
    for index, contact in enumerate(contacts):
        for email in contact.emails:
            if email.value.casefold() not in seen:
                seen.add(email.value.casefold())
                out.append(email if index == 0 else dataclasses.replace(email, primary=False))
    return out


def _union_phones(contacts: Sequence[Contact]) -> list[PhoneNumber]:
    seen: set[str] = set()
    out: list[PhoneNumber] = []
    for index, contact in enumerate(contacts):
        for phone in contact.phones:
            key = phone.e164 or phone.value
            if key not in seen:
                seen.add(key)
                out.append(phone if index == 0 else dataclasses.replace(phone, primary=False))
    return out


def _union_tags(contacts: Sequence[Contact]) -> list[str]:
    tags = {t.casefold(): t for c in reversed(contacts) for t in c.tags}
    return sorted(tags.values(), key=str.casefold)


def merged_contact(contacts: Sequence[Contact], choices: Mapping[str, int]) -> Contact:
    """What merging ``contacts`` (the first is kept) gives: every e-mail, phone and tag of
    all of them, each picked field from the contact ``choices`` names (default: see
    ``default_choices``). Pure: nothing is stored."""
    by_id = {c.id: c for c in contacts}
    picks = default_choices(contacts)
    for name, source_id in choices.items():
        if name not in PICK_FIELDS:
            raise ValidationError(f"'{name}' cannot be picked when merging.", name)
        if source_id not in by_id:
            raise ValidationError(
                f"The value of '{name}' must come from one of the merged contacts.", name
            )
        picks[name] = source_id
    values = {n: getattr(by_id[s], n) for n, s in picks.items() if n != "stage"}
    stage_from = by_id[picks["stage"]]
    ids = set(by_id)
    if values.get("referred_by") in ids:  # referred by one of themselves: nobody
        values["referred_by"] = None
    return dataclasses.replace(
        contacts[0],
        **values,
        emails=_union_emails(contacts),
        phones=_union_phones(contacts),
        tags=_union_tags(contacts),
        stage=stage_from.stage,
        position=stage_from.position,
    )


def merge(
    service: ContactService,
    keep_id: int,
    other_ids: Sequence[int],
    choices: Mapping[str, int] | None = None,
) -> Outcome:
    """Merge ``other_ids`` into ``keep_id``: one undoable step.

    The survivor gets the union of e-mails, phones and tags, each picked field from the
    contact ``choices`` names, the stage history (and interactions) of all of them, and
    becomes the referrer of everyone the others referred. The others are removed for good;
    the inverse brings every contact involved back exactly as it was."""
    others = [i for i in dict.fromkeys(other_ids) if i != keep_id]
    if not others:
        raise ValidationError("Choose at least two contacts to merge.")
    ids = [keep_id, *others]  # the survivor first: undo restores it (and its rows) first

    def work(before: Snapshots) -> tuple[list[int], list[int]]:
        now = service.clock()  # under the write lock: history in commit order
        loaded = store.load_contacts(ids)
        missing = [i for i in ids if i not in loaded]
        if missing:
            raise NotFoundError(f"There is no contact with number {missing[0]}.")
        trashed = [loaded[i] for i in ids if loaded[i].deleted_at is not None]
        if trashed:
            raise ValidationError(
                f"{trashed[0].display_name} is in the trash. Restore it before merging."
            )
        keep = loaded[keep_id]
        merged = merged_contact([loaded[i] for i in ids], choices or {})
        cleaned = apply_changes(keep, fields_of(merged), service.phone_region, now)
        cleaned = dataclasses.replace(cleaned, stage=merged.stage, position=merged.position)
        move = None
        if cleaned.stage is not keep.stage:
            source = loaded[(choices or {})["stage"]]
            reason = _reason_for(source, service) or f"merged with {source.display_name}"
            move = validate_transition(keep.stage, cleaned.stage, reason)
        referred = [b for _, b in store.referrals_of(others) if b not in set(ids)]
        before.update(store.take_snapshots([i for i in referred if i not in before]))
        store_merging.set_referrer(referred, keep_id)
        store_merging.move_children(keep_id, others)
        store_merging.adopt_follow_up(keep_id, others)
        store_interactions.refresh_summaries([keep_id], now)
        if move is not None:
            store.add_history(keep_id, move.source, move.target, now, move.reason,
                              move.kind.value, service.author)  # fmt: skip
        if not store.update_contact(keep_id, cleaned, keep.version, now):
            raise ConflictError(f"{keep.display_name} was changed elsewhere; try again.")
        _check_no_circle(keep_id, cleaned.referred_by)
        store.purge_contacts(others)
        store.delete_orphan_tags()
        return [], [*ids, *referred]

    name = service.get(keep_id).display_name
    count = len(ids)
    label = StepLabel("merge", name, count)
    return service.run_change(f"merge of {count} contacts into {name}", ids, work, label,
                              [(other, keep_id) for other in others])  # fmt: skip


def _reason_for(contact: Contact, service: ContactService) -> str | None:
    """Why ``contact`` went into its stage (kept when the survivor takes that stage)."""
    into = [h for h in service.history(contact.id or 0) if h.to_stage is contact.stage]
    return into[-1].reason if into and contact.stage is Stage.UNQUALIFIED else None


def _check_no_circle(keep_id: int, referrer: int | None) -> None:
    seen = {keep_id}
    cursor = referrer
    while cursor is not None:
        if cursor in seen:
            raise ValidationError(
                "After this merge the referrals would go round in a circle. "
                "Pick another 'Referred by' for the merged contact.",
                "referred_by",
            )
        seen.add(cursor)
        cursor = store_merging.referrer_of(cursor)

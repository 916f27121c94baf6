"""Applying a column mapping to CSV rows: Google's ' ::: ' values and labels, names,
addresses, tags, and the values salesdesk knows (gender, rating, stage, source)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from salesdesk.domain.contact import Address, Contact, EmailAddress, PhoneNumber
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import FormatError, IncomingContact
from salesdesk.formats.csv_headers import (
    MULTI_SEPARATOR,
    NOTE,
    PRESETS,
    SKIP,
    TARGET_LABELS,
    TARGETS,
    check_targets,
    detect_preset,
    guess_mapping,
    guess_target,
    header_key,
    known_header_count,
    mapping_from_saved,
    mapping_to_saved,
)

__all__ = [
    "MULTI_SEPARATOR",
    "NOTE",
    "PRESETS",
    "SKIP",
    "TARGETS",
    "TARGET_LABELS",
    "RowMapper",
    "check_targets",
    "detect_preset",
    "email_label",
    "gender_value",
    "guess_mapping",
    "guess_target",
    "header_key",
    "known_header_count",
    "mapping_from_saved",
    "mapping_to_saved",
    "phone_label",
    "split_full_name",
    "split_multi",
    "unescape_cell",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GOOGLE_GROUPS = frozenset({"mycontacts", "starred"})  # Google's own groups, not tags
# Targets that take one value (a second column of the same target goes to the notes).
_SINGLE_TARGETS = frozenset(
    t for t in TARGETS
    if t not in ("street", "notes", NOTE, "tags", SKIP) and not t.startswith(("email", "phone"))
)  # fmt: skip


def unescape_cell(text: str) -> str:
    """Undo the formula guard of CSV exports ('=1+2 back to =1+2) and trim."""
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        text = text[1:]
    text = text.strip()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_multi(text: str, separators: Sequence[str] = (MULTI_SEPARATOR,)) -> list[str]:
    if not any(sep in text for sep in separators):  # one value: the usual cell
        text = text.strip()
        return [text] if text else []
    parts = [text]
    for sep in separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    return [p.strip() for p in parts if p.strip()]


def email_label(text: str) -> tuple[str, bool]:
    """A salesdesk e-mail label (work, home, other) and whether it is marked primary ('*')."""
    key, primary = _label_key(text)
    if not key or any(w in key for w in ("work", "business", "office", "geschaft", "dienst")):
        return "work", primary
    if any(w in key for w in ("home", "privat", "personal")):
        return "home", primary
    return "other", primary


def phone_label(text: str, unlabelled: str = "mobile") -> tuple[str, bool]:
    """A salesdesk phone label (mobile, work, home, fax, other) and whether it is primary;
    an empty label is ``unlabelled``."""
    key, primary = _label_key(text)
    if not key:
        return unlabelled, primary
    if "fax" in key:
        return "fax", primary
    if any(w in key for w in ("mobil", "cell", "handy", "iphone")):
        return "mobile", primary
    if any(w in key for w in ("work", "business", "office", "geschaft", "main", "firma")):
        return "work", primary
    if any(w in key for w in ("home", "privat", "personal")):
        return "home", primary
    return "other", primary


def _label_key(text: str) -> tuple[str, bool]:
    text = text.strip()
    primary = text.startswith("*")
    return header_key(text.lstrip("* ")), primary


_GENDERS = {
    "female": ("female", "f", "weiblich", "w", "frau", "woman", "femme", "kobieta"),
    "male": ("male", "m", "mannlich", "maennlich", "mann", "man", "homme", "mezczyzna"),
    "diverse": ("diverse", "divers", "d", "x", "other", "non binary", "nonbinary", "o"),
    "": ("unspecified", "nicht angegeben", "unknown", "u", "n", "none", "keine angabe"),
}
_GENDER_KEYS = {header_key(w): g for g, words in _GENDERS.items() for w in words}
_RATINGS = {"hot": "hot", "heiss": "hot", "warm": "warm", "cold": "cold", "kalt": "cold",
            "none": "none", "keine": "none"}  # fmt: skip
_SOURCES = {
    "newsletter": "newsletter", "trade show": "trade_show", "messe": "trade_show",
    "referral": "referral", "empfehlung": "referral", "website": "website",
    "webseite": "website", "social": "social", "cold call": "cold_call",
    "kaltakquise": "cold_call", "import": "import", "other": "other", "sonstige": "other",
}  # fmt: skip


def gender_value(text: str) -> str:
    if not text:
        return ""
    return _GENDER_KEYS.get(header_key(text), text.strip())


# --- applying a mapping to rows --------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    target: str
    label_column: int | None = None  # for e-mail and phone columns: where their labels are

    @property
    def fixed_label(self) -> str:
        """The label a column such as 'phone:mobile' gives all its values ('' if none)."""
        return self.target.partition(":")[2]


class RowMapper:
    """Turns CSV rows into incoming contacts by a mapping (one target per column)."""

    def __init__(
        self, headers: Sequence[str], mapping: Sequence[str], phone_label: str = "mobile"
    ) -> None:
        """``phone_label``: the label of phones whose column (or label cell) names none."""
        if len(headers) != len(mapping):
            raise FormatError("The mapping does not have one target for every column.")
        check_targets(mapping)
        self.headers = tuple(headers)
        self.mapping = tuple(mapping)
        self.phone_label = phone_label
        self.columns = tuple(self._plan())

    def _plan(self) -> Iterable[_Column]:
        labels: dict[tuple[str, str], int] = {}
        for index, (header, target) in enumerate(zip(self.headers, self.mapping, strict=True)):
            if target in ("email_label", "phone_label"):
                labels.setdefault((target.split("_")[0], _group(header)), index)
        for index, (header, target) in enumerate(zip(self.headers, self.mapping, strict=True)):
            if target in (SKIP, "email_label", "phone_label"):
                continue
            label_column = None
            if target in ("email", "phone"):
                label_column = labels.get((target, _group(header)))
            yield _Column(index, header, target, label_column)

    def contact(self, number: int, cells: Sequence[str]) -> IncomingContact:
        """The contact of one row (cells as read; not yet checked by the service)."""
        single: dict[str, str] = {}
        streets: list[str] = []
        notes: list[str] = []
        extra_notes: list[str] = []
        emails: list[EmailAddress] = []
        phones: list[PhoneNumber] = []
        tags: list[str] = []
        warnings: list[str] = []
        width = len(cells)
        for column in self.columns:
            index = column.index
            if index >= width or not cells[index]:
                continue  # most cells of a wide export are empty
            value = unescape_cell(cells[index])
            if not value:
                continue
            target = column.target
            if target in _SINGLE_TARGETS and target not in single:
                single[target] = value
            elif target == "street":
                streets.append(" ".join(value.split()))
            elif target == "notes":
                notes.append(value)
            elif target == NOTE:
                extra_notes.append(f"{column.header}: {value}")
            elif target == "tags":
                for tag in split_multi(value, (MULTI_SEPARATOR, ";", ",")):
                    tag = tag.lstrip("* ").strip()
                    if tag and tag.casefold() not in _GOOGLE_GROUPS:
                        tags.append(tag)
            elif target.startswith("email"):
                emails += self._emails(column, value, cells)
            elif target.startswith("phone"):
                phones += self._phones(column, value, cells)
            elif target in single:
                if value != single[target]:
                    extra_notes.append(f"{column.header}: {value}")
            else:
                single[target] = value
        return self._build(number, single, streets, notes + extra_notes, emails, phones, tags,
                           warnings)  # fmt: skip

    def phone_texts(self, rows: Iterable[Sequence[str]]) -> list[str]:
        """The phone numbers in ``rows`` (cells) as the contacts will hold them: to check
        them all at once, ahead of mapping the rows."""
        columns = [c.index for c in self.columns if c.target.startswith("phone")]
        out: list[str] = []
        for cells in rows:
            for index in columns:
                if index < len(cells) and cells[index]:
                    values = split_multi(unescape_cell(cells[index]), (MULTI_SEPARATOR, ";"))
                    out += [" ".join(text.split()) for text in values]
        return out

    def _emails(self, column: _Column, value: str, cells: Sequence[str]) -> list[EmailAddress]:
        values = split_multi(value, (MULTI_SEPARATOR, ";", ","))
        if column.fixed_label or column.label_column is None:  # no label column to read
            label = column.fixed_label or "work"
            return [EmailAddress(text, label) for text in values]
        labels = self._labels(column, cells, len(values))
        return [EmailAddress(text, *email_label(label_text))
                for text, label_text in zip(values, labels, strict=True)]  # fmt: skip

    def _phones(self, column: _Column, value: str, cells: Sequence[str]) -> list[PhoneNumber]:
        values = split_multi(value, (MULTI_SEPARATOR, ";"))
        if column.fixed_label or column.label_column is None:
            label = column.fixed_label or self.phone_label
            return [PhoneNumber(text, label) for text in values]
        labels = self._labels(column, cells, len(values))
        return [PhoneNumber(text, *phone_label(label_text, self.phone_label))
                for text, label_text in zip(values, labels, strict=True)]  # fmt: skip

    @staticmethod
    def _labels(column: _Column, cells: Sequence[str], count: int) -> list[str]:
        if column.label_column is None or column.label_column >= len(cells):
            return [""] * count
        labels = split_multi(cells[column.label_column])
        if len(labels) == 1:
            return labels * count
        return (labels + [""] * count)[:count]

    @staticmethod
    def _build(
        number: int,
        single: dict[str, str],
        streets: list[str],
        notes: list[str],
        emails: list[EmailAddress],
        phones: list[PhoneNumber],
        tags: list[str],
        warnings: list[str],
    ) -> IncomingContact:
        first = " ".join(p for p in (single.get("first_name"), single.get("middle_name")) if p)
        last = single.get("last_name", "")
        if not first and not last and single.get("full_name"):
            first, last = split_full_name(single["full_name"])
        street = ", ".join(streets)
        if not (street or single.get("city") or single.get("postal_code")) and "address" in single:
            street = ", ".join(line.strip() for line in single["address"].splitlines() if line)
        contact = Contact(
            first_name=first,
            last_name=last,
            company=single.get("company", ""),
            title=single.get("title", ""),
            emails=emails,
            phones=phones,
            address=Address(
                street,
                single.get("postal_code", ""),
                single.get("city", ""),
                single.get("region", ""),
                single.get("country", ""),
            ),
            gender=gender_value(single.get("gender", "")),
            source_detail=single.get("source_detail", ""),
            tags=tags,
        )
        incoming = IncomingContact(number, contact, referred_by_name=single.get("referred_by", ""))
        _enums(incoming, single, notes)
        if single.get("badge_id"):  # the importer matches booth captures by it
            incoming.extra["badge_id"] = " ".join(single["badge_id"].split())
        if "uid" in single and _is_uid(single["uid"]):
            incoming.contact.uid = single["uid"].strip().lower()
            incoming.uid_given = True
        incoming.contact.notes = "\n".join(notes)
        incoming.warnings.extend(warnings)
        return incoming


def _enums(incoming: IncomingContact, single: dict[str, str], notes: list[str]) -> None:
    """Stage, rating and source from text; a value salesdesk does not know goes to notes."""
    from salesdesk.domain.contact import LeadSource, Rating

    contact = incoming.contact
    if "stage" in single:
        try:
            contact.stage = Stage.parse(single["stage"])
            incoming.stage_given = True
        except ValueError:
            notes.append(f"Stage: {single['stage']}")
            incoming.warnings.append(f"'{single['stage']}' is not a stage; it went to the notes.")
    if "rating" in single:
        rating = _RATINGS.get(header_key(single["rating"]))
        if rating is None:
            notes.append(f"Rating: {single['rating']}")
        else:
            contact.rating = Rating(rating)
    if "do_not_contact" in single:
        flag = header_key(single["do_not_contact"])
        contact.do_not_contact = flag in ("yes", "y", "true", "1", "x", "ja", "j", "wahr")
    if "source" in single:
        key = header_key(single["source"])
        source = _SOURCES.get(key) or _SOURCES.get(key.replace("_", " "))
        if source is None:
            notes.append(f"Source: {single['source']}")
        else:
            contact.source = LeadSource(source)


_UID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _is_uid(text: str) -> bool:
    return bool(_UID.match(text.strip()))


def _group(header: str) -> str:
    """Which e-mail/phone a column belongs to: the number in its header ('1' if none)."""
    found = re.search(r"\d+", header)
    return str(int(found.group())) if found else "1"


def split_full_name(text: str) -> tuple[str, str]:
    """'Anna Maria Berg' -> ('Anna Maria', 'Berg'); 'Berg, Anna' -> ('Anna', 'Berg')."""
    text = " ".join(text.split())
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return (first, last) if first else (last, "")

"""Sort keys for names as a German or English reader expects them: without regard to case or
accents (Müller among the Mu..., Ärger beside Arger, Straße as Strasse), the same in SQL (the
stored sort columns) and in Python (lists sorted in memory)."""

from __future__ import annotations

import unicodedata

# Letters NFKD does not take apart (no combining mark to drop): their usual plain spelling.
_PLAIN = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "Þ": "th",
        "ħ": "h",
        "Ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "Ŧ": "t",
    }  # fmt: skip
)
SEPARATOR = "\x01"  # between the parts of a name: sorts before every letter ("Mu" < "Mua")


def sort_key(text: str) -> str:
    """``text`` folded for sorting: accents dropped, then case folded (ß -> ss). Plain ASCII,
    the usual case, only has its case folded."""
    if text.isascii():
        return text.lower()
    plain = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def name_sort_key(first_name: str, last_name: str, company: str) -> str:
    """The list's name order: by last name, then first name, then company. A contact without
    a last name is placed by the name it shows (its first name, or its company)."""
    primary = last_name or first_name or company
    return SEPARATOR.join((sort_key(primary), sort_key(first_name), sort_key(company)))

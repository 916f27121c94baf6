"""The US-layout badge scanner on a German desktop: what arrives, and how to undo it.

A keyboard-wedge scanner sends key positions, not characters. Set to the US layout on a
computer that reads its keys as German (QWERTZ), every character whose key differs between
the two layouts arrives as the German character on that key: ':' (Shift+; on US) as 'Ö',
';' as 'ö', '@' (Shift+2) as '"', '/' as '-', and Y and Z swapped. The three keys that are
dead keys on German (the US '`', '=' and '+' positions give '^', '´' and '`') also combine
with a following vowel ('=e' arrives as 'é').

The mapping below is the whole difference of the two layouts over what a US keyboard types
(printable ASCII). It is one-to-one, so the mix-up can be undone exactly.
"""

from __future__ import annotations

import re
import unicodedata

US_TO_DE: dict[str, str] = {
    # number row, plain and with Shift
    "`": "^", "-": "ß", "=": "´",
    "~": "°", "@": '"', "#": "§", "^": "&", "&": "/", "*": "(", "(": ")", ")": "=",
    "_": "?", "+": "`",
    # top letter row: [ ] \ and { } |
    "[": "ü", "]": "+", "\\": "#", "{": "Ü", "}": "*", "|": "'",
    # home row: ; ' and : "
    ";": "ö", "'": "ä", ":": "Ö", '"': "Ä",
    # bottom row: / and < > ?
    "/": "-", "<": ";", ">": ":", "?": "_",
    # QWERTY vs QWERTZ
    "y": "z", "z": "y", "Y": "Z", "Z": "Y",
}  # fmt: skip
"""Character a US-layout scanner means -> the character a German desktop makes of it."""

DE_TO_US: dict[str, str] = {de: us for us, de in US_TO_DE.items()}
"""The repair: character that arrived -> the character the scanner meant."""

# German dead keys at the US '`', '=' and '+' positions and the accent each one puts on a vowel.
_DEAD_KEYS = {"^": "\u0302", "´": "\u0301", "`": "\u0300"}
_VOWELS = "aeiouyAEIOUY"
_COMPOSED: dict[str, str] = {}
for _dead, _mark in _DEAD_KEYS.items():
    for _vowel in _VOWELS:
        _char = unicodedata.normalize("NFC", _vowel + _mark)
        if len(_char) == 1:
            _COMPOSED[_dead + _vowel] = _char
_DECOMPOSED = {char: pair for pair, char in _COMPOSED.items()}
_COMPOSE_RE = re.compile("|".join(re.escape(p) for p in _COMPOSED))
_TRANSLATE = str.maketrans(DE_TO_US)
_MANGLE = str.maketrans(US_TO_DE)

# What the start of a scan looks like once mangled: the formats salesdesk reads.
_MANGLED_STARTS = tuple(
    prefix.translate(_MANGLE).upper()
    for prefix in ("BEGIN:VCARD", "MECARD:", "BIZCARD:", "http://", "https://", "mailto:")
)

SCANNER_ADVICE = (
    "The badge scanner is set to a US keyboard while this computer uses a German one, so "
    "':' arrived as 'Ö' and Y and Z were swapped. salesdesk repaired this scan; to fix it "
    "for good, scan the 'Keyboard: German' setup code in the scanner's manual (or set the "
    "computer's layout to US while scanning)."
)


def mangle(text: str) -> str:
    """What a US-layout scanner's ``text`` becomes on a German desktop (for tests and the
    benchmark; real scans come mangled already)."""
    return _COMPOSE_RE.sub(lambda m: _COMPOSED[m.group()], text.translate(_MANGLE))


def repair(text: str) -> str:
    """Undo ``mangle``: the text the scanner meant to type."""
    spread = "".join(_DECOMPOSED.get(char, char) for char in text)
    return spread.translate(_TRANSLATE)


def looks_mangled(text: str) -> bool:
    """Whether ``text`` starts like a scan of a known format typed through the mix-up."""
    head = text.lstrip()[:16].upper()
    return head.startswith(_MANGLED_STARTS)

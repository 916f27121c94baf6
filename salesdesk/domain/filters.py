"""The search field's filter syntax: ``tag:"Messe 2026" rating:hot due:overdue`` beside free text.

``parse`` never fails: a word that is not a known ``key:value`` (an unknown key, a value the
key does not know, a colon in an e-mail address) stays free text for the full-text search.
Several values of one key are alternatives (``stage:new stage:working``); different keys must
all hold.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from salesdesk.domain.stages import STAGE_ORDER, Stage


class Key(enum.Enum):
    """What a filter looks at. Values are what the user types (English; aliases below)."""

    TAG = "tag"
    SOURCE = "source"
    EVENT = "event"
    RATING = "rating"
    STAGE = "stage"
    DUE = "due"
    CONSENT = "consent"
    OWNER = "owner"


ME = "me"
"""The value of ``owner:me``: whoever the user is (their name is looked up when it runs)."""


class Due(enum.Enum):
    """Follow-up filters, relative to the user's today."""

    OVERDUE = "overdue"  # due before today
    TODAY = "today"  # due today or before: what to do now
    WEEK = "week"  # due within the next 7 days (overdue ones too)
    ANY = "any"  # a follow-up is planned
    NONE = "none"  # nothing planned


KEY_ALIASES: dict[str, Key] = {
    **{k.value: k for k in Key},
    # German words, so the German interface can be typed in its own language
    "schlagwort": Key.TAG,
    "quelle": Key.SOURCE,
    "messe": Key.EVENT,
    "veranstaltung": Key.EVENT,
    "bewertung": Key.RATING,
    "phase": Key.STAGE,
    "fällig": Key.DUE,
    "faellig": Key.DUE,
    "einwilligung": Key.CONSENT,
    "zuständig": Key.OWNER,
    "zustaendig": Key.OWNER,
    "betreuer": Key.OWNER,
}
ME_WORDS = frozenset({"me", "ich", "mir", "mich"})
RATINGS = {"hot": "hot", "warm": "warm", "cold": "cold", "none": "none",
           "heiß": "hot", "heiss": "hot", "kalt": "cold", "keine": "none"}  # fmt: skip
SOURCES = {
    "newsletter": "newsletter",
    "trade_show": "trade_show",
    "event": "trade_show",  # what people call it
    "messe": "trade_show",
    "referral": "referral",
    "empfehlung": "referral",
    "website": "website",
    "social": "social",
    "cold_call": "cold_call",
    "import": "import",
    "other": "other",
    "none": "none",  # not recorded
}
DUES = {d.value: d.value for d in Due} | {
    "überfällig": "overdue",
    "ueberfaellig": "overdue",
    "heute": "today",
    "woche": "week",
    "ja": "any",
    "yes": "any",
    "nein": "none",
    "no": "none",
}
YES_NO = {"yes": "yes", "no": "no", "ja": "yes", "nein": "no", "true": "yes", "false": "no"}
STAGE_WORDS = {s.value: s.value for s in STAGE_ORDER} | {
    "neu": "new",
    "in_arbeit": "working",
    "pflege": "nurturing",
    "unqualifiziert": "unqualified",
    "interessent": "prospect",
    "kunde": "customer",
}
CHOICES: dict[Key, dict[str, str]] = {
    Key.RATING: RATINGS,
    Key.SOURCE: SOURCES,
    Key.DUE: DUES,
    Key.CONSENT: YES_NO,
    Key.STAGE: STAGE_WORDS,
}
FREE_VALUED = frozenset({Key.TAG, Key.EVENT, Key.OWNER})  # any text: tags, events, people


@dataclass(frozen=True)
class Condition:
    """One ``key:value`` filter, with the value in its stored form ('hot', 'trade_show')."""

    key: Key
    value: str

    @property
    def text(self) -> str:
        """The condition as it is typed (quoted if its value has spaces or quotes)."""
        return f"{self.key.value}:{quote(self.value)}"


@dataclass(frozen=True)
class FilterQuery:
    """What the search field asks for: free text (full-text search) and exact filters."""

    text: str = ""
    conditions: tuple[Condition, ...] = field(default=())

    @property
    def has_filters(self) -> bool:
        return bool(self.conditions)

    @property
    def is_empty(self) -> bool:
        return not self.conditions and not self.text.strip()

    def values(self, key: Key) -> list[str]:
        """The values asked for ``key`` (alternatives), in the order typed."""
        return [c.value for c in self.conditions if c.key is key]

    def without(self, condition: Condition) -> FilterQuery:
        return FilterQuery(self.text, tuple(c for c in self.conditions if c != condition))

    def with_condition(self, condition: Condition) -> FilterQuery:
        if condition in self.conditions:
            return self
        return FilterQuery(self.text, (*self.conditions, condition))

    def to_text(self) -> str:
        """The query as the search field shows it: filters first, then the free text."""
        return " ".join([*(c.text for c in self.conditions), *([self.text] if self.text else [])])


def quote(value: str) -> str:
    if value and not any(ch.isspace() or ch == '"' for ch in value):
        return value
    return '"' + value.replace('"', "") + '"'


def tokens(text: str) -> list[str]:
    """Split on white space, keeping ``key:"a b"`` and ``"a b"`` together (an unclosed quote
    runs to the end)."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        while i < n and not text[i].isspace():
            if text[i] == '"':
                end = text.find('"', i + 1)
                i = n if end < 0 else end + 1
            else:
                i += 1
        out.append(text[start:i])
    return out


def _value_of(key: Key, raw: str) -> str | None:
    """The stored form of a typed value, or None if ``key`` has no such value. A unique
    prefix is enough (``rating:h``, ``stage:pro``), as for stages elsewhere."""
    value = raw.strip()
    if key is Key.OWNER:
        value = " ".join(value.split())  # as names are stored
        if value.casefold() in ME_WORDS:
            return ME
    if key in FREE_VALUED:
        return value or None
    choices = CHOICES[key]
    word = value.casefold().replace(" ", "_").replace("-", "_")
    if not word:
        return None
    if word in choices:
        return choices[word]
    if key is Key.STAGE and word.isdigit() and 1 <= int(word) <= len(STAGE_ORDER):
        return STAGE_ORDER[int(word) - 1].value
    found = {stored for typed, stored in choices.items() if typed.startswith(word)}
    return found.pop() if len(found) == 1 else None


def condition_of(token: str) -> Condition | None:
    """The condition a token spells, or None when it is free text."""
    name, colon, raw = token.partition(":")
    key = KEY_ALIASES.get(name.casefold()) if colon else None
    if key is None:
        return None
    value = _value_of(key, raw.replace('"', ""))  # quotes only group words
    return Condition(key, value) if value is not None else None


def parse(text: str) -> FilterQuery:
    """Read whatever was typed; never raises."""
    conditions: list[Condition] = []
    free: list[str] = []
    for token in tokens(text):
        condition = condition_of(token)
        if condition is None:
            free.append(token)
        elif condition not in conditions:
            conditions.append(condition)
    return FilterQuery(" ".join(free), tuple(conditions))


def stage_of(condition: Condition) -> Stage | None:
    """The stage of a ``stage:`` condition."""
    if condition.key is not Key.STAGE:
        return None
    return next((s for s in STAGE_ORDER if s.value == condition.value), None)


def keys_in(conditions: Iterable[Condition]) -> set[Key]:
    return {c.key for c in conditions}

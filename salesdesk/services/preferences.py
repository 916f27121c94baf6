"""Preferences: what the user set in Edit ▸ Preferences, read without Qt so the CLI shares them.

The window writes them with QSettings into their own INI file (``preferences.ini``, next to
the window's settings file); QSettings' INI format is plain INI, so ``load_preferences``
reads it with configparser. A command-line flag overrides a stored preference.
"""

from __future__ import annotations

import configparser
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from salesdesk.domain.agenda import STALE_AFTER_DAYS
from salesdesk.domain.contact import PHONE_LABELS
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.formats.phones import DEFAULT_REGION, is_known_region, known_regions

PREFERENCES_ENV = "SALESDESK_PREFERENCES"  # a file to use instead of the default one
FILE_NAME = "preferences.ini"
LANGUAGES = ("system", "en", "de")
THEMES = ("system", "light", "dark")
DELIMITERS = (",", ";", "\t")
DATE_FIELD = "{date}"  # in the import tag: the day of the import
DEFAULT_IMPORT_TAG = "Import {date}"
DEFAULT_DEMO_CONTACTS = 150
MAX_DEMO_CONTACTS = 100_000  # the window's demo: more belongs to `salesdesk demo`
MAX_STALE_DAYS = 365

# the keys, as QSettings writes them ("group/key" is [group] key=...)
REGION = "phones/region"
PHONE_LABEL = "phones/unlabelled"
LANGUAGE = "appearance/language"
THEME = "appearance/theme"
AUTO_WORKING = "conversations/auto_working"
DELIMITER = "export/csv_delimiter"
IMPORT_TAG = "import/tag"
DEMO_CONTACTS = "demo/contacts"
USER_NAME = "user/name"  # '' or missing: the hub member name, else the login (services.identity)
MAX_USER_NAME = 200


def regions() -> list[str]:
    """The home countries the Preferences dialog offers (two-letter codes)."""
    return known_regions()


def stale_key(stage: Stage) -> str:
    return f"agenda/stale_{stage.value}"


def _default_stale() -> dict[Stage, int]:
    return {stage: STALE_AFTER_DAYS.get(stage, 0) for stage in STAGE_ORDER}


@dataclass(frozen=True)
class Preferences:
    """Every preference with its default. ``stale_days``: per stage, 0 means never stale."""

    phone_region: str = DEFAULT_REGION
    language: str = "system"
    theme: str = "system"
    stale_days: Mapping[Stage, int] = field(default_factory=_default_stale)
    auto_working: bool = True
    csv_delimiter: str = ","
    import_tag: str = DEFAULT_IMPORT_TAG
    phone_label: str = "mobile"
    demo_contacts: int = DEFAULT_DEMO_CONTACTS
    user_name: str = ""  # "Your name"; '' for the default (services.identity.user_name)

    @property
    def stale_after(self) -> dict[Stage, int]:
        """The thresholds as the agenda takes them (stages never stale left out)."""
        return {stage: days for stage, days in self.stale_days.items() if days > 0}

    def import_tag_for(self, today: dt.date) -> str:
        """The tag an import suggests, ``{date}`` filled in ('' for no tag)."""
        return " ".join(self.import_tag.replace(DATE_FIELD, today.isoformat()).split())

    def as_values(self) -> dict[str, str | int | bool]:
        """Key → value, as the window stores them with QSettings."""
        values: dict[str, str | int | bool] = {
            REGION: self.phone_region,
            PHONE_LABEL: self.phone_label,
            LANGUAGE: self.language,
            THEME: self.theme,
            AUTO_WORKING: self.auto_working,
            DELIMITER: self.csv_delimiter,
            IMPORT_TAG: self.import_tag,
            DEMO_CONTACTS: self.demo_contacts,
            USER_NAME: self.user_name,
        }
        values.update({stale_key(s): self.stale_days.get(s, 0) for s in STAGE_ORDER})
        return values


def default_preferences_path() -> Path:
    """``SALESDESK_PREFERENCES``, else preferences.ini in the user's salesdesk config
    folder (on Linux next to the window's own QSettings file, ~/.config/salesdesk/)."""
    override = os.environ.get(PREFERENCES_ENV, "").strip()
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("salesdesk", appauthor=False)) / FILE_NAME


def preferences_beside(settings_file: str | os.PathLike[str]) -> Path:
    """The preferences file that goes with a window settings file (tests: both in tmp)."""
    return Path(settings_file).with_name(FILE_NAME)


_ESCAPES = {"\\": "\\", '"': '"', "t": "\t", "n": "\n", "r": "\r", "0": "\0", "a": "\a",
            "b": "\b", "f": "\f", "v": "\v", "'": "'", "?": "?", ";": ";", ",": ","}  # fmt: skip


def qt_ini_value(raw: str) -> str | None:
    """A value as QSettings wrote it into an INI file: quotes (around text with ``;``,
    ``,`` or edge spaces) and backslash escapes removed. None for what only Qt can read
    (``@Variant(...)``, ``@ByteArray(...)``) or a list."""
    text = raw.strip()
    if text.startswith("@"):
        return None
    out: list[str] = []
    quoted = False
    n = 0
    while n < len(text):
        char = text[n]
        if char == '"':
            quoted = not quoted
        elif char == "\\" and n + 1 < len(text):
            n += 1
            code = text[n]
            if code == "x":
                end = n + 1
                while end < len(text) and end < n + 5 and text[end] in "0123456789abcdefABCDEF":
                    end += 1
                out.append(chr(int(text[n + 1 : end] or "0", 16)))
                n = end
                continue
            out.append(_ESCAPES.get(code, code))
        elif char == "," and not quoted:
            return None  # a list: no preference is one
        else:
            out.append(char)
        n += 1
    return "".join(out)


def read_ini(path: Path) -> dict[str, str]:
    """Every "group/key" value of a QSettings INI file ({} when it is missing or broken)."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys as written
    try:
        text = path.read_text(encoding="utf-8")
        parser.read_string(text)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return {}
    values: dict[str, str] = {}
    for section in parser.sections():
        for key, raw in parser.items(section):
            value = qt_ini_value(raw)
            if value is not None:
                name = key if section == "General" else f"{section}/{key}"
                values[name] = value
    return values


def _choice(value: str | None, choices: tuple[str, ...], default: str) -> str:
    return value if value in choices else default


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        return default
    return number if low <= number <= high else default


def _bool(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() in ("true", "1", "yes")


def _name(value: str | None) -> str:
    """A stored name, tidied as a typed one is; '' (the default) for what is no name."""
    text = " ".join((value or "").split())
    return text if len(text) <= MAX_USER_NAME and text.isprintable() else ""


def from_values(values: Mapping[str, str]) -> Preferences:
    """Preferences from stored text; a value that makes no sense falls back to its default
    (a hand-edited file never stops salesdesk from starting)."""
    base = Preferences()
    region = (values.get(REGION) or "").strip().upper()
    stale = {
        stage: _int(values.get(stale_key(stage)), base.stale_days[stage], 0, MAX_STALE_DAYS)
        for stage in STAGE_ORDER
    }
    return Preferences(
        phone_region=region if region and is_known_region(region) else base.phone_region,
        language=_choice(values.get(LANGUAGE), LANGUAGES, base.language),
        theme=_choice(values.get(THEME), THEMES, base.theme),
        stale_days=stale,
        auto_working=_bool(values.get(AUTO_WORKING), base.auto_working),
        csv_delimiter=_choice(values.get(DELIMITER), DELIMITERS, base.csv_delimiter),
        import_tag=values.get(IMPORT_TAG, base.import_tag),
        phone_label=_choice(values.get(PHONE_LABEL), PHONE_LABELS, base.phone_label),
        demo_contacts=_int(values.get(DEMO_CONTACTS), base.demo_contacts, 1, MAX_DEMO_CONTACTS),
        user_name=_name(values.get(USER_NAME)),
    )


def load_preferences(path: Path | None = None) -> Preferences:
    """The stored preferences (defaults where nothing is stored)."""
    return from_values(read_ini(path or default_preferences_path()))

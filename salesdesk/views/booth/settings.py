"""BoothSettings: what booth mode remembers on this computer (who staffs the booth, the
company named in the consent text, the rep's own card, how to tell the badge scanner)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from salesdesk.views.booth.scan import GAP, MIN_BURST

SCAN_GAP_MS = round(GAP * 1000)
SCAN_MIN_BURST = MIN_BURST
SCAN_GAP_RANGE = (5, 80)  # below 5 ms no scanner; above 80 ms a person types that fast
SCAN_BURST_RANGE = (4, 40)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@dataclass
class RepCard:
    """The rep's own contact, shown to visitors as a QR code."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""

    def is_empty(self) -> bool:
        return not any((self.first_name, self.last_name, self.company, self.email, self.phone))


class BoothSettings:
    """A typed layer over QSettings (group ``booth``). ``default_staff``: who staffs the
    booth when nobody was typed (the user's name, services.identity), else the login."""

    def __init__(self, settings: QSettings, default_staff: str = "") -> None:
        self.qsettings = settings
        self.default_staff = default_staff

    def _get(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(f"booth/{key}", default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: str) -> None:
        self.qsettings.setValue(f"booth/{key}", value)

    @property
    def staff(self) -> str:
        return self._get("staff") or self.default_staff or _login()

    @staff.setter
    def staff(self, value: str) -> None:
        self._set("staff", value.strip())

    @property
    def our_company(self) -> str:
        return self._get("our_company")

    @our_company.setter
    def our_company(self, value: str) -> None:
        self._set("our_company", value.strip())

    @property
    def scan_prefix(self) -> str:
        return self._get("scan_prefix")

    @scan_prefix.setter
    def scan_prefix(self, value: str) -> None:
        self._set("scan_prefix", value.strip())

    def _number(self, key: str, default: int, low: int, high: int) -> int:
        try:
            value = int(self._get(key, str(default)))
        except ValueError:
            return default  # a hand-edited settings file: fall back, do not fail
        return value if low <= value <= high else default

    @property
    def scan_gap_ms(self) -> int:
        """Keys closer than this many milliseconds come from a scanner."""
        return self._number("scan_gap_ms", SCAN_GAP_MS, *SCAN_GAP_RANGE)

    @scan_gap_ms.setter
    def scan_gap_ms(self, value: int) -> None:
        self._set("scan_gap_ms", str(value))

    @property
    def scan_min_burst(self) -> int:
        """How many such fast keys in a row make a scan (without a prefix or Enter)."""
        return self._number("scan_min_burst", SCAN_MIN_BURST, *SCAN_BURST_RANGE)

    @scan_min_burst.setter
    def scan_min_burst(self, value: int) -> None:
        self._set("scan_min_burst", str(value))

    @property
    def rep_card(self) -> RepCard:
        return RepCard(*(self._get(f"rep_{name}") for name in RepCard.__dataclass_fields__))

    @rep_card.setter
    def rep_card(self, card: RepCard) -> None:
        for name in RepCard.__dataclass_fields__:
            self._set(f"rep_{name}", getattr(card, name).strip())

"""BoothSettings: what booth mode remembers on this computer (who staffs the booth, the
company named in the consent text, the rep's own card, the scanner's prefix)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from PySide6.QtCore import QSettings


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
    """A typed layer over QSettings (group ``booth``)."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def _get(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(f"booth/{key}", default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: str) -> None:
        self.qsettings.setValue(f"booth/{key}", value)

    @property
    def staff(self) -> str:
        return self._get("staff") or _login()

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

    @property
    def rep_card(self) -> RepCard:
        return RepCard(*(self._get(f"rep_{name}") for name in RepCard.__dataclass_fields__))

    @rep_card.setter
    def rep_card(self, card: RepCard) -> None:
        for name in RepCard.__dataclass_fields__:
            self._set(f"rep_{name}", getattr(card, name).strip())

"""DuplicateHint: under the new-contact form, 'Possible duplicate: Anna Schmidt (Acme) — open
it instead?' while what is typed matches a stored contact. The form decides what a match
means for saving (``checked``, ``settled``)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from salesdesk.services import ContactService
from salesdesk.services.duplicates import Match, duplicates_of_new
from salesdesk.views.transfer.background import BackgroundCall

PAUSE_MS = 350  # look after the user pauses typing, not on every key
_DIGITS = re.compile(r"\d")


def worth_checking(values: Mapping[str, Any]) -> bool:
    """Whether the input says enough to be matched: a whole e-mail address, a phone number
    of 6 digits or more, or a first and last name (or a name and a company)."""
    emails = values.get("emails") or []
    phones = values.get("phones") or []
    first, last = str(values.get("first_name") or ""), str(values.get("last_name") or "")
    company = str(values.get("company") or "")
    if any("@" in str(e.get("value", "")).strip(" @") for e in emails):
        return True
    if any(len(_DIGITS.findall(str(p.get("value", "")))) >= 6 for p in phones):
        return True
    return bool(first.strip() and last.strip()) or bool((first or last).strip() and company)


class DuplicateHint(QLabel):
    """Watches ``edits``; ``values()`` gives the fields as ``create`` takes them. Clicking the
    link emits ``open_requested(contact id)``; every answer emits ``checked(matches)``."""

    open_requested = Signal(int)
    checked = Signal(list)  # list[Match]: what the newest check found (may be empty)

    def __init__(
        self,
        service: ContactService,
        values: Callable[[], Mapping[str, Any]],
        edits: list[QLineEdit],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicate_hint")
        self.service = service
        self.values = values
        self.matches: list[Match] = []
        self.check: BackgroundCall | None = None
        self._asked = 0  # the newest check; older answers are dropped
        self._shown = 0  # the check whose answer is shown
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        links = Qt.TextInteractionFlag.LinksAccessibleByMouse
        self.setTextInteractionFlags(links | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._on_link)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.check_now)
        for edit in edits:
            edit.textChanged.connect(lambda *_: self.timer.start())
        if isinstance(parent, QDialog):  # a closed form asks nothing more
            parent.finished.connect(self.timer.stop)
        self.hide()

    def check_now(self) -> None:
        """Look for stored contacts like the input (in a worker thread)."""
        self.timer.stop()
        values = dict(self.values())
        self._asked += 1
        asked = self._asked
        if not worth_checking(values):
            self._answered(asked, [])
            return
        service = self.service
        self.check = BackgroundCall(service, lambda: duplicates_of_new(service, values), self)
        self.check.succeeded.connect(lambda found: self._answered(asked, found))
        # a check that fails only loses the hint: it must not keep the form from saving
        self.check.failed.connect(lambda _error: self._answered(asked, []))
        self.check.start()

    def settled(self) -> bool:
        """Whether what is shown answers what is typed now (no check waiting or running)."""
        return not self.timer.isActive() and self._shown == self._asked

    def _answered(self, asked: int, found: list[Match]) -> None:
        if asked == self._asked:  # typing went on meanwhile: a newer check is coming
            self._shown = asked
            self.show_matches(found)
            self.checked.emit(self.matches)

    def show_matches(self, found: list[Match]) -> None:
        self.matches = list(found)
        if not found:
            self.clear()
            self.hide()
            return
        cards = {c.id: c for c in self.service.cards([m.contact_id for m in found[:1]])}
        card = cards.get(found[0].contact_id)
        if card is None:  # deleted meanwhile: nothing left to warn about
            self.matches = []
            self.hide()
            return
        who = html.escape(card.name) + (f" ({html.escape(card.company)})" if card.company else "")
        text = self.tr("Possible duplicate: %1").replace("%1", who)
        if len(found) > 1:
            text += " " + self.tr("and %1 more").replace("%1", str(len(found) - 1))
        offer = html.escape(self.tr("open it instead?"))
        link = f'<a href="open:{card.id}">{offer}</a>'
        self.setText(f"{text} — {link}")
        self.show()

    def _on_link(self, link: str) -> None:
        if link.startswith("open:"):
            self.open_requested.emit(int(link.split(":", 1)[1]))

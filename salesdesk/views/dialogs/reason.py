"""ReasonDialog: why a lead is set aside, asked before any move into Unqualified (board, pane)."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QWidget

from salesdesk.domain.stages import MAX_REASON_LENGTH, UnqualifiedReason
from salesdesk.views.detail.labels import reason_label
from salesdesk.views.forms.ui_reason_dialog import Ui_ReasonDialog

_MNEMONIC = re.compile(r"&([^&\s])")
_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: 1}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with an Alt mnemonic on a letter not in ``used`` (word starts first); the
    letter is added to ``used``. Labels come from the shared translated table, which holds no
    '&', so the mnemonics are picked here, per language, without clashes."""
    starts = [i for i, ch in enumerate(text) if ch.isalnum() and (i == 0 or text[i - 1] == " ")]
    rest = [i for i, ch in enumerate(text) if ch.isalnum() and i not in starts]
    for i in starts + rest:
        letter = text[i].lower()
        if letter not in used:
            used.add(letter)
            return text[:i].replace("&", "&&") + "&" + text[i:].replace("&", "&&")
    return text.replace("&", "&&")


class ReasonDialog(QDialog):
    """Pick a common reason (arrow keys or Alt+letter) and/or write one; OK stays off until
    there is a reason, Esc cancels. ``subject`` is a contact's name or how many are moved."""

    def __init__(self, subject: str | int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        if isinstance(subject, int):
            intro = self.tr(
                "Why are these %1 contacts not a fit right now? "
                "The reason is kept in their stage history."
            ).replace("%1", str(subject))
        else:
            intro = self.tr(
                "Why is %1 not a fit right now? The reason is kept in the stage history."
            ).replace("%1", subject)
        self.ui.intro_label.setText(intro)
        self.ok_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move to Unqualified"))
        self.ok_button.setDefault(True)
        self.choices = QButtonGroup(self)
        self.buttons: dict[UnqualifiedReason, QRadioButton] = {}
        used = self._reserved_mnemonics()
        for n, reason in enumerate(UnqualifiedReason):
            button = QRadioButton(with_mnemonic(reason_label(reason), used), self)
            button.setObjectName(f"reason_{reason.name.lower()}")
            self.ui.choices_layout.insertWidget(n, button)
            self.choices.addButton(button, n)
            self.buttons[reason] = button
        self.other = self.ui.other_radio
        self.other.setText(with_mnemonic(self.tr("Something else"), used))
        self.choices.addButton(self.other)
        self.details = self.ui.details_edit
        self.details.setMaxLength(MAX_REASON_LENGTH - 40)  # room for the choice's key
        self._radios: list[QRadioButton] = [*self.buttons.values(), self.other]
        chain: list[QWidget] = [*self._radios, self.details, self.ui.button_box]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        for widget in [*self._radios, self.details]:
            widget.installEventFilter(self)
        self.choices.buttonToggled.connect(self._on_choice_toggled)
        self.details.textChanged.connect(self._on_details_changed)
        self._radios[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._sync()
        # as tall as the wrapped intro needs at this width (adjustSize() would use the
        # height of the narrower size hint and leave gaps)
        width = max(self.minimumWidth(), self.sizeHint().width())
        self.resize(width, self.ui.root_layout.totalHeightForWidth(width))

    def selected(self) -> UnqualifiedReason | None:
        for reason, button in self.buttons.items():
            if button.isChecked():
                return reason
        return None

    def reason(self) -> str:
        """The reason to store: the choice's key, with the details after a colon; or the
        written text for "Something else"."""
        details = " ".join(self.details.text().split())
        choice = self.selected()
        if choice is None:
            return details
        return f"{choice.value}: {details}" if details else choice.value

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Arrow keys move through the choices and select as they go (Qt's own arrow keys
        only move the focus while nothing is selected); Down from the last choice and Up
        from the details line move between the list and the line."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() not in _PLAIN:
            return False
        key = event.key()
        if watched is self.details:
            if key != Qt.Key.Key_Up:
                return False
            target = self.choices.checkedButton() or self.other
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if watched in self._radios and key in _STEPS:
            n = self._radios.index(watched) + _STEPS[Qt.Key(key)]
            if n >= len(self._radios):
                self.details.setFocus(Qt.FocusReason.TabFocusReason)
            elif n >= 0:
                self._radios[n].setFocus(Qt.FocusReason.TabFocusReason)
                self._radios[n].setChecked(True)
            return True
        return False

    def _reserved_mnemonics(self) -> set[str]:
        texts = [self.ui.details_label.text()]
        texts += [button.text() for button in self.ui.button_box.buttons()]
        return {m.lower() for text in texts for m in _MNEMONIC.findall(text)}

    def _on_choice_toggled(self, button: QRadioButton, checked: bool) -> None:
        if button is self.other and checked:
            self.details.setFocus(Qt.FocusReason.OtherFocusReason)
        self._sync()

    def _on_details_changed(self, text: str) -> None:
        if text.strip() and self.choices.checkedButton() is None:
            self.other.setChecked(True)  # typed before choosing: their own reason
        self._sync()

    def _sync(self) -> None:
        if self.other.isChecked():
            hint = self.tr("Write the reason here")
        elif self.selected() is not None:
            hint = self.tr("Optional")
        else:
            hint = self.tr("Or write your own reason here")
        self.details.setPlaceholderText(hint)
        self.ok_button.setEnabled(bool(self.reason()))

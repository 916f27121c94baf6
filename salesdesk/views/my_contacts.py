"""The "My contacts" switch of the toolbar and View menu: ``owner:me`` in the search, so the
board and the list view show only the contacts the user looks after (issue 13)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from salesdesk.domain.filters import ME, Condition, Key, parse

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

MINE = Condition(Key.OWNER, ME)
SHORTCUT = "Ctrl+Shift+M"


class MyContactsToggle(QObject):
    """A checkable action that puts ``owner:me`` into the search field or takes it out; it
    is checked whenever the search holds that filter (typed, chosen from Filters, or by a
    saved filter), and its chip's × unchecks it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("&My contacts"), window)
        self.action.setObjectName("action_my_contacts")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(
            self.tr("Show only the contacts you look after (owner:me, %1)").replace(
                "%1", QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.action.toggled.connect(self.on_toggled)
        window.addAction(self.action)
        window.search.textChanged.connect(self.follow)

    def follow(self, text: str) -> None:
        """Checked exactly while the search holds owner:me (no signal loop: ``on_toggled``
        changes nothing when the text already agrees)."""
        self.action.setChecked(MINE in parse(text).conditions)

    def on_toggled(self, on: bool) -> None:
        query = parse(self.window.search.text())
        if on == (MINE in query.conditions):
            return
        changed = query.with_condition(MINE) if on else query.without(MINE)
        self.window.set_search_text(changed.to_text())

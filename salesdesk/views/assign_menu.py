""" "Assign to" in the cards' and rows' context menu: give the selection an owner (you, a
colleague already named on some contact, someone typed, or nobody) as one undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu

from salesdesk.services import bulk_edit

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

MAX_LISTED = 30  # owners listed in the menu; more are typed in "Someone else…"


class AssignMenu(QObject):
    """Adds the submenu to a context menu; ``dialog`` is the last "Someone else…" asked."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QInputDialog | None = None

    def add_to(self, menu: QMenu, ids: list[int]) -> QMenu:
        service = self.window.runner.service
        me = service.author
        sub = menu.addMenu(self.tr("Assig&n to"))
        sub.setObjectName("card_menu_assign")
        if me:
            mine = sub.addAction(self.tr("&Me (%1)").replace("%1", me))
            mine.setObjectName("card_assign_me")
            mine.triggered.connect(lambda _=False: self.assign(ids, me))
        others = [name for name in service.owners() if name != me][:MAX_LISTED]
        if others:
            sub.addSeparator()
        for name in others:
            action = sub.addAction(name)
            action.setObjectName(f"card_assign_{name}")
            action.triggered.connect(lambda _=False, n=name: self.assign(ids, n))
        sub.addSeparator()
        other = sub.addAction(self.tr("&Someone else…"))
        other.setObjectName("card_assign_other")
        other.triggered.connect(lambda _=False: self.ask(ids))
        nobody = sub.addAction(self.tr("&Nobody"))
        nobody.setObjectName("card_assign_nobody")
        nobody.triggered.connect(lambda _=False: self.assign(ids, ""))
        return sub

    def assign(self, ids: list[int], owner: str) -> bool:
        service = self.window.runner.service
        outcome = self.window.runner.execute(lambda: bulk_edit.assign_owner(service, ids, owner))
        return outcome is not None

    def ask(self, ids: list[int]) -> QInputDialog:
        """Ask for the owner's name (the ones in use offered) and assign ``ids`` to them."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("assign_dialog")
        dialog.setWindowTitle(self.tr("Assign to"))
        count = len(ids)
        dialog.setLabelText(
            self.tr("Who looks after the %n selected contacts?", "", count)
            if count > 1
            else self.tr("Who looks after this contact?")
        )
        dialog.setComboBoxItems(self.window.runner.service.owners())
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        dialog.textValueSelected.connect(lambda text: self._typed(ids, text))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _typed(self, ids: list[int], text: str) -> None:
        if text.strip():  # an empty answer assigns nobody by accident: "Nobody" does that
            self.assign(ids, text)

"""CardMenu: the context menu of the selected cards (board) or rows (list view). Each entry
acts on the whole selection as one undoable step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from salesdesk.domain.contact import Rating
from salesdesk.domain.sorting import sort_key
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services import bulk_edit
from salesdesk.views.assign_menu import AssignMenu
from salesdesk.views.board.labels import stage_label
from salesdesk.views.detail.labels import rating_label

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

# (ids, stage) -> whether the move was taken (the board's request_move: reason, stale check)
Mover = Callable[[list[int], Stage], bool]


class CardMenu(QObject):
    """Builds and shows the menu for a selection; ``menu`` and ``tag_dialog`` are the last
    ones opened (the tests drive them as a user does)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu: QMenu | None = None
        self.tag_dialog: QInputDialog | None = None
        self.assign = AssignMenu(window)  # "Assign to" an owner (issue 13)

    def popup(self, ids: Sequence[int], at: QPoint, move: Mover, parent: QWidget) -> QMenu | None:
        """Open the menu for ``ids`` at the global point ``at`` (nothing selected: none)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return None
        menu = self.build(ids, move, parent)
        self.menu = menu
        menu.popup(at)
        return menu

    def build(self, ids: list[int], move: Mover, parent: QWidget) -> QMenu:
        w = self.window
        menu = QMenu(parent)
        menu.setObjectName("card_menu")
        menu.aboutToHide.connect(menu.deleteLater)
        stages = {w.board.store.stages.get(i) for i in ids}
        moves = menu.addMenu(self.tr("&Move to"))
        moves.setObjectName("card_menu_move")
        for stage in STAGE_ORDER:
            action = moves.addAction(stage_label(stage))
            action.setObjectName(f"card_move_{stage.value}")
            action.setEnabled(stages != {stage})
            action.triggered.connect(lambda _=False, s=stage: move(ids, s))
        rate = menu.addMenu(self.tr("&Rate"))
        rate.setObjectName("card_menu_rate")
        for rating in (Rating.HOT, Rating.WARM, Rating.COLD, Rating.NONE):
            action = rate.addAction(rating_label(rating))
            action.setObjectName(f"card_rate_{rating.value}")
            action.triggered.connect(lambda _=False, r=rating: self.rate(ids, r))
        self._add(menu, self.tr("Add &tag…"), "card_add_tag", lambda: self.ask_tag(ids))
        tags = self._tags_of(ids)
        untag = menu.addMenu(self.tr("Remove ta&g"))
        untag.setObjectName("card_menu_untag")
        untag.setEnabled(bool(tags))
        for tag in tags:
            action = untag.addAction(tag)
            action.triggered.connect(lambda _=False, t=tag: self.untag(ids, t))
        self.assign.add_to(menu, ids)
        menu.addSeparator()
        talk = w.conversations
        self._add(menu, self.tr("&Log an interaction…"), "card_log", lambda: talk.log(ids))
        self._add(menu, self.tr("Plan a &follow-up…"), "card_follow_up",
                  lambda: talk.plan_follow_up(ids))  # fmt: skip
        menu.addSeparator()
        self._add(menu, self.tr("&Export selection…"), "card_export", lambda: self.export(ids))
        self._add(menu, self.tr("&Delete"), "card_delete", lambda: self.delete(ids))
        return menu

    def _add(self, menu: QMenu, text: str, name: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        return action

    def _tags_of(self, ids: list[int]) -> list[str]:
        cards = self.window.board.store.cards
        seen: dict[str, str] = {}
        for contact_id in ids[:500]:  # a menu lists what a person can read
            if contact_id in cards:
                for tag in cards[contact_id].tags.split(","):
                    if tag.strip():
                        seen.setdefault(tag.strip().casefold(), tag.strip())
        return sorted(seen.values(), key=sort_key)

    # --- the steps ---------------------------------------------------------------------------

    def rate(self, ids: list[int], rating: Rating) -> bool:
        service = self.window.runner.service
        outcome = self.window.runner.execute(lambda: bulk_edit.set_rating(service, ids, rating))
        return outcome is not None

    def ask_tag(self, ids: list[int]) -> QInputDialog:
        """Ask for a tag (existing ones offered) and put it on ``ids``."""
        dialog = QInputDialog(self.window)
        dialog.setObjectName("tag_dialog")
        dialog.setWindowTitle(self.tr("Add a tag"))
        dialog.setLabelText(self.tr("Tag for %1:").replace("%1", self._names(ids)))
        dialog.setComboBoxItems(self.window.runner.service.tag_names())
        dialog.setComboBoxEditable(True)
        dialog.setTextValue("")
        dialog.textValueSelected.connect(lambda text: self.tag(ids, text))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.tag_dialog = dialog
        dialog.open()
        return dialog

    def tag(self, ids: list[int], tag: str) -> bool:
        service = self.window.runner.service
        return self.window.runner.execute(lambda: bulk_edit.add_tag(service, ids, tag)) is not None

    def untag(self, ids: list[int], tag: str) -> bool:
        service = self.window.runner.service
        outcome = self.window.runner.execute(lambda: bulk_edit.remove_tag(service, ids, tag))
        return outcome is not None

    def delete(self, ids: list[int]) -> bool:
        service = self.window.runner.service
        return self.window.runner.execute(lambda: service.delete(ids)) is not None

    def export(self, ids: list[int]) -> QWidget:
        from salesdesk.views.transfer.export_dialog import ExportDialog  # loaded on first use

        w = self.window
        dialog = ExportDialog(w.runner, selected_ids=ids, parent=w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.selected_radio.setChecked(True)  # even for one card: this is what was asked
        w.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def _names(self, ids: list[int]) -> str:
        cards = self.window.board.store.cards
        if len(ids) == 1 and ids[0] in cards:
            return cards[ids[0]].name
        return self.tr("%1 contacts").replace("%1", f"{len(ids):,}")


def line_edit_of(dialog: QInputDialog) -> QLineEdit | None:
    """The text field of an input dialog's editable combo box (tests type into it)."""
    return dialog.findChild(QLineEdit)

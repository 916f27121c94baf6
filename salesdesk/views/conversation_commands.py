"""ConversationCommands: the window's commands for conversations and the agenda dock.

Ctrl+L opens the log palette for the selected cards (or the contact shown), Alt+1..6 opens it
with a channel chosen; Ctrl+Shift+F plans a follow-up, Ctrl+Shift+D completes one; F8 shows
the agenda. A preference says whether logging moves New contacts to Working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from salesdesk.domain.agenda import Agenda
from salesdesk.domain.errors import SalesdeskError
from salesdesk.domain.interactions import CHANNEL_ORDER, Channel
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.follow_up_export import export_follow_ups
from salesdesk.views.agenda import AgendaDock, attention_text
from salesdesk.views.board.delegate import CardDelegate
from salesdesk.views.channels import channel_label
from salesdesk.views.due_notifier import DueNotifier

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

AUTO_WORKING_KEY = "conversations/auto_working"
AGENDA_KEY = "agenda/visible"
AGENDA_WIDTH = 270


def _flag(value: object, default: bool) -> bool:
    if value is None or value == "":
        return default
    return str(value).lower() in ("true", "1")


class ConversationCommands(QObject):
    """Actions for logging and follow-ups, the agenda dock, and navigation to a contact."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.actions = w.conversations
        self.actions.dialog_parent = lambda: w
        settings = w.settings.qsettings
        self.actions.auto_working = _flag(settings.value(AUTO_WORKING_KEY), True)
        self.log = self._action(self.tr("&Log an interaction…"), "Ctrl+L", self.log_selected)
        self.log.setObjectName("action_log")
        self.log_by_channel: dict[Channel, QAction] = {}
        for n, channel in enumerate(CHANNEL_ORDER, start=1):
            action = self._action(
                channel_label(channel), f"Alt+{n}", lambda c=channel: self.log_selected(c)
            )
            action.setObjectName(f"action_log_{channel.name.lower()}")
            self.log_by_channel[channel] = action
        self.plan = self._action(self.tr("Plan a &follow-up…"), "Ctrl+Shift+F", self.plan_selected)
        self.plan.setObjectName("action_plan_follow_up")
        self.done = self._action(self.tr("Follow-up &done…"), "Ctrl+Shift+D", self.complete_current)
        self.done.setObjectName("action_follow_up_done")
        self.auto = self._action(self.tr("Logging moves New contacts to &Working"), None, list)
        self.auto.setObjectName("action_auto_working")
        self.auto.setCheckable(True)
        self.auto.setChecked(self.actions.auto_working)
        self.auto.toggled.connect(self._on_auto_toggled)
        self.agenda = AgendaDock(self._compute, w)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.agenda)
        self.agenda.setVisible(_flag(settings.value(AGENDA_KEY), True))
        w.resizeDocks([self.agenda], [AGENDA_WIDTH], Qt.Orientation.Horizontal)
        self.toggle_agenda = self.agenda.toggleViewAction()
        self.toggle_agenda.setText(self.tr("&Agenda"))
        self.toggle_agenda.setShortcut(QKeySequence("F8"))
        self.toggle_agenda.setObjectName("action_toggle_agenda")
        self.toggle_agenda.toggled.connect(self._on_agenda_toggled)
        w.addAction(self.toggle_agenda)
        w.events.changes_applied.connect(self.agenda.schedule_refresh)
        self.agenda.contact_picked.connect(self.navigate_to)
        self.agenda.counts_changed.connect(self._show_counts)
        w.detail.referrals.contact_requested.connect(self.navigate_to)
        for stage in STAGE_ORDER:  # cards paint follow-ups and engagement by the service's clock
            delegate = w.board.column(stage).view.itemDelegate()
            if isinstance(delegate, CardDelegate):
                delegate.clock = self.actions.now_local
        self.agenda.ticker.timeout.connect(self._repaint_cards)
        self.notifier = DueNotifier(self.agenda.banner, self.actions.now_local(), parent=self)
        self.agenda.refreshed.connect(self.notifier.check)
        self.agenda.banner.show_requested.connect(self.navigate_to)
        self.export_ics = self._action(
            self.tr("Export follow-ups to a &calendar (.ics)…"), None, self.export_follow_ups
        )
        self.export_ics.setObjectName("action_export_ics")
        self.agenda.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.agenda.view.addAction(self.export_ics)

    def _action(self, text: str, keys: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def fill_menus(self, contact: QMenu, view: QMenu) -> None:
        contact.addSeparator()
        contact.addAction(self.log)
        by_channel = contact.addMenu(self.tr("Log &by channel"))
        by_channel.addActions(list(self.log_by_channel.values()))
        contact.addActions([self.plan, self.done])
        contact.addSeparator()
        contact.addAction(self.auto)
        view.addAction(self.toggle_agenda)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        def keys(action: QAction) -> str:
            return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)

        rows = [(self.tr("Log an interaction with the selected contacts"), keys(self.log))]
        rows += [
            (self.tr("Log: %1").replace("%1", channel_label(c)), keys(a))
            for c, a in self.log_by_channel.items()
        ]
        rows += [
            (self.tr("Plan a follow-up"), keys(self.plan)),
            (self.tr("Complete the follow-up and plan the next"), keys(self.done)),
            (self.tr("Show or hide the agenda"), keys(self.toggle_agenda)),
            (self.tr("Choose the channel in the log palette"), self.tr("Alt+1 … Alt+6")),
            (
                self.tr("Timeline: choose an entry, edit it, delete it"),
                self.tr("Up/Down, Enter, Delete"),
            ),
        ]
        return rows

    # --- targets -----------------------------------------------------------------------------

    def targets(self) -> list[int]:
        """The contacts a command acts on: the selected cards, or the contact shown."""
        w = self.window
        shown = w.detail.contact()
        focus = w.focusWidget()
        in_pane = focus is not None and w.detail.isAncestorOf(focus)
        if shown is not None and shown.id is not None and (in_pane or not w.board.selected_ids()):
            return [shown.id]
        return w.board.selected_ids()

    def log_selected(self, channel: Channel = Channel.EMAIL) -> None:
        self.actions.log(self.targets(), channel)

    def plan_selected(self) -> None:
        self.actions.plan_follow_up(self.targets())

    def complete_current(self) -> None:
        ids = self.targets()
        if ids:
            self.actions.complete_follow_up(ids[0])
        else:
            self.window.events.status_message.emit(self.tr("Select a contact first."))

    def navigate_to(self, contact_id: int) -> None:
        """Select the contact's card on the board and show it in the pane."""
        w = self.window
        cards = w.runner.service.cards([contact_id])
        if cards:
            stage = cards[0].stage
            if w.board.searching and contact_id not in w.board.store.models[stage].ids():
                w.search.clear()
                w.apply_search()
            w.board.select_ids(stage, [contact_id])
        w.events.contact_selected.emit(contact_id)
        if w.detail.isHidden():
            w.set_detail_visible(True)

    # --- calendar ----------------------------------------------------------------------------

    def choose_ics_path(self) -> str:
        """Ask where to save the calendar file (tests replace this)."""
        suggested = str(Path.home() / f"follow-ups-{self.actions.now_local():%Y-%m-%d}.ics")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export follow-ups"), suggested,
            self.tr("Calendar files (*.ics);;All files (*)"),
        )  # fmt: skip
        return path

    def export_follow_ups(self) -> Path | None:
        """Every planned follow-up as an .ics file for a calendar app."""
        path = self.choose_ics_path()
        if not path:
            return None
        if not path.lower().endswith(".ics"):
            path += ".ics"
        try:
            _, result = export_follow_ups(
                self.window.runner.service,
                path,
                follow_up=self.tr("Follow up with %1"),
                with_note=self.tr("%1: %2"),
            )
        except SalesdeskError as error:
            self.window.events.status_message.emit(str(error))
            return None
        text = self.tr("Exported %Ln follow-ups to %1.", "", result.count)
        self.window.events.status_message.emit(text.replace("%1", str(result.path)))
        return result.path

    # --- agenda ------------------------------------------------------------------------------

    def _compute(self) -> tuple[Agenda, dt.datetime]:
        service = self.actions.service()
        now = self.window.runner.service.clock()
        return service.agenda(now), service.local(now)

    def _show_counts(self, overdue: dict[Stage, int], stale: dict[Stage, int]) -> None:
        for stage in STAGE_ORDER:
            header = self.window.board.column(stage).header
            header.set_attention(
                overdue.get(stage, 0),
                stale.get(stage, 0),
                attention_text(overdue.get(stage, 0), stale.get(stage, 0)),
            )

    def _repaint_cards(self) -> None:
        for stage in STAGE_ORDER:  # "today" turns into "overdue" as the clock moves on
            self.window.board.column(stage).view.viewport().update()

    def _on_auto_toggled(self, checked: bool) -> None:
        self.actions.auto_working = checked
        preferences = getattr(self.window.commands, "preferences", None)
        if preferences is not None:  # the same rule as in Edit ▸ Preferences
            preferences.set_auto_working(checked)

    def _on_agenda_toggled(self, visible: bool) -> None:
        try:
            shown = self.window.isVisible()
        except RuntimeError:  # the window is being destroyed and hides its docks
            return
        if shown:
            self.window.settings.qsettings.setValue(AGENDA_KEY, "true" if visible else "false")

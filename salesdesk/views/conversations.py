"""ConversationActions: log, edit and delete interactions and plan follow-ups from any view.

The board's shortcuts, the detail pane's buttons and the agenda all come here; every change
runs through the ServiceRunner, so it is one undo step and every view hears of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from salesdesk.domain.agenda import STALE_AFTER_DAYS
from salesdesk.domain.errors import SalesdeskError
from salesdesk.domain.interactions import Channel, Interaction
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import Outcome
from salesdesk.services.interactions import InteractionService
from salesdesk.views.follow_up_dialog import FollowUpDialog
from salesdesk.views.log_dialog import LogDialog, LogInput
from salesdesk.views.undo import ServiceRunner


class ConversationActions(QObject):
    """Opens the log palette and follow-up dialog for contacts and runs what they return.
    ``auto_working`` is the preference "logging with a New contact moves it to Working"."""

    def __init__(self, runner: ServiceRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.auto_working = True
        self.tz: dt.tzinfo | None = None  # the user's time zone (None: the computer's)
        self.stale_after: Mapping[Stage, int] = STALE_AFTER_DAYS  # Preferences set these
        self.dialog: QWidget | None = None  # the last dialog opened (tests look at it)
        self.dialog_parent: Callable[[], QWidget | None] = lambda: None

    def service(self) -> InteractionService:
        """A service over the runner's current database (it changes with File ▸ Open)."""
        return InteractionService(
            self.runner.service,
            auto_working=self.auto_working,
            stale_after=self.stale_after,
            tz=self.tz,
        )

    def now_local(self) -> dt.datetime:
        return self.service().local()

    def _names(self, ids: Sequence[int]) -> str:
        if len(ids) == 1:
            found = self.runner.service.get_many(ids).get(ids[0])
            return found.display_name if found else str(ids[0])
        return self.tr("%Ln contacts", "", len(ids))

    def _run(self, call: Callable[[], Outcome]) -> SalesdeskError | None:
        """Run a call through the runner; the refusal (if any) goes back to the dialog."""
        failed: list[SalesdeskError] = []
        self.runner.execute(call, on_error=failed.append)
        return failed[0] if failed else None

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]
        dialog.activateWindow()

    # --- logging -----------------------------------------------------------------------------

    def log(self, ids: Sequence[int], channel: Channel = Channel.EMAIL) -> LogDialog | None:
        """Open the log palette for ``ids`` (one interaction each) with ``channel`` chosen."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            self.runner.events.status_message.emit(
                self.tr("Select a contact first, then log what you did.")
            )
            return None
        title = self.tr("Log an interaction with %1").replace("%1", self._names(ids))

        def submit(entry: LogInput) -> SalesdeskError | None:
            before = self.runner.service.get_many(ids)
            fresh = [i for i, c in before.items() if c.stage is Stage.NEW]
            error = self._run(
                lambda: self.service().log(
                    ids,
                    entry.channel,
                    entry.direction,
                    entry.summary,
                    at=entry.at,
                    notes=entry.notes,
                    outcome=entry.outcome,
                    next_follow_up=entry.next_follow_up,
                )  # fmt: skip
            )
            if error is None:
                self._announce(ids, fresh)
            return error

        dialog = LogDialog(title, submit, self.now_local(), channel=channel,
                           parent=self.dialog_parent())  # fmt: skip
        self._open(dialog)
        return dialog

    def _announce(self, ids: Sequence[int], fresh: Sequence[int]) -> None:
        if self.auto_working and fresh:
            text = self.tr("Moved %1 to Working: the first contact is logged. Ctrl+Z undoes it.")
            self.runner.events.status_message.emit(text.replace("%1", self._names(fresh)))
        else:
            text = self.tr("Logged for %1.").replace("%1", self._names(ids))
            self.runner.events.status_message.emit(text)

    def edit_interaction(self, interaction: Interaction) -> LogDialog:
        """Open the palette on a logged interaction; saving changes only what was changed."""
        title = self.tr("Edit the interaction with %1").replace(
            "%1", self._names([interaction.contact_id])
        )
        item_id = interaction.id or 0

        def submit(entry: LogInput) -> SalesdeskError | None:
            changes: dict[str, object] = {
                "channel": entry.channel,
                "direction": entry.direction,
                "summary": entry.summary,
                "notes": entry.notes,
                "outcome": entry.outcome,
            }
            if entry.at is not None:
                changes["at"] = entry.at
            return self._run(lambda: self.service().edit(item_id, changes))

        dialog = LogDialog(title, submit, self.now_local(), interaction=interaction,
                           parent=self.dialog_parent())  # fmt: skip
        self._open(dialog)
        return dialog

    def delete_interaction(self, interaction: Interaction) -> bool:
        """Delete at once (undo brings it back), and say so in the status bar."""
        item_id = interaction.id or 0
        error = self._run(lambda: self.service().delete(item_id))
        if error is not None:
            self.runner.events.save_failed.emit(str(error))
            return False
        self.runner.events.status_message.emit(
            self.tr("Interaction deleted. Ctrl+Z brings it back.")
        )
        return True

    # --- follow-ups --------------------------------------------------------------------------

    def plan_follow_up(self, ids: Sequence[int]) -> FollowUpDialog | None:
        """Ask for the next follow-up of ``ids`` (prefilled with the current one, if one)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            self.runner.events.status_message.emit(self.tr("Select a contact first."))
            return None
        current = self.service().follow_ups(ids[:1]).get(ids[0])

        def submit(day: dt.date, time: dt.time | None, note: str) -> SalesdeskError | None:
            return self._run(lambda: self.service().set_follow_up(ids, day, time, note))

        title = self.tr("Follow up with %1").replace("%1", self._names(ids))
        dialog = FollowUpDialog(title, submit, self.now_local().date(), current,
                                parent=self.dialog_parent())  # fmt: skip
        self._open(dialog)
        return dialog

    def clear_follow_up(self, ids: Sequence[int]) -> bool:
        error = self._run(lambda: self.service().clear_follow_up(list(ids)))
        if error is not None:
            self.runner.events.status_message.emit(str(error))
        return error is None

    def complete_follow_up(self, contact_id: int) -> LogDialog | None:
        """Mark the follow-up done: log what was done and ask for the next one."""
        follow_up = self.service().follow_up(contact_id)
        if follow_up is None:
            self.runner.events.status_message.emit(
                self.tr("%1 has no follow-up to complete.").replace("%1", self._names([contact_id]))
            )
            return None
        title = self.tr("Follow-up done: %1").replace("%1", self._names([contact_id]))
        channel = self._last_channel(contact_id)

        def submit(entry: LogInput) -> SalesdeskError | None:
            return self._run(
                lambda: self.service().complete_follow_up(
                    contact_id,
                    entry.channel,
                    entry.direction,
                    entry.summary,
                    at=entry.at,
                    notes=entry.notes,
                    outcome=entry.outcome,
                    next_follow_up=entry.next_follow_up,
                )  # fmt: skip
            )

        dialog = LogDialog(title, submit, self.now_local(), channel=channel,
                           follow_up=follow_up, parent=self.dialog_parent())  # fmt: skip
        self._open(dialog)
        return dialog

    def _last_channel(self, contact_id: int) -> Channel:
        latest = self.service().interactions(contact_id, limit=1)
        return latest[0].channel if latest else Channel.PHONE

    def move_to_prospect(self, contact_id: int) -> bool:
        service = self.runner.service
        return self.runner.execute(lambda: service.move([contact_id], Stage.PROSPECT)) is not None

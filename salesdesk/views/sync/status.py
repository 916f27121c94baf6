"""SyncStatusButton: the status bar's permanent sync entry (last sync, changes still to send,
conflicts, problems; for a team server "Team server: synced 14:05" or "offline, 3 changes
waiting"); a click opens the Sync dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.labels import (
    failure_short,
    failure_text,
    hub_failure_short,
    hub_failure_text,
    when_text,
)

if TYPE_CHECKING:
    from salesdesk.views.sync.hub_controller import HubController

PROBLEM_STYLE = "QToolButton { color: #b3261e; font-weight: 600; }"


class SyncStatusButton(QToolButton):
    """Shows what the last round left; hidden while neither a folder nor a team server is
    set. A team server, where one is set, is what this database syncs through."""

    def __init__(
        self,
        controller: SyncController,
        parent: QWidget | None = None,
        hub: HubController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.hub = hub
        self.setObjectName("sync_status")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.problem = False
        controller.changed.connect(self.refresh)
        controller.round_started.connect(self.refresh)
        if hub is not None:
            hub.changed.connect(self.refresh)
            hub.round_started.connect(self.refresh)
        self.setVisible(False)

    def refresh(self) -> None:
        if self.hub is not None and self.hub.address is not None:
            self._show_hub(self.hub)
            return
        if self.hub is not None and self.hub.tried is not None and self.hub.join_failure:
            self._show_join_failure(self.hub)  # the dialog may be closed: say it here
            return
        c = self.controller
        if not c.folder:
            self.setVisible(False)
            return
        parts: list[str] = []
        tips = [self.tr("Sync folder: %1").replace("%1", c.folder)]
        status = c.status
        self.problem = c.failure is not None
        if c.failure is not None:
            kind, detail = c.failure
            parts.append(self.tr("Sync: %1").replace("%1", failure_short(kind)))
            tips.append(failure_text(kind, detail))
        elif status is not None and status.last_sync:
            parts.append(self.tr("Synced %1").replace("%1", when_text(status.last_sync)))
        elif c.running:
            parts.append(self.tr("Syncing…"))
        else:
            parts.append(self.tr("Not synced yet"))
        if status is not None and status.last_sync and c.failure is not None:
            tips.append(self.tr("Last synced: %1").replace("%1", when_text(status.last_sync)))
        if status is not None and status.pending:
            parts.append(self.tr("%1 to send").replace("%1", f"{status.pending:,}"))
        if c.conflict_count:
            parts.append(self.tr("conflicts: %1").replace("%1", f"{c.conflict_count:,}"))
        report = c.last_report
        if c.failure is None and report is not None and report.errors:
            self.problem = True
            parts.append(self.tr("skipped files: %1").replace("%1", str(len(report.errors))))
            tips += list(report.errors[:5])
        if status is not None and status.encrypted is False:
            parts.append(self.tr("not encrypted"))
            tips.append(
                self.tr(
                    "The sync folder is not protected by a team passphrase: its files hold "
                    "your contacts' personal data in plain text."
                )
            )
        tips.append(self.tr("Click to open the sync settings (F5 syncs now)."))
        self.setText(" · ".join(parts))
        self.setToolTip("\n".join(tips))
        self.setStyleSheet(PROBLEM_STYLE if self.problem else "")
        self.setVisible(True)

    def _show_hub(self, hub: HubController) -> None:
        address = hub.address
        assert address is not None
        status = hub.status
        tips = [self.tr("Team server: %1").replace("%1", address.display)]
        self.problem = False
        waiting = status.waiting if status is not None else 0
        if hub.failure is not None and hub.failure[0].value == "hub_offline":
            self.problem = True
            text = (
                self.tr("Team server: offline, %n changes waiting", "", waiting)
                if waiting
                else self.tr("Team server: offline")
            )
            tips.append(hub_failure_text(*hub.failure))
        elif hub.failure is not None:
            self.problem = True
            kind, detail = hub.failure
            text = self.tr("Team server: %1").replace("%1", hub_failure_short(kind))
            tips.append(hub_failure_text(kind, detail, address.user, address.database))
        elif status is not None and status.last_sync:
            text = self.tr("Team server: synced %1").replace("%1", when_text(status.last_sync))
            if waiting:
                text += " · " + self.tr("%n to send", "", waiting)
        elif hub.running:
            text = self.tr("Team server: syncing…")
        else:
            text = self.tr("Team server: not synced yet")
        if status is not None and status.last_sync and self.problem:
            tips.append(self.tr("Last synced: %1").replace("%1", when_text(status.last_sync)))
        if hub.conflict_count:
            text += " · " + self.tr("conflicts: %1").replace("%1", f"{hub.conflict_count:,}")
        report = hub.last_report
        if hub.failure is None and report is not None and report.errors:
            self.problem = True
            text += " · " + self.tr("skipped changes: %1").replace("%1", str(len(report.errors)))
            tips += list(report.errors[:5])
        tips.append(self.tr("Click to open the sync settings (F5 syncs now)."))
        self.setText(text)
        self.setToolTip("\n".join(tips))
        self.setStyleSheet(PROBLEM_STYLE if self.problem else "")
        self.setVisible(True)

    def _show_join_failure(self, hub: HubController) -> None:
        assert hub.tried is not None and hub.join_failure is not None
        kind, detail = hub.join_failure
        self.problem = True
        self.setText(self.tr("Team server: %1").replace("%1", hub_failure_short(kind)))
        self.setToolTip(
            "\n".join([
                self.tr("Team server: %1").replace("%1", hub.tried.display),
                hub_failure_text(kind, detail, hub.tried.user, hub.tried.database),
                self.tr("Click to open the sync settings (F5 syncs now)."),
            ])
        )  # fmt: skip
        self.setStyleSheet(PROBLEM_STYLE)
        self.setVisible(True)

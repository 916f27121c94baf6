"""SyncStatusButton: the status bar's permanent sync entry (last sync, changes still to send,
conflicts, problems); a click opens the Sync dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.labels import failure_short, failure_text, when_text

PROBLEM_STYLE = "QToolButton { color: #b3261e; font-weight: 600; }"


class SyncStatusButton(QToolButton):
    """Shows what the controller's last round left; hidden while no folder is set."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("sync_status")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.problem = False
        controller.changed.connect(self.refresh)
        controller.round_started.connect(self.refresh)
        self.setVisible(False)

    def refresh(self) -> None:
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

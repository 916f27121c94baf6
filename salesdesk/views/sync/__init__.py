"""The window's sync: File ▸ Sync…, automatic rounds, the status bar entry, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.status import SyncStatusButton

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow
    from salesdesk.views.sync.dialog import SyncDialog


class WindowSync(QObject):
    """What the main window holds of sync: the controller, its status bar entry and the
    dialog (loaded on first use)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = SyncController(window)
        self.status = SyncStatusButton(self.controller, window)
        self.status.clicked.connect(self.show_dialog)
        window.statusBar().addPermanentWidget(self.status)

    def attach(self) -> None:
        self.controller.attach()

    def pause(self) -> None:
        self.controller.pause()

    def sync_now(self) -> None:
        """F5: a round now, or the dialog when no folder is set yet."""
        if not self.controller.sync_now():
            self.show_dialog()

    def show_dialog(self) -> SyncDialog:
        from salesdesk.views.sync.dialog import SyncDialog

        dialog = SyncDialog(self.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

"""The window's sync: File ▸ Sync…, automatic rounds, the status bar entry, conflicts; a
shared folder (SyncController) or a team server (HubController), one of them per database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.hub_controller import HubController
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
        self.hub = HubController(window)
        self.status = SyncStatusButton(self.controller, window, hub=self.hub)
        self.status.clicked.connect(self.show_dialog)
        window.statusBar().addPermanentWidget(self.status)
        self.hub.join_started.connect(self._on_join_started)
        self.hub.joined.connect(self._on_joined)
        self.hub.join_failed.connect(self._on_join_failed)

    def attach(self) -> None:
        self.controller.attach()
        self.hub.attach()

    def pause(self) -> None:
        """No more rounds, the team server's listener stopped (switching databases,
        closing the window): no thread of ours is left running."""
        self.controller.pause()
        self.hub.pause()

    def sync_now(self) -> None:
        """F5: a round now (the team server if one is set, else the folder), or the dialog
        when neither is set yet."""
        if not self.hub.sync_now() and not self.controller.sync_now():
            self.show_dialog()

    # one or the other per database: a Join pauses the folder's rounds, a successful one
    # ends syncing through the folder, a failed one lets the folder go on
    def _on_join_started(self) -> None:
        self.controller.pause()

    def _on_joined(self) -> None:
        if self.controller.folder:
            self.controller.stop_syncing()

    def _on_join_failed(self) -> None:
        if self.hub.address is None:
            self.controller.attach()

    def show_dialog(self) -> SyncDialog:
        from salesdesk.views.sync.dialog import SyncDialog

        dialog = SyncDialog(self.controller, self.window, hub=self.hub)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

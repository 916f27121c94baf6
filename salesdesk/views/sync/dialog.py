"""SyncDialog (File ▸ Sync…): the shared folder, the team passphrase, this device's name,
"Sync now", what the last round did, the conflicts and the devices this one knows; the Team
server tab (``team.py``) for a PostgreSQL hub. A database syncs through one or the other."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.views.forms.ui_sync_dialog import Ui_SyncDialog
from salesdesk.views.sync.controller import SyncController
from salesdesk.views.sync.labels import failure_text, when_text

if TYPE_CHECKING:
    from salesdesk.views.sync.hub_controller import HubController
    from salesdesk.views.sync.team import TeamServerTab

ERROR_STYLE = "color: #b3261e;"


class SyncDialog(QDialog):
    """Set up sync for the open database and run a round at once. What was typed and not
    yet used (a new folder or passphrase, a new name) is applied when the dialog closes."""

    def __init__(
        self,
        controller: SyncController,
        parent: QWidget | None = None,
        hub: HubController | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.hub = hub
        self.ui = Ui_SyncDialog()
        self.ui.setupUi(self)
        self.team: TeamServerTab | None = None
        if hub is not None:
            self._add_team_tab(hub)
        self.sync_button = QPushButton(self.tr("&Sync now"), self)
        self.sync_button.setObjectName("sync_now_button")
        self.sync_button.setDefault(True)
        self.ui.button_box.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ui.button_box.rejected.connect(self.reject)
        self.sync_button.clicked.connect(self.sync_now)
        self.ui.browse_button.clicked.connect(self.choose_folder)
        self.ui.conflicts_button.clicked.connect(self.show_conflicts)
        self.ui.stop_button.clicked.connect(self.stop_syncing)
        self.ui.passphrase_edit.textChanged.connect(self._update_warning)
        self.ui.folder_edit.textChanged.connect(self._update_warning)
        header = self.ui.devices_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.message = ""  # what this dialog last said itself (a refused input)
        sync = controller.service()
        self.device_name = sync.status().device_name
        self.ui.device_edit.setText(self.device_name)
        self.ui.folder_edit.setText(controller.folder or "")
        where = (
            self.tr("Remember on this computer (system keyring)")
            if controller.passphrases.in_keyring
            else self.tr("Remember on this computer (a file only you can read)")
        )
        self.ui.remember_check.setText(where)
        self._show_saved_passphrase()
        controller.changed.connect(self.refresh)
        controller.round_started.connect(self.refresh)
        if hub is not None:
            hub.changed.connect(self.refresh)
        self.refresh()

    def _add_team_tab(self, hub: HubController) -> None:
        from PySide6.QtWidgets import QLabel

        from salesdesk.views.sync.team import TeamServerTab

        self.ui.intro_label.setText(
            self.tr(
                "Every computer keeps its own database. Sync exchanges the changes through a "
                "folder they all reach now and then (a NAS share, a Syncthing, Dropbox or "
                "OneDrive folder, a USB stick), or through the team's own server."
            )
        )
        self.team = TeamServerTab(hub, self.controller, self)
        self.ui.tabs.insertTab(1, self.team, self.tr("Team server"))
        if hub.address is not None:
            self.ui.tabs.setCurrentWidget(self.team)
        self.hub_note = QLabel(self)
        self.hub_note.setObjectName("hub_note")
        self.hub_note.setWordWrap(True)
        self.ui.setup_layout.insertWidget(0, self.hub_note)

    @property
    def hub_in_use(self) -> bool:
        return self.hub is not None and self.hub.address is not None

    # --- what is shown -------------------------------------------------------------------

    def _folder(self) -> str:
        """The typed folder as an absolute path ('' if none), as the service keeps it."""
        text = self.ui.folder_edit.text().strip()
        return str(Path(text).expanduser().absolute()) if text else ""

    def _saved_passphrase(self) -> str | None:
        return self.controller.known_passphrase(self._folder())

    def _show_saved_passphrase(self) -> None:
        self.ui.passphrase_edit.setPlaceholderText(
            self.tr("Saved: type a new one to replace it")
            if self._saved_passphrase()
            else self.tr("The same on every computer; at least 8 characters")
        )
        self._update_warning()

    def _update_warning(self) -> None:
        from salesdesk.services.sync_window import folder_is_plain

        typed = bool(self.ui.passphrase_edit.text()) or bool(self._saved_passphrase())
        folder = self._folder()
        plain = folder_is_plain(folder) if folder else False
        text = ""
        if plain:
            text = self.tr(
                "This folder was set up without a team passphrase: its files hold your "
                "contacts' personal data in plain text, readable by anyone who can open the "
                "folder. To encrypt, sync into a new, empty folder with a passphrase."
            )
        elif not typed:
            text = self.tr(
                "No team passphrase: the files in the sync folder will hold your contacts' "
                "personal data in plain text, readable by anyone who can open the folder. "
                "Set a passphrase to encrypt them."
            )
        self.ui.plain_warning.setText(text)
        self.ui.plain_warning.setVisible(bool(text))

    def _show_hub_note(self) -> None:
        """While a team server is in use, the folder cannot be set: one or the other."""
        if self.team is None:
            return
        in_use = self.hub_in_use
        for widget in (self.ui.folder_edit, self.ui.browse_button, self.ui.passphrase_edit,
                       self.ui.remember_check):  # fmt: skip
            widget.setEnabled(not in_use)
        if in_use:
            assert self.hub is not None and self.hub.address is not None
            self.hub_note.setText(
                self.tr(
                    "This database syncs through the team server %1 (see Team server). A "
                    "database syncs either through a shared folder or through a team server: "
                    "leave the team server to use a folder."
                ).replace("%1", self.hub.address.display)
            )
        self.hub_note.setVisible(in_use)

    def refresh(self) -> None:
        c = self.controller
        count = self.hub.conflict_count if self.hub_in_use and self.hub else c.conflict_count
        self.ui.conflicts_button.setText(
            self.tr("C&onflicts (%1)…").replace("%1", str(count)) if count else
            self.tr("C&onflicts…")
        )  # fmt: skip
        self.ui.conflicts_button.setEnabled(count > 0)
        self.ui.stop_button.setEnabled(bool(c.folder) and not self.hub_in_use)
        self._show_hub_note()
        self.ui.status_label.setText(self.message or self.status_text())
        problem = bool(self.message) or c.failure is not None
        self.ui.status_label.setStyleSheet(ERROR_STYLE if problem else "")
        self._fill_devices()

    def status_text(self) -> str:
        c = self.controller
        if self.hub_in_use:
            return ""  # the note above says where rounds go
        if c.running:
            return self.tr("Syncing…")
        if not c.folder:
            return self.tr("Not syncing: choose the shared folder, then press Sync now.")
        if c.failure is not None:
            return failure_text(*c.failure)
        lines = []
        status = c.status
        if status is not None and status.last_sync:
            lines.append(self.tr("Last synced: %1").replace("%1", when_text(status.last_sync)))
        report = c.last_report
        if report is not None:
            lines.append(
                self.tr("Last round: %1 changes came in, %2 went out.")
                .replace("%1", f"{report.received:,}")
                .replace("%2", f"{report.sent:,}")
            )
            lines += [self.tr("Skipped: %1").replace("%1", e) for e in report.errors[:5]]
        if status is not None and status.pending:
            lines.append(
                self.tr("%1 changes of this computer are not known elsewhere yet.").replace(
                    "%1", f"{status.pending:,}"
                )
            )
        return "\n".join(lines) or self.tr("Not synced yet.")

    def _fill_devices(self) -> None:
        tree = self.ui.devices_tree
        tree.clear()
        sync = self.controller.service()
        devices = sync.devices()
        past = {p.id: p for p in sync.peer_horizons(devices) if p.past_horizon}
        for device in devices:
            name = device.name or self.tr("(no name) %1").replace("%1", device.id[:8])
            if device.is_self:
                name = self.tr("%1 (this computer)").replace("%1", name)
            seen = when_text(device.last_seen)
            item = QTreeWidgetItem(tree, [name, seen, f"{device.ops:,}"])
            item.setData(0, Qt.ItemDataRole.UserRole, device.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if device.id in past:  # past the compaction horizon
                item.setText(1, self.tr("%1 (inactive)").replace("%1", seen))
                days = past[device.id].days_ago
                tip = self.tr(
                    "Not seen for %1 days: this computer no longer keeps old changes for it. "
                    "When it syncs again, it catches up (from a full copy if needed)."
                ).replace("%1", f"{days:,}" if days is not None else "?")
                for column in range(tree.columnCount()):
                    item.setToolTip(column, tip)

    # --- actions -------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the shared sync folder"), self._folder()
        )
        if folder:
            self.ui.folder_edit.setText(folder)
            self._show_saved_passphrase()

    def _say(self, text: str, widget: QWidget) -> bool:
        self.message = text
        self.refresh()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def sync_now(self) -> bool:
        """Use what is typed and run a round; False (and a message here) if it is refused.
        On the Team server tab, or while a team server is in use, through the team server."""
        if self.team is not None and self.ui.tabs.currentWidget() is self.team:
            return self.team.join()
        if self.hub_in_use:
            assert self.hub is not None
            self._apply_name()
            return self.hub.sync_now()
        return self._sync_folder()

    def _sync_folder(self) -> bool:
        from salesdesk.services.sync_service import MIN_PASSPHRASE, clean_passphrase

        self.message = ""
        folder = self._folder()
        if not folder:
            return self._say(self.tr("Choose the shared folder first."), self.ui.folder_edit)
        if not self._apply_name():
            return False
        typed = self.ui.passphrase_edit.text()
        passphrase = self._saved_passphrase()
        if typed:
            try:
                passphrase = clean_passphrase(typed)
            except ValidationError:
                return self._say(
                    self.tr("The team passphrase must have at least %1 characters.").replace(
                        "%1", str(MIN_PASSPHRASE)
                    ),
                    self.ui.passphrase_edit,
                )
        problem = self.controller.use_folder(folder, passphrase, self.ui.remember_check.isChecked())
        self.ui.passphrase_edit.clear()
        self._show_saved_passphrase()
        if problem:
            self.message = self.tr(
                "The passphrase could not be stored (%1); it is used until the window closes."
            ).replace("%1", problem)
        self.refresh()
        return True

    def _apply_name(self) -> bool:
        name = self.ui.device_edit.text()
        if " ".join(name.split()) == self.device_name:
            return True
        try:
            self.controller.set_device_name(name)
        except ValidationError:
            return self._say(
                self.tr("A device name needs 1 to 80 characters."), self.ui.device_edit
            )
        self.device_name = " ".join(name.split())
        return True

    def stop_syncing(self) -> None:
        self.controller.stop_syncing()
        self.ui.folder_edit.clear()
        self.message = ""
        self.refresh()

    def show_conflicts(self) -> QDialog:
        from salesdesk.views.sync.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def done(self, result: int) -> None:
        """Closing keeps what was typed: a new name, folder or passphrase is used, a new
        team server is joined (the result shows in the status bar)."""
        if self.team is not None and self.team.unused():
            if not self.team.join():
                self.ui.tabs.setCurrentWidget(self.team)
                return  # stays open with the reason: nothing typed is dropped
            if not self._apply_name():
                return
            super().done(result)
            return
        folder = self._folder()
        unused = (
            not self.hub_in_use
            and folder
            and (folder != self.controller.folder or self.ui.passphrase_edit.text())
        )
        if unused:
            if not self._sync_folder():
                return  # stays open with the reason: nothing typed is dropped
        elif not self._apply_name():
            return
        super().done(result)

"""TeamServerTab: File ▸ Sync… ▸ Team server — join the team's PostgreSQL hub (server, port,
database, user name, password, TLS), see what the last round did, leave it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.views.sync.labels import hub_failure_text, when_text

if TYPE_CHECKING:
    from salesdesk.services.hub_service import HubAddress
    from salesdesk.views.sync.controller import SyncController
    from salesdesk.views.sync.hub_controller import HubController

ERROR_STYLE = "color: #b3261e;"
DEFAULT_PORT = 5432


class TeamServerTab(QWidget):
    """The Team server part of the Sync dialog. Join runs its first round in the worker
    (the dialog stays usable and shows that it works); what it says stays until the next
    action. The password is never shown: the field is masked and cleared once used."""

    def __init__(
        self, hub: HubController, folder: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("team_tab")
        self.hub = hub
        self.folder = folder
        self.message = ""  # what this tab said itself (refused input, a failed Join)
        self.problem = False
        self.note = ""  # what the last Join did (shown above the state of the rounds)
        self._awaiting_join = False
        self._build()
        self._fill(hub.address or hub.tried)  # a failed Join's address is typed again
        hub.changed.connect(self.refresh)
        hub.round_started.connect(self.refresh)
        hub.joined.connect(self._on_joined)
        hub.join_failed.connect(self._on_join_failed)
        folder.changed.connect(self.refresh)  # the note on which way this database syncs
        self.refresh()

    # --- the widgets ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(
            self.tr(
                "A team server is the team's PostgreSQL database. Every change goes there at "
                "once and shows in your colleagues' open windows within seconds; you keep "
                "working on this computer's own copy when it cannot be reached. The server's "
                "admin tells you its name, the database and your user name."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        self.host_edit = self._line("host_edit", self.tr("e.g. crm-server.example.com"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.port_spin.setGroupSeparatorShown(False)
        self.port_spin.setMinimumWidth(self.port_spin.fontMetrics().horizontalAdvance("65535") * 2)
        self.database_edit = self._line("database_edit", self.tr("e.g. crm"))
        self.user_edit = self._line("user_edit", self.tr("e.g. jana"))
        self.password_edit = self._line("password_edit", "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setClearButtonEnabled(False)
        self.tls_combo = QComboBox(self)
        self.tls_combo.setObjectName("tls_combo")
        for mode, text in (
            ("prefer", self.tr("Use TLS when the server offers it")),
            ("require", self.tr("Require TLS")),
            ("verify-full", self.tr("Require TLS and check the server's certificate")),
        ):
            self.tls_combo.addItem(text, mode)
        self.cert_edit = self._line(
            "cert_edit", self.tr("Root certificate (optional), e.g. ca.pem")
        )
        self.cert_button = QPushButton(self.tr("C&hoose…"), self)
        self.cert_button.setObjectName("cert_button")
        self.cert_button.setAutoDefault(False)
        self.cert_button.clicked.connect(self.choose_certificate)
        cert_row = QHBoxLayout()
        cert_row.setSpacing(6)
        cert_row.addWidget(self.cert_edit)
        cert_row.addWidget(self.cert_button)
        port_row = QHBoxLayout()  # a port is five digits: no full-width field
        port_row.addWidget(self.port_spin)
        port_row.addStretch(1)
        rows = (
            (self.tr("Se&rver:"), self.host_edit),
            (self.tr("P&ort:"), port_row),
            (self.tr("&Database:"), self.database_edit),
            (self.tr("&User name:"), self.user_edit),
            (self.tr("Pass&word:"), self.password_edit),
            (self.tr("&TLS:"), self.tls_combo),
        )
        for text, field in rows:
            label = QLabel(text, self)
            label.setBuddy(self.port_spin if field is port_row else field)
            form.addRow(label, field)
        cert_label = QLabel(self.tr("Root &certificate:"), self)
        cert_label.setBuddy(self.cert_edit)
        form.addRow(cert_label, cert_row)
        layout.addLayout(form)
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("team_mode_label")
        self.mode_label.setWordWrap(True)
        self.mode_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.mode_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("team_status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("team_progress")
        self.progress.setRange(0, 0)  # busy: a round has no known length
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.join_button = QPushButton(self.tr("&Join"), self)
        self.join_button.setObjectName("join_button")
        self.join_button.setAutoDefault(False)
        self.join_button.clicked.connect(self.join)
        self.leave_button = QPushButton(self.tr("&Leave team server"), self)
        self.leave_button.setObjectName("leave_button")
        self.leave_button.setAutoDefault(False)
        self.leave_button.clicked.connect(self.leave)
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout.addLayout(buttons)
        self.tls_combo.currentIndexChanged.connect(self._update_cert)
        self._update_cert()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _fill(self, address: HubAddress | None) -> None:
        if address is None:
            return
        params = address.params
        self.host_edit.setText(params.get("host", ""))
        port = params.get("port", "")
        self.port_spin.setValue(int(port) if port.isdigit() else DEFAULT_PORT)
        self.database_edit.setText(params.get("dbname", ""))
        self.user_edit.setText(address.user)
        index = self.tls_combo.findData(params.get("sslmode", "prefer"))
        self.tls_combo.setCurrentIndex(max(0, index))
        self.cert_edit.setText(params.get("sslrootcert", ""))
        self._show_saved_password()

    def _update_cert(self) -> None:
        checks = self.tls_combo.currentData() != "prefer"
        self.cert_edit.setEnabled(checks)
        self.cert_button.setEnabled(checks)

    def _show_saved_password(self) -> None:
        saved = self._saved_password(self._typed_address()) is not None
        self.password_edit.setPlaceholderText(
            self.tr("Saved: type a new one to replace it") if saved else ""
        )

    # --- what is typed -------------------------------------------------------------------

    def address(self) -> HubAddress:
        """The address the fields describe; a ValidationError names the field."""
        from salesdesk.services.sync_window import team_address

        return team_address(
            self.host_edit.text(),
            self.port_spin.value(),
            self.database_edit.text(),
            self.user_edit.text(),
            str(self.tls_combo.currentData()),
            self.cert_edit.text() if self.cert_edit.isEnabled() else "",
        )

    def _typed_address(self) -> HubAddress | None:
        try:
            return self.address()
        except ValidationError:
            return None

    def _saved_password(self, address: HubAddress | None) -> str | None:
        if address is None:
            return None
        try:
            return self.hub.service().password_for(address, None)
        except Exception:  # a broken keyring: as if nothing were stored
            return None

    def unused(self) -> bool:
        """Whether something typed here was not used yet (a new address or password)."""
        if self.hub.joining is not None:
            return False
        typed = any(
            e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit)
        ) or bool(self.password_edit.text())
        if not typed:
            return False
        if self.password_edit.text():
            return True
        address = self._typed_address()
        # the address of a Join that failed is shown again, not tried again on closing
        return address is None or address not in (self.hub.address, self.hub.tried)

    # --- what is shown -------------------------------------------------------------------

    def refresh(self) -> None:
        hub = self.hub
        busy = hub.running
        self.progress.setVisible(busy)
        self.join_button.setEnabled(hub.joining is None)
        self.join_button.setText(
            self.tr("&Join") if hub.address is None else self.tr("&Join or sync now")
        )
        self.leave_button.setEnabled(hub.address is not None and hub.joining is None)
        folder = self.folder.folder
        if hub.address is None and folder:
            self.mode_label.setText(
                self.tr(
                    "This database syncs through the shared folder %1. A database syncs either "
                    "through a folder or through a team server: joining one stops the folder."
                ).replace("%1", folder)
            )
        elif hub.address is not None:
            self.mode_label.setText(
                self.tr("This database syncs through the team server %1.").replace(
                    "%1", hub.address.display
                )
            )
        else:
            self.mode_label.setText("")
        self.mode_label.setVisible(bool(self.mode_label.text()))
        text, problem = (self.message, self.problem) if self.message else self.status_text()
        if self.note and not self.message:
            text = f"{self.note}\n{text}"
        self.status_label.setText(text)
        self.status_label.setStyleSheet(ERROR_STYLE if problem else "")

    def status_text(self) -> tuple[str, bool]:
        """What the last round left, and whether it is a problem."""
        hub = self.hub
        if hub.joining is not None:
            return self.tr("Joining %1…").replace("%1", hub.joining.display), False
        if hub.address is None:
            return self.tr("Not syncing through a team server."), False
        if hub.running and hub.status is None:
            return self.tr("Syncing…"), False
        if hub.failure is not None:
            kind, detail = hub.failure
            return hub_failure_text(kind, detail, hub.address.user, hub.address.database), True
        lines = []
        status = hub.status
        if status is not None and status.last_sync:
            lines.append(self.tr("Last synced: %1").replace("%1", when_text(status.last_sync)))
        report = hub.last_report
        if report is not None:
            lines.append(
                self.tr("Last round: %1 changes came in, %2 went out.")
                .replace("%1", f"{report.received:,}")
                .replace("%2", f"{report.sent:,}")
            )
        if status is not None and status.waiting:
            lines.append(self.tr("%n changes wait to go out.", "", status.waiting))
        return "\n".join(lines) or self.tr("Not synced yet."), False

    # --- actions -------------------------------------------------------------------------

    def _say(self, text: str, widget: QWidget | None = None) -> bool:
        self.message, self.problem = text, True
        self.refresh()
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def join(self) -> bool:
        """Join the team server the fields name (or sync with it, when it is the one in
        use): its first round runs in the worker. False (and why, here) if refused."""
        self.message, self.problem, self.note = "", False, ""
        if self.hub.joining is not None:
            return True  # one Join at a time: it is running
        try:
            address = self.address()
        except ValidationError as error:
            return self._say(self._field_message(error), self._field_widget(error.field))
        typed = self.password_edit.text()
        if not typed and address == self.hub.address:
            self.hub.sync_now()
            self.refresh()
            return True
        password = typed or self._saved_password(address)
        self._awaiting_join = True
        self.hub.join(address, password)
        self.refresh()
        return True

    def _field_widget(self, field: str | None) -> QWidget:
        return {
            "host": self.host_edit,
            "port": self.port_spin,
            "database": self.database_edit,
            "user": self.user_edit,
            "root_certificate": self.cert_edit,
        }.get(field or "", self.host_edit)

    def _field_message(self, error: ValidationError) -> str:
        texts = {
            "host": self.tr("Enter the team server's name or address."),
            "port": self.tr("The port is a number from 1 to 65535."),
            "database": self.tr("Enter the name of the team's database."),
            "user": self.tr("Enter your user name on the team server."),
            "root_certificate": self.tr("The root certificate file cannot be found: %1").replace(
                "%1", self.cert_edit.text().strip()
            ),
        }
        return texts.get(error.field or "", str(error))

    def _on_joined(self) -> None:
        if not self._awaiting_join:
            return
        self._awaiting_join = False
        self.password_edit.clear()
        self._show_saved_password()
        report = self.hub.last_report
        address = self.hub.address
        lines = [self.tr("Joined %1.").replace("%1", address.display if address else "")]
        if report is not None:
            lines.append(
                self.tr("%1 changes came in, %2 went out.")
                .replace("%1", f"{report.received:,}")
                .replace("%2", f"{report.sent:,}")
            )
            if report.password_stored:
                lines.append(
                    self.tr("The password is kept in the system keyring.")
                    if "keyring" in report.password_stored
                    else self.tr("The password is kept in a file only you can read.")
                )
        self.note = " ".join(lines)

    def _on_join_failed(self) -> None:
        if not self._awaiting_join:
            return
        self._awaiting_join = False
        failure = self.hub.join_failure
        if failure is None:
            return
        kind, detail = failure
        address = self._typed_address()
        user = address.user if address is not None else self.user_edit.text()
        database = address.database if address is not None else self.database_edit.text()
        self.message, self.problem = hub_failure_text(kind, detail, user, database), True
        widget = {
            "hub_auth": self.password_edit,
            "hub_rights": self.user_edit,
            "hub_database": self.database_edit,
            "hub_offline": self.host_edit,
        }.get(kind.value)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def leave(self) -> None:
        """Leave the team server: this database forgets it and its stored password."""
        self.hub.leave()
        self.password_edit.clear()
        self._show_saved_password()
        self.message, self.problem, self.note = self.tr("Left the team server."), False, ""
        self.refresh()

    def choose_certificate(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the server's root certificate"),
            self.cert_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.cert_edit.setText(path)

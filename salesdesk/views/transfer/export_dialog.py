"""ExportDialog: contacts to a CSV, vCard or JSON file — all, one stage, the current search
or the selected cards; the file is written in a worker thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.services.exporting import (
    SUFFIXES,
    ExportFormat,
    ExportResult,
    export_to_file,
    select_contacts,
)
from salesdesk.views.board.labels import stage_label
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.transfer.background import BackgroundCall
from salesdesk.views.undo import ServiceRunner

SCOPE_ALL, SCOPE_STAGE, SCOPE_SEARCH, SCOPE_SELECTED = range(4)


class ExportDialog(QDialog):
    """Asks what to export, how and where; Export writes the file."""

    def __init__(
        self,
        runner: ServiceRunner,
        *,
        search_text: str = "",
        selected_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.search_text = search_text.strip()
        self.selected_ids = list(selected_ids)
        self.result_: ExportResult | None = None
        self.job: BackgroundCall | None = None
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export contacts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._format_box())
        layout.addWidget(self._scope_box())
        where = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("export_path")
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.on_browse)
        where.addWidget(QLabel(self.tr("File:"), self))
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        layout.addLayout(where)
        self.error_label = FieldMessage(self)
        self.error_label.setObjectName("export_error")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.on_export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.format_group.idToggled.connect(self._on_format)
        self.scope_group.idToggled.connect(lambda *_: self._sync())
        self.stage_combo.currentIndexChanged.connect(lambda *_: self._sync())
        self.path_edit.setText(str(Path.home() / self._file_name()))
        default_scope = SCOPE_SELECTED if len(self.selected_ids) > 1 else SCOPE_ALL
        if self.search_text and default_scope == SCOPE_ALL:
            default_scope = SCOPE_SEARCH
        self.scope_group.button(default_scope).setChecked(True)
        self._on_format(0, True)
        self.resize(560, self.sizeHint().height())

    # --- building ------------------------------------------------------------------------

    def _format_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format"), self)
        form = QFormLayout(box)
        self.format_group = QButtonGroup(self)
        self.csv_radio = QRadioButton(self.tr("CSV (spreadsheets, mail tools)"), box)
        self.vcard_radio = QRadioButton(self.tr("vCard (phones, address books)"), box)
        self.json_radio = QRadioButton(
            self.tr("JSON: everything, for a backup or another salesdesk"), box
        )
        for n, (radio, name) in enumerate(
            ((self.csv_radio, "csv"), (self.vcard_radio, "vcard"), (self.json_radio, "json"))
        ):
            radio.setObjectName(f"export_format_{name}")
            self.format_group.addButton(radio, n)
        self.csv_radio.setChecked(True)
        form.addRow(self.csv_radio)
        self.delimiter_combo = QComboBox(box)
        self.delimiter_combo.setObjectName("export_delimiter")
        for text, value in (
            (self.tr("Comma ( , )"), ","),
            (self.tr("Semicolon ( ; ), for Excel in German and other locales"), ";"),
            (self.tr("Tab"), "\t"),
        ):
            self.delimiter_combo.addItem(text, value)
        self.encoding_combo = QComboBox(box)
        self.encoding_combo.setObjectName("export_encoding")
        for text, value in (
            (self.tr("UTF-8 with BOM (opens right in Excel)"), "utf-8-sig"),
            (self.tr("UTF-8"), "utf-8"),
            (self.tr("Windows-1252 (older Windows programs)"), "cp1252"),
            (self.tr("UTF-16"), "utf-16"),
        ):
            self.encoding_combo.addItem(text, value)
        form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.vcard_radio)
        self.version_combo = QComboBox(box)
        self.version_combo.setObjectName("export_version")
        self.version_combo.addItem(self.tr("3.0 (most address books)"), "3.0")
        self.version_combo.addItem(self.tr("4.0"), "4.0")
        form.addRow(self.tr("Version:"), self.version_combo)
        form.addRow(self.json_radio)
        return box

    def _scope_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contacts"), self)
        self.scope_box = box
        form = QVBoxLayout(box)
        self.scope_group = QButtonGroup(self)
        counts = self.runner.service.counts()
        self.all_radio = QRadioButton(
            self.tr("All contacts (%1)").replace("%1", f"{sum(counts.values()):,}"), box
        )
        stage_row = QHBoxLayout()
        self.stage_radio = QRadioButton(self.tr("One stage:"), box)
        self.stage_combo = QComboBox(box)
        self.stage_combo.setObjectName("export_stage")
        for stage in STAGE_ORDER:
            self.stage_combo.addItem(f"{stage_label(stage)} ({counts[stage]:,})", stage)
        stage_row.addWidget(self.stage_radio)
        stage_row.addWidget(self.stage_combo, 1)
        matches = len(self.runner.service.search(self.search_text)) if self.search_text else 0
        self.search_radio = QRadioButton(
            self.tr("The contacts matching the search “%1” (%2)")
            .replace("%1", self.search_text)
            .replace("%2", f"{matches:,}")
            if self.search_text
            else self.tr("The contacts matching the search (no search now)"),
            box,
        )
        self.search_radio.setEnabled(bool(self.search_text))
        self.selected_radio = QRadioButton(
            self.tr("The selected cards (%1)").replace("%1", f"{len(self.selected_ids):,}"), box
        )
        self.selected_radio.setEnabled(bool(self.selected_ids))
        for n, (radio, name) in enumerate(
            (
                (self.all_radio, "all"),
                (self.stage_radio, "stage"),
                (self.search_radio, "search"),
                (self.selected_radio, "selected"),
            )
        ):
            radio.setObjectName(f"export_scope_{name}")
            self.scope_group.addButton(radio, n)
        form.addWidget(self.all_radio)
        form.addLayout(stage_row)
        form.addWidget(self.search_radio)
        form.addWidget(self.selected_radio)
        return box

    # --- state ---------------------------------------------------------------------------

    @property
    def format(self) -> ExportFormat:
        return (ExportFormat.CSV, ExportFormat.VCARD, ExportFormat.JSON)[
            max(0, self.format_group.checkedId())
        ]

    def _file_name(self) -> str:
        return f"contacts-{dt.date.today():%Y-%m-%d}{SUFFIXES[self.format]}"

    def _on_format(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        fmt = self.format
        path = self.path_edit.text().strip()
        if path:  # keep the folder and name, follow the format with the suffix
            self.path_edit.setText(str(Path(path).with_suffix(SUFFIXES[fmt])))
        self._sync()

    def _sync(self) -> None:
        fmt = self.format
        self.delimiter_combo.setEnabled(fmt is ExportFormat.CSV)
        self.encoding_combo.setEnabled(fmt is ExportFormat.CSV)
        self.version_combo.setEnabled(fmt is ExportFormat.VCARD)
        self.scope_box.setEnabled(fmt is not ExportFormat.JSON)
        self.stage_combo.setEnabled(self.scope_group.checkedId() == SCOPE_STAGE)

    def choose_path(self) -> str:
        """Ask where to save (tests replace this)."""
        filters = {
            ExportFormat.CSV: self.tr("CSV files (*.csv)"),
            ExportFormat.VCARD: self.tr("vCard files (*.vcf)"),
            ExportFormat.JSON: self.tr("JSON files (*.json)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path_edit.text(), filters[self.format]
        )
        return path

    def on_browse(self) -> None:
        path = self.choose_path()
        if path:
            self.path_edit.setText(path)

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing a file (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- exporting -----------------------------------------------------------------------

    def on_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose a file to export to."))
            return
        path = Path(text).expanduser()
        if path.exists() and not self.confirm_overwrite(path):
            return
        service = self.runner.service
        fmt, scope = self.format, self.scope_group.checkedId()
        stage = self.stage_combo.currentData() if scope == SCOPE_STAGE else None
        search = self.search_text if scope == SCOPE_SEARCH else None
        ids = self.selected_ids if scope == SCOPE_SELECTED else None
        delimiter = self.delimiter_combo.currentData()
        encoding = self.encoding_combo.currentData()
        version = self.version_combo.currentData()

        def work() -> ExportResult:
            chosen = None
            if fmt is not ExportFormat.JSON:
                chosen = select_contacts(service, ids=ids, stage=stage, search=search)
            return export_to_file(
                service, path, fmt, contacts=chosen, version=version,
                delimiter=delimiter, encoding=encoding,
            )  # fmt: skip

        self.error_label.clear_message()
        self.export_button.setEnabled(False)
        self.export_button.setText(self.tr("Exporting…"))
        self.job = BackgroundCall(service, work, self)
        self.job.succeeded.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.job.start()

    def _on_done(self, result: ExportResult) -> None:
        self.result_ = result
        self.runner.events.status_message.emit(
            self.tr("Exported %Ln contacts to %1", "", result.count).replace("%1", str(result.path))
        )
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self.export_button.setText(self.tr("Export"))
        self._show_error(str(error))

    def _show_error(self, message: str) -> None:
        self.error_label.show_message(message)

"""The import wizard's first pages: the file, how to read it (CSV), and its columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from salesdesk.domain.errors import SalesdeskError
from salesdesk.services import import_choices as choices
from salesdesk.services.importing import (
    ImportFile,
    ImportFormat,
    preview,
    with_dialect,
    with_sheet,
)
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.transfer.wizard import PAGE_MAPPING, PAGE_OPTIONS, PAGE_READ

if TYPE_CHECKING:
    from salesdesk.views.transfer.wizard import ImportWizard


def preset_label(page: QWizardPage, preset: str) -> str:
    return {
        "google": QCoreApplication.translate("ImportWizard", "Google Contacts"),
        "outlook-en": QCoreApplication.translate("ImportWizard", "Outlook (English)"),
        "outlook-de": QCoreApplication.translate("ImportWizard", "Outlook (German)"),
        "linkedin": QCoreApplication.translate("ImportWizard", "LinkedIn connections"),
        "generic": QCoreApplication.translate("ImportWizard", "Other: guess from the column names"),
    }.get(preset, preset)


def fill_table(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(" ".join(text.split()))
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c), 260))


def preview_table(parent: QWizardPage, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(22)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class FilePage(QWizardPage):
    """Which file, and (rarely needed) which format to read it as."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "A spreadsheet (.xlsx, .xls, .ods), CSV from Google or Outlook, vCard (.vcf) "
                "from a phone or an address book, or a salesdesk JSON backup. You can also "
                "drop a file onto the main window."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("import_path")
        self.path_edit.setPlaceholderText(self.tr("The file to import"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("import_browse")
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("import_format")
        self.format_combo.addItem(self.tr("Recognise it"), None)
        self.format_combo.addItem(self.tr("CSV"), ImportFormat.CSV)
        self.format_combo.addItem(self.tr("vCard"), ImportFormat.VCARD)
        self.format_combo.addItem(self.tr("salesdesk JSON"), ImportFormat.JSON)
        form.addRow(self.tr("Read it as:"), self.format_combo)
        layout.addLayout(form)
        self.info = QLabel(self)
        self.info.setObjectName("import_file_info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.error = FieldMessage(self)
        self.error.setObjectName("import_file_error")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.browse_button.clicked.connect(self.on_browse)
        self.path_edit.editingFinished.connect(self.on_path_typed)
        self.format_combo.currentIndexChanged.connect(lambda *_: self.on_path_typed(force=True))

    def on_browse(self) -> None:
        path = self.w.choose_path()
        if path:
            self.path_edit.setText(path)
            self.on_path_typed(force=True)

    def on_path_typed(self, force: bool = False) -> None:
        path = self.path_edit.text().strip()
        if not path or (not force and self.w.file is not None and self._opened == path):
            return
        self.w.open_path(path, self.format_combo.currentData())
        self.completeChanged.emit()

    _opened = ""

    def show_file(self, file: ImportFile) -> None:
        self._opened = self.path_edit.text().strip()
        self.error.clear_message()
        if file.is_workbook:
            text = self.tr("A spreadsheet with %Ln sheets; reading '%1', %2 columns.", "",
                           len(file.sheets))  # fmt: skip
            text = text.replace("%1", file.sheet).replace("%2", str(len(file.headers)))
        elif file.format is ImportFormat.CSV:
            assert file.dialect is not None
            text = self.tr("A CSV file with %1 columns, looks like: %2.")
            text = text.replace("%1", str(len(file.headers)))
            text = text.replace("%2", preset_label(self, file.preset))
        elif file.format is ImportFormat.VCARD:
            text = self.tr("A vCard file (contact cards).")
        else:
            text = self.tr(
                "A salesdesk JSON file: contacts come back with their stages, history and "
                "interactions."
            )
        self.info.setText(text)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.info.clear()
        self.error.show_message(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.w.file is not None

    def validatePage(self) -> bool:  # noqa: N802
        self.on_path_typed()  # typed a path and pressed Next at once
        return self.w.file is not None

    def nextId(self) -> int:  # noqa: N802
        return PAGE_READ if self.w.is_csv else PAGE_OPTIONS


class ReadPage(QWizardPage):
    """Encoding, delimiter and header row of a CSV file, with the first rows as read."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("How to read the file"))
        self.setSubTitle(
            self.tr("salesdesk guessed these; change them if the rows below look wrong.")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form = form
        self.sheet_combo = QComboBox(self)  # a workbook with several sheets: which one
        self.sheet_combo.setObjectName("import_sheet")
        form.addRow(self.tr("&Sheet:"), self.sheet_combo)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("import_encoding")
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setObjectName("import_delimiter")
        names = {",": self.tr("Comma ( , )"), ";": self.tr("Semicolon ( ; )"),
                 "\t": self.tr("Tab"), "|": self.tr("Vertical bar ( | )")}  # fmt: skip
        for value in choices.DELIMITERS:
            self.delimiter_combo.addItem(names.get(value, value), value)
        self.header_spin = QSpinBox(self)
        self.header_spin.setObjectName("import_header_row")
        self.header_spin.setRange(0, 50)
        self.header_spin.setSpecialValueText(self.tr("none (the file has no column names)"))
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        form.addRow(self.tr("Column names in row:"), self.header_spin)
        layout.addLayout(form)
        self.table = preview_table(self, "import_raw_preview")
        layout.addWidget(self.table, 1)
        self.issues = FieldMessage(self)
        layout.addWidget(self.issues)
        self._filling = False
        self.encoding_combo.currentIndexChanged.connect(lambda *_: self.reread())
        self.delimiter_combo.currentIndexChanged.connect(lambda *_: self.reread())
        self.header_spin.valueChanged.connect(lambda *_: self.reread())
        self.sheet_combo.currentIndexChanged.connect(lambda *_: self.choose_sheet())

    def initializePage(self) -> None:  # noqa: N802
        file = self.w.file
        assert file is not None and file.dialect is not None
        self._filling = True
        self.sheet_combo.clear()
        for sheet in file.sheets:
            self.sheet_combo.addItem(sheet, sheet)
        self.sheet_combo.setCurrentIndex(max(0, self.sheet_combo.findData(file.sheet)))
        self.form.setRowVisible(self.sheet_combo, len(file.sheets) > 1)
        # a spreadsheet's cells are read as they are: no encoding or delimiter to choose
        self.form.setRowVisible(self.encoding_combo, not file.is_workbook)
        self.form.setRowVisible(self.delimiter_combo, not file.is_workbook)
        self.encoding_combo.clear()
        for name in dict.fromkeys([file.dialect.encoding, *choices.ENCODINGS]):
            self.encoding_combo.addItem(name, name)
        self.delimiter_combo.setCurrentIndex(self.delimiter_combo.findData(file.dialect.delimiter))
        header = file.dialect.header_row
        self.header_spin.setValue(0 if header is None else header + 1)
        self._filling = False
        self.show_rows()

    def choose_sheet(self) -> None:
        file = self.w.file
        sheet = self.sheet_combo.currentData()
        if self._filling or file is None or not sheet or sheet == file.sheet:
            return
        try:
            self.w.set_file(with_sheet(file, sheet))
        except SalesdeskError as error:
            self.issues.show_message(str(error))
            return
        self.issues.clear_message()
        self.initializePage()  # the sheet's own header row and columns

    def reread(self) -> None:
        if self._filling or self.w.file is None:
            return
        spin = self.header_spin.value()
        try:
            self.w.set_file(
                with_dialect(
                    self.w.file,
                    encoding=self.encoding_combo.currentData(),
                    delimiter=self.delimiter_combo.currentData(),
                    header_row=None if spin == 0 else spin - 1,
                )
            )
        except SalesdeskError as error:
            self.issues.show_message(str(error))
            return
        self.show_rows()

    def show_rows(self) -> None:
        file = self.w.file
        assert file is not None
        try:
            shown = preview(file)
        except SalesdeskError as error:
            self.issues.show_message(str(error))
            return
        fill_table(self.table, list(file.headers), [list(r.cells) for r in shown.rows])
        self.table.setVerticalHeaderLabels([str(r.number) for r in shown.rows])
        problems = [
            self.tr("Row %1: %2").replace("%1", str(i.number)).replace("%2", i.reason)
            for i in shown.issues[:5]
        ]
        self.issues.show_message("\n".join(problems))

    def nextId(self) -> int:  # noqa: N802
        return PAGE_MAPPING

"""The import wizard's column page: which field each CSV column goes into (a preset, a
saved mapping, or column by column), with the first rows as they will be imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from salesdesk.domain.errors import SalesdeskError
from salesdesk.services import import_choices as choices
from salesdesk.services.importing import preview, with_mapping, with_preset
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.transfer.labels import target_label
from salesdesk.views.transfer.wizard import PAGE_OPTIONS
from salesdesk.views.transfer.wizard_pages import fill_table, preset_label, preview_table

if TYPE_CHECKING:
    from salesdesk.views.transfer.wizard import ImportWizard


class MappingPage(QWizardPage):
    """Which field each column goes into: a preset, a saved mapping, or column by column."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr("Choose what each column becomes. Columns salesdesk does not know go "
                    "into the notes; choose Skip to leave one out.")
        )  # fmt: skip
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("import_preset")
        for preset in choices.PRESETS:
            self.preset_combo.addItem(preset_label(self, preset), preset)
        self.saved_combo = QComboBox(self)
        self.saved_combo.setObjectName("import_saved")
        self.saved_combo.setMinimumContentsLength(14)
        self.load_button = QPushButton(self.tr("Use"), self)
        self.load_button.setObjectName("import_load_mapping")
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setObjectName("import_save_mapping")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("import_delete_mapping")
        top.addWidget(QLabel(self.tr("Made by:"), self))
        top.addWidget(self.preset_combo, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Saved mapping:"), self))
        top.addWidget(self.saved_combo, 1)
        for button in (self.load_button, self.save_button, self.delete_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("import_columns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Example"), self.tr("Import into")]
        )
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.columns, 3)
        layout.addWidget(QLabel(self.tr("The first rows as they will be imported:"), self))
        self.contacts = preview_table(self, "import_mapped_preview")
        layout.addWidget(self.contacts, 2)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.note = QLabel(self)
        self.note.setObjectName("import_mapping_note")
        layout.addWidget(self.note)
        self.combos: list[QComboBox] = []
        self.preset_combo.activated.connect(self.on_preset)
        self.load_button.clicked.connect(self.on_load)
        self.save_button.clicked.connect(self.on_save)
        self.delete_button.clicked.connect(self.on_delete)

    def initializePage(self) -> None:  # noqa: N802
        file = self.w.file
        assert file is not None
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(file.preset))
        self.refresh_saved()
        self.build_rows()

    def refresh_saved(self, select: str | None = None) -> None:
        self.saved_combo.clear()
        for name in self.w.mappings.names():
            self.saved_combo.addItem(name, name)
        if select is not None:
            self.saved_combo.setCurrentIndex(self.saved_combo.findData(select))
        has = self.saved_combo.count() > 0
        self.load_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def build_rows(self) -> None:
        file = self.w.file
        assert file is not None
        examples = preview(file, rows=3).rows
        self.columns.setRowCount(len(file.headers))
        self.combos = []
        for row, (header, target) in enumerate(zip(file.headers, file.mapping, strict=True)):
            self.columns.setItem(row, 0, QTableWidgetItem(header))
            sample = next(
                (r.cells[row] for r in examples if row < len(r.cells) and r.cells[row]), ""
            )
            item = QTableWidgetItem(" ".join(sample.split()))
            item.setToolTip(sample)
            self.columns.setItem(row, 1, item)
            combo = QComboBox(self.columns)
            combo.setObjectName(f"import_target_{row}")
            for value in choices.TARGETS:
                combo.addItem(target_label(value), value)
            combo.setCurrentIndex(combo.findData(target))
            combo.currentIndexChanged.connect(lambda *_: self.on_target_changed())
            self.columns.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.show_contacts()

    def mapping(self) -> list[str]:
        return [str(combo.currentData()) for combo in self.combos]

    def set_target(self, column: int, target: str) -> None:
        """Import column ``column`` into ``target`` (as picking it in its list)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(target))

    def on_target_changed(self) -> None:
        file = self.w.file
        assert file is not None
        try:
            self.w.set_file(with_mapping(file, self.mapping()))
        except SalesdeskError as error:
            self.message.show_message(str(error))
            return
        self.show_contacts()

    def on_preset(self) -> None:
        file = self.w.file
        assert file is not None
        self.w.set_file(with_preset(file, self.preset_combo.currentData()))
        self.build_rows()

    def on_load(self) -> None:
        file = self.w.file
        saved = self.w.mappings.get(self.saved_combo.currentData() or "")
        if file is None or saved is None:
            return
        try:
            mapping = choices.mapping_from_saved(file.headers, saved, file.preset)
            self.w.set_file(with_mapping(file, mapping))
        except SalesdeskError as error:
            self.message.show_message(str(error))
            return
        self.build_rows()

    def on_save(self) -> None:
        file = self.w.file
        assert file is not None
        name = self.w.ask_name(self.saved_combo.currentData() or preset_label(self, file.preset))
        if not name:
            return
        self.w.mappings.save(name, choices.mapping_to_saved(file.headers, self.mapping()))
        self.refresh_saved(select=name)
        self.note.setText(self.tr("Saved as “%1”.").replace("%1", name))

    def on_delete(self) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.w.mappings.delete(name)
            self.refresh_saved()

    def show_contacts(self) -> None:
        file = self.w.file
        assert file is not None
        try:
            shown = preview(file)
        except SalesdeskError as error:
            self.message.show_message(str(error))
            return
        rows = []
        for r in shown.rows:
            c = r.contact
            rows.append([
                " ".join(p for p in (c.first_name, c.last_name) if p), c.company,
                ", ".join(e.value for e in c.emails), ", ".join(p.value for p in c.phones),
                ", ".join(c.tags), " / ".join(r.warnings) or c.notes,
            ])  # fmt: skip
        fill_table(
            self.contacts,
            [self.tr("Name"), self.tr("Company"), self.tr("E-mail"), self.tr("Phone"),
             self.tr("Tags"), self.tr("Notes")],
            rows,
        )  # fmt: skip
        self.contacts.setVerticalHeaderLabels([str(r.number) for r in shown.rows])
        self.message.clear_message()

    def nextId(self) -> int:  # noqa: N802
        return PAGE_OPTIONS

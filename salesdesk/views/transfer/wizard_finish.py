"""The import wizard's last pages: stage, source and tag; duplicates; the import; the rows
that could not be imported."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from salesdesk.domain.contact import LeadSource
from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.services.importing import (
    DuplicateAction,
    ImportFormat,
    ImportOptions,
    default_options,
)
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.detail.labels import source_label, stage_label
from salesdesk.views.transfer.labels import reason_label
from salesdesk.views.transfer.wizard import PAGE_DUPLICATES, PAGE_RESULT, PAGE_SUMMARY

if TYPE_CHECKING:
    from salesdesk.views.transfer.wizard import ImportWizard

MAX_DUPLICATE_ROWS = 500  # rows with their own choice; the rest follow "for all"
ACTIONS = (DuplicateAction.UPDATE, DuplicateAction.SKIP, DuplicateAction.NEW)


def action_label(page: QWizardPage, action: DuplicateAction) -> str:
    return {
        DuplicateAction.UPDATE: QCoreApplication.translate(
            "ImportWizard", "Update the existing contact (fill empty fields)"
        ),
        DuplicateAction.SKIP: QCoreApplication.translate("ImportWizard", "Skip it"),
        DuplicateAction.NEW: QCoreApplication.translate(
            "ImportWizard", "Import it as a new contact"
        ),
    }[action]


def short_action_label(page: QWizardPage, action: DuplicateAction) -> str:
    return {
        DuplicateAction.UPDATE: QCoreApplication.translate(
            "ImportWizard", "Update (fill empty fields)"
        ),
        DuplicateAction.SKIP: QCoreApplication.translate("ImportWizard", "Skip"),
        DuplicateAction.NEW: QCoreApplication.translate("ImportWizard", "Import as new"),
    }[action]


class OptionsPage(QWizardPage):
    """Where the contacts land (stage), where they came from (source), a tag to find them,
    and what to do by default with a contact that is already there."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Stage, source and tag"))
        self.setSubTitle(self.tr("These apply to every imported contact."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("import_stage")
        self.stage_combo.addItem(self.tr("As in the file (New where it says nothing)"), None)
        for stage in STAGE_ORDER:
            self.stage_combo.addItem(stage_label(stage), stage)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("import_source")
        self.source_combo.addItem(self.tr("As in the file"), None)
        for source in LeadSource:
            self.source_combo.addItem(source_label(source), source)
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("import_tag")
        form.addRow(self.tr("Stage:"), self.stage_combo)
        form.addRow(self.tr("Source:"), self.source_combo)
        form.addRow(self.tr("Tag:"), self.tag_edit)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A contact that is already in salesdesk:"), self))
        self.duplicate_group = QButtonGroup(self)
        for n, action in enumerate(ACTIONS):
            radio = QRadioButton(action_label(self, action), self)
            radio.setObjectName(f"import_default_{action.value}")
            self.duplicate_group.addButton(radio, n)
            layout.addWidget(radio)
        self.duplicate_group.button(0).setChecked(True)
        hint = QLabel(self.tr("You can decide for each duplicate on the next page."), self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.message = FieldMessage(self)
        self.message.setObjectName("import_options_message")
        layout.addWidget(self.message)
        self._for: object = None

    def initializePage(self) -> None:  # noqa: N802
        file = self.w.file
        assert file is not None
        if self._for is file:
            return  # back and forth: keep what the user chose
        self._for = file
        defaults = default_options(
            file, self.w.today(), self.w.preferences.import_tag_for(self.w.today())
        )
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(defaults.stage))
        self.source_combo.setCurrentIndex(self.source_combo.findData(defaults.source))
        self.tag_edit.setText(defaults.tag)
        self.message.clear_message()

    def options(self) -> ImportOptions:
        file = self.w.file
        assert file is not None
        return ImportOptions(
            stage=self.stage_combo.currentData(),
            source=self.source_combo.currentData(),
            source_detail=file.name if file.format is not ImportFormat.JSON else "",
            tag=self.tag_edit.text().strip(),
            on_duplicate=ACTIONS[max(0, self.duplicate_group.checkedId())],
        )

    def validatePage(self) -> bool:  # noqa: N802
        self.w.options = self.options()
        if self.w.plan is not None and self.w.plan.file is self.w.file:
            return True
        self.w.plan_now()  # goes on by itself when the check is done
        return False

    def nextId(self) -> int:  # noqa: N802
        plan = self.w.plan
        return PAGE_DUPLICATES if plan is not None and plan.duplicates else PAGE_SUMMARY


class DuplicatesPage(QWizardPage):
    """Each incoming contact that matches a stored one (or an earlier row), with a choice."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Duplicates"))
        self.setSubTitle(self.tr("Contacts of the file that seem to be in salesdesk already."))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.all_combo = QComboBox(self)
        self.all_combo.setObjectName("import_all_duplicates")
        for action in ACTIONS:
            self.all_combo.addItem(action_label(self, action), action)
        self.apply_all = QPushButton(self.tr("Apply to all"), self)
        self.apply_all.setObjectName("import_apply_all")
        row.addWidget(QLabel(self.tr("For all:"), self))
        row.addWidget(self.all_combo, 1)
        row.addWidget(self.apply_all)
        layout.addLayout(row)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("import_duplicates")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("In the file"), self.tr("Already in salesdesk"),
             self.tr("Why"), self.tr("What to do")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 170)
        layout.addWidget(self.table, 1)
        self.combos: dict[int, QComboBox] = {}  # row number -> its choice
        self.apply_all.clicked.connect(self.on_apply_all)

    def initializePage(self) -> None:  # noqa: N802
        plan, options = self.w.plan, self.w.options
        assert plan is not None and options is not None
        duplicates = plan.duplicates
        shown = duplicates[:MAX_DUPLICATE_ROWS]
        stored_ids = [item.matches[0].contact_id for item in shown if item.matches]
        cards = {c.id: c for c in self.w.service.cards(stored_ids)}
        self.all_combo.setCurrentIndex(ACTIONS.index(options.on_duplicate))
        self.table.setRowCount(len(shown))
        self.combos = {}
        for r, item in enumerate(shown):
            c = item.contact
            incoming = " ".join(p for p in (c.first_name, c.last_name) if p) or c.company
            if c.emails:
                incoming += f" <{c.emails[0].value}>"
            if item.matches:
                card = cards.get(item.matches[0].contact_id)
                there = f"{card.name} · {card.company}" if card and card.company else (
                    card.name if card else "?")  # fmt: skip
                why = ", ".join(reason_label(x) for x in item.matches[0].reasons)
            else:
                there = self.tr("Row %1 of this file").replace("%1", str(item.same_as_row))
                why = self.tr("repeats an earlier row")
            for column, text in enumerate((str(item.number), incoming, there, why)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(r, column, cell)
            combo = QComboBox(self.table)
            combo.setObjectName(f"import_duplicate_{item.number}")
            for action in ACTIONS:
                combo.addItem(short_action_label(self, action), action)
            combo.setCurrentIndex(ACTIONS.index(options.action_for(item.number)))
            self.table.setCellWidget(r, 4, combo)
            self.combos[item.number] = combo
        more = len(duplicates) - len(shown)
        text = self.tr(
            "%1 contact(s) of the file seem to be in salesdesk already. Choose for each what "
            "to do, or for all at once."
        ).replace("%1", f"{len(duplicates):,}")
        if more > 0:
            text += " " + self.tr("The %1 not listed follow the choice for all.").replace(
                "%1", f"{more:,}"
            )
        self.summary.setText(text)

    def on_apply_all(self) -> None:
        for combo in self.combos.values():
            combo.setCurrentIndex(self.all_combo.currentIndex())

    def set_action(self, number: int, action: DuplicateAction) -> None:
        """Choose for the duplicate of row ``number`` (as picking it in its list)."""
        combo = self.combos[number]
        combo.setCurrentIndex(ACTIONS.index(action))

    def validatePage(self) -> bool:  # noqa: N802
        options = self.w.options
        assert options is not None
        everyone = self.all_combo.currentData()
        decisions = {n: combo.currentData() for n, combo in self.combos.items()}
        self.w.options = dataclasses.replace(options, on_duplicate=everyone, decisions=decisions)
        return True

    def nextId(self) -> int:  # noqa: N802
        return PAGE_SUMMARY


class SummaryPage(QWizardPage):
    """What will happen; Import runs it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Ready to import"))
        self.setSubTitle(self.tr("Nothing has been changed yet."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("import_summary")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.message = FieldMessage(self)
        self.message.setObjectName("import_run_message")
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802
        plan, options = self.w.plan, self.w.options
        assert plan is not None and options is not None
        new = update = skip = 0
        for item in plan.items:
            action = options.action_for(item.number)
            if not item.is_duplicate or action is DuplicateAction.NEW:
                new += 1
            elif action is DuplicateAction.UPDATE:
                update += 1
            else:
                skip += 1
        lines = [
            self.tr("%Ln new contacts", "", new),
            self.tr("%Ln existing contacts filled in", "", update),
            self.tr("%Ln duplicates skipped", "", skip),
        ]
        failed = len(plan.skipped_rows)
        if failed:
            lines.append(
                self.tr("%Ln rows cannot be imported; they are listed afterwards.", "", failed)
            )
        where = stage_label(options.stage) if options.stage else self.tr("the stages of the file")
        self.text.setText(
            "<br>".join(lines)
            + "<br><br>"
            + self.tr("New contacts go to %1").replace("%1", where)
            + (self.tr(", tagged “%1”.").replace("%1", options.tag) if options.tag else ".")
            + "<br>"
            + self.tr("The import is one step: Undo (Ctrl+Z) takes all of it back.")
        )
        self.message.clear_message()

    def validatePage(self) -> bool:  # noqa: N802
        if self.w.result_ is not None:
            return True
        self.w.import_now()  # goes on by itself when the import is done
        return False

    def nextId(self) -> int:  # noqa: N802
        return PAGE_RESULT


class ResultPage(QWizardPage):
    """What the import did, and each row that could not be imported with the reason."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Done"))
        self.setSubTitle(self.tr("The contacts are on the board."))
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("import_result")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("import_problems")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problem")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:  # noqa: N802
        result = self.w.result_
        assert result is not None
        text = ", ".join((
            self.tr("%Ln contacts imported", "", len(result.created)),
            self.tr("%Ln existing contacts filled in", "", len(result.updated)),
            self.tr("%Ln duplicates skipped", "", len(result.skipped)),
        )) + "."  # fmt: skip
        problems = sorted(result.issues, key=lambda i: (not i.skipped, i.number))
        not_imported = sum(1 for i in problems if i.skipped)
        if not_imported:
            text += " " + self.tr("%Ln rows could not be imported:", "", not_imported)
        elif problems:
            text += " " + self.tr("Some rows were imported with changes:")
        self.text.setText(text)
        self.table.setRowCount(len(problems))
        for r, issue in enumerate(problems):
            self.table.setItem(r, 0, QTableWidgetItem(str(issue.number)))
            reason = (
                issue.reason
                if issue.skipped
                else self.tr("Imported, but: %1").replace("%1", issue.reason)
            )
            cell = QTableWidgetItem(reason)
            cell.setToolTip(reason)
            self.table.setItem(r, 1, cell)
        self.table.setVisible(bool(problems))

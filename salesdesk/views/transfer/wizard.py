"""ImportWizard: file -> how to read it -> columns -> stage, source, tag -> duplicates ->
import (in a worker thread, with progress and Cancel) -> what could not be imported."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget, QWizard

from salesdesk.domain.errors import SalesdeskError
from salesdesk.services.import_run import ImportResult, run_import
from salesdesk.services.importing import (
    ImportCancelled,
    ImportFile,
    ImportFormat,
    ImportOptions,
    ImportPlan,
    open_import,
    plan_import,
)
from salesdesk.services.preferences import Preferences
from salesdesk.views.transfer.background import BackgroundCall
from salesdesk.views.transfer.progress import WorkProgress
from salesdesk.views.transfer.saved_mappings import SavedMappings
from salesdesk.views.undo import ServiceRunner

log = logging.getLogger(__name__)

PAGE_FILE, PAGE_READ, PAGE_MAPPING, PAGE_OPTIONS, PAGE_DUPLICATES, PAGE_SUMMARY, PAGE_RESULT = (
    range(7)
)
FILE_FILTER = "*.csv *.tsv *.txt *.vcf *.vcard *.json *.xlsx *.xlsm *.xls *.ods"

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class ImportWizard(QWizard):
    """Imports one file; the import is one undo step of the window's undo stack."""

    def __init__(
        self,
        runner: ServiceRunner,
        settings: QSettings,
        path: str | None = None,
        parent: QWidget | None = None,
        preferences: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        from salesdesk.views.transfer.wizard_finish import (
            DuplicatesPage,
            OptionsPage,
            ResultPage,
            SummaryPage,
        )
        from salesdesk.views.transfer.wizard_mapping import MappingPage
        from salesdesk.views.transfer.wizard_pages import FilePage, ReadPage

        self.runner = runner
        self.service = runner.service
        self.preferences = preferences or Preferences()  # import tag, phone label
        self.mappings = SavedMappings(settings)
        self.file: ImportFile | None = None
        self.plan: ImportPlan | None = None
        self.options: ImportOptions | None = None
        self.result_: ImportResult | None = None
        self.job: BackgroundCall | None = None
        self.progress: WorkProgress | None = None
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.read_page = ReadPage(self)
        self.mapping_page = MappingPage(self)
        self.options_page = OptionsPage(self)
        self.duplicates_page = DuplicatesPage(self)
        self.summary_page = SummaryPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.read_page, self.mapping_page, self.options_page,
             self.duplicates_page, self.summary_page, self.result_page)
        ):  # fmt: skip
            self.setPage(page_id, page)
        self.resize(900, 640)
        if path:
            self.file_page.path_edit.setText(path)
            self.open_path(path)

    # --- the file ------------------------------------------------------------------------

    @property
    def is_csv(self) -> bool:
        return self.file is not None and self.file.format is ImportFormat.CSV

    def open_path(self, path: str, format: ImportFormat | None = None) -> bool:
        """Read and recognise the file; on failure the file page says why."""
        try:
            opened = open_import(path, format=format)
            self.file = dataclasses.replace(opened, phone_label=self.preferences.phone_label)
        except SalesdeskError as error:
            self.file = None
            self.file_page.show_error(str(error))
            return False
        except OSError as error:
            self.file = None
            self.file_page.show_error(
                self.tr("'%1' cannot be read (%2).")
                .replace("%1", path)
                .replace("%2", error.strerror or str(error))
            )
            return False
        self.plan = None
        self.file_page.show_file(self.file)
        return True

    def set_file(self, file: ImportFile) -> None:
        """The file read another way or with another mapping: any plan is out of date."""
        self.file = file
        self.plan = None

    def choose_path(self) -> str:
        """Ask which file to import (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts from"),
            self.file_page.path_edit.text(),
            self.tr("Contact files (%1);;All files (*)").replace("%1", FILE_FILTER),
        )
        return path

    def ask_name(self, suggestion: str) -> str | None:
        """Ask for the name to save a mapping under (tests replace this)."""
        name, ok = QInputDialog.getText(
            self, self.tr("Save the mapping"), self.tr("Name:"), text=suggestion
        )
        return name.strip() if ok and name.strip() else None

    def today(self) -> dt.date:
        return self.service.clock().astimezone().date()

    # --- work in the background --------------------------------------------------------

    def run_job(
        self,
        title: str,
        what: str,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run ``work(progress, cancelled)`` off the GUI thread behind a progress window;
        then ``done(result)``, or ``failed(message)`` (cancelled, refused, broken)."""
        progress = WorkProgress(title, what, self)
        self.progress = progress
        call = BackgroundCall(
            self.service, lambda: work(report, progress.cancel_event.is_set), self
        )
        report = progress.relay.report if call.threaded else progress.pump
        self.job = call

        def finish(result: Any) -> None:
            self._close_progress()
            done(result)

        def fail(error: BaseException) -> None:
            self._close_progress()
            if isinstance(error, ImportCancelled):
                failed(self.tr("The import was cancelled; nothing was changed."))
            elif isinstance(error, SalesdeskError):
                failed(str(error))
            else:  # a bug: say so rather than pretend nothing happened
                log.error("import step failed", exc_info=error)
                failed(self.tr("Something went wrong: %1").replace("%1", repr(error)))

        call.succeeded.connect(finish)
        call.failed.connect(fail)
        progress.show()
        call.start()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.done(0)
            self.progress.deleteLater()
            self.progress = None

    def plan_now(self) -> None:
        """Check every row and look for duplicates, then go on to the next page."""
        file = self.file
        assert file is not None
        service = self.service

        def work(report: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return plan_import(service, file, progress=report, cancelled=cancelled)

        def done(plan: ImportPlan) -> None:
            self.plan = plan
            self.next()

        self.options_page.message.clear_message()
        self.run_job(
            self.tr("Checking the file"),
            self.tr("Checking rows and looking for duplicates"),
            work,
            done,
            self.options_page.message.show_message,
        )

    def import_now(self) -> None:
        """Write the import (one transaction, one undo step), then show the result page."""
        plan, options = self.plan, self.options
        assert plan is not None and options is not None
        service = self.service

        def work(report: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            return run_import(service, plan, options, progress=report, cancelled=cancelled)

        def done(result: ImportResult) -> None:
            self.result_ = result
            outcome = result.outcome
            if outcome is not None:
                self.runner.execute(lambda: outcome)
            self.next()

        self.summary_page.message.clear_message()
        self.run_job(
            self.tr("Importing"), self.tr("Importing contacts"), work, done,
            self.summary_page.message.show_message,
        )  # fmt: skip

    def done(self, result: int) -> None:  # noqa: A003 - QDialog.done
        if self.job is not None and not self.job.done:
            return  # closing waits for the work: its progress window has the Cancel
        super().done(result)

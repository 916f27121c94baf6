"""ReportsWindow (View ▸ Reports): one tab per report over a date range and filters, charts
with numbers, export as PDF, PNG or CSV; a click on a number filters the board."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.contact import LeadSource
from salesdesk.domain.errors import SalesdeskError
from salesdesk.services.reports import Report, ReportQuery, ReportService
from salesdesk.views.detail.labels import source_label
from salesdesk.views.events import AppEvents
from salesdesk.views.reports import export
from salesdesk.views.reports.pipeline_tabs import FunnelTab, TimeTab
from salesdesk.views.reports.probabilities import (
    ProbabilitiesDialog,
    load_probabilities,
    save_probabilities,
)
from salesdesk.views.reports.source_tabs import SourcesTab
from salesdesk.views.reports.tab_base import ReportTab
from salesdesk.views.reports.trend_tabs import ActivityTab, ReasonsTab
from salesdesk.views.reports.value_tab import ValueTab
from salesdesk.views.undo import ServiceRunner

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow

DEFAULT_DAYS = 90
REFRESH_DELAY_MS = 400  # after a change elsewhere: several changes come in a row


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ReportsWindow(QWidget):
    """The reports of the open database. ``contacts_requested`` carries the ids behind a
    clicked number, ``contact_opened`` a contact to show in the detail pane."""

    contacts_requested = Signal(object, str)  # ids, what they are
    contact_opened = Signal(int)

    def __init__(
        self,
        runner: ServiceRunner,
        events: AppEvents,
        settings: QSettings,
        parent: QWidget | None = None,
        tz: dt.tzinfo | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reports_window")
        self.setWindowTitle(self.tr("Reports – salesdesk"))
        self.runner = runner
        self.settings = settings
        self.tz = tz
        self.error = ""
        top = QHBoxLayout()
        self.first = self._date_edit("report_from")
        self.last = self._date_edit("report_to")
        top.addWidget(QLabel(self.tr("From:"), self))
        top.addWidget(self.first)
        top.addWidget(QLabel(self.tr("To:"), self))
        top.addWidget(self.last)
        self.source = self._combo("report_source", self.tr("All sources"))
        self.event = self._combo("report_event", self.tr("All events"))
        self.tag = self._combo("report_tag", self.tr("All tags"))
        for combo in (self.source, self.event, self.tag):
            top.addWidget(combo)
        top.addStretch(1)
        self.probabilities = QPushButton(self.tr("Probabilities…"), self)
        self.probabilities.setObjectName("probabilities_button")
        self.probabilities.clicked.connect(self.edit_probabilities)
        top.addWidget(self.probabilities)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("export_button")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for fmt, text in (
            ("pdf", self.tr("PDF…")),
            ("png", self.tr("PNG image…")),
            ("csv", self.tr("CSV table…")),
        ):
            menu.addAction(text, lambda f=fmt: self.on_export(f))
        self.export_button.setMenu(menu)
        top.addWidget(self.export_button)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("report_tabs")
        self.pages: list[ReportTab] = [
            FunnelTab(self),
            TimeTab(self),
            SourcesTab(self),
            ReasonsTab(self),
            ActivityTab(self),
            ValueTab(self),
        ]
        titles = [
            self.tr("Funnel"),
            self.tr("Time in stage"),
            self.tr("Sources and events"),
            self.tr("Unqualified reasons"),
            self.tr("Activity"),
            self.tr("Value"),
        ]
        for page, title in zip(self.pages, titles, strict=True):
            self.tabs.addTab(page, title)
            page.contacts_requested.connect(self.contacts_requested)
            page.contact_opened.connect(self.contact_opened)
            page.names = lambda ids: {c.id: c.name for c in self.runner.service.cards(ids)}
        activity = self.pages[4]
        assert isinstance(activity, ActivityTab)
        activity.bucket_requested.connect(self.on_activity_clicked)
        activity.member_requested.connect(self.on_member_clicked)
        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        today = self.service().today()
        self.first.setDate(_qdate(today - dt.timedelta(days=DEFAULT_DAYS - 1)))
        self.last.setDate(_qdate(today))
        self.fill_filters()
        self.later = QTimer(self)
        self.later.setSingleShot(True)
        self.later.setInterval(REFRESH_DELAY_MS)
        self.later.timeout.connect(self.refresh)
        events.changes_applied.connect(lambda _: self.later.start())
        for edit in (self.first, self.last):
            edit.dateChanged.connect(lambda _: self.refresh())
        for combo in (self.source, self.event, self.tag):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        self.resize(1100, 720)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        return edit

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def service(self) -> ReportService:
        """A ReportService over the runner's current database (it may have been switched)."""
        return ReportService(
            self.runner.service, tz=self.tz, probabilities=load_probabilities(self.settings)
        )

    def fill_filters(self) -> None:
        service = self.service()
        for combo in (self.source, self.event, self.tag):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
        for key in service.sources_in_use():
            self.source.addItem(source_label(LeadSource(key)), key)
        self.source.addItem(source_label(None), "none")
        for name in service.events_in_use():
            self.event.addItem(name, name)
        for name in service.tags_in_use():
            self.tag.addItem(name, name)
        for combo in (self.source, self.event, self.tag):
            combo.blockSignals(False)

    def query(self) -> ReportQuery:
        return ReportQuery(
            _date(self.first.date()),
            _date(self.last.date()),
            self.source.currentData(),
            self.event.currentData(),
            self.tag.currentData(),
            by_author=True,  # the activity tab shows each member's part (issue 13)
        )

    @property
    def page(self) -> ReportTab:
        page = self.tabs.currentWidget()
        assert isinstance(page, ReportTab)
        return page

    def current_reports(self) -> list[Report]:
        return list(self.page.reports.values())

    def refresh(self) -> None:
        """Compute the reports of the shown tab for the chosen range and filters."""
        self.later.stop() if hasattr(self, "later") else None
        service, query = self.service(), self.query()
        try:
            reports = {kind: service.report(kind, query) for kind in self.page.kinds}
        except SalesdeskError as error:
            self.error = str(error)
            self.status.setText(self.error)
            return
        self.error = ""
        self.page.show_reports(reports)
        period = next(iter(reports.values())).period
        self.status.setText(self.subtitle(period.first, period.last))

    def subtitle(self, first: dt.date, last: dt.date) -> str:
        parts = [
            self.tr("%1 to %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())
        ]
        for combo in (self.source, self.event, self.tag):
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        return " · ".join(parts)

    def on_activity_clicked(self, channel: object, bucket: dt.date) -> None:
        ids = self.service().activity_contacts(self.query(), channel, bucket)  # type: ignore[arg-type]
        self.contacts_requested.emit(tuple(ids), "")

    def on_member_clicked(self, author: str, bucket: dt.date) -> None:
        ids = self.service().activity_contacts(self.query(), None, bucket, author)
        self.contacts_requested.emit(tuple(ids), "")

    def edit_probabilities(self) -> ProbabilitiesDialog:
        dialog = ProbabilitiesDialog(load_probabilities(self.settings), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def done(result: int) -> None:
            if result == ProbabilitiesDialog.DialogCode.Accepted:
                save_probabilities(self.settings, dialog.values())
                self.refresh()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    # --- export ---------------------------------------------------------------------------

    def on_export(self, fmt: str) -> None:
        filters = {
            "pdf": self.tr("PDF files (*.pdf)"),
            "png": self.tr("PNG images (*.png)"),
            "csv": self.tr("CSV files (*.csv)"),
        }
        name = self.tabs.tabText(self.tabs.currentIndex()).replace(" ", "-").lower()
        suggested = str(Path.home() / f"salesdesk-{name}-{dt.date.today():%Y-%m-%d}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), suggested, filters[fmt]
        )
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> bool:
        """Write the shown report; a failure is said in the status line."""
        try:
            if fmt == "pdf":
                title = self.tabs.tabText(self.tabs.currentIndex())
                export.export_pdf(self.page, title, self.status.text(), path)
            elif fmt == "png":
                export.export_png(self.page, path)
            else:
                export.export_csv(self.current_reports(), path)
        except OSError as error:
            self.status.setText(self.tr("Export failed: %1").replace("%1", str(error)))
            return False
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
        return True


def open_reports(window: MainWindow) -> ReportsWindow:
    """Show the reports window of ``window`` (one per main window), wired to its board."""
    from salesdesk.views.reports.board_filter import BoardFilter

    found = window.findChild(ReportsWindow)
    if found is None:
        found = ReportsWindow(window.runner, window.events, window.settings.qsettings, window)
        board_filter = BoardFilter(window)
        found.contacts_requested.connect(board_filter.apply)
        found.contact_opened.connect(window.open_details)
    else:
        found.fill_filters()
        found.refresh()
    found.show()
    found.activateWindow()
    return found

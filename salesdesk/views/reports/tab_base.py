"""The base of the report tabs: a headline, charts and tables whose numbers can be
clicked (a click asks for the contacts behind a number), and the number formats they share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from salesdesk.services.reports import Report
from salesdesk.views.reports.charts import Bar, BarChart

IDS_ROLE = Qt.ItemDataRole.UserRole + 1
Ids = tuple[int, ...]


def percent(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value * 100, "f", 0) + " %"


def number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else QLocale().toString(float(value), "f", digits)


class ReportTab(QWidget):
    """Base of a tab: a headline, charts, maybe a table; ``contacts_requested`` carries ids,
    ``contact_opened`` one contact to show, ``key_requested`` a bar whose ids come later."""

    contacts_requested = Signal(object, str)  # ids, what they are
    contact_opened = Signal(int)
    kinds: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("report_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.summary)
        self.charts: list[BarChart] = []
        self.tables: list[QTreeWidget] = []
        self.reports: dict[str, Report] = {}
        self.names: Callable[[Sequence[int]], dict[int, str]] = lambda ids: {}

    def add_chart(self, name: str, title: str, stretch: int = 1) -> BarChart:
        if title:
            heading = QLabel(title, self)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.layout_.addWidget(heading)
        chart = BarChart(self)
        chart.setObjectName(name)
        chart.bar_clicked.connect(self.on_bar_clicked)
        self.layout_.addWidget(chart, stretch)
        self.charts.append(chart)
        return chart

    def add_table(self, name: str, headers: list[str]) -> QTreeWidget:
        table = QTreeWidget(self)
        table.setObjectName(name)
        table.setRootIsDecorated(False)
        table.setHeaderLabels(headers)
        table.setUniformRowHeights(True)
        table.itemClicked.connect(self.on_cell_clicked)
        self.layout_.addWidget(table, 1)
        self.tables.append(table)
        return table

    def on_bar_clicked(self, bar: Bar) -> None:
        self.contacts_requested.emit(bar.ids, bar.tooltip)

    def on_cell_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        data = item.data(column, IDS_ROLE)
        if isinstance(data, tuple):
            self.contacts_requested.emit(data, item.text(0))
        elif isinstance(data, int):
            self.contact_opened.emit(data)

    def show_reports(self, reports: dict[str, Report]) -> None:
        self.reports = reports

    def click_hint(self) -> str:
        return self.tr("Click to show these contacts on the board.")


def make_bar(value: float, text: str, tip: str, ids: Ids = (), key: object = None) -> Bar:
    return Bar(value, text, tip, ids, key)


def table_item(values: list[str], ids: list[Any], numeric: Sequence[int] = ()) -> QTreeWidgetItem:
    item = QTreeWidgetItem(values)
    for column, found in enumerate(ids):
        if found is not None:
            item.setData(column, IDS_ROLE, found)
        if column in numeric:
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
    return item

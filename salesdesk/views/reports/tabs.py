"""The report tabs: each turns report figures into charts and small tables with numbers
that can be clicked (a click asks for the contacts behind a number)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.stages import STAGE_ORDER, UnqualifiedReason
from salesdesk.services.reports import Report
from salesdesk.views.channels import channel_label
from salesdesk.views.detail.labels import rating_label, reason_label, source_label, stage_label
from salesdesk.views.reports.charts import Bar, BarChart, chart_data

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


def _bar(value: float, text: str, tip: str, ids: Ids = (), key: object = None) -> Bar:
    return Bar(value, text, tip, ids, key)


def _item(values: list[str], ids: list[Any], numeric: Sequence[int] = ()) -> QTreeWidgetItem:
    item = QTreeWidgetItem(values)
    for column, found in enumerate(ids):
        if found is not None:
            item.setData(column, IDS_ROLE, found)
        if column in numeric:
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
    return item


class FunnelTab(ReportTab):
    """Reached each level, in both definitions, and the fall-backs beside it."""

    kinds = ("funnel",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("funnel_chart", "", 3)
        self.backs = self.add_chart("fallback_chart", self.tr("Fall-backs"), 2)

    def level_names(self) -> list[str]:
        return [self.tr("Leads"), self.tr("Prospects"), self.tr("Customers")]

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        f: Any = reports["funnel"].figures
        names = self.level_names()
        rows = []
        for i, step in enumerate(f.steps):
            row = []
            for in_order, ids in ((False, step.any_time), (True, step.in_order)):
                rate = f.conversion(i, in_order) if i else None
                how = self.tr("in order") if in_order else self.tr("at any time")
                tip = self.tr("%1 reached %2 %3 in the period").replace("%1", str(len(ids)))
                tip = tip.replace("%2", names[i]).replace("%3", how)
                if rate is not None:
                    tip += "\n" + self.tr("%1 of the step before").replace("%1", percent(rate))
                row.append(_bar(len(ids), str(len(ids)), tip + "\n" + self.click_hint(), ids))
            rows.append(row)
        self.chart.set_data(
            chart_data(
                names,
                [self.tr("Reached at any time"), self.tr("Reached in order")],
                rows,
                empty_text=self.tr("No stage changes in this period."),
            )
        )
        backs = [
            (self.tr("Prospect → lead"), f.prospect_fallbacks),
            (self.tr("Customer left"), f.customers_left),
            (self.tr("Unqualified"), f.disqualified),
        ]
        self.backs.set_data(
            chart_data(
                [n for n, _ in backs],
                [self.tr("Contacts")],
                [
                    [_bar(len(ids), str(len(ids)), f"{n}: {len(ids)}\n{self.click_hint()}", ids)]
                    for n, ids in backs
                ],
                empty_text=self.tr("No fall-backs."),
            )
        )
        lines = [
            self.tr("Conversion lead → prospect: %1 at any time, %2 in order.")
            .replace("%1", percent(f.conversion(1, False)))
            .replace("%2", percent(f.conversion(1, True))),
            self.tr("Conversion prospect → customer: %1 at any time, %2 in order.")
            .replace("%1", percent(f.conversion(2, False)))
            .replace("%2", percent(f.conversion(2, True))),
            self.tr(
                "At any time: reached the level in the period. In order: reached it after "
                "the level before, both in the period."
            ),
        ]
        self.summary.setText("\n".join(lines))


class TimeTab(ReportTab):
    """Median and mean days per stage; the slowest contacts (a click opens the card)."""

    kinds = ("time-in-stage",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("time_chart", "", 3)
        self.slowest = self.add_table(
            "slowest_table",
            [self.tr("Stage"), self.tr("Contact"), self.tr("Days"), self.tr("Still there")],
        )

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        f: Any = reports["time-in-stage"].figures
        rows = []
        for stage in STAGE_ORDER:
            t = f[stage]
            tip = (
                self.tr("%1: %2 stays ended in the period; median %3 days, mean %4 days")
                .replace("%1", stage_label(stage))
                .replace("%2", str(len(t.completed_seconds)))
                .replace("%3", number(t.median_days))
                .replace("%4", number(t.mean_days))
            )
            tip += "\n" + self.tr("%1 still there at the end, for %2 days (median)").replace(
                "%1", str(len(t.open_seconds))
            ).replace("%2", number(t.open_median_days))
            tip += "\n" + self.click_hint()
            rows.append(
                [
                    _bar(t.median_days or 0, number(t.median_days), tip, t.completed_ids),
                    _bar(t.mean_days or 0, number(t.mean_days), tip, t.completed_ids),
                ]
            )
        self.chart.set_data(
            chart_data(
                [stage_label(s) for s in STAGE_ORDER],
                [self.tr("Median days"), self.tr("Mean days")],
                rows,
                empty_text=self.tr("No contacts."),
            )
        )
        self.slowest.clear()
        slow = [x for s in STAGE_ORDER for x in f[s].slowest]
        names = self.names([x.contact_id for x in slow])
        for x in slow:
            name = names.get(x.contact_id, f"#{x.contact_id}")
            still = self.tr("yes") if x.open else ""
            item = _item(
                [stage_label(x.stage), name, number(x.days), still],
                [None, x.contact_id, None, None],
                numeric=(2,),
            )
            self.slowest.addTopLevelItem(item)
        for column in range(4):
            self.slowest.resizeColumnToContents(column)
        self.summary.setText(
            self.tr(
                "Bars: stays that ended in the period. The table: the slowest of those and of "
                "the stays still open at its end; click a name to open the card."
            )
        )


def _source_name(key: str) -> str:
    if not key:
        return source_label(None)
    try:
        return source_label(LeadSource(key))
    except ValueError:
        return key


class SourcesTab(ReportTab):
    """Leads, prospects and customers per source and per event; event follow-up discipline."""

    kinds = ("sources", "events")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("sources_chart", self.tr("Sources"), 2)
        self.events = self.add_chart("events_chart", self.tr("Events"), 2)
        self.table = self.add_table(
            "events_table",
            [
                self.tr("Event"),
                self.tr("Leads"),
                rating_label(Rating.HOT),
                rating_label(Rating.WARM),
                rating_label(Rating.COLD),
                self.tr("Hot contacted ≤ 24 h"),
                self.tr("Hot contacted ≤ 48 h"),
                self.tr("Win rate"),
            ],
        )

    def _bars(self, lines: Any, name: Callable[[str], str]) -> list[list[Bar | None]]:
        rows: list[list[Bar | None]] = []
        for x in lines:
            head = self.tr("%1: %2 leads, win rate %3").replace("%1", name(x.key))
            head = head.replace("%2", str(len(x.leads))).replace("%3", percent(x.win_rate))
            row: list[Bar | None] = []
            for label, ids in (
                (self.tr("leads"), x.leads),
                (self.tr("prospects"), x.prospects),
                (self.tr("customers"), x.customers),
            ):
                tip = f"{head}\n{len(ids)} {label}\n{self.click_hint()}"
                row.append(_bar(len(ids), str(len(ids)), tip, ids))
            rows.append(row)
        return rows

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        sources: Any = reports["sources"].figures
        events: Any = reports["events"].figures
        series = [self.tr("Leads"), self.tr("Prospects"), self.tr("Customers")]
        self.chart.set_data(
            chart_data(
                [_source_name(x.key) for x in sources],
                series,
                self._bars(sources, _source_name),
                empty_text=self.tr("No contacts were captured in this period."),
            )
        )
        self.events.set_data(
            chart_data(
                [x.key for x in events],
                series,
                self._bars(events, str),
                empty_text=self.tr("No contacts from trade shows in this period."),
            )
        )
        self.table.clear()
        for x in events:
            cells = [
                x.leads,
                x.ratings["hot"],
                x.ratings["warm"],
                x.ratings["cold"],
                x.hot_within_24h,
                x.hot_within_48h,
            ]
            self.table.addTopLevelItem(
                _item(
                    [x.key] + [str(len(c)) for c in cells] + [percent(x.win_rate)],
                    [None] + cells + [x.customers],
                    numeric=range(1, 8),
                )
            )
        for column in range(8):
            self.table.resizeColumnToContents(column)
        self.summary.setText(
            self.tr(
                "Leads: contacts created in the period; prospects and customers: how many of them "
                "got there by its end. An event is the source detail of a trade-show contact."
            )
        )


def bucket_label(day: dt.date, weekly: bool) -> str:
    locale = QLocale()
    if weekly:
        return locale.toString(QDate(day.year, day.month, day.day), "d MMM")
    return locale.toString(QDate(day.year, day.month, day.day), "MMM yyyy")


def _reason_text(key: str, label: str) -> str:
    for reason in UnqualifiedReason:
        if reason.value == key:
            return reason_label(reason)
    return label or "–"


class ReasonsTab(ReportTab):
    """Contacts set aside per reason and week (or month), stacked."""

    kinds = ("reasons",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("reasons_chart", "", 1)

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        report = reports["reasons"]
        f: Any = report.figures
        weekly = report.period.by_week
        names = [_reason_text(r, f.labels.get(r, r)) for r in f.reasons]
        rows = []
        for bucket in f.buckets:
            row: list[Bar | None] = []
            for reason, name in zip(f.reasons, names, strict=True):
                ids = f.cells.get((reason, bucket), ())
                tip = f"{name}, {bucket_label(bucket, weekly)}: {len(ids)}\n{self.click_hint()}"
                row.append(_bar(len(ids), str(len(ids)), tip, ids) if ids else None)
            rows.append(row)
        self.chart.set_data(
            chart_data(
                [bucket_label(b, weekly) for b in f.buckets],
                names,
                rows,
                stacked=True,
                empty_text=self.tr("Nobody was set aside as Unqualified in this period."),
            )
        )
        totals = ", ".join(f"{n}: {len(f.total(r))}" for r, n in zip(f.reasons, names, strict=True))
        per = self.tr("per week") if weekly else self.tr("per month")
        self.summary.setText(f"{self.tr('Moves to Unqualified')} {per}. {totals}")


class ActivityTab(ReportTab):
    """Interactions per channel and week, stacked, with the share of two-way conversations."""

    kinds = ("activity",)
    bucket_requested = Signal(object, object)  # Channel, date: the window fetches the ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("activity_chart", "", 1)

    def on_bar_clicked(self, bar: Bar) -> None:
        channel, bucket = bar.key  # type: ignore[misc]
        self.bucket_requested.emit(channel, bucket)

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        report = reports["activity"]
        f: Any = report.figures
        weekly = report.period.by_week
        rows = []
        for bucket in f.buckets:
            row: list[Bar | None] = []
            for channel in f.channels:
                every, two_way = f.cells.get((channel, bucket), (0, 0))
                tip = (
                    self.tr("%1, %2: %3 interactions, %4 two-way (%5)")
                    .replace("%1", channel_label(channel))
                    .replace("%2", bucket_label(bucket, weekly))
                    .replace("%3", str(every))
                    .replace("%4", str(two_way))
                    .replace("%5", percent(two_way / every if every else None))
                )
                bar = _bar(every, str(every), f"{tip}\n{self.click_hint()}", (), (channel, bucket))
                row.append(bar if every else None)
            rows.append(row)
        self.chart.set_data(
            chart_data(
                [bucket_label(b, weekly) for b in f.buckets],
                [channel_label(c) for c in f.channels],
                rows,
                stacked=True,
                empty_text=self.tr("No interactions in this period."),
            )
        )
        shares = ", ".join(f"{channel_label(c)} {percent(f.two_way_share(c))}" for c in f.channels)
        self.summary.setText(
            self.tr("Two-way share: %1 overall").replace("%1", percent(f.two_way_share()))
            + (f" ({shares})" if shares else "")
        )


def money(amount: Any, currency: str) -> str:
    """An amount as the user's locale writes it, with its ISO code (for display only: the
    figures themselves are exact Decimals)."""
    locale = QLocale()
    text = f"{amount:,.2f}".replace(",", "\x00").replace(".", locale.decimalPoint())
    return f"{text.replace(chr(0), locale.groupSeparator())} {currency}"


class ValueTab(ReportTab):
    """Expected value and weighted value per stage in one currency; totals per currency."""

    kinds = ("value",)
    probabilities_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Currency:"), self))
        self.currency = QComboBox(self)
        self.currency.setObjectName("currency_combo")
        self.currency.currentTextChanged.connect(lambda _: self._draw())
        row.addWidget(self.currency)
        row.addStretch(1)
        self.layout_.insertLayout(1, row)
        self.chart = self.add_chart("value_chart", "", 1)

    def show_reports(self, reports: dict[str, Report]) -> None:
        super().show_reports(reports)
        f: Any = reports["value"].figures
        current = self.currency.currentText()
        self.currency.blockSignals(True)
        self.currency.clear()
        self.currency.addItems(f.currencies())
        if current in f.currencies():
            self.currency.setCurrentText(current)
        self.currency.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        if "value" not in self.reports:
            return
        f: Any = self.reports["value"].figures
        currency = self.currency.currentText()
        lines = {x.stage: x for x in f.lines if x.currency == currency}
        rows: list[list[Bar | None]] = []
        for stage in STAGE_ORDER:
            x = lines.get(stage)
            if x is None:
                rows.append([None, None])
                continue
            tip = (
                (
                    self.tr("%1: %2 contacts, %3; at %4 % weighted %5")
                    .replace("%1", stage_label(stage))
                    .replace("%2", str(len(x.ids)))
                    .replace("%3", money(x.amount, currency))
                    .replace("%4", str(x.probability))
                    .replace("%5", money(x.weighted, currency))
                )
                + "\n"
                + self.click_hint()
            )
            rows.append(
                [
                    _bar(float(x.amount), _short(float(x.amount)), tip, x.ids),
                    _bar(float(x.weighted), _short(float(x.weighted)), tip, x.ids),
                ]
            )
        self.chart.set_data(
            chart_data(
                [stage_label(s) for s in STAGE_ORDER],
                [self.tr("Expected"), self.tr("Weighted")],
                rows if lines else [],
                empty_text=self.tr("No contact has an expected value."),
            )
        )
        parts = [
            self.tr("%1: pipeline %2, weighted %3, won %4")
            .replace("%1", c)
            .replace("%2", money(f.pipeline(c)[0], c))
            .replace("%3", money(f.pipeline(c)[1], c))
            .replace("%4", money(f.won(c), c))
            for c in f.currencies()
        ]
        parts.append(
            self.tr("%1 contacts have no expected close date (included).").replace(
                "%1", str(len(f.undated))
            )
        )
        self.summary.setText("\n".join(parts))


def _short(value: float) -> str:
    locale = QLocale()
    if value >= 1_000_000:
        return locale.toString(value / 1_000_000, "f", 1) + " M"
    if value >= 100_000:
        return locale.toString(value / 1000, "f", 0) + " k"
    if value >= 10_000:
        return locale.toString(value / 1000, "f", 1) + " k"
    return locale.toString(value, "f", 0)

"""The tabs over time: unqualified reasons and activity per week or month (per channel and
per member)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QWidget

from salesdesk.domain.stages import UnqualifiedReason
from salesdesk.services.reports import Report
from salesdesk.views.channels import channel_label
from salesdesk.views.detail.labels import reason_label
from salesdesk.views.reports.charts import Bar, chart_data
from salesdesk.views.reports.tab_base import ReportTab, make_bar, percent


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
                row.append(make_bar(len(ids), str(len(ids)), tip, ids) if ids else None)
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
        if weekly:
            summary = self.tr("Moves to Unqualified per week. %1")
        else:
            summary = self.tr("Moves to Unqualified per month. %1")
        self.summary.setText(summary.replace("%1", totals))


class ActivityTab(ReportTab):
    """Interactions per channel and week, stacked, with the share of two-way conversations;
    below, the same per member (who logged them)."""

    kinds = ("activity",)
    bucket_requested = Signal(object, object)  # Channel, date: the window fetches the ids
    member_requested = Signal(str, object)  # author, date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = self.add_chart("activity_chart", "", 1)
        self.members_chart = self.add_chart("activity_members_chart", self.tr("Per member"), 1)

    def on_bar_clicked(self, bar: Bar) -> None:
        what, bucket = bar.key  # type: ignore[misc]
        if isinstance(what, tuple):  # ("author", name): a bar of the member chart
            self.member_requested.emit(what[1], bucket)
        else:
            self.bucket_requested.emit(what, bucket)

    def member_name(self, author: str) -> str:
        return author or self.tr("not recorded")

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
                bar = make_bar(
                    every, str(every), f"{tip}\n{self.click_hint()}", (), (channel, bucket)
                )
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
        self._show_members(f, weekly)
        shares = ", ".join(f"{channel_label(c)} {percent(f.two_way_share(c))}" for c in f.channels)
        self.summary.setText(
            self.tr("Two-way share: %1 overall").replace("%1", percent(f.two_way_share()))
            + (f" ({shares})" if shares else "")
        )

    def _show_members(self, f: Any, weekly: bool) -> None:
        rows = []
        for bucket in f.buckets:
            row: list[Bar | None] = []
            for author in f.authors:
                every, two_way = f.members.get((author, bucket), (0, 0))
                tip = (
                    self.tr("%1, %2: %3 interactions, %4 two-way (%5)")
                    .replace("%1", self.member_name(author))
                    .replace("%2", bucket_label(bucket, weekly))
                    .replace("%3", str(every))
                    .replace("%4", str(two_way))
                    .replace("%5", percent(two_way / every if every else None))
                )
                key = (("author", author), bucket)
                bar = make_bar(every, str(every), f"{tip}\n{self.click_hint()}", (), key)
                row.append(bar if every else None)
            rows.append(row)
        self.members_chart.set_data(
            chart_data(
                [bucket_label(b, weekly) for b in f.buckets],
                [self.member_name(a) for a in f.authors],
                rows,
                stacked=True,
                empty_text=self.tr("No interactions in this period."),
            )
        )

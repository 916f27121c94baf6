"""The sources and events tab."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.services.reports import Report
from salesdesk.views.detail.labels import rating_label, source_label
from salesdesk.views.reports.charts import Bar, chart_data
from salesdesk.views.reports.tab_base import ReportTab, make_bar, percent, table_item


def _source_name(key: str) -> str:
    if not key:
        return source_label(None)
    try:
        return source_label(LeadSource(key))
    except ValueError:
        return key


EVENTS_CHARTED = 8


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
                row.append(make_bar(len(ids), str(len(ids)), tip, ids))
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
        charted = events[:EVENTS_CHARTED]  # most leads first; the table has them all
        self.events.set_data(
            chart_data(
                [x.key for x in charted],
                series,
                self._bars(charted, str),
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
                table_item(
                    [x.key] + [str(len(c)) for c in cells] + [percent(x.win_rate)],
                    [None] + cells + [x.customers],
                    numeric=range(1, 8),
                )
            )
        for column in range(8):
            self.table.resizeColumnToContents(column)
        summary = self.tr(
            "Leads: contacts created in the period; prospects and customers: how many of them "
            "got there by its end. An event is the source detail of a trade-show contact."
        )
        if len(events) > len(charted):
            summary += " " + self.tr(
                "The chart shows the %1 events with the most leads, the table all %2."
            ).replace("%1", str(len(charted))).replace("%2", str(len(events)))
        self.summary.setText(summary)

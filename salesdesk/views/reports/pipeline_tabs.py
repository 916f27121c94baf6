"""The funnel and time-in-stage tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.services.reports import Report
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.reports.charts import chart_data
from salesdesk.views.reports.tab_base import ReportTab, make_bar, number, percent, table_item


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
                row.append(make_bar(len(ids), str(len(ids)), tip + "\n" + self.click_hint(), ids))
            rows.append(row)
        self.chart.set_data(
            chart_data(
                names,
                [self.tr("Reached at any time"), self.tr("Reached in order")],
                rows,
                empty_text=self.tr("No stage changes in this period."),
            )
        )
        hint = self.click_hint()
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
                    [make_bar(len(ids), str(len(ids)), f"{n}: {len(ids)}\n{hint}", ids)]
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
                    make_bar(t.median_days or 0, number(t.median_days), tip, t.completed_ids),
                    make_bar(t.mean_days or 0, number(t.mean_days), tip, t.completed_ids),
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
            item = table_item(
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

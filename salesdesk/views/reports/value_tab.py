"""The value tab: expected value per stage and currency, weighted by probability."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.services.reports import Report
from salesdesk.views.board.values import compact
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.reports.charts import Bar, chart_data
from salesdesk.views.reports.tab_base import ReportTab, make_bar


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
        elif f.lines:  # at first the currency most contacts have
            most = max(f.currencies(), key=lambda c: sum(len(x.ids) for x in f.lines
                                                         if x.currency == c))  # fmt: skip
            self.currency.setCurrentText(most)
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
                    make_bar(float(x.amount), _short(float(x.amount)), tip, x.ids),
                    make_bar(float(x.weighted), _short(float(x.weighted)), tip, x.ids),
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
    """A bar's amount as the board's column headers write it (12.5k; 12,5 Tsd. in German)."""
    return compact(Decimal(str(round(value, 2))))

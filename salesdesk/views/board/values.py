"""Expected value per column: the sums the column headers show ("€ 12.5k · $ 3k"), kept
current after every change, read once the board has repainted (a drop shows at once)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject

from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.money import from_cents
from salesdesk.services.reports import ReportService
from salesdesk.views.after_paint import AfterPaint

if TYPE_CHECKING:
    from salesdesk.views.board.view import BoardView

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
_STEPS = (  # marked for lupdate, translated when shown (German: 12,5 Tsd., 1,2 Mio.)
    (Decimal(10) ** 9, QT_TRANSLATE_NOOP("ColumnHeader", "%1B")),
    (Decimal(10) ** 6, QT_TRANSLATE_NOOP("ColumnHeader", "%1M")),
    (Decimal(10) ** 3, QT_TRANSLATE_NOOP("ColumnHeader", "%1k")),
)


def compact(amount: Decimal, locale: QLocale | None = None) -> str:
    """An amount in a few characters: 950, 12.5k, 125k, 1.25M (the locale's decimal
    mark; one decimal under a hundred of the unit, two under ten)."""
    shown = QLocale(locale or QLocale())
    shown.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    for step, pattern in _STEPS:
        if amount >= step:
            value = amount / step
            digits = 2 if value < 10 else 1 if value < 100 else 0
            text = str(shown.toString(float(value), "f", digits))
            if digits:  # 12.0k reads as 12k
                text = text.rstrip("0").rstrip(shown.decimalPoint())
            return QCoreApplication.translate("ColumnHeader", pattern).replace("%1", text)
    return str(shown.toString(int(amount)))


def header_text(cents: dict[str, int], locale: QLocale | None = None) -> tuple[str, str]:
    """(short, full) texts of one column's sums: the largest first, one per currency."""
    amounts = sorted(
        ((from_cents(c) or Decimal(0), code) for code, c in cents.items() if c),
        key=lambda pair: (-pair[0], pair[1]),
    )
    short = " · ".join(
        f"{SYMBOLS.get(code, code)}\u00a0{compact(a, locale)}" for a, code in amounts
    )
    shown = QLocale(locale or QLocale())
    full = "\n".join(f"{shown.toString(float(a), 'f', 2)} {code}" for a, code in amounts)
    return short, full


class ColumnValues(QObject):
    """Puts each stage's expected value sums into its column header."""

    def __init__(self, board: BoardView) -> None:
        super().__init__(board)
        self.board = board
        self.reports = ReportService(board.runner.service)
        self._after_paint = AfterPaint(self.refresh, self)
        board.events.changes_applied.connect(self._on_changes_applied)

    def refresh(self) -> None:
        sums = self.reports.value_sums()
        for stage, column in self.board.columns.items():
            short, full = header_text(sums.get(stage, {}))
            column.header.set_value(short, full)

    def _on_changes_applied(self, changes: ChangeSet) -> None:
        if changes.contact_ids:
            self._after_paint.post()

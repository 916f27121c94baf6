"""Export of the shown report: PDF (QPdfWriter: title, period, charts, tables), PNG (the tab
as drawn) and CSV (the service's tables, the same numbers as the CLI)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSizeF
from PySide6.QtGui import QFont, QFontMetrics, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget

from salesdesk.services.report_tables import report_csv
from salesdesk.services.reports import Report
from salesdesk.views.reports.tab_base import ReportTab


def export_png(tab: ReportTab, path: Path) -> None:
    if not tab.grab().save(str(path), "PNG"):
        raise OSError(f"'{path}' could not be written.")


def export_csv(reports: list[Report], path: Path) -> None:
    text = "\r\n".join(report_csv(r) for r in reports)
    path.write_text(text, encoding="utf-8-sig")  # with BOM: spreadsheets read it as UTF-8


def export_pdf(tab: ReportTab, title: str, subtitle: str, path: Path) -> None:
    """One A4 landscape page: the title, period and filters, then the tab as drawn (charts
    are painted as vectors, so they stay sharp when zoomed)."""
    writer = QPdfWriter(str(path))
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
    )
    writer.setPageLayout(layout)
    writer.setResolution(96)
    writer.setTitle(title)
    writer.setCreator("salesdesk")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"'{path}' could not be written.")
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        big = QFont(tab.font())
        big.setPointSizeF(tab.font().pointSizeF() * 1.6)
        big.setBold(True)
        painter.setFont(big)
        y = QFontMetrics(big).height()
        painter.drawText(0, y, title)
        painter.setFont(tab.font())
        y += QFontMetrics(tab.font()).height() + 4
        painter.drawText(0, y, subtitle)
        y += QFontMetrics(tab.font()).height()
        _paint_widget(painter, tab, QRect(0, y, page.width(), page.height() - y))
    finally:
        painter.end()


def _paint_widget(painter: QPainter, widget: QWidget, target: QRect) -> None:
    """Draw ``widget`` scaled into ``target`` of the page, keeping its proportions."""
    size = QSizeF(widget.size())
    if size.isEmpty():
        return
    scale = min(target.width() / size.width(), target.height() / size.height())
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(scale, scale)
    widget.render(painter, QPoint(0, 0))
    painter.restore()

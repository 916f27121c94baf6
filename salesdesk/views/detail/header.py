"""The pane's header: an initials avatar painted in palette colours, and the subtitle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel

from salesdesk.domain.contact import Contact
from salesdesk.views.detail.values import initials


def subtitle_of(contact: Contact) -> str:
    """Job title and company under the name (the company only once if it is the name)."""
    company = contact.company if contact.display_name != contact.company else ""
    return " · ".join(p for p in (contact.title, company) if p)


def paint_avatar(label: QLabel, contact: Contact) -> None:
    """A circle in the highlight colour with the contact's initials."""
    size = max(label.width(), label.minimumWidth(), 32)
    ratio = label.devicePixelRatioF() or 1.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    palette = label.palette()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0))
    font = QFont(label.font())
    font.setBold(True)
    font.setPixelSize(int(size * 0.38))
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(contact))
    painter.end()
    label.setPixmap(pixmap)
    label.setAccessibleName(contact.display_name)

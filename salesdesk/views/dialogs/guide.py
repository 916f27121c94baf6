"""GuideDialog: the short user guide (docs/guide.md), shown inside salesdesk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_HERE = Path(__file__).resolve()
GUIDE_PLACES = (
    _HERE.parents[3] / "docs" / "guide.md",  # a checkout or an editable install
    _HERE.parents[2] / "docs" / "guide.md",  # a wheel (pyproject force-includes it there)
)


def guide_text() -> str | None:
    """The guide's Markdown, or None when this installation has none."""
    for place in GUIDE_PLACES:
        if place.is_file():
            return place.read_text("utf-8")
    return None


class GuideDialog(QDialog):
    """The guide as formatted text: headings, tables of keys, links that open outside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("salesdesk user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_browser")
        self.browser.setOpenExternalLinks(True)
        text = guide_text()
        if text is None:
            self.browser.setPlainText(
                self.tr("The user guide is not part of this installation (docs/guide.md).")
            )
        else:
            self.browser.setMarkdown(text)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(760, 680)

"""AboutDialog: what salesdesk is, its version and licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def version() -> str:
    """The installed version (views may not import the package root)."""
    from importlib import metadata  # on first use: ~30 ms the window's start need not pay

    try:
        return metadata.version("salesdesk")
    except metadata.PackageNotFoundError:
        return ""


class AboutDialog(QDialog):
    """Name, version, one line on what it does, and where the data lives."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About salesdesk"))
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>salesdesk {version()}</h2>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        self.text = QLabel(
            self.tr(
                "Your contacts and sales pipeline, offline: every change is saved at once "
                "on this computer, and every change can be undone.\n\n"
                "Open database: %1\n\nFree software under the MIT licence."
            ).replace("%1", database),
            self,
        )
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

"""EmptyStatePane: what the board shows before there is a single contact."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyStatePane(QWidget):
    """A friendly start: explain the board and offer a first contact or demo data."""

    new_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("Your pipeline is empty"), self)
        font = title.font()
        font.setPointSizeF(max(font.pointSizeF(), 8.0) * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        for paragraph in (
            self.tr(
                "Every contact is a card on this board, from a new lead to a customer. "
                "Drag cards from column to column as things move on."
            ),
            self.tr(
                "Add your first contact, or load some demo contacts to look around "
                "(Ctrl+Z takes them away again)."
            ),
        ):
            text = QLabel(paragraph, self)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            text.setFixedWidth(min(560, text.fontMetrics().horizontalAdvance("m") * 48))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(text)
            row.addStretch(1)
            layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.new_button = QPushButton(self.tr("New contact"), self)
        self.new_button.setObjectName("empty_new_contact")
        self.new_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Load demo data"), self)
        self.demo_button.setObjectName("empty_load_demo")
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(3)
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button.clicked.connect(self.demo_requested)

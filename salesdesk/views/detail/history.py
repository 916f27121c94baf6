"""Stage history: how long the contact has been in its stage, and every move with its reason."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from salesdesk.domain.contact import StageChange
from salesdesk.domain.stages import Stage, UnqualifiedReason
from salesdesk.views.detail.labels import reason_label, stage_label
from salesdesk.views.detail.values import stage_entered_at, whole_days_between


def local_text(when: dt.datetime) -> str:
    """A UTC time as the user's local date and time, in the locale's short format."""
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


class StageHistoryView(QWidget):
    """A headline ('In Prospect for 12 days') over the list of stage changes, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("history_summary")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.entries_label = QLabel(self)
        self.entries_label.setObjectName("history_entries")
        self.entries_label.setTextFormat(Qt.TextFormat.RichText)
        self.entries_label.setWordWrap(True)
        self.entries_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.entries_label)

    def summary_text(self, stage: Stage, days: int) -> str:
        name = stage_label(stage)
        if days == 0:
            return self.tr("In %1 since today").replace("%1", name)
        if days == 1:
            return self.tr("In %1 for 1 day").replace("%1", name)
        return self.tr("In %1 for %2 days").replace("%1", name).replace("%2", str(days))

    def reason_text(self, reason: str) -> str:
        """A stored reason for display: a common reason's key ('no budget', or 'no budget:
        details' from the board's dialog) becomes its translated label."""
        for known in UnqualifiedReason:
            if reason == known.value:
                return reason_label(known)
            if reason.startswith(known.value + ":"):
                return reason_label(known) + reason[len(known.value) :]
        return reason

    def set_history(
        self,
        history: Sequence[StageChange],
        stage: Stage,
        created_at: dt.datetime | None,
        now: dt.datetime,
    ) -> None:
        entered = stage_entered_at(history, stage, created_at)
        if entered is None:
            self.summary_label.setText(self.tr("In %1").replace("%1", stage_label(stage)))
        else:
            self.summary_label.setText(self.summary_text(stage, whole_days_between(entered, now)))
        lines = []
        for change in sorted(history, key=lambda h: (h.at, h.id), reverse=True):
            target = html.escape(stage_label(change.to_stage))
            if change.from_stage is None:
                what = self.tr("Created in %1").replace("%1", f"<b>{target}</b>")
            else:
                source = html.escape(stage_label(change.from_stage))
                what = f"{source} \u2192 <b>{target}</b>"
            if change.author:
                by = self.tr("by %1").replace("%1", html.escape(change.author))
                what += f" <small>{by}</small>"
            line = f"{html.escape(local_text(change.at))}&nbsp;&nbsp;{what}"
            if change.reason:
                reason = html.escape(self.reason_text(change.reason))
                line += "<br>&nbsp;&nbsp;&nbsp;&nbsp;" + self.tr("Reason: %1").replace(
                    "%1", f"<i>{reason}</i>"
                )
            lines.append(line)
        if lines:
            self.entries_label.setText("<br>".join(lines))
        else:
            self.entries_label.setText(html.escape(self.tr("No stage changes recorded yet.")))

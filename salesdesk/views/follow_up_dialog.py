"""FollowUpDialog: when to follow up with a contact (a day, maybe a time) and what to do."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import SalesdeskError
from salesdesk.domain.interactions import MAX_FOLLOW_UP_NOTE, FollowUp
from salesdesk.views.channels import edit_date_format, edit_time_format
from salesdesk.views.detail.common import FieldMessage

Submit = Callable[[dt.date, "dt.time | None", str], "SalesdeskError | None"]
QUICK_DAYS = (1, 3, 7, 14)  # one click for the usual choices


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FollowUpDialog(QDialog):
    """Date (with one-click choices), optional time, note; Enter saves through ``submit``."""

    def __init__(
        self,
        title: str,
        submit: Submit,
        today: dt.date,
        current: FollowUp | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_dialog")
        self.setWindowTitle(title)
        self.submit = submit
        self.today = today
        self.saved = False
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        quick = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        labels = {
            1: self.tr("Tomorrow"),
            3: self.tr("In 3 days"),
            7: self.tr("Next week"),
            14: self.tr("In 2 weeks"),
        }
        for days in QUICK_DAYS:
            button = QPushButton(labels[days], self)
            button.setObjectName(f"quick_{days}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=days: self.set_day(today + dt.timedelta(d)))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        layout.addLayout(quick)
        form = QFormLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(edit_date_format())
        form.addRow(self.tr("&Day"), self.date_edit)
        row = QHBoxLayout()
        self.time_check = QCheckBox(self.tr("at a set &time"), self)
        self.time_check.setObjectName("time_check")
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("time_edit")
        self.time_edit.setDisplayFormat(edit_time_format())
        row.addWidget(self.time_check)
        row.addWidget(self.time_edit, 1)
        form.addRow("", row)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setMaxLength(MAX_FOLLOW_UP_NOTE)
        self.note_edit.setPlaceholderText(self.tr("What to do, e.g. send the quote"))
        form.addRow(self.tr("&What"), self.note_edit)
        layout.addLayout(form)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("save_button")
        self.ok_button.setText(self.tr("Set follow-up"))
        self.ok_button.setDefault(True)
        layout.addWidget(self.box)
        self.box.accepted.connect(self.on_accept)
        self.box.rejected.connect(self.reject)
        self.time_check.toggled.connect(self.time_edit.setEnabled)
        self.date_edit.setMinimumDate(_qdate(today - dt.timedelta(days=365)))
        if current is not None:
            self.set_day(current.due_on)
            self.time_check.setChecked(current.due_time is not None)
            if current.due_time is not None:
                self.time_edit.setTime(QTime(current.due_time.hour, current.due_time.minute))
            self.note_edit.setText(current.note)
        else:
            self.set_day(today + dt.timedelta(days=1))
            self.time_edit.setTime(QTime(10, 0))
        self.time_edit.setEnabled(self.time_check.isChecked())
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(_qdate(day))

    def day(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def time(self) -> dt.time | None:
        if not self.time_check.isChecked():
            return None
        clock = self.time_edit.time()
        return dt.time(clock.hour(), clock.minute())

    def on_accept(self) -> None:
        self.message.clear_message()
        error = self.submit(self.day(), self.time(), self.note_edit.text())
        if error is None:
            self.saved = True
            self.accept()
        else:
            self.message.show_message(str(error))

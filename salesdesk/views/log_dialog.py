"""LogDialog: the quick log palette. Pick a channel (Alt+1..6), type the summary, press Enter.

The same dialog edits a logged interaction and completes a follow-up. Logging and completing
can set the next follow-up in the same step (Alt+F, a date, what to do). It does not save by
itself: ``submit`` (given by the caller) runs the service call and returns the refusal, if any,
which is then shown under the field it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import SalesdeskError, ValidationError
from salesdesk.domain.interactions import (
    CHANNEL_ORDER,
    MAX_FOLLOW_UP_NOTE,
    MAX_SUMMARY,
    Channel,
    Direction,
    FollowUp,
    Interaction,
    InteractionOutcome,
)
from salesdesk.views.channels import (
    channel_icon,
    channel_label,
    direction_hint,
    edit_date_format,
    edit_datetime_format,
    edit_time_format,
    outcome_label,
)
from salesdesk.views.detail.common import FieldMessage

NEXT_FOLLOW_UP_DAYS = 7


@dataclass(frozen=True)
class LogInput:
    """What the user entered: the interaction's fields (``at`` None: now)."""

    channel: Channel
    direction: Direction
    summary: str
    at: dt.datetime | None
    notes: str
    outcome: InteractionOutcome | None
    next_follow_up: FollowUp | None = None


Submit = Callable[[LogInput], SalesdeskError | None]


class LogDialog(QDialog):
    """Log (or edit) one interaction, with one or several contacts."""

    def __init__(
        self,
        title: str,
        submit: Submit,
        now_local: dt.datetime,
        *,
        channel: Channel = Channel.EMAIL,
        interaction: Interaction | None = None,
        follow_up: FollowUp | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("log_dialog")
        self.setWindowTitle(title)
        self.submit = submit
        self.now_local = now_local
        self.completing = follow_up is not None
        self.saved = False
        layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        channels = QHBoxLayout()
        channels.setSpacing(4)
        self.channel_group = QButtonGroup(self)
        self.channel_buttons: dict[Channel, QToolButton] = {}
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        for n, item in enumerate(CHANNEL_ORDER, start=1):
            button = QToolButton(self)
            button.setObjectName(f"channel_{item.name.lower()}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(channel_icon(item, color, 20))
            button.setText(channel_label(item))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setToolTip(
                self.tr("%1 (Alt+%2)").replace("%1", channel_label(item)).replace("%2", str(n))
            )
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.channel_group.addButton(button, n)
            self.channel_buttons[item] = button
            channels.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
            shortcut.activated.connect(lambda c=item: self.set_channel(c))
        channels.addStretch(1)
        layout.addLayout(channels)

        directions = QHBoxLayout()
        self.direction_group = QButtonGroup(self)
        self.direction_buttons: dict[Direction, QRadioButton] = {}
        texts = {
            Direction.OUTBOUND: self.tr("&Outbound"),
            Direction.INBOUND: self.tr("&Inbound"),
            Direction.TWO_WAY: self.tr("T&wo-way"),
        }
        for n, way in enumerate(Direction):
            radio = QRadioButton(texts[way], self)
            radio.setObjectName(f"direction_{way.name.lower()}")
            radio.setToolTip(direction_hint(way))
            self.direction_group.addButton(radio, n)
            self.direction_buttons[way] = radio
            directions.addWidget(radio)
        directions.addStretch(1)
        layout.addLayout(directions)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary_edit = QLineEdit(self)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setMaxLength(MAX_SUMMARY)
        self.summary_edit.setPlaceholderText(self.tr("What happened, in a line"))
        self.summary_error = FieldMessage(self)
        form.addRow(self.tr("&Summary"), self.summary_edit)
        form.addRow("", self.summary_error)
        self.at_edit = QDateTimeEdit(self)
        self.at_edit.setObjectName("at_edit")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat(edit_datetime_format())
        self.at_error = FieldMessage(self)
        form.addRow(self.tr("W&hen"), self.at_edit)
        form.addRow("", self.at_error)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("outcome_combo")
        self.outcome_combo.addItem(outcome_label(None), None)
        for outcome in InteractionOutcome:
            self.outcome_combo.addItem(outcome_label(outcome), outcome)
        form.addRow(self.tr("O&utcome"), self.outcome_combo)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(self.tr("Details (optional)"))
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4)
        form.addRow(self.tr("&Notes"), self.notes_edit)
        layout.addLayout(form)

        self.next_box = QWidget(self)
        next_layout = QGridLayout(self.next_box)
        next_layout.setContentsMargins(0, 0, 0, 0)
        self.next_check = QCheckBox(self.tr("Next &follow-up on"), self.next_box)
        self.next_check.setObjectName("next_check")
        self.next_date = QDateEdit(self.next_box)
        self.next_date.setObjectName("next_date")
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat(edit_date_format())
        self.next_time = QTimeEdit(self.next_box)
        self.next_time.setObjectName("next_time")
        self.next_time.setDisplayFormat(edit_time_format())
        self.next_time_check = QCheckBox(self.tr("at"), self.next_box)
        self.next_note = QLineEdit(self.next_box)
        self.next_note.setObjectName("next_note")
        self.next_note.setMaxLength(MAX_FOLLOW_UP_NOTE)
        self.next_note.setPlaceholderText(self.tr("What to do"))
        for column, widget in enumerate(
            (self.next_check, self.next_date, self.next_time_check, self.next_time)
        ):
            next_layout.addWidget(widget, 0, column)
        next_layout.setColumnStretch(4, 1)
        next_layout.addWidget(self.next_note, 1, 1, 1, 4)
        self.next_error = FieldMessage(self)
        layout.addWidget(self.next_box)
        layout.addWidget(self.next_error)
        # logging can plan the next step too (one undo step); editing a logged one cannot
        self.next_box.setVisible(interaction is None)

        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("log_button")
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        if interaction is not None:
            self.ok_button.setText(self.tr("Save"))
        elif self.completing:
            self.ok_button.setText(self.tr("Done"))
        else:
            self.ok_button.setText(self.tr("Log"))
        layout.addWidget(self.box)
        self.box.accepted.connect(self.on_accept)
        self.box.rejected.connect(self.reject)
        self.next_check.toggled.connect(self._sync_next)
        self.next_time_check.toggled.connect(self._sync_next)
        self._fill(channel, interaction, follow_up)
        self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- state -------------------------------------------------------------------------------

    def _fill(
        self, channel: Channel, interaction: Interaction | None, follow_up: FollowUp | None
    ) -> None:
        now = _qdatetime(self.now_local)
        self._initial_at = now
        self.at_edit.setMaximumDateTime(now.addSecs(300))
        self.at_edit.setDateTime(now)
        direction = Direction.OUTBOUND
        if interaction is not None:
            channel, direction = interaction.channel, interaction.direction
            at = _qdatetime(interaction.at.astimezone(self.now_local.tzinfo))
            self._initial_at = at
            self.at_edit.setDateTime(at)
            self.summary_edit.setText(interaction.summary)
            self.notes_edit.setPlainText(interaction.notes)
            self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(interaction.outcome))
        elif follow_up is not None and follow_up.note:
            self.summary_edit.setText(follow_up.note)
        self.summary_edit.selectAll()
        self.set_channel(channel)
        self.direction_buttons[direction].setChecked(True)
        day = self.now_local.date() + dt.timedelta(days=NEXT_FOLLOW_UP_DAYS)
        self.next_date.setDate(QDate(day.year, day.month, day.day))
        self.next_date.setMinimumDate(_qdatetime(self.now_local).date())
        self.next_time.setTime(QTime(10, 0))
        self._sync_next()

    def set_channel(self, channel: Channel) -> None:
        self.channel_buttons[channel].setChecked(True)

    def channel(self) -> Channel:
        return next(c for c, b in self.channel_buttons.items() if b.isChecked())

    def direction(self) -> Direction:
        return next(d for d, b in self.direction_buttons.items() if b.isChecked())

    def _sync_next(self, *args: object) -> None:
        on = self.next_check.isChecked()
        for widget in (self.next_date, self.next_time_check, self.next_note):
            widget.setEnabled(on)
        self.next_time.setEnabled(on and self.next_time_check.isChecked())

    def value(self) -> LogInput:
        at = None  # untouched: now (a new entry) or as it was (an edit)
        if self.at_edit.dateTime() != self._initial_at:
            at = _pydatetime(self.at_edit.dateTime(), self.now_local.tzinfo)
        follow_up = None
        if self.next_box.isVisibleTo(self) and self.next_check.isChecked():
            date = self.next_date.date()
            clock = self.next_time.time() if self.next_time_check.isChecked() else None
            follow_up = FollowUp(
                dt.date(date.year(), date.month(), date.day()),
                dt.time(clock.hour(), clock.minute()) if clock is not None else None,
                " ".join(self.next_note.text().split()),
            )
        return LogInput(
            channel=self.channel(),
            direction=self.direction(),
            summary=self.summary_edit.text(),
            at=at,
            notes=self.notes_edit.toPlainText(),
            outcome=self.outcome_combo.currentData(),
            next_follow_up=follow_up,
        )

    # --- saving ------------------------------------------------------------------------------

    def on_accept(self) -> None:
        for label in (self.summary_error, self.at_error, self.next_error, self.message):
            label.clear_message()
        error = self.submit(self.value())
        if error is None:
            self.saved = True
            self.accept()
            return
        field = error.field if isinstance(error, ValidationError) else None
        target = {"summary": self.summary_error, "at": self.at_error}.get(field or "")
        if field == "follow_up":
            target = self.next_error
        (target or self.message).show_message(str(error))
        if field == "summary":
            self.summary_edit.setFocus(Qt.FocusReason.OtherFocusReason)


def _qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def _pydatetime(value: QDateTime, tz: dt.tzinfo | None) -> dt.datetime:
    date, clock = value.date(), value.time()
    return dt.datetime(
        date.year(), date.month(), date.day(), clock.hour(), clock.minute(), tzinfo=tz
    )

"""EventDialog: choose, create or change the event booth mode captures for, who is at the
booth (staff name, company for the consent text, the rep's own card) and how the badge
scanner is told from typing (its prefix, its speed)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import SalesdeskError, ValidationError
from salesdesk.domain.events import DEFAULT_GRADES, Event, RatingScale
from salesdesk.services.booth import EventService
from salesdesk.views.booth.form import grade_label
from salesdesk.views.booth.settings import (
    SCAN_BURST_RANGE,
    SCAN_GAP_RANGE,
    BoothSettings,
    RepCard,
)

NO_FOLLOW_UP = -1


class EventDialog(QDialog):
    """Pick an event (or a new one), edit it, and set the booth's people; on OK the event is
    saved and becomes the current one."""

    def __init__(
        self, events: EventService, settings: BoothSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("event_dialog")
        self.setWindowTitle(self.tr("Event and booth"))
        self.events = events
        self.settings = settings
        self.saved: Event | None = None
        self.known = events.list()
        current = events.current()
        self.choice = QComboBox(self)
        self.choice.setObjectName("event_choice")
        self.choice.addItem(self.tr("New event…"), None)
        for event in self.known:
            self.choice.addItem(event.name, event.id)
        self.name = QLineEdit(self)
        self.name.setObjectName("event_name")
        self.starts = QLineEdit(self)
        self.ends = QLineEdit(self)
        for edit in (self.starts, self.ends):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.place = QLineEdit(self)
        self.booth = QLineEdit(self)
        self.booth.setObjectName("event_booth")
        self.chips = QLineEdit(self)
        self.chips.setObjectName("event_chips")
        self.chips.setPlaceholderText(self.tr("wants demo, budget this year, …"))
        self.scale = QComboBox(self)
        self.scale.addItem(self.tr("Hot, warm, cold"), RatingScale.HOT_WARM_COLD.value)
        self.scale.addItem(self.tr("A, B, C, D"), RatingScale.ABCD.value)
        self.days_row = QHBoxLayout()
        self.days: dict[str, QSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Capture for"), self.choice)
        form.addRow(self.tr("Name"), self.name)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.ends)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Booth"), self.booth)
        form.addRow(self.tr("Chips (comma between)"), self.chips)
        form.addRow(self.tr("Rating scale"), self.scale)
        form.addRow(self.tr("Follow up after (working days)"), self.days_row)
        people = QGroupBox(self.tr("You at the booth"), self)
        people_form = QFormLayout(people)
        self.staff = QLineEdit(settings.staff, people)
        self.staff.setObjectName("booth_staff")
        self.our_company = QLineEdit(settings.our_company, people)
        card = settings.rep_card
        self.card = {name: QLineEdit(getattr(card, name), people)
                     for name in RepCard.__dataclass_fields__}  # fmt: skip
        people_form.addRow(self.tr("Your name (kept with each consent)"), self.staff)
        people_form.addRow(self.tr("Company named in the consent text"), self.our_company)
        captions = {
            "first_name": self.tr("Your card: first name"),
            "last_name": self.tr("Last name"),
            "company": self.tr("Company"),
            "title": self.tr("Job title"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
        }
        for name, edit in self.card.items():
            people_form.addRow(captions[name], edit)
        scanner = self._scanner_group(settings)
        self.error = QLabel(self)
        self.error.setObjectName("event_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(people)
        layout.addWidget(scanner)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.scale.currentIndexChanged.connect(lambda _i: self._fill_days({}))
        self.choice.currentIndexChanged.connect(self._on_choice)
        if current is not None:
            self.choice.setCurrentIndex(self.choice.findData(current.id))
        self._on_choice()

    def _scanner_group(self, settings: BoothSettings) -> QGroupBox:
        group = QGroupBox(self.tr("Badge scanner"), self)
        form = QFormLayout(group)
        self.scan_prefix = QLineEdit(settings.scan_prefix, group)
        self.scan_prefix.setObjectName("scan_prefix")
        self.scan_prefix.setPlaceholderText(self.tr("none (the scanner's speed tells)"))
        self.scan_gap = QSpinBox(group)
        self.scan_gap.setObjectName("scan_gap")
        self.scan_gap.setRange(*SCAN_GAP_RANGE)
        self.scan_gap.setSuffix(self.tr(" ms"))
        self.scan_gap.setValue(settings.scan_gap_ms)
        self.scan_burst = QSpinBox(group)
        self.scan_burst.setObjectName("scan_burst")
        self.scan_burst.setRange(*SCAN_BURST_RANGE)
        self.scan_burst.setSuffix(self.tr(" keys"))
        self.scan_burst.setValue(settings.scan_min_burst)
        form.addRow(self.tr("Prefix the scanner sends first"), self.scan_prefix)
        speed = QHBoxLayout()
        speed.addWidget(self.scan_burst)
        speed.addWidget(QLabel(self.tr("in a row, each within"), group))
        speed.addWidget(self.scan_gap)
        speed.addStretch(1)
        form.addRow(self.tr("A scan is"), speed)
        return group

    def _on_choice(self, *args: object) -> None:
        event_id = self.choice.currentData()
        event = next((e for e in self.known if e.id == event_id), None) or Event("")
        self.name.setText(event.name)
        self.starts.setText(event.starts_on.isoformat() if event.starts_on else "")
        self.ends.setText(event.ends_on.isoformat() if event.ends_on else "")
        self.place.setText(event.place)
        self.booth.setText(event.booth)
        self.chips.setText(", ".join(event.chips))
        self.scale.blockSignals(True)
        self.scale.setCurrentIndex(self.scale.findData(event.scale.value))
        self.scale.blockSignals(False)
        self._fill_days(dict(event.follow_up_days))

    def _fill_days(self, overrides: dict[str, int | None]) -> None:
        for box in self.days.values():
            self.days_row.removeWidget(box)
            box.hide()  # at once: deleteLater waits for the event loop
            box.deleteLater()
        self.days = {}
        for grade in DEFAULT_GRADES[RatingScale(self.scale.currentData())]:
            box = QSpinBox(self)
            box.setRange(NO_FOLLOW_UP, 365)
            box.setSpecialValueText(self.tr("none"))
            box.setPrefix(f"{grade_label(grade)}: ")
            days = overrides.get(grade.key, grade.follow_up_days)
            box.setValue(NO_FOLLOW_UP if days is None else days)
            self.days_row.addWidget(box)
            self.days[grade.key] = box

    def _event(self) -> Event:
        base = next((e for e in self.known if e.id == self.choice.currentData()), None)
        scale = RatingScale(self.scale.currentData())
        defaults = {g.key: g.follow_up_days for g in DEFAULT_GRADES[scale]}
        days: dict[str, int | None] = {}
        for key, box in self.days.items():
            value = None if box.value() == NO_FOLLOW_UP else box.value()
            if value != defaults[key]:
                days[key] = value
        chips = tuple(c.strip() for c in self.chips.text().split(",") if c.strip())
        fields = {
            "name": self.name.text(),
            "starts_on": _date(self.starts.text(), self.tr("The first day")),
            "ends_on": _date(self.ends.text(), self.tr("The last day")),
            "place": self.place.text(),
            "booth": self.booth.text(),
            "chips": chips,
            "scale": scale,
            "follow_up_days": days,
        }
        return dataclasses.replace(base, **fields) if base else Event(**fields)

    def accept(self) -> None:
        try:
            event = self._event()
            saved = self.events.update(event) if event.id else self.events.add(event)
            self.events.set_current(saved.id)
        except SalesdeskError as error:
            self.error.setText(str(error))
            return
        self.settings.staff = self.staff.text()
        self.settings.our_company = self.our_company.text()
        self.settings.rep_card = RepCard(*(e.text() for e in self.card.values()))
        self.settings.scan_prefix = self.scan_prefix.text()
        self.settings.scan_gap_ms = self.scan_gap.value()
        self.settings.scan_min_burst = self.scan_burst.value()
        self.saved = saved
        super().accept()


def _date(text: str, label: str) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as error:
        raise ValidationError(
            f"{label}: '{text}' is not a date (write e.g. 2026-04-20)."
        ) from error

"""MergeDialog: likely duplicates side by side; pick the record to keep and, per field, whose
value it gets. E-mails, phones, tags, history and interactions of all of them are kept."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import SalesdeskError
from salesdesk.services.merge import PICK_FIELDS, UNION_FIELDS, default_choices, merge
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.detail.labels import gender_choices, rating_label, source_label, stage_label
from salesdesk.views.transfer.labels import field_label
from salesdesk.views.undo import ServiceRunner


class ElidedRadioButton(QRadioButton):
    """A radio button whose one-line text ends in '…' when it does not fit (the whole
    value is in its tooltip)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = " ".join(text.split())
        self.setToolTip(text)
        self.setText(self.full_text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        room = self.width() - self.iconSize().width() * bool(self.icon()) - 32
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))


class MergeDialog(QDialog):
    """Merges the given contacts (2 or more) into one when the user presses Merge."""

    def __init__(
        self, runner: ServiceRunner, ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("merge_dialog")
        self.setWindowTitle(self.tr("Merge contacts"))
        loaded = runner.service.get_many(list(ids))
        self.contacts: list[Contact] = [loaded[i] for i in ids if i in loaded]
        self.merged_id: int | None = None
        self.keep_group = QButtonGroup(self)
        self.field_groups: dict[str, QButtonGroup] = {}
        self.touched: set[str] = set()
        self._names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the record to keep and, where they differ, which value it gets. "
                "All e-mail addresses, phone numbers, tags, the stage history and the "
                "interactions of every record are kept; the other records are removed. "
                "Undo brings them back."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setObjectName("merge_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.grid_widget = QWidget(scroll)
        self.grid = QGridLayout(self.grid_widget)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(8)
        scroll.setWidget(self.grid_widget)
        layout.addWidget(scroll, 1)
        self.error_label = FieldMessage(self)
        self.error_label.setObjectName("merge_error")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setObjectName("merge_button")
        self.merge_button.setDefault(True)
        self.buttons.accepted.connect(self.on_merge)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._build()
        self.resize(min(1100, 260 + 250 * len(self.contacts)), 680)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        grid = self.grid
        grid.setColumnStretch(0, 0)
        for column, contact in enumerate(self.contacts, start=1):
            grid.setColumnStretch(column, 1)
            keep = QRadioButton(self.tr("Keep this record"), self.grid_widget)
            keep.setObjectName(f"keep_{column - 1}")
            self.keep_group.addButton(keep, column - 1)
            head = QLabel(self._heading(contact), self.grid_widget)
            head.setTextFormat(Qt.TextFormat.RichText)
            head.setWordWrap(True)
            head.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(head, 0, column)
            grid.addWidget(keep, 1, column)
        self.keep_group.button(0).setChecked(True)
        self.keep_group.idToggled.connect(self._on_keep_toggled)
        row = 2
        grid.addWidget(self._rule(), row, 0, 1, len(self.contacts) + 1)
        row += 1
        for name in PICK_FIELDS:
            texts = [self.value_text(c, name) for c in self.contacts]
            if not any(texts):
                continue  # nothing to choose, nothing to see
            grid.addWidget(self._field_label(name, Qt.AlignmentFlag.AlignVCenter), row, 0)
            if len(set(texts)) == 1 and name != "photo":
                same = QLabel(texts[0] or "—", self.grid_widget)
                same.setObjectName(f"same_{name}")
                same.setEnabled(False)
                same.setWordWrap(True)
                grid.addWidget(same, row, 1, 1, len(self.contacts))
            else:
                group = QButtonGroup(self)
                for column, (contact, text) in enumerate(zip(self.contacts, texts, strict=True)):
                    button = ElidedRadioButton(text or "—", self.grid_widget)
                    button.setObjectName(f"pick_{name}_{column}")
                    if name == "photo" and contact.photo:
                        button.setIcon(self._photo_icon(contact.photo))
                    group.addButton(button, column)
                    grid.addWidget(button, row, column + 1)
                group.idClicked.connect(lambda _id, n=name: self.touched.add(n))
                self.field_groups[name] = group
            row += 1
        grid.addWidget(self._rule(), row, 0, 1, len(self.contacts) + 1)
        row += 1
        for name in UNION_FIELDS:
            label = self._field_label(name)
            label.setText(label.text() + "<br><i>" + self.tr("all kept") + "</i>")
            grid.addWidget(label, row, 0)
            for column, contact in enumerate(self.contacts, start=1):
                values = QLabel(self.value_text(contact, name) or "—", self.grid_widget)
                values.setObjectName(f"union_{name}_{column - 1}")
                values.setWordWrap(True)
                grid.addWidget(values, row, column)
            row += 1
        grid.setRowStretch(row, 1)
        self._apply_defaults()

    def _heading(self, contact: Contact) -> str:
        created = (
            QLocale().toString(contact.created_at.date(), QLocale.FormatType.ShortFormat)
            if contact.created_at
            else ""
        )
        head = f"<b>{_escape(contact.display_name)}</b>"
        if contact.company:
            head += f"<br>{_escape(contact.company)}"
        return head + "<br><small>" + self.tr("created %1").replace("%1", created) + "</small>"

    def _field_label(
        self, name: str, vertical: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignTop
    ) -> QLabel:
        label = QLabel(field_label(name), self.grid_widget)
        label.setTextFormat(Qt.TextFormat.RichText)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setAlignment(vertical | Qt.AlignmentFlag.AlignLeft)
        return label

    def _rule(self) -> QFrame:
        line = QFrame(self.grid_widget)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    def _photo_icon(self, data: bytes) -> QIcon:
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        return QIcon(pixmap)

    # --- values --------------------------------------------------------------------------

    def value_text(self, contact: Contact, name: str) -> str:
        """A field of ``contact`` as the user reads it ('' when empty)."""
        value = getattr(contact, name, None)
        if name == "stage":
            return stage_label(contact.stage)
        if name == "rating":
            return "" if contact.rating.value == "none" else rating_label(contact.rating)
        if name == "source":
            return source_label(contact.source) if contact.source else ""
        if name == "gender":
            return (
                dict(gender_choices()).get(contact.gender, contact.gender) if contact.gender else ""
            )
        if name == "address":
            a = contact.address
            city = " ".join(p for p in (a.postal_code, a.city) if p)
            return ", ".join(p for p in (a.street, city, a.region, a.country) if p)
        if name == "consent":
            if not contact.consent.email_ok:
                return ""
            when = contact.consent.at
            day = QLocale().toString(when.date(), QLocale.FormatType.ShortFormat) if when else ""
            return self.tr("Allowed since %1").replace("%1", day) if day else self.tr("Allowed")
        if name == "do_not_contact":
            return self.tr("Do not contact") if contact.do_not_contact else ""
        if name == "referred_by":
            return self._name_of(contact.referred_by) if contact.referred_by else ""
        if name == "photo":
            return self.tr("Photo") if contact.photo else ""
        if name == "emails":
            return "\n".join(e.value for e in contact.emails)
        if name == "phones":
            return "\n".join(self.runner.service.phone_display(p) for p in contact.phones)
        if name == "tags":
            return ", ".join(contact.tags)
        return "" if value is None else str(value)

    def _name_of(self, contact_id: int) -> str:
        if contact_id not in self._names:
            try:
                self._names[contact_id] = self.runner.service.get(contact_id).display_name
            except SalesdeskError:
                self._names[contact_id] = str(contact_id)
        return self._names[contact_id]

    # --- choosing ------------------------------------------------------------------------

    @property
    def keep_index(self) -> int:
        return max(0, self.keep_group.checkedId())

    def ordered(self) -> list[Contact]:
        """The contacts with the one kept first."""
        keep = self.contacts[self.keep_index]
        return [keep, *(c for c in self.contacts if c is not keep)]

    def _apply_defaults(self) -> None:
        defaults = default_choices(self.ordered())
        index = {c.id: n for n, c in enumerate(self.contacts)}
        for name, group in self.field_groups.items():
            if name not in self.touched:
                group.button(index[defaults[name]]).setChecked(True)

    def _on_keep_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._apply_defaults()

    def pick(self, name: str, column: int) -> None:
        """Take field ``name`` from the contact in ``column`` (as a click on its button)."""
        button: QAbstractButton = self.field_groups[name].button(column)
        button.click()

    def choices(self) -> dict[str, int]:
        """Field -> id of the contact to take it from, for every field that differs."""
        out: dict[str, int] = {}
        for name, group in self.field_groups.items():
            contact_id = self.contacts[max(0, group.checkedId())].id
            assert contact_id is not None
            out[name] = contact_id
        return out

    def on_merge(self) -> None:
        keep = self.ordered()[0].id
        others = [c.id for c in self.ordered()[1:] if c.id is not None]
        assert keep is not None
        choices = self.choices()
        service = self.runner.service
        self.error_label.clear_message()
        outcome = self.runner.execute(
            lambda: merge(service, keep, others, choices), on_error=self._show_error
        )
        if outcome is None:
            return
        self.merged_id = keep
        self.runner.events.status_message.emit(
            self.tr("Merged %1 contacts into %2. Undo (Ctrl+Z) separates them again.")
            .replace("%1", str(len(self.contacts)))
            .replace("%2", self.ordered()[0].display_name)
        )
        self.accept()

    def _show_error(self, error: SalesdeskError) -> None:
        self.error_label.show_message(str(error))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

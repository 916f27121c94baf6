"""ContactDetailPane: shows every field of one contact and saves each edit when it is left."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QFile, QIODevice, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import salesdesk.views.resources_rc  # noqa: F401  (registers :/icons, :/styles)
from salesdesk.domain.changes import ChangeSet
from salesdesk.domain.contact import Contact, LeadSource, Rating
from salesdesk.domain.errors import ConflictError, NotFoundError, SalesdeskError, ValidationError
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.views.after_paint import AfterPaint
from salesdesk.views.conversations import ConversationActions
from salesdesk.views.detail import fields
from salesdesk.views.detail.activity import ActivitySection, ReferralsSection
from salesdesk.views.detail.common import FieldMessage
from salesdesk.views.detail.deal import DealFields
from salesdesk.views.detail.header import paint_avatar, subtitle_of
from salesdesk.views.detail.labels import (
    gender_choices,
    rating_label,
    source_label,
    stage_label,
)
from salesdesk.views.detail.owner import OwnerField
from salesdesk.views.dialogs.reason import ReasonDialog
from salesdesk.views.events import AppEvents
from salesdesk.views.forms.ui_contact_detail_pane import Ui_ContactDetailPane
from salesdesk.views.undo import STORAGE_FAILURES, ServiceRunner

RETRY_SAVE_MS = 1000  # a save that failed (busy, disk full) is tried again this often

STYLESHEET = ":/styles/detail.qss"


@dataclass
class _Field:
    """How one contact field is read from its widgets, shown, and compared with the stored one."""

    read: Callable[[], Any]
    show: Callable[[Contact], None]
    stored: Callable[[Contact], Any]
    error: FieldMessage


class ContactDetailPane(QWidget):
    """The detail pane: header, grouped fields, stage history. Edits save on leaving a field
    through the ServiceRunner (so they are undoable); refused input stays in its field with
    the reason under it. Reloads when ``changes_applied`` touches the contact shown."""

    def __init__(
        self,
        runner: ServiceRunner,
        events: AppEvents,
        parent: QWidget | None = None,
        conversations: ConversationActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.events = events
        self.service = runner.service
        self.ui = Ui_ContactDetailPane()
        self.ui.setupUi(self)
        self.conversations = conversations or ConversationActions(runner, self)
        if conversations is None:
            self.conversations.dialog_parent = self.window
        self.activity = ActivitySection(self.conversations, self.ui.scroll_contents)
        self.referrals = ReferralsSection(self.conversations, self.ui.scroll_contents)
        self.ui.contents_layout.insertWidget(0, self.activity)
        self.ui.contents_layout.insertWidget(1, self.referrals)
        self.ui.history_group.hide()  # the activity timeline shows every stage change
        self.referrals.contact_requested.connect(events.contact_selected)
        self._contact: Contact | None = None
        self._pending: dict[str, Any] = {}  # field -> what the user typed that is not saved
        self._retry_later: set[str] = set()  # pending fields whose save failed: busy, disk
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(RETRY_SAVE_MS)
        self._retry_timer.timeout.connect(self._retry_saving)
        self._loading = False
        self.reason_dialog: ReasonDialog | None = None
        self._fields = self._make_fields()
        self.deal = DealFields(self.ui, self._commit)  # expected value, currency, close date
        self._fields.update({key: _Field(*parts) for key, parts in self.deal.accessors().items()})
        self.owner = OwnerField(self.ui, self._commit, lambda: self.service.owners())  # issue 13
        self._fields.update({key: _Field(*parts) for key, parts in self.owner.accessors().items()})
        self._setup_widgets()
        self._connect()
        self._load_stylesheet()
        label_width = fields.align_form_labels(
            [self.ui.person_form, self.ui.pipeline_form, self.ui.consent_form],
            self.ui.address_editor.labels(),
        )
        self.ui.emails_editor.set_label_width(label_width)
        self.ui.phones_editor.set_label_width(label_width)
        self._reload_due = False  # a change made elsewhere is read after the board repaints
        self._after_paint = AfterPaint(self._reload_when_due, self)
        events.contact_selected.connect(self._on_contact_selected)
        events.changes_applied.connect(self._on_changes_applied)
        self.show_contact(None)

    # --- public --------------------------------------------------------------------------

    def contact(self) -> Contact | None:
        """The contact shown, as last loaded."""
        return self._contact

    def show_contact(self, contact_id: int | None) -> None:
        """Show one contact (None or an unknown id: the empty page)."""
        if self._retry_later:
            self._retry_saving()  # one more try before its fields are gone from view
        self._retry_later.clear()
        self._reload_due = False
        self._pending.clear()
        self._clear_messages()
        found = None
        if contact_id:
            try:
                found = self.service.get(contact_id)
            except NotFoundError:
                found = None
        self._contact = found
        self.ui.pages.setCurrentWidget(self.ui.contact_page if found else self.ui.empty_page)
        if found is not None:
            self._load(found)
            self.ui.scroll_area.verticalScrollBar().setValue(0)

    # --- setup ---------------------------------------------------------------------------

    def _make_fields(self) -> dict[str, _Field]:
        ui = self.ui
        result = {
            key: _Field(
                *fields.text_field(getattr(ui, f"{key}_edit"), key), getattr(ui, f"{key}_error")
            )
            for key in ("first_name", "last_name", "company", "title", "source_detail")
        }
        result["gender"] = _Field(*fields.gender_field(ui.gender_combo), ui.gender_error)
        result["notes"] = _Field(*fields.notes_field(ui.notes_edit), ui.notes_error)
        result["rating"] = _Field(
            *fields.data_combo_field(ui.rating_combo, "rating"), ui.rating_error
        )
        result["source"] = _Field(
            *fields.data_combo_field(ui.source_combo, "source"), ui.source_error
        )
        for key, editor in (("emails", ui.emails_editor), ("phones", ui.phones_editor)):
            result[key] = _Field(*fields.methods_field(editor, key), getattr(ui, f"{key}_error"))
        result["address"] = _Field(*fields.address_field(ui.address_editor), ui.address_error)
        result["consent"] = _Field(
            *fields.consent_field(ui.consent_check, ui.consent_date_edit, ui.consent_how_edit),
            ui.consent_error,
        )
        result["do_not_contact"] = _Field(
            lambda: ui.do_not_contact_check.isChecked(),
            lambda c: ui.do_not_contact_check.setChecked(c.do_not_contact),
            lambda c: c.do_not_contact,
            ui.do_not_contact_error,
        )
        result["tags"] = _Field(
            ui.tag_editor.tags,
            lambda c: ui.tag_editor.set_tags(c.tags),
            lambda c: c.tags,
            ui.tags_error,
        )
        result["referred_by"] = _Field(
            ui.referrer_picker.value,
            self._show_referrer,
            lambda c: c.referred_by,
            ui.referred_by_error,
        )
        return result

    def _fill_combos(self) -> None:
        """(Re)fill the fixed choices with their labels in the current language."""
        ui = self.ui
        for combo in (ui.stage_combo, ui.rating_combo, ui.source_combo, ui.gender_combo):
            combo.clear()
        for stage in STAGE_ORDER:
            ui.stage_combo.addItem(stage_label(stage), stage)
        for rating in (Rating.HOT, Rating.WARM, Rating.COLD, Rating.NONE):
            ui.rating_combo.addItem(rating_label(rating), rating.value)
        ui.source_combo.addItem(source_label(None), "")
        for source in LeadSource:
            ui.source_combo.addItem(source_label(source), source.value)
        for value, text in gender_choices():
            ui.gender_combo.addItem(text, value)

    def _setup_widgets(self) -> None:
        ui = self.ui
        self._fill_combos()
        ui.gender_combo.setInsertPolicy(ui.gender_combo.InsertPolicy.NoInsert)
        ui.emails_editor.configure("email")
        ui.phones_editor.configure("phone", self.service.phone_display)
        fields.setup_consent_date(ui.consent_date_edit, self.tr("not recorded"))
        ui.referrer_picker.set_lookup(self._find_referrers)
        ui.notes_edit.setMinimumHeight(ui.notes_edit.fontMetrics().lineSpacing() * 5)
        font = ui.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        ui.name_label.setFont(font)

    def _connect(self) -> None:
        ui = self.ui
        for key in ("first_name", "last_name", "company", "title", "source_detail"):
            getattr(ui, f"{key}_edit").editingFinished.connect(lambda k=key: self._commit(k))
        ui.gender_combo.activated.connect(lambda _i: self._commit("gender"))
        ui.gender_combo.lineEdit().editingFinished.connect(lambda: self._commit("gender"))
        ui.notes_edit.editing_finished.connect(lambda: self._commit("notes"))
        ui.rating_combo.activated.connect(lambda _i: self._commit("rating"))
        ui.source_combo.activated.connect(lambda _i: self._commit("source"))
        ui.emails_editor.edited.connect(lambda: self._commit("emails"))
        ui.phones_editor.edited.connect(lambda: self._commit("phones"))
        ui.address_editor.edited.connect(lambda: self._commit("address"))
        ui.consent_check.clicked.connect(lambda _c: self._commit("consent"))
        ui.consent_date_edit.editingFinished.connect(lambda: self._commit("consent"))
        ui.consent_how_edit.editingFinished.connect(lambda: self._commit("consent"))
        ui.do_not_contact_check.clicked.connect(lambda _c: self._commit("do_not_contact"))
        ui.tag_editor.tags_edited.connect(lambda tags: self._save("tags", tags))
        ui.referrer_picker.picked.connect(lambda cid: self._save("referred_by", cid))
        ui.referrer_picker.unresolved.connect(self._on_referrer_unresolved)
        ui.referrer_picker.settled.connect(lambda: self._commit("referred_by"))
        ui.stage_combo.activated.connect(self._on_stage_chosen)

    def _load_stylesheet(self) -> None:
        qss = QFile(STYLESHEET)
        if qss.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Text):
            self.setStyleSheet(bytes(qss.readAll().data()).decode("utf-8"))
            qss.close()

    # --- showing -------------------------------------------------------------------------

    def _load(self, contact: Contact) -> None:
        """Put ``contact`` into the widgets, except fields holding unsaved user input."""
        self._loading = True
        try:
            self._contact = contact
            self._show_header(contact)
            self.ui.tag_editor.set_suggestions(self.service.tag_names())
            for key, field in self._fields.items():
                if key not in self._pending:
                    field.show(contact)
            self.ui.stage_combo.setCurrentIndex(self.ui.stage_combo.findData(contact.stage))
            self.ui.history_view.set_history(
                self.service.history(contact.id or 0),
                contact.stage,
                contact.created_at,
                self.service.clock(),
            )
            self.activity.show_contact(contact, self.ui.history_view.summary_label.text())
            self.referrals.show_contact(contact)
        finally:
            self._loading = False

    def _show_header(self, contact: Contact) -> None:
        ui = self.ui
        ui.name_label.setText(contact.display_name)
        subtitle = subtitle_of(contact)
        ui.subtitle_label.setText(subtitle)
        ui.subtitle_label.setVisible(bool(subtitle))
        badges = []
        if contact.deleted_at is not None:
            badges.append(self.tr("In the trash"))
        if contact.do_not_contact:
            badges.append(self.tr("Do not contact"))
        ui.badge_label.setText(" · ".join(badges))
        ui.badge_label.setVisible(bool(badges))
        paint_avatar(ui.avatar_label, contact)

    def _show_referrer(self, contact: Contact) -> None:
        name = ""
        if contact.referred_by is not None:
            referrer = self.service.get_many([contact.referred_by]).get(contact.referred_by)
            name = referrer.display_name if referrer else str(contact.referred_by)
        self.ui.referrer_picker.set_value(contact.referred_by, name)

    def _find_referrers(self, text: str) -> list[tuple[int, str, str]]:
        own = self._contact.id if self._contact else None
        ids = [i for i in self.service.search(text, limit=15, ranked=True) if i != own]
        found = self.service.get_many(ids)
        return [(i, found[i].display_name, found[i].company) for i in ids if i in found]

    # --- saving --------------------------------------------------------------------------

    def _commit(self, key: str) -> None:
        """The user left a field: save it if it differs from the stored value."""
        if self._loading or self._contact is None:
            return
        self._catch_up()
        field = self._fields[key]
        value = field.read()
        if fields.same(key, value, field.stored(self._contact)):
            if key in self._pending:  # back to the stored value: nothing left to save
                del self._pending[key]
                field.error.clear_message()
            return
        self._save(key, value)

    def _save(self, key: str, value: Any) -> None:
        self._catch_up()
        contact = self._contact
        if self._loading or contact is None or contact.id is None:
            return
        self._pending.pop(key, None)  # the reload after a successful save shows the result
        contact_id, version = contact.id, contact.version
        outcome = self.runner.execute(
            lambda: self.service.update(contact_id, {key: value}, expected_version=version),
            on_error=lambda error: self._on_save_failed(key, value, error),
        )
        if outcome is not None:
            self._fields[key].error.clear_message()
            self.ui.banner_label.clear_message()

    def _on_save_failed(self, key: str, value: Any, error: SalesdeskError) -> None:
        self._pending[key] = value
        if isinstance(error, ConflictError):
            typed = fields.describe(value)
            message = str(error)
            if typed:
                message += " " + self.tr(
                    "Your entry “%1” is still in the field: press Enter there to save it again."
                ).replace("%1", typed)
            self.ui.banner_label.show_message(message)
            self._reload()
        elif isinstance(error, ValidationError):
            self._fields[key].error.show_message(str(error))
        elif isinstance(error, STORAGE_FAILURES):
            self.ui.banner_label.show_message(
                self.tr(
                    "Not saved yet: %1 What you typed stays in its field and is saved as soon "
                    "as the database can be written again."
                ).replace("%1", str(error))
            )
            self._retry_later.add(key)
            self._retry_timer.start()
        else:
            self.ui.banner_label.show_message(str(error))

    def _retry_saving(self) -> None:
        """Try the saves that failed for want of storage again (each keeps its own text)."""
        keys, self._retry_later = self._retry_later, set()
        for key in keys:
            if key in self._pending and self._contact is not None:
                self._save(key, self._pending[key])

    def _on_referrer_unresolved(self, text: str) -> None:
        self._pending["referred_by"] = text
        self.ui.referred_by_error.show_message(
            self.tr("No contact is chosen: type part of a name and pick one from the list.")
        )

    def _on_stage_chosen(self, index: int) -> None:
        self._catch_up()
        contact = self._contact
        target = self.ui.stage_combo.itemData(index)
        if contact is None or target is None or target == contact.stage:
            return
        if target is Stage.UNQUALIFIED:
            dialog = ReasonDialog(contact.display_name, self)
            dialog.finished.connect(lambda result: self._on_reason_given(dialog, result))
            self.reason_dialog = dialog
            dialog.open()
            return
        self._move(target, None)

    def _on_reason_given(self, dialog: ReasonDialog, result: int) -> None:
        self.reason_dialog = None
        dialog.deleteLater()
        if result == ReasonDialog.DialogCode.Accepted:
            self._move(Stage.UNQUALIFIED, dialog.reason())
        else:
            self._reset_stage_combo()

    def _move(self, target: Stage, reason: str | None) -> None:
        contact = self._contact
        if contact is None or contact.id is None:
            return
        contact_id, seen = contact.id, {contact.id: contact.stage}
        self.ui.stage_error.clear_message()
        outcome = self.runner.execute(
            lambda: self.service.move([contact_id], target, reason=reason, expected_stages=seen),
            on_error=lambda error: self.ui.stage_error.show_message(str(error)),
        )
        if outcome is None:
            self._reset_stage_combo()

    def _reset_stage_combo(self) -> None:
        if self._contact is not None:
            self.ui.stage_combo.setCurrentIndex(self.ui.stage_combo.findData(self._contact.stage))

    # --- events ----------------------------------------------------------------------------

    def _on_contact_selected(self, contact_id: int) -> None:
        if self._contact is None or contact_id != self._contact.id:
            self.show_contact(contact_id or None)

    def _on_changes_applied(self, changes: ChangeSet) -> None:
        if self._contact is None:
            return
        # A purge of a trashed contact is not listed in the ChangeSet (it was not live
        # before), so a trashed contact is looked up again after any change.
        if self._contact.id in changes.contact_ids or self._contact.deleted_at is not None:
            if changes.external:
                self._keep_typing_over_external_change()
            if not self._changed_elsewhere():
                self._reload()
            elif not self._reload_due:
                # A drop on the board (or a menu command): let the board repaint first and
                # rebuild this form after it, not before (7-12 ms at 100k contacts, most of
                # the time from a drop to the moved card on screen).
                self._reload_due = True
                self._after_paint.post()

    def _keep_typing_over_external_change(self) -> None:
        """Another program changed the contact shown: whatever the user typed and has not
        saved yet stays in its field (the reload skips it) and the banner says why."""
        contact = self._contact
        if contact is None:
            return
        for key, field in self._fields.items():
            if key not in self._pending and not fields.same(
                key, field.read(), field.stored(contact)
            ):
                self._pending[key] = field.read()
        if self._pending:
            self.ui.banner_label.show_message(
                self.tr(
                    "%1 was changed elsewhere (another window or program); the pane shows "
                    "that change. What you typed and did not save yet is still in its field: "
                    "leave the field or press Enter to save it."
                ).replace("%1", contact.display_name)
            )

    def _changed_elsewhere(self) -> bool:
        """Whether the user works beside this (shown) pane in its window, e.g. on the board
        (not in the pane, nor in a dialog or popup of its own)."""
        focus = QApplication.focusWidget()
        return (
            self.isVisible()
            and focus is not None
            and focus.window() is self.window()
            and not self.isAncestorOf(focus)
        )

    def _reload_when_due(self) -> None:
        if self._reload_due:
            self._reload_due = False
            self._reload()

    def _catch_up(self) -> None:
        """Before saving, know the stored contact (its version) even if the form is not
        rebuilt yet after a change made elsewhere; the fields stay as they are."""
        if self._reload_due and self._contact is not None and self._contact.id is not None:
            found = self.service.get_many([self._contact.id]).get(self._contact.id)
            if found is not None:
                self._contact = found

    def _reload(self) -> None:
        """Read the shown contact again, keeping unsaved input (or empty if it is gone)."""
        self._reload_due = False
        if self._contact is None or self._contact.id is None:
            return
        found = self.service.get_many([self._contact.id]).get(self._contact.id)
        if found is None:
            self.show_contact(None)
        else:
            self._load(found)

    def _clear_messages(self) -> None:
        for field in self._fields.values():
            field.error.clear_message()
        self.ui.stage_error.clear_message()
        self.ui.banner_label.clear_message()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange and self._contact is not None:
            paint_avatar(self.ui.avatar_label, self._contact)
        elif event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._loading = True
            try:
                self._fill_combos()
            finally:
                self._loading = False
            if self._contact is not None:
                self._reload()
        super().changeEvent(event)

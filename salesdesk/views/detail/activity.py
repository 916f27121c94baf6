"""ActivitySection: the pane's follow-up, engagement, "Move to Prospect?" hint, log buttons
and timeline; ReferralsSection: who referred the contact and whom it referred."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.agenda import Due, due_state
from salesdesk.domain.contact import Contact
from salesdesk.domain.interactions import CHANNEL_ORDER, Channel, FollowUp
from salesdesk.views.channels import (
    channel_icon,
    channel_label,
    due_label,
    engagement_text,
    follow_up_when,
    full_date,
    short_date,
)
from salesdesk.views.conversations import ConversationActions
from salesdesk.views.detail.common import error_color
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.detail.timeline import TimelineView


def _small_button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class ActivitySection(QGroupBox):
    """Everything about talking with the contact, newest first. All changes go through
    ConversationActions (dialogs, undo); the pane reloads it after every change."""

    def __init__(self, actions: ConversationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_group")
        self.setTitle(self.tr("Follow-up and activity"))
        self.conversations = actions
        self.contact: Contact | None = None
        self.follow_up: FollowUp | None = None
        self.dismissed: set[int] = set()  # contacts whose prospect hint was put aside
        layout = QVBoxLayout(self)
        layout.setSpacing(6)

        follow = QHBoxLayout()
        self.follow_up_label = QLabel(self)
        self.follow_up_label.setObjectName("follow_up_label")
        self.follow_up_label.setWordWrap(True)
        self.follow_up_label.setTextFormat(Qt.TextFormat.RichText)
        follow.addWidget(self.follow_up_label, 1)
        self.done_button = _small_button(self.tr("Done…"), "follow_up_done_button", self)
        self.done_button.setToolTip(self.tr("Log what you did and plan the next follow-up"))
        self.plan_button = _small_button(self.tr("Plan…"), "follow_up_plan_button", self)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("follow_up_clear_button")
        self.clear_button.setText("\u2715")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip(self.tr("Remove the follow-up"))
        self.clear_button.setAccessibleName(self.tr("Remove the follow-up"))
        buttons = QHBoxLayout()  # under the text: the pane is narrow
        buttons.addStretch(1)
        for widget in (self.done_button, self.plan_button, self.clear_button):
            buttons.addWidget(widget)
        layout.addLayout(follow)
        layout.addLayout(buttons)

        self.engagement_label = QLabel(self)
        self.engagement_label.setObjectName("engagement_label")
        self.engagement_label.setWordWrap(True)
        self.engagement_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.engagement_label)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("stage_summary_label")
        self.stage_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.stage_label)

        self.suggestion = QFrame(self)
        self.suggestion.setObjectName("prospect_suggestion")
        self.suggestion.setFrameShape(QFrame.Shape.StyledPanel)
        hint = QVBoxLayout(self.suggestion)  # text above the buttons: the pane is narrow
        hint.setContentsMargins(8, 4, 4, 4)
        self.suggestion_label = QLabel(self.suggestion)
        self.suggestion_label.setWordWrap(True)
        hint.addWidget(self.suggestion_label)
        self.prospect_button = _small_button(
            self.tr("Move to Prospect"), "move_to_prospect_button", self.suggestion
        )
        self.not_now_button = _small_button(self.tr("Not now"), "not_now_button", self.suggestion)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.prospect_button)
        buttons.addWidget(self.not_now_button)
        hint.addLayout(buttons)
        layout.addWidget(self.suggestion)

        log_row = QHBoxLayout()
        log_row.setSpacing(2)
        log_row.addWidget(QLabel(self.tr("Log:"), self))
        self.log_buttons: dict[Channel, QToolButton] = {}
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        for n, channel in enumerate(CHANNEL_ORDER, start=1):
            button = QToolButton(self)
            button.setObjectName(f"log_{channel.name.lower()}_button")
            button.setIcon(channel_icon(channel, color, 18))
            button.setAutoRaise(True)
            tip = self.tr("Log: %1 (Alt+%2)").replace("%1", channel_label(channel))
            button.setToolTip(tip.replace("%2", str(n)))
            button.setAccessibleName(channel_label(channel))
            button.clicked.connect(lambda _=False, c=channel: self._log(c))
            self.log_buttons[channel] = button
            log_row.addWidget(button)
        log_row.addStretch(1)
        layout.addLayout(log_row)

        self.timeline = TimelineView(self)
        layout.addWidget(self.timeline)

        self.done_button.clicked.connect(self._complete)
        self.plan_button.clicked.connect(self._plan)
        self.clear_button.clicked.connect(self._clear)
        self.prospect_button.clicked.connect(self._move_to_prospect)
        self.not_now_button.clicked.connect(self._dismiss)
        self.timeline.edit_requested.connect(actions.edit_interaction)
        self.timeline.delete_requested.connect(actions.delete_interaction)

    # --- showing -----------------------------------------------------------------------------

    def show_contact(self, contact: Contact, stage_summary: str) -> None:
        same = self.contact is not None and self.contact.id == contact.id
        self.contact = contact
        service = self.conversations.service()
        contact_id = contact.id or 0
        now_local = service.local()
        live = contact.deleted_at is None
        self.follow_up = service.follow_up(contact_id)
        self._show_follow_up(now_local)
        result = service.engagement(contact_id)
        title = self.tr("Engagement")
        self.engagement_label.setText(
            f"<b>{html.escape(title)}</b> {html.escape(engagement_text(result))}"
        )
        self.engagement_label.setAccessibleName(engagement_text(result))
        self.stage_label.setText(stage_summary)
        self.stage_label.setVisible(bool(stage_summary))
        suggestion = service.prospect_suggestion(contact_id) if live else None
        show_hint = suggestion is not None and contact_id not in self.dismissed
        if suggestion is not None:
            self.suggestion_label.setText(
                self.tr("A two-way conversation on %1: move %2 to Prospect?")
                .replace("%1", short_date(suggestion.at.astimezone(now_local.tzinfo).date()))
                .replace("%2", contact.display_name)
            )
        self.suggestion.setVisible(show_hint)
        for widget in (*self.log_buttons.values(), self.plan_button):
            widget.setEnabled(live)
        self.timeline.editing_enabled = live  # a contact in the trash is read-only
        self.timeline.set_entries(service.timeline(contact_id), now_local, same)

    def _show_follow_up(self, now_local: dt.datetime) -> None:
        follow_up = self.follow_up
        has = follow_up is not None
        self.done_button.setVisible(has)
        self.clear_button.setVisible(has)
        self.plan_button.setText(self.tr("Change…") if has else self.tr("Plan…"))
        if follow_up is None:
            self.follow_up_label.setText(html.escape(self.tr("No follow-up planned.")))
            self.follow_up_label.setToolTip("")
            return
        due = due_state(follow_up, now_local)
        when = html.escape(follow_up_when(follow_up, now_local.date()))
        text = self.tr("Follow up %1").replace("%1", f"<b>{when}</b>")
        if due in (Due.OVERDUE, Due.TODAY):
            color = (
                error_color(self.palette())
                if due is Due.OVERDUE
                else self.palette().color(QPalette.ColorRole.Highlight)
            )
            text += f" <b style='color:{color.name()}'>({html.escape(due_label(due))})</b>"
        if follow_up.note:
            text += "<br>" + html.escape(follow_up.note)
        self.follow_up_label.setText(text)
        self.follow_up_label.setToolTip(full_date(follow_up.due_on))

    # --- actions -----------------------------------------------------------------------------

    def _id(self) -> int | None:
        return self.contact.id if self.contact is not None else None

    def _log(self, channel: Channel) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.conversations.log([contact_id], channel)

    def _complete(self) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.conversations.complete_follow_up(contact_id)

    def _plan(self) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.conversations.plan_follow_up([contact_id])

    def _clear(self) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.conversations.clear_follow_up([contact_id])

    def _move_to_prospect(self) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.conversations.move_to_prospect(contact_id)

    def _dismiss(self) -> None:
        contact_id = self._id()
        if contact_id is not None:
            self.dismissed.add(contact_id)
            self.suggestion.hide()


class ReferralsSection(QGroupBox):
    """'Referred by Anna' and 'Referred 3 people, 2 became prospects or customers', with each
    name a link; clicking one asks to show that contact (``contact_requested``)."""

    contact_requested = Signal(int)

    def __init__(self, actions: ConversationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referrals_group")
        self.setTitle(self.tr("Referrals"))
        self.conversations = actions
        layout = QVBoxLayout(self)
        self.referrer_label = QLabel(self)
        self.referrer_label.setObjectName("referrer_label")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("referral_summary_label")
        for label in (self.referrer_label, self.summary_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            flags = Qt.TextInteractionFlag
            label.setTextInteractionFlags(
                flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard
            )
            label.linkActivated.connect(self._on_link)
            layout.addWidget(label)

    def show_contact(self, contact: Contact) -> None:
        summary = self.conversations.service().referral_summary(contact.id or 0)
        referrer = summary.referrer
        if referrer is not None:
            link = f"<a href='contact:{referrer.id}'>{html.escape(referrer.name)}</a>"
            self.referrer_label.setText(self.tr("Referred by %1").replace("%1", link))
        self.referrer_label.setVisible(referrer is not None)
        if summary.referred:
            count = len(summary.referred)
            head = (
                self.tr("Referred 1 person.") if count == 1
                else self.tr("Referred %1 people.").replace("%1", str(count))
            )  # fmt: skip
            head += " " + self.tr("Became prospects or customers: %1.").replace(
                "%1", str(summary.converted)
            )
            names = [
                f"<a href='contact:{r.id}'>{html.escape(r.name)}</a>"
                f" ({html.escape(stage_label(r.stage))})"
                for r in summary.referred
            ]
            self.summary_label.setText(f"{html.escape(head)}<br>{', '.join(names)}")
        self.summary_label.setVisible(bool(summary.referred))
        self.setVisible(referrer is not None or bool(summary.referred))

    def _on_link(self, link: str) -> None:
        if link.startswith("contact:"):
            self.contact_requested.emit(int(link.split(":", 1)[1]))

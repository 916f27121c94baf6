"""DueNotifier: a follow-up that falls due while salesdesk runs shows a notification.

The agenda's minute tick (and every refresh) hands the agenda and the service's clock here;
what became due since the last look is announced once: through the system tray where there is
one (a desktop notification), else in a banner at the top of the agenda.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QWidget,
)

from salesdesk.domain.agenda import Agenda, AgendaItem, Section
from salesdesk.views.channels import short_time

Shown = tuple[int, dt.date, dt.time | None]  # contact, day, time: one follow-up


def due_moment(item: AgendaItem) -> dt.datetime | None:
    """When a listed follow-up falls due on the user's wall clock (its time, or the start
    of its day), naive."""
    if item.follow_up is None:
        return None
    return dt.datetime.combine(item.follow_up.due_on, item.follow_up.due_time or dt.time(0, 0))


class DueBanner(QFrame):
    """The in-window notification: one line of text, Show (the contact) and close."""

    show_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.contact_id = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setObjectName("due_banner_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.label, 1)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("due_banner_show")
        self.show_button.clicked.connect(self._on_show)
        layout.addWidget(self.show_button)
        close = QToolButton(self)
        close.setObjectName("due_banner_close")
        close.setText("×")
        close.setToolTip(self.tr("Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.hide()

    def announce(self, text: str, contact_id: int) -> None:
        self.label.setText(text)
        self.contact_id = contact_id
        self.show()

    def _on_show(self) -> None:
        self.hide()
        self.show_requested.emit(self.contact_id)


class DueNotifier(QObject):
    """Announces follow-ups that fall due after ``started`` (the window's start): each once.
    ``notified(title, text)`` says what was shown (tests listen to it)."""

    notified = Signal(str, str)

    def __init__(
        self,
        banner: DueBanner,
        started: dt.datetime,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.banner = banner
        self.last = started.replace(tzinfo=None, second=0, microsecond=0)
        self.tray_available = tray_available
        self.tray: QSystemTrayIcon | None = None
        self.shown: set[Shown] = set()

    def check(self, agenda: Agenda, now_local: dt.datetime) -> list[AgendaItem]:
        """Announce what fell due in (last look, ``now_local``]; returns those items."""
        now = now_local.replace(tzinfo=None)
        due = []
        for section in (Section.OVERDUE, Section.TODAY):
            for item in agenda.items(section):
                moment = due_moment(item)
                assert item.follow_up is not None or moment is None
                if moment is None or not self.last < moment <= now:
                    continue
                key = (item.contact_id, item.follow_up.due_on, item.follow_up.due_time)  # type: ignore[union-attr]
                if key not in self.shown:
                    self.shown.add(key)
                    due.append(item)
        self.last = max(self.last, now)
        if due:
            self._announce(due)
        return due

    def _announce(self, due: list[AgendaItem]) -> None:
        first = due[0]
        assert first.follow_up is not None
        what = first.follow_up.note or self.tr("follow up")
        if len(due) == 1:
            title = self.tr("Follow-up due: %1").replace("%1", first.name)
            when = first.follow_up.due_time
            text = f"{short_time(when)} – {what}" if when is not None else what
        else:
            title = self.tr("%n follow-ups due", "", len(due))
            text = ", ".join(item.name for item in due[:5])
        if self.tray_available():
            if self.tray is None:
                app = QApplication.instance()
                icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
                self.tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(":/icons/app.svg"),
                                            self)  # fmt: skip
                self.tray.setToolTip("salesdesk")
                self.tray.show()
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15000)
        else:
            self.banner.announce(f"<b>{_escape(title)}</b><br>{_escape(text)}", first.contact_id)
            self._reveal_banner()  # the agenda may be folded away (small screens start so)
            window = self.banner.window()
            QApplication.alert(window)  # the task bar entry asks for attention
        self.notified.emit(title, text)

    def _reveal_banner(self) -> None:
        """Open the dock the banner sits in, if it is closed: a reminder nobody can see is
        no reminder."""
        widget = self.banner.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        if widget is not None and widget.isHidden():
            widget.show()
            widget.raise_()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

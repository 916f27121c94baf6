"""TimelineView: a contact's interactions, stage changes and follow-up changes, newest first.

Each entry has its icon, what happened and a relative date; interactions have "Edit" and
"Delete" links (both undoable). From the keyboard: Tab into the list, Up/Down choose an
interaction (Down past the last shows the rest), Enter or F2 edits it, Delete deletes it.

The whole list is one painted widget: a widget per entry
made showing a busy contact cost ~200 ms, this costs a few.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from salesdesk.domain.interactions import FollowUpChange, FollowUpChangeKind, Interaction
from salesdesk.domain.stages import UnqualifiedReason
from salesdesk.services.interactions import TimelineEntry
from salesdesk.views.channels import (
    CHANNEL_ICONS,
    channel_label,
    direction_label,
    follow_up_when,
    outcome_label,
    relative_moment,
)
from salesdesk.views.detail.common import tinted_icon
from salesdesk.views.detail.labels import reason_label, stage_label

FIRST_SHOWN = 30  # entries shown before "Show all"
ICON_SIZE = 18
GAP = 8


def fill(pattern: str, *values: str) -> str:
    """``pattern`` with %1, %2, ... replaced in one pass (a name holding "%2" stays as is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values)
                  else m[0], pattern)  # fmt: skip


def reason_text(reason: str) -> str:
    """A stored reason for display (a common reason's key becomes its translated label)."""
    for known in UnqualifiedReason:
        if reason == known.value:
            return reason_label(known)
        if reason.startswith(known.value + ":"):
            return reason_label(known) + reason[len(known.value) :]
    return reason


@lru_cache(maxsize=64)
def _icon(path: str, rgba: int, size: int, ratio: float) -> QPixmap:
    pixmap = tinted_icon(path, QColor.fromRgba(rgba), size).pixmap(QSize(size, size), ratio)
    return pixmap


def icon_path(entry: TimelineEntry) -> str:
    if entry.interaction is not None:
        return CHANNEL_ICONS[entry.interaction.channel]
    if entry.stage_change is not None:
        created = entry.stage_change.from_stage is None
        return ":/icons/timeline-created.svg" if created else ":/icons/timeline-stage.svg"
    change = entry.follow_up_change
    done = change is not None and change.kind is FollowUpChangeKind.DONE
    return ":/icons/timeline-done.svg" if done else ":/icons/timeline-follow-up.svg"


@dataclass
class _Laid:
    """One entry placed for a width: where it is and where its links are."""

    entry: TimelineEntry
    top: int
    height: int
    document: QTextDocument
    date: str
    edit: QRect | None = None
    delete: QRect | None = None


class TimelineView(QWidget):
    """The timeline list: the newest FIRST_SHOWN entries, then a link to show the rest."""

    edit_requested = Signal(object)  # Interaction
    delete_requested = Signal(object)  # Interaction

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_view")
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._entries: Sequence[TimelineEntry] = ()
        self._now = dt.datetime.now(dt.UTC).astimezone()
        self._show_all = False
        self._laid: list[_Laid] = []
        self._laid_width = -1
        self._more: QRect | None = None
        self._height = 0
        self.editing_enabled = True
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current_id: int | None = None  # the interaction chosen with the keyboard

    # --- data ----------------------------------------------------------------------------

    def set_entries(
        self, entries: Sequence[TimelineEntry], now_local: dt.datetime, keep_expanded: bool
    ) -> None:
        self._entries = entries
        self._now = now_local
        self._show_all = self._show_all and keep_expanded
        self._relayout()

    def show_all(self) -> None:
        self._show_all = True
        self._relayout()

    def shown(self) -> list[TimelineEntry]:
        entries = list(self._entries)
        return entries if self._show_all else entries[:FIRST_SHOWN]

    def has_more(self) -> bool:
        return len(self.shown()) < len(self._entries)

    def entry_texts(self) -> list[str]:
        """The plain text of every entry shown, top to bottom (what a screen reader reads)."""
        return [laid.document.toPlainText() for laid in self._layout()]

    def interaction_entries(self) -> list[Interaction]:
        return [e.interaction for e in self.shown() if e.interaction is not None]

    def link_rect(self, interaction_id: int, which: str) -> QRect:
        """Where the 'edit' or 'delete' link of an interaction is (for tests and hit tests)."""
        for laid in self._layout():
            item = laid.entry.interaction
            if item is not None and item.id == interaction_id:
                rect = laid.edit if which == "edit" else laid.delete
                if rect is not None:
                    return rect
        raise KeyError(interaction_id)

    def more_rect(self) -> QRect | None:
        self._layout()
        return self._more

    # --- layout --------------------------------------------------------------------------

    def _relayout(self) -> None:
        self._laid_width = -1
        self._layout()
        self.updateGeometry()
        self.update()
        self.setAccessibleDescription("\n".join(self.entry_texts()))

    def _layout(self, width: int | None = None) -> list[_Laid]:
        width = self.width() if width is None else width
        width = max(width, 12 * self.fontMetrics().height())
        if width == self._laid_width:
            return self._laid
        fm = QFontMetrics(self.font())
        small = self.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 6.0))
        edit_text, delete_text = self.tr("Edit"), self.tr("Delete")
        link_width = fm.horizontalAdvance(edit_text) + GAP + fm.horizontalAdvance(delete_text)
        laid: list[_Laid] = []
        top = 0
        for entry in self.shown():
            date = relative_moment(entry.at, self._now)
            right = max(fm.horizontalAdvance(date), link_width if entry.interaction else 0)
            text_left = ICON_SIZE + GAP
            text_width = max(width - text_left - right - GAP, 6 * fm.height())
            document = QTextDocument()
            document.setDefaultFont(self.font())
            document.setDocumentMargin(0)
            document.setHtml(self._html(entry))
            document.setTextWidth(text_width)
            height = max(int(document.size().height()), ICON_SIZE, fm.height() * 2)
            item = _Laid(entry, top, height, document, date)
            if entry.interaction is not None:
                y = top + fm.height() + 2
                delete_w = fm.horizontalAdvance(delete_text)
                item.delete = QRect(width - delete_w, y, delete_w, fm.height())
                edit_w = fm.horizontalAdvance(edit_text)
                item.edit = QRect(item.delete.left() - GAP - edit_w, y, edit_w, fm.height())
            laid.append(item)
            top += height + GAP
        self._more = None
        if self.has_more():
            text = self._more_text()
            self._more = QRect(0, top, fm.horizontalAdvance(text), fm.height())
            top += fm.height() + GAP
        if not any(e.interaction or e.follow_up_change for e in self._entries):
            top += fm.height() + GAP  # "Nothing logged yet."
        self._laid, self._laid_width, self._height = laid, width, max(top - GAP, 0)
        return laid

    def _more_text(self) -> str:
        return self.tr("Show all %1 entries").replace("%1", str(len(self._entries)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        self._layout(width)
        return self._height

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(self.width(), 20 * self.fontMetrics().height())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(12 * self.fontMetrics().height(), self.heightForWidth(self.width()))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        if self._laid_width != self.width():
            self._layout()
            self.updateGeometry()

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        link = palette.color(QPalette.ColorRole.Link)
        fm = QFontMetrics(self.font())
        ratio = self.devicePixelRatioF()
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        laid = self._layout()
        focused = self._current_laid() if self.hasFocus() else None
        for item in laid:
            if item.top > event.rect().bottom() or item.top + item.height < event.rect().top():
                continue
            if focused is not None and item is focused:  # the keyboard's choice: shaded
                shade = palette.color(QPalette.ColorRole.Highlight)
                shade.setAlpha(48)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(shade)
                painter.drawRoundedRect(self._frame(item), 3, 3)
            pixmap = _icon(icon_path(item.entry), text.rgba(), ICON_SIZE, ratio)
            painter.drawPixmap(QPoint(0, item.top), pixmap)
            painter.save()
            painter.translate(ICON_SIZE + GAP, item.top)
            item.document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setPen(quiet)
            painter.drawText(
                QRect(0, item.top, self.width(), fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                item.date,
            )
            if item.edit is not None and item.delete is not None and self.editing_enabled:
                painter.setPen(link)
                painter.drawText(item.edit, Qt.AlignmentFlag.AlignLeft, self.tr("Edit"))
                painter.drawText(item.delete, Qt.AlignmentFlag.AlignLeft, self.tr("Delete"))
        if self._more is not None:
            painter.setPen(link)
            painter.drawText(self._more, Qt.AlignmentFlag.AlignLeft, self._more_text())
        if not any(e.interaction or e.follow_up_change for e in self._entries):
            painter.setPen(quiet)
            bottom = laid[-1].top + laid[-1].height + GAP if laid else 0
            painter.drawText(
                QRect(0, bottom, self.width(), fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                self.tr("Nothing logged yet."),
            )

    # --- mouse ---------------------------------------------------------------------------

    def _hit(self, pos: QPoint) -> tuple[str, Interaction | None] | None:
        if self._more is not None and self._more.contains(pos):
            return ("more", None)
        if not self.editing_enabled:
            return None
        for item in self._layout():
            if item.edit is not None and item.edit.contains(pos):
                return ("edit", item.entry.interaction)
            if item.delete is not None and item.delete.contains(pos):
                return ("delete", item.entry.interaction)
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position().toPoint())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self._hit(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and hit is not None:
            what, item = hit
            if what == "more":
                self.show_all()
            elif what == "edit":
                self.edit_requested.emit(item)
            else:
                self.delete_requested.emit(item)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # --- keyboard ------------------------------------------------------------------------

    def _choosable(self) -> list[_Laid]:
        return [laid for laid in self._layout() if laid.entry.interaction is not None]

    def _current_laid(self) -> _Laid | None:
        for laid in self._choosable():
            interaction = laid.entry.interaction
            if interaction is not None and interaction.id == self.current_id:
                return laid
        return None

    def _frame(self, laid: _Laid) -> QRect:
        return QRect(0, laid.top - 2, self.width() - 1, laid.height + 3)

    def _choose(self, laid: _Laid) -> None:
        interaction = laid.entry.interaction
        self.current_id = interaction.id if interaction is not None else None
        self.update()
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None and scroll.widget() is not None:
            frame = self._frame(laid)
            centre = self.mapTo(scroll.widget(), frame.center())
            scroll.ensureVisible(centre.x(), centre.y(), 0, frame.height() // 2 + 8)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        choosable = self._choosable()
        if self._current_laid() is None and choosable:
            self._choose(choosable[0])
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        choosable = self._choosable()
        current = self._current_laid()
        at = choosable.index(current) if current is not None else -1
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and choosable:
            step = 1 if key == Qt.Key.Key_Down else -1
            if step > 0 and at == len(choosable) - 1 and self.has_more():
                self.show_all()  # Down past the last shown: the rest of the timeline
                choosable = self._choosable()
            self._choose(choosable[max(0, min(len(choosable) - 1, at + step))])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and current is not None:
            if self.editing_enabled:
                self.edit_requested.emit(current.entry.interaction)
        elif key == Qt.Key.Key_Delete and current is not None and self.editing_enabled:
            self.delete_requested.emit(current.entry.interaction)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- text ----------------------------------------------------------------------------

    def _html(self, entry: TimelineEntry) -> str:
        if entry.interaction is not None:
            return self._interaction_html(entry.interaction)
        if entry.stage_change is not None:
            return self._stage_html(entry)
        assert entry.follow_up_change is not None
        return self._follow_up_html(entry.follow_up_change, self._now.date())

    def _interaction_html(self, item: Interaction) -> str:
        facts = [channel_label(item.channel), direction_label(item.direction)]
        if item.outcome is not None:
            facts.append(outcome_label(item.outcome))
        if item.author:
            facts.append(self.tr("logged by %1").replace("%1", item.author))
        text = f"<b>{html.escape(item.summary)}</b><br><small>{html.escape(' · '.join(facts))}"
        text += "</small>"
        if item.notes:
            notes = html.escape(item.notes).replace("\n", "<br>")
            text += f"<br><small>{notes}</small>"
        return text

    def _stage_html(self, entry: TimelineEntry) -> str:
        change = entry.stage_change
        target = f"<b>{html.escape(stage_label(change.to_stage))}</b>"
        author = html.escape(change.author)
        if change.from_stage is None:
            if author:
                text = fill(self.tr("Created in %1 by %2"), target, author)
            else:
                text = self.tr("Created in %1").replace("%1", target)
        else:
            source = html.escape(stage_label(change.from_stage))
            if author:
                text = fill(self.tr("Moved from %1 to %2 by %3"), source, target, author)
            else:
                text = fill(self.tr("Moved from %1 to %2"), source, target)
        if change.reason:
            reason = html.escape(reason_text(change.reason))
            text += "<br><small>" + self.tr("Reason: %1").replace("%1", f"<i>{reason}</i>")
            text += "</small>"
        return text

    def _follow_up_html(self, change: FollowUpChange, today: dt.date) -> str:
        follow_up = change.follow_up
        when = html.escape(follow_up_when(follow_up, today, relative=False)) if follow_up else ""
        note = f" · {html.escape(follow_up.note)}" if follow_up and follow_up.note else ""
        author = html.escape(change.author)
        if change.kind is FollowUpChangeKind.SET:
            if author:
                text = fill(self.tr("Follow-up planned for %1 by %2"), f"<b>{when}</b>", author)
            else:
                text = self.tr("Follow-up planned for %1").replace("%1", f"<b>{when}</b>")
        elif change.kind is FollowUpChangeKind.DONE:
            text = (self.tr("Follow-up done by %1").replace("%1", author) if author
                    else self.tr("Follow-up done"))  # fmt: skip
        else:
            text = (self.tr("Follow-up removed by %1").replace("%1", author) if author
                    else self.tr("Follow-up removed"))  # fmt: skip
        return text + note

"""AppEvents: the one place views learn that data changed, so no pane pokes another."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Application-wide signals; every service call that changed data ends in
    ``changes_applied(ChangeSet)``. ``contact_selected(int)`` asks panes to show one contact."""

    changes_applied = Signal(object)  # ChangeSet
    contact_selected = Signal(int)  # contact id, or 0 for none
    status_message = Signal(str)
    save_failed = Signal(str)  # user-facing message
    not_saved = Signal(str)  # a save failed for want of storage (busy, disk full, gone)

"""Booth mode: the full-window capture form for trade shows, opened from the main window."""

from __future__ import annotations

from typing import Any


def open_booth(window: Any) -> Any:
    """Open booth mode over the main window's database (asking for an event first if there
    is none yet); returns the BoothWindow or the EventDialog shown."""
    from salesdesk.services.booth import EventService
    from salesdesk.views.booth.event_dialog import EventDialog
    from salesdesk.views.booth.settings import BoothSettings
    from salesdesk.views.booth.window import BoothWindow

    settings = BoothSettings(window.settings.qsettings, window.runner.service.author)
    events = EventService(window.runner.service)

    def start(event: Any) -> BoothWindow:
        booth = BoothWindow(window.runner, settings, event, window)
        booth.showMaximized()
        booth.activateWindow()
        window.dialog = booth
        return booth

    current = events.current()
    if current is not None:
        return start(current)
    dialog = EventDialog(events, settings, window)
    dialog.accepted.connect(lambda: start(dialog.saved) if dialog.saved else None)
    window.dialog = dialog
    dialog.open()
    return dialog

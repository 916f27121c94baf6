"""Themes: the system's colours, or salesdesk's own light or dark palette, applied at once.

The stylesheet uses palette roles only, so swapping the application palette recolours every
widget. The colour scheme hint is set too, so native parts (dialogs, title bars) follow where
the platform supports it; the palette itself is what makes it work everywhere, offscreen too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_SYSTEM_PALETTE = "_salesdesk_system_palette"
_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup


def dark_palette() -> QPalette:
    """A dark palette in the spirit of Fusion's (readable text, visible focus and links)."""
    palette = QPalette()
    colors = {
        _ROLE.Window: "#2b2d30",
        _ROLE.WindowText: "#e6e6e6",
        _ROLE.Base: "#1f2022",
        _ROLE.AlternateBase: "#2f3134",
        _ROLE.ToolTipBase: "#3a3d41",
        _ROLE.ToolTipText: "#f0f0f0",
        _ROLE.PlaceholderText: "#8c8c8c",
        _ROLE.Text: "#e6e6e6",
        _ROLE.Button: "#35383c",
        _ROLE.ButtonText: "#e6e6e6",
        _ROLE.BrightText: "#ff6b6b",
        _ROLE.Light: "#4a4d52",
        _ROLE.Midlight: "#3e4145",
        _ROLE.Mid: "#5c6066",
        _ROLE.Dark: "#1a1b1d",
        _ROLE.Shadow: "#000000",
        _ROLE.Highlight: "#3d7bd9",
        _ROLE.HighlightedText: "#ffffff",
        _ROLE.Link: "#7fb2ff",
        _ROLE.LinkVisited: "#b99cff",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (_ROLE.Text, _ROLE.WindowText, _ROLE.ButtonText):
        palette.setColor(_GROUP.Disabled, role, QColor("#7a7d82"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    return app.style().standardPalette()


def apply_theme(theme: str, app: QApplication | None = None) -> None:
    """``theme``: "system", "light" or "dark"."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    if theme not in ("light", "dark") and app.property(_SYSTEM_PALETTE) is None:
        return  # never changed: the system's palette is in place
    if app.property(_SYSTEM_PALETTE) is None:  # the first change: keep the system's palette
        app.setProperty(_SYSTEM_PALETTE, QPalette(app.palette()))
    hints = app.styleHints()
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(light_palette(app))
    else:
        hints.unsetColorScheme()
        app.setPalette(app.property(_SYSTEM_PALETTE))


def is_dark(palette: QPalette) -> bool:
    return palette.color(_ROLE.Window).lightness() < 128

"""What the main window's menus and drops call to open the transfer dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from salesdesk.views.transfer.duplicates_dialog import FindDuplicatesDialog
from salesdesk.views.transfer.export_dialog import ExportDialog
from salesdesk.views.transfer.wizard import ImportWizard

if TYPE_CHECKING:
    from salesdesk.views.main_window import MainWindow


def show_find_duplicates(window: MainWindow) -> FindDuplicatesDialog:
    """Tools ▸ Find duplicates…"""
    dialog = FindDuplicatesDialog(window.runner, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.dialog = dialog
    dialog.open()
    dialog.activateWindow()
    return dialog


def show_export(window: MainWindow) -> ExportDialog:
    """File ▸ Export…: the current search and the selected cards are offered as scopes."""
    board = window.board
    dialog = ExportDialog(
        window.runner,
        search_text=board.search_text if board.searching else "",
        selected_ids=board.selected_ids(),
        parent=window,
    )
    combo = dialog.delimiter_combo  # the Preferences' delimiter (German Excel wants ';')
    combo.setCurrentIndex(max(0, combo.findData(window.commands.preferences.current.csv_delimiter)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.dialog = dialog
    dialog.open()
    dialog.activateWindow()
    return dialog


def show_import(window: MainWindow, path: str | None = None) -> ImportWizard:
    """File ▸ Import…, or a file dropped onto the window (``path``)."""
    preferences = window.commands.preferences.current
    wizard = ImportWizard(window.runner, window.settings.qsettings, path, window, preferences)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.dialog = wizard
    wizard.open()
    wizard.activateWindow()
    return wizard

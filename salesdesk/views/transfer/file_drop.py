"""FileDropFilter: a CSV, vCard or JSON file dropped anywhere on the main window starts the
import wizard with it (the board's own card drags are left alone)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

IMPORTABLE = (".csv", ".tsv", ".txt", ".vcf", ".vcard", ".json", ".xlsx", ".xlsm", ".xls", ".ods")


def importable_path(mime: QMimeData) -> str | None:
    """The first local file of a drag that salesdesk can import, else None."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORTABLE):
            return url.toLocalFile()
    return None


class FileDropFilter(QObject):
    """Installed on the window: accepts drags of importable files and hands a dropped one to
    ``start_import(path)``. Drags the window's children do not take bubble up to it."""

    def __init__(self, window: QWidget, start_import: Callable[[str], object]) -> None:
        super().__init__(window)
        self.start_import = start_import
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if importable_path(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            path = importable_path(event.mimeData())
            if path is not None and Path(path).is_file():
                event.acceptProposedAction()
                # after the drop returns: the source of the drag is not kept waiting
                QTimer.singleShot(0, self, lambda: self.start_import(path))
                return True
        return False

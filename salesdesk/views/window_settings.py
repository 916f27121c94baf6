"""WindowSettings: what the window remembers between runs (size, splitter, folds, databases)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from salesdesk.domain.stages import Stage
from salesdesk.views.board.view import BoardView

MAX_RECENT = 8


def _list(value: object) -> list[str]:
    """QSettings hands back a str for a one-item list and None for an empty one."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


class WindowSettings:
    """A thin typed layer over QSettings (tests pass an ini file in a temporary folder)."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def restore_window(self, window: QMainWindow, splitter: QSplitter, board: BoardView) -> bool:
        """Put size, splitter and folds back; returns whether the detail pane is wanted."""
        s = self.qsettings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            window.resize(1400, 850)
        state = s.value("window/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
        else:
            splitter.setSizes([1000, 420])  # room for an e-mail address in the pane
        folded = set(_list(s.value("board/folded")))
        for stage in Stage:
            board.set_folded(stage, stage.value in folded)
        return _list(s.value("window/detail_hidden")) != ["true"]

    def save_window(
        self, window: QMainWindow, splitter: QSplitter, board: BoardView, detail_wanted: bool
    ) -> None:
        s = self.qsettings
        s.setValue("window/geometry", window.saveGeometry())
        panes = [splitter.widget(n) for n in range(splitter.count())]
        if all(pane is not None and pane.isVisible() for pane in panes):
            s.setValue("window/splitter", splitter.saveState())  # sizes with the pane shown
        s.setValue("window/detail_hidden", "false" if detail_wanted else "true")
        s.setValue("board/folded", [stage.value for stage in board.folded_stages()])
        s.sync()

    def last_database(self) -> str | None:
        value = self.qsettings.value("database/last")
        return str(value) if value else None

    def recent_databases(self) -> list[str]:
        return _list(self.qsettings.value("database/recent"))

    def remember_database(self, path: str) -> None:
        recent = [p for p in self.recent_databases() if p != path]
        self.qsettings.setValue("database/recent", [path, *recent][:MAX_RECENT])
        self.qsettings.setValue("database/last", path)
        self.qsettings.sync()

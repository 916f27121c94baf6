"""Render the main window offscreen to docs/screenshots (board light/dark, empty state).

    python scripts/screenshots.py [--out docs/screenshots] [--contacts 400] [--scale 1]

Uses a throw-away database with seeded demo contacts and throw-away settings, so the pictures
are the same on every run and the user's own data and settings are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def dark_palette():  # type: ignore[no-untyped-def]
    """A dark palette built from palette roles only (what a dark desktop theme hands Qt)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#26282b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1c1d1f",
        QPalette.ColorRole.AlternateBase: "#2c2e31",
        QPalette.ColorRole.ToolTipBase: "#2c2e31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8d91",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#303236",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#45484d",
        QPalette.ColorRole.Midlight: "#3a3c40",
        QPalette.ColorRole.Mid: "#4a4d52",
        QPalette.ColorRole.Dark: "#151617",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6ea8ff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return palette


def shoot_conversations(window, out: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """The detail pane of a busy contact (timeline.png) and the agenda dock (agenda.png)."""
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.stages import Stage
    from salesdesk.services.interactions import InteractionService

    talk = InteractionService(window.runner.service)
    working = [c.id for c in window.runner.service.cards() if c.stage is Stage.WORKING]
    busiest = max(working, key=lambda i: (talk.follow_up(i) is not None, len(talk.interactions(i))))
    window.resize(1700, 1150)
    window.show()
    for _ in range(5):  # first let the board take the focus (it makes a card current)
        QApplication.processEvents()
    total = sum(window.splitter.sizes())  # what the agenda dock leaves
    window.splitter.setSizes([total - 440, 440])  # the pane at its usual width
    window.commands.conversations.navigate_to(busiest)
    for _ in range(5):
        QApplication.processEvents()
    agenda = window.commands.conversations.agenda
    from PySide6.QtWidgets import QScrollArea

    scroll = window.detail.findChild(QScrollArea)
    whole = scroll.widget() if scroll is not None else window.detail  # every section, unscrolled
    for name, widget in (("timeline", window.detail), ("agenda", agenda), ("detail-pane", whole)):
        target = out / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        print(f"wrote {target}")


SIZES = ((1366, 768), (1680, 950))  # a typical laptop, and a desktop monitor


def shoot_sizes(app, session, tmp: Path, out: Path, suffix: str, dark) -> None:  # type: ignore[no-untyped-def]
    """The board at each of SIZES, light and dark, English and German, as a new user meets
    it (fresh settings: the agenda and pane as they start), a card chosen in Working."""
    from PySide6.QtCore import QLocale, QSettings

    from salesdesk.domain.stages import Stage
    from salesdesk.views.app import install_translator
    from salesdesk.views.main_window import MainWindow

    light = app.palette()
    for language in ("en", "de"):
        translators = []
        if language == "de":
            QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
            translators = install_translator(app, QLocale(QLocale.Language.German))
        for width, height in SIZES:
            for theme, palette in (("light", light), ("dark", dark)):
                app.setPalette(palette)
                ini = tmp / f"settings-{language}-{width}-{theme}.ini"
                window = MainWindow(session, QSettings(str(ini), QSettings.Format.IniFormat))
                window.resize(width, height)
                window.show()
                app.processEvents()
                window.board.focus_column(Stage.WORKING, 1)
                for _ in range(5):
                    app.processEvents()
                target = out / f"board-{width}x{height}-{theme}-{language}{suffix}.png"
                window.grab().save(str(target))
                print(f"wrote {target}")
                window.close()
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app.setPalette(light)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--contacts", type=int, default=400)
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.stages import Stage
    from salesdesk.services.demo import load_demo
    from salesdesk.services.demo_interactions import add_demo_interactions
    from salesdesk.services.session import open_session
    from salesdesk.views.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    light = app.palette()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" else f"@{args.scale}x"
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)

        def shoot(window: MainWindow, name: str, stage: Stage | None = None) -> None:
            window.resize(1680, 950)
            window.show()
            app.processEvents()
            if stage is not None:
                window.board.focus_column(stage, 1)  # a card chosen, shown in the detail pane
            for _ in range(5):
                app.processEvents()
            target = args.out / f"{name}{suffix}.png"
            window.grab().save(str(target))
            print(f"wrote {target}")

        empty = open_session(Path(tmp) / "empty.db")
        window = MainWindow(empty, settings)
        shoot(window, "empty-state")
        window.close()
        empty.close()

        session = open_session(Path(tmp) / "demo.db")
        load_demo(session.service, args.contacts, 7)
        add_demo_interactions(session.service, args.contacts * 5, 7)
        for name, palette in (("board-light", light), ("board-dark", dark_palette())):
            app.setPalette(palette)  # before the window, as a desktop theme would be
            window = MainWindow(session, settings)
            window.board.set_folded(Stage.UNQUALIFIED, True)
            window.commands.conversations.agenda.hide()  # agenda.png shows it; room for cards
            shoot(window, name, Stage.WORKING)
            window.close()
        app.setPalette(light)
        shoot_sizes(app, session, Path(tmp), args.out, suffix, dark_palette())
        window = MainWindow(session, settings)
        shoot_conversations(window, args.out, suffix)
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

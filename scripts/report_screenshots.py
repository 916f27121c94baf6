"""Render every tab of the reports window offscreen to docs/screenshots, light, dark and in
German (reports-<tab>-light.png, -dark.png, -de.png).

    python scripts/report_screenshots.py [--out docs/screenshots] [--contacts 400]

Like scripts/screenshots.py: a throw-away database of seeded demo contacts (with expected
values for some of them) and throw-away settings; the user's data is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

TABS = ("funnel", "time-in-stage", "sources", "reasons", "activity", "value")
DAYS = 365  # a year of the demo's two: monthly buckets, every report well filled
VALUE_SHARE = {"working": 0.3, "nurturing": 0.2, "prospect": 0.8, "customer": 0.9}
CURRENCIES = ("EUR", "EUR", "EUR", "USD", "CHF")


def add_values(service, seed: int) -> None:  # type: ignore[no-untyped-def]
    """Expected values for a share of the open and won deals (the demo has none)."""
    rng = random.Random(seed)
    today = service.clock().date()
    for card in service.cards():
        if rng.random() < VALUE_SHARE.get(card.stage.value, 0):
            close = today + dt.timedelta(days=rng.randint(-60, 240))
            service.update(card.id, {
                "expected_value": str(rng.randrange(20, 900) * 100),
                "currency": rng.choice(CURRENCIES),
                "expected_close": close.isoformat() if rng.random() < 0.85 else None,
            })  # fmt: skip


def shoot_tabs(window, out: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from salesdesk.views.reports.window import open_reports

    reports = open_reports(window)
    reports.resize(1200, 760)
    start = dt.date.today() - dt.timedelta(days=DAYS - 1)
    reports.first.setDate(QDate(start.year, start.month, start.day))
    for index, name in enumerate(TABS):
        reports.tabs.setCurrentIndex(index)
        reports.tabs.setFocus()  # not the date field, which would show a selected part
        for _ in range(5):
            QApplication.processEvents()
        target = out / f"reports-{name}-{suffix}.png"
        reports.grab().save(str(target))
        print(f"wrote {target}")
    reports.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--contacts", type=int, default=400)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication
    from screenshots import dark_palette

    from salesdesk.services.demo import load_demo
    from salesdesk.services.demo_interactions import add_demo_interactions
    from salesdesk.services.session import open_session
    from salesdesk.views.app import install_translator
    from salesdesk.views.main_window import MainWindow

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    light = app.palette()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        session = open_session(Path(tmp) / "demo.db")
        load_demo(session.service, args.contacts, 7)
        add_demo_interactions(session.service, args.contacts * 5, 7)
        add_values(session.service, 7)
        for suffix, palette in (("light", light), ("dark", dark_palette())):
            app.setPalette(palette)  # before the window, as a desktop theme would be
            window = MainWindow(session, settings)
            shoot_tabs(window, args.out, suffix)
            window.close()
        app.setPalette(light)
        german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
        QLocale.setDefault(german)
        install_translator(app, german)
        window = MainWindow(session, settings)
        shoot_tabs(window, args.out, "de")
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

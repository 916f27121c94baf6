"""Render the window's sync dialogs offscreen to docs/screenshots: File ▸ Sync… after a round
with a second laptop, its device list, and the conflicts dialog.

    python scripts/screenshots_sync.py [--out docs/screenshots] [--lang de]

Uses throw-away databases, folder and settings, so the user's own data is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", help="en, or de for the German window")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.stages import Stage
    from salesdesk.services import sync_passphrase
    from salesdesk.services.session import open_session
    from salesdesk.services.sync_window import window_sync
    from salesdesk.store.rows import database_proxy
    from salesdesk.sync.replica import using
    from salesdesk.views.app import install_translator
    from salesdesk.views.main_window import MainWindow

    sync_passphrase.system_keyring = lambda: None  # never the user's keyring
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.lang == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        install_translator(app, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "NAS" / "salesdesk"
        folder.mkdir(parents=True)
        office = open_session(Path(tmp) / "office.db")
        office_sync = window_sync(office.service)
        office_sync.set_device_name("Office PC")
        booth = open_session(Path(tmp) / "booth.db")  # the store is bound to this one now
        service = booth.service
        people = [
            ("Anna", "Schmidt", "Beispiel AG", Stage.PROSPECT, "hot"),
            ("Jürgen", "Müller", "Müller Bau GmbH", Stage.NEW, "warm"),
            ("Li", "Wei", "Dragon Trade Ltd.", Stage.WORKING, "cold"),
        ]
        ids = {
            first: service.create(first_name=first, last_name=last, company=company,
                                  stage=stage, rating=rating).ids[0]
            for first, last, company, stage, rating in people
        }  # fmt: skip
        booth_sync = window_sync(service)
        booth_sync.set_device_name("Booth laptop 1")
        booth_sync.round(folder, PASSPHRASE)
        with using(office.service.db):
            office_sync.round(folder, PASSPHRASE)
        service.update(ids["Anna"], {"rating": "warm"})
        service.update(ids["Jürgen"], {"company": "Müller Bau AG"})
        with using(office.service.db):
            by_name = {c.first_name: c.id for c in office.service.cards()}
            office.service.update(by_name["Anna"], {"rating": "cold"})
            office.service.update(by_name["Jürgen"], {"company": "Müller Hochbau GmbH"})
            office_sync.round(folder, PASSPHRASE)
        booth_sync.round(folder, PASSPHRASE)
        database_proxy.initialize(service.db)

        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(booth, settings)
        window.resize(1300, 820)
        window.show()
        settle()
        controller = window.sync.controller
        controller.passphrase = PASSPHRASE
        controller.sync_now()
        controller.wait(30)
        settle()
        dialog = window.sync.show_dialog()
        settle()
        dialog.grab().save(str(args.out / f"sync-dialog{suffix}.png"))
        dialog.ui.tabs.setCurrentIndex(1)
        settle()
        dialog.grab().save(str(Path(tmp).parent / f"sync-devices{suffix}.png"))
        dialog.ui.tabs.setCurrentIndex(0)
        conflicts = dialog.show_conflicts()
        settle()
        conflicts.grab().save(str(args.out / f"conflicts{suffix}.png"))
        window.statusBar().grab().save(str(Path(tmp).parent / f"sync-status{suffix}.png"))
        controller.pause()
        window.close()
        booth.close()
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render booth mode offscreen to docs/screenshots: empty, mid-capture with a duplicate hint,
and right after a badge scan.

    python scripts/screenshots_booth.py [--out docs/screenshots]

Uses a throw-away database and settings, so the user's own data is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.events import Event
    from salesdesk.domain.stages import Stage
    from salesdesk.services.booth import CaptureInput, CaptureService, EventService
    from salesdesk.services.booth_codes import mangle, parse_scan
    from salesdesk.services.session import open_session
    from salesdesk.views.booth.settings import BoothSettings, RepCard
    from salesdesk.views.booth.window import BoothWindow
    from salesdesk.views.events import AppEvents
    from salesdesk.views.undo import ServiceRunner

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        session = open_session(Path(tmp) / "booth.db")
        service = session.service
        service.create(first_name="Anna", last_name="Schmidt", company="Beispiel AG",
                       emails=["anna.schmidt@beispiel.de"], stage=Stage.PROSPECT)  # fmt: skip
        fair = EventService(service).add(
            Event("Hannover Messe 2026", dt.date(2026, 4, 20), dt.date(2026, 4, 24), "Hannover",
                  "Hall 7 B12", ("wants demo", "budget this year", "CRM", "ERP link"))
        )  # fmt: skip
        settings = BoothSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.staff = "Max Berger"
        settings.our_company = "Nordlicht Software GmbH"
        settings.rep_card = RepCard("Max", "Berger", "Nordlicht Software GmbH", "Sales",
                                    "max.berger@nordlicht.example", "+49 40 555 0123")  # fmt: skip
        booth = CaptureService(service, staff="Max Berger")
        for first, last, company, grade in (
            ("Jürgen", "Müller", "Müller Bau GmbH", "hot"),
            ("Li", "Wei", "Dragon Trade Ltd.", "warm"),
            ("Sofia", "Rossi", "Rossi Srl", "hot"),
        ):
            booth.capture(fair, CaptureInput(first, last, company, grade=grade))
        window = BoothWindow(ServiceRunner(service, AppEvents()), settings, fair)
        window.resize(1400, 860)
        window.show()
        settle()
        window.grab().save(str(args.out / "booth-empty.png"))

        form = window.form
        typed = {
            "first_name": "Anna",
            "last_name": "Schmidt",
            "company": "Beispiel AG",
            "title": "Head of IT",
            "note": "Runs 40 field technicians, wants the offline demo",
        }
        for name, value in typed.items():
            form.fields[name].setText(value)
        form.press_grade(0)
        form.toggle_chip(0)
        form.consent_email.setChecked(True)
        window.check_duplicates()
        form.fields["email"].setFocus()
        settle()
        window.grab().save(str(args.out / "booth-duplicate.png"))

        window.save()  # saved as a new lead (not linked); then a badge scan arrives
        scan = mangle("MECARD:N:Zeller,Yvonne;ORG:Yacht Systems AG;"
                      "EMAIL:y.zeller@yacht-systems.example;TEL:+49 89 1234567;;")  # fmt: skip
        window.on_scanned(scan)
        settle()
        window.check_duplicates()
        settle()
        window.grab().save(str(args.out / "booth-scan.png"))
        assert parse_scan(scan).repaired_layout
        window.close()
        session.close()
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

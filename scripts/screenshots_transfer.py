"""Render the import wizard (column page) and the merge dialog offscreen to docs/screenshots.

    python scripts/screenshots_transfer.py [--out docs/screenshots]

Uses a throw-away database and settings, so the user's own data is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAIR_CSV = (
    "Vorname;Nachname;Firma;Position;E-Mail-Adresse;Mobiltelefon;Ort geschäftlich;"
    "Kategorien;Messestand\n"
    "Jürgen;Müller;Müller Bau GmbH;Geschäftsführer;j.mueller@mueller-bau.de;0171 2345678;"
    "Berlin;Kunden;Halle 3\n"
    "Renée;Weiß;Café Öl & Söhne KG;Einkäuferin;renee.weiss@cafe-oel.de;0160 9876543;"
    "Düsseldorf;Interessenten;Halle 1\n"
    "Li;Wei;Dragon Trade Ltd.;Buyer;li.wei@dragon-trade.cn;+86 138 0013 8000;Shanghai;"
    "Messe;Halle 5\n"
    "Sofia;Rossi;Rossi Srl;CEO;sofia@rossi.it;+39 347 123 4567;Milano;Partner;Halle 2\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.contact import Address
    from salesdesk.domain.stages import Stage
    from salesdesk.services.session import open_session
    from salesdesk.views.main_window import MainWindow
    from salesdesk.views.transfer.merge_dialog import MergeDialog
    from salesdesk.views.transfer.window_hooks import show_import

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        session = open_session(Path(tmp) / "demo.db")
        service = session.service
        anna = service.create(
            first_name="Anna", last_name="Schmidt", company="Acme GmbH",
            emails=["anna.schmidt@acme.de"], phones=["0171 2345678"], tags=["vip"],
            rating="hot",
        ).ids[0]  # fmt: skip
        copy = service.create(
            first_name="Anna", last_name="Schmidt", company="ACME", title="Head of Purchasing",
            emails=["anna.schmidt@acme.de", "a.schmidt@gmail.com"], phones=["+49 30 1234567"],
            tags=["Messe 2026"], address=Address("Hauptstr. 1", "80331", "München", "", "DE"),
            notes="Met at the booth; wants a quote for 200 units before Christmas.",
        ).ids[0]  # fmt: skip
        service.move([copy], Stage.PROSPECT)
        window = MainWindow(session, settings)
        window.resize(1400, 850)
        window.show()
        settle()

        merge = MergeDialog(window.runner, [anna, copy], window)
        merge.show()
        settle()
        target = args.out / "merge.png"
        merge.grab().save(str(target))
        print(f"wrote {target}")
        merge.close()

        csv_path = Path(tmp) / "messe-kontakte.csv"
        csv_path.write_text(FAIR_CSV, encoding="cp1252")
        wizard = show_import(window, str(csv_path))
        settle()
        wizard.next()  # how to read it
        wizard.next()  # the columns
        settle()
        wizard.mapping_page.set_target(8, "tags")
        settle()
        target = args.out / "import-wizard.png"
        wizard.grab().save(str(target))
        print(f"wrote {target}")
        wizard.reject()
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Render File ▸ Sync… ▸ Team server offscreen to docs/screenshots/team-server.png (and
team-server-de.png with --lang de), filled in as a member does before pressing Join.

    python scripts/screenshots_team.py [--out docs/screenshots] [--lang de]

Uses a throw-away database and settings; no server is contacted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="en", help="en, or de for the German window")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QLocale, QSettings
    from PySide6.QtWidgets import QApplication

    from salesdesk.services.session import open_session
    from salesdesk.views.app import install_english, install_translator
    from salesdesk.views.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.lang == "de":
        german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
        QLocale.setDefault(german)
        install_translator(app, german)
    else:
        install_english(app)
    suffix = "" if args.lang == "en" else f"-{args.lang}"
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # no stored password
        session = open_session(Path(tmp) / "jana.db")
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(session, settings)
        window.resize(1300, 820)
        window.show()
        settle()
        dialog = window.sync.show_dialog()
        team = dialog.team
        assert team is not None
        dialog.ui.tabs.setCurrentWidget(team)
        team.host_edit.setText("crm-server.example.com")
        team.database_edit.setText("crm")
        team.user_edit.setText("jana")
        team.password_edit.setText("a password")
        team.tls_combo.setCurrentIndex(team.tls_combo.findData("verify-full"))
        team.cert_edit.setText("/etc/ssl/certs/crm-ca.pem")
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        settle()
        dialog.grab().save(str(args.out / f"team-server{suffix}.png"))
        dialog.reject()
        settle()
        window.sync.pause()
        window.close()
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Qt-free preferences reader: QSettings' INI text, defaults, bad values, precedence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services.preferences import (
    Preferences,
    load_preferences,
    qt_ini_value,
    read_ini,
)
from salesdesk.services.session import configured_region


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    prefs = load_preferences(tmp_path / "missing.ini")
    assert prefs == Preferences()
    assert prefs.stale_after == {Stage.NEW: 3, Stage.WORKING: 7, Stage.NURTURING: 30,
                                 Stage.PROSPECT: 7}  # fmt: skip
    assert prefs.import_tag_for(dt.date(2026, 11, 26)) == "Import 2026-11-26"


def test_values_as_qsettings_writes_them(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    path.write_text(
        '[phones]\nregion=at\nunlabelled=work\n[export]\ncsv_delimiter=";"\n'
        '[import]\ntag="Messe 2026 \\"K\\xf6ln\\", {date}"\n'
        "[agenda]\nstale_new=1\nstale_customer=90\n"
        "[conversations]\nauto_working=false\n[demo]\ncontacts=40\n"
        "[appearance]\ntheme=dark\nlanguage=de\n",
        encoding="utf-8",
    )
    prefs = load_preferences(path)
    assert (prefs.phone_region, prefs.phone_label, prefs.csv_delimiter) == ("AT", "work", ";")
    assert prefs.import_tag == 'Messe 2026 "Köln", {date}'
    assert prefs.stale_after[Stage.NEW] == 1 and prefs.stale_after[Stage.CUSTOMER] == 90
    assert (prefs.auto_working, prefs.demo_contacts) == (False, 40)
    assert (prefs.theme, prefs.language) == ("dark", "de")


def test_nonsense_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "preferences.ini"
    path.write_text(
        "[phones]\nregion=ZZ\n[export]\ncsv_delimiter=x\n[agenda]\nstale_new=-4\n"
        "[demo]\ncontacts=lots\n[appearance]\ntheme=pink\n",
        encoding="utf-8",
    )
    assert load_preferences(path) == Preferences()
    path.write_bytes(b"\xff\xfe not ini at all [")
    assert load_preferences(path) == Preferences()


@pytest.mark.parametrize(
    ("raw", "value"),
    [("\\t", "\t"), ('";"', ";"), ('"  a "', "  a "), ("a\\\\b", "a\\b"), ("100%", "100%"),
     ("@Variant(\\0\\0)", None), ("a, b", None)],
)  # fmt: skip
def test_qt_ini_values(raw: str, value: str | None) -> None:
    assert qt_ini_value(raw) == value


def test_qsettings_file_is_read_back(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    path = tmp_path / "preferences.ini"
    written = Preferences(phone_region="CH", csv_delimiter="\t", import_tag="Fair, {date} ;x",
                          stale_days={s: 2 for s in Stage}, auto_working=False)  # fmt: skip
    qt = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in written.as_values().items():
        qt.setValue(key, value)
    qt.sync()
    assert load_preferences(path) == written
    assert "phones/region" in read_ini(path)


def test_region_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SALESDESK_REGION", raising=False)
    assert configured_region(None, "AT") == "AT"
    assert configured_region("gb", "AT") == "GB"  # the flag wins
    monkeypatch.setenv("SALESDESK_REGION", "CH")
    assert configured_region(None, "AT") == "CH"
    with pytest.raises(ValidationError):
        configured_region("XX", "AT")

"""Named column mappings kept in the settings: saved, listed, read back, deleted, and a
damaged setting starts over instead of failing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from salesdesk.views.transfer.saved_mappings import KEY, SavedMappings


def test_mappings_survive_a_restart_and_can_be_deleted(tmp_path: Path) -> None:
    path = str(tmp_path / "settings.ini")
    saved = SavedMappings(QSettings(path, QSettings.Format.IniFormat))
    saved.save("Messe", {"Vorname": "first_name", "Straße": "street"})
    saved.save("aktion", {"E-Mail": "email"})
    again = SavedMappings(QSettings(path, QSettings.Format.IniFormat))
    assert again.names() == ["aktion", "Messe"]
    assert again.get("Messe") == {"Vorname": "first_name", "Straße": "street"}
    again.delete("aktion")
    assert again.names() == ["Messe"] and again.get("aktion") is None


def test_a_damaged_setting_is_ignored(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(KEY, "{not json")
    saved = SavedMappings(settings)
    assert saved.names() == []
    settings.setValue(KEY, '["a list"]')
    assert saved.names() == []
    saved.save("x", {"A": "skip"})
    assert saved.get("x") == {"A": "skip"}

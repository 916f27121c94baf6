"""SavedMappings: named CSV column mappings (header -> target), kept in the QSettings."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

KEY = "import/mappings"


class SavedMappings:
    """Mappings by name, stored as one JSON value so any name and header survive."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _all(self) -> dict[str, dict[str, str]]:
        raw = self.settings.value(KEY)
        try:
            found = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}  # a damaged setting is not worth an error: start over
        if not isinstance(found, dict):
            return {}
        return {
            str(name): {str(h): str(t) for h, t in mapping.items()}
            for name, mapping in found.items()
            if isinstance(mapping, dict)
        }

    def names(self) -> list[str]:
        return sorted(self._all(), key=str.casefold)

    def get(self, name: str) -> dict[str, str] | None:
        return self._all().get(name)

    def save(self, name: str, mapping: dict[str, str]) -> None:
        found = self._all()
        found[name] = dict(mapping)
        self._write(found)

    def delete(self, name: str) -> None:
        found = self._all()
        found.pop(name, None)
        self._write(found)

    def _write(self, found: dict[str, dict[str, str]]) -> None:
        self.settings.setValue(KEY, json.dumps(found, ensure_ascii=False))
        self.settings.sync()

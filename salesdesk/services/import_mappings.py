"""CSV column mappings saved by name, so a file from the same source imports the same way
next time. They live in one small JSON file (the window keeps it next to its settings)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from salesdesk.domain.errors import StorageError, ValidationError
from salesdesk.formats import csv_mapping
from salesdesk.services.exporting import write_atomically


class MappingStore:
    """Named mappings (header -> target) in the JSON file at ``path``."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}  # a damaged file must not stop an import; saving writes a new one
        if not isinstance(data, dict):
            return {}
        return {
            str(name): {str(h): str(t) for h, t in mapping.items()}
            for name, mapping in data.items()
            if isinstance(mapping, dict)
        }

    def names(self) -> list[str]:
        return sorted(self._read(), key=str.casefold)

    def load(self, name: str) -> dict[str, str]:
        saved = self._read().get(name)
        if saved is None:
            raise ValidationError(f"There is no saved mapping called '{name}'.")
        return saved

    def apply(self, name: str, headers: Sequence[str]) -> tuple[str, ...]:
        """The saved mapping for a file's headers (headers it does not know are guessed)."""
        return csv_mapping.mapping_from_saved(headers, self.load(name))

    def save(self, name: str, headers: Sequence[str], mapping: Sequence[str]) -> None:
        name = " ".join(name.split())
        if not name:
            raise ValidationError("Give the mapping a name.")
        data = self._read()
        data[name] = csv_mapping.mapping_to_saved(headers, mapping)
        self._write(data)

    def delete(self, name: str) -> None:
        data = self._read()
        if data.pop(name, None) is not None:
            self._write(data)

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(f"The mappings cannot be saved ({error.strerror}).") from error
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomically(self.path, text.encode("utf-8"))

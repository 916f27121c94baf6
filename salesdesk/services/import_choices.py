"""What the import wizard offers the user (column targets, presets, encodings, delimiters)
and saved column mappings, from the format readers (views may not import formats)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from salesdesk.formats.csv_mapping import NOTE, PRESETS, SKIP, TARGETS
from salesdesk.formats.csv_mapping import mapping_from_saved as _from_saved
from salesdesk.formats.csv_mapping import mapping_to_saved as _to_saved
from salesdesk.formats.csv_reader import DELIMITERS, ENCODINGS

__all__ = ["DELIMITERS", "ENCODINGS", "NOTE", "PRESETS", "SKIP", "TARGETS"]


def mapping_from_saved(
    headers: Sequence[str], saved: Mapping[str, str], preset: str | None = None
) -> tuple[str, ...]:
    """A saved mapping (header -> target) applied to a file's headers; the headers it does
    not name are guessed. Raises FormatError (a SalesdeskError) for an unknown target."""
    return _from_saved(headers, saved, preset)


def mapping_to_saved(headers: Sequence[str], mapping: Sequence[str]) -> dict[str, str]:
    """A mapping in the form to save by name (header -> target)."""
    return _to_saved(headers, mapping)

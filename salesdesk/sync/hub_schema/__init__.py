"""The hub's own numbered migrations (``NNNN_name.sql``), applied in order by ``hub init``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class HubMigration:
    """One numbered SQL file of the hub schema."""

    number: int
    name: str
    sql: str


def migrations() -> list[HubMigration]:
    out = []
    for entry in resources.files(__package__).iterdir():
        stem, _, suffix = entry.name.partition(".")
        if suffix == "sql" and stem[:4].isdigit():
            out.append(HubMigration(int(stem[:4]), stem, entry.read_text(encoding="utf-8")))
    return sorted(out, key=lambda m: m.number)


def latest_version() -> int:
    """The hub version this salesdesk knows: the number of its newest migration."""
    return max(m.number for m in migrations())

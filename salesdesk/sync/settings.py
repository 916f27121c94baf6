"""The transports' remembered settings, as keys in the engine's ``sync_meta`` table."""

from __future__ import annotations

import json
from typing import Any

from salesdesk.store.db import write_transaction

PREFIX = "transport."  # the engine's own keys (device id, name) have no prefix


class SyncSettings:
    """Key-value settings kept in the database itself, so they travel with the file."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        p = self.db.param  # "?" on SQLite, "%s" on PostgreSQL
        row = self.db.execute_sql(
            f"SELECT value FROM sync_meta WHERE key = {p}", (PREFIX + key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def set(self, key: str, value: str | None) -> None:
        p = self.db.param
        with write_transaction(self.db):
            if value is None:
                self.db.execute_sql(f"DELETE FROM sync_meta WHERE key = {p}", (PREFIX + key,))
            else:
                self.db.execute_sql(
                    f"INSERT INTO sync_meta (key, value) VALUES ({p}, {p}) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (PREFIX + key, value),
                )

    def get_json(self, key: str, default: Any = None) -> Any:
        text = self.get(key)
        if text is None:
            return default
        try:
            return json.loads(text)
        except ValueError:  # a damaged cache entry is only a cache: start it anew
            return default

    def set_json(self, key: str, value: Any) -> None:
        self.set(key, None if value is None else json.dumps(value, separators=(",", ":")))

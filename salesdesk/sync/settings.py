"""The transports' remembered settings, as keys in the engine's ``sync_meta`` table."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.store.db import write_transaction

PREFIX = "transport."  # the engine's own keys (device id, name) have no prefix

HORIZON_KEY = "horizon_days"
DEFAULT_HORIZON_DAYS = 30
MAX_HORIZON_DAYS = 3650
NO_HORIZON_WORDS = ("never", "off", "none")
HORIZON_RULE = (
    f"The compaction horizon is a whole number of days from 1 to {MAX_HORIZON_DAYS:,}, "
    "or 0 (or 'never') for no horizon: then a device that stopped syncing holds back "
    "compaction for ever."
)


def parse_horizon_days(value: object) -> int:
    """Days of the compaction horizon from what a user typed (0: no horizon), or a
    ValidationError naming the rule."""
    text = str(value).strip().lower()
    if text in NO_HORIZON_WORDS:
        return 0
    try:
        days = int(text)
    except ValueError:
        raise ValidationError(f"'{str(value).strip()[:40]}' is not a number of days. "
                              f"{HORIZON_RULE}", "horizon_days") from None  # fmt: skip
    if not 0 <= days <= MAX_HORIZON_DAYS:
        raise ValidationError(f"{days:,} days is out of range. {HORIZON_RULE}", "horizon_days")
    return days


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

    def horizon_days(self) -> int:
        """This database's compaction horizon in days (0: none); a damaged value counts as
        the default."""
        text = self.get(HORIZON_KEY)
        if text is None:
            return DEFAULT_HORIZON_DAYS
        try:
            return parse_horizon_days(text)
        except ValidationError:
            return DEFAULT_HORIZON_DAYS

    def set_horizon_days(self, value: object) -> int:
        """Remember the compaction horizon (days, or 0 / 'never'); returns the days kept."""
        days = parse_horizon_days(value)
        self.set(HORIZON_KEY, str(days))
        return days

    def horizon(self) -> dt.timedelta | None:
        """The horizon as the engine's ``common_vector`` takes it (None: no horizon)."""
        days = self.horizon_days()
        return dt.timedelta(days=days) if days else None

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

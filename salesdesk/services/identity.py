"""Who the user is for a database: the one name written as the author of what they do and
as the owner of what they add (issue 13).

In order: a name given for this run (``--as``, booth's ``--staff``), else Preferences ▸
Your name, else the member name this database joined a team server with, else the login
name. Read without a network, without psycopg and without writing a byte.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

from salesdesk.services.preferences import Preferences
from salesdesk.services.validation import clean_member_name

HUB_KEY = "transport.hub"  # sync.transport_hub.ADDRESS_KEY under SyncSettings' prefix


def login_name() -> str:
    """The operating system's login name ('' where there is none, as in some containers)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def hub_member(db: Any) -> str:
    """The member (PostgreSQL role) this database joined its team server as ('' if none)."""
    try:
        row = db.execute_sql(
            f"SELECT value FROM sync_meta WHERE key = {db.param}", (HUB_KEY,)
        ).fetchone()
    except Exception:  # noqa: BLE001 - no sync table (an old file opened read-only): no hub
        return ""
    if row is None:
        return ""
    try:
        params = json.loads(row[0])
    except ValueError:
        return ""
    user = params.get("user") if isinstance(params, dict) else None
    return str(user).strip() if user else ""


def default_name(db: Any) -> str:
    """The name used when Preferences name nobody: the hub member, else the login name."""
    return hub_member(db) or login_name()


def user_name(db: Any, preferences: Preferences | None = None, given: str | None = None) -> str:
    """The user's name for ``db`` (see the module text); ValidationError for a ``given`` name
    that is no name (a line break, 200+ characters)."""
    if given is not None and given.strip():
        return clean_member_name(given, "name")
    chosen = preferences.user_name if preferences is not None else ""
    return chosen or default_name(db)

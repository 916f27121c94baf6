"""Stable ids for new records: time-ordered UUIDs (RFC 9562 version 7).

A uid made now sorts after one made a moment ago (the first 48 bits are the Unix time in
milliseconds, the rest random). The sync tables and the store's uid indexes are B-trees keyed
by uid: with random (version 4) uids every new contact, stage change or interaction lands on
its own page of a large table, so a booth laptop's 5,000 contacts arriving at the office
dirtied ~20,000 scattered pages; with ordered uids the rows of one session sit side by side
and a few hundred pages take them. Older uids (version 4) stay valid: a uid is any text.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

_lock = threading.Lock()
_last = 0


def new_uuid() -> uuid.UUID:
    """A version-7 UUID, strictly greater than the one this process made before (several
    in one millisecond count up from a random start, so their order is kept)."""
    global _last
    ms = time.time_ns() // 1_000_000
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | secrets.randbits(12) << 64
    value |= 0b10 << 62 | secrets.randbits(62)
    with _lock:
        if value <= _last:  # the same millisecond (or the clock went back): count on
            value = _last + 1
            if (value >> 62) & 0b11 != 0b10:  # the random part ran over: skip to the next
                value = ((value >> 64) + 1) << 64 | 0b10 << 62
        _last = value
    return uuid.UUID(int=value)


def new_uid() -> str:
    """A new uid in the canonical text form (contacts, events, captures, interactions)."""
    return str(new_uuid())


def new_hex_uid() -> str:
    """A new uid as 32 hex digits (stage and follow-up changes)."""
    return new_uuid().hex

"""A badge another contact holds, as an entry of the conflict list.

Two laptops can scan one badge for two contacts. The badge rule (``booth.py``) gives it to
the later claim and the others keep theirs in their register; each of them is a conflict
entry for as long as that lasts, computed from the state (nothing is stored): it goes when
the loser is erased, names another badge, or the holder lets the badge go.

Its id is the negative of the loser's local contact id: ``sync_conflict`` ids are positive
(AUTOINCREMENT), so the two never collide, and a contact has one badge register, so one
entry at most. "Use this instead" writes the loser's register anew: its later stamp wins by
the rule on every replica, and the former holder becomes the entry whose swap (the undo)
gives the badge back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.store.db import write_transaction
from salesdesk.sync import booth
from salesdesk.sync.api import Conflict, SwapOutcome, SyncFormatError
from salesdesk.sync.state import State, chunked, marks
from salesdesk.sync.transaction import Session

if TYPE_CHECKING:
    from salesdesk.sync.engine import SyncEngine

FIELD = "badge_id"


@dataclass(frozen=True)
class BadgeLoss:
    """A contact (root uid) whose register claims ``badge``, held by ``holder`` instead."""

    badge: str
    loser: str
    loser_hlc: str
    holder: str
    holder_hlc: str


def is_badge_conflict(conflict_id: int) -> bool:
    return conflict_id < 0


def badge_losses(state: State, badges: Iterable[str] | None = None) -> list[BadgeLoss]:
    """Every claim of a badge (of ``badges``, default all) that another contact holds."""
    state.flush()
    query = "SELECT uid, badge FROM sync_entity WHERE badge IN "
    rows: list[tuple[str, str]] = []
    if badges is None:  # from the partial index of claimed badges (migration 0012)
        many = "SELECT badge FROM sync_entity WHERE badge IS NOT NULL GROUP BY badge"
        rows += state.sql(f"{query}({many} HAVING count(*) > 1)")
    else:
        for part in chunked(sorted(set(badges))):
            rows += state.sql(f"{query}({marks(part)})", part)
    claims: dict[str, set[str]] = {}
    for uid, badge in rows:
        if not state.is_tomb(uid):
            claims.setdefault(badge, set()).add(state.root(uid))
    contested = {b: roots for b, roots in claims.items() if len(roots) > 1}
    if not contested:
        return []
    views = state.views(sorted({r for roots in contested.values() for r in roots}))
    winners = booth.badge_winners(state, contested, views)
    out = []
    for badge in sorted(contested):
        holder = winners.get(badge)
        if holder is None:
            continue
        held = views[holder].regs[FIELD]
        for root in sorted(contested[badge] - {holder}):
            view = views.get(root)
            if view is None or not view.exists or state.is_tomb(root):
                continue
            reg = view.regs.get(FIELD)
            if reg is not None and reg[1] == badge:
                out.append(BadgeLoss(badge, root, reg[0], holder, held[0]))
    return out


def _local_ids(state: State, uids: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in chunked(sorted(set(uids))):
        out.update(state.sql(f"SELECT uid, id FROM contact WHERE uid IN ({marks(part)})", part))
    return out


def badge_conflicts(state: State, device_names: Mapping[str, str]) -> list[Conflict]:
    """The conflict entries of ``badge_losses`` (losers stored here), by badge."""
    losses = badge_losses(state)
    local = _local_ids(state, (loss.loser for loss in losses))
    out = []
    for loss in losses:
        if loss.loser not in local:
            continue
        device = loss.loser_hlc.rsplit(".", 1)[-1]
        out.append(Conflict(
            -local[loss.loser], "contact", loss.loser, loss.loser, FIELD, loss.badge,
            loss.holder_hlc, loss.badge, loss.loser_hlc, device, device_names.get(device, ""),
            kept_by=loss.holder,
        ))  # fmt: skip
    return out


def swap_badge(engine: SyncEngine, conflict_id: int) -> SwapOutcome:
    """Give the badge to the loser of entry ``conflict_id``; undone by the outcome's entry
    (the former holder's)."""
    gone = "That conflict is no longer there."
    with write_transaction(engine.db):
        row = engine.db.execute_sql(
            "SELECT uid FROM contact WHERE id = ?", (-conflict_id,)
        ).fetchone()
        if row is None:
            raise SyncFormatError(gone)
        session = Session(engine)
        state = session.state
        root = state.root(row[0])
        reg = state.view(root).regs.get(FIELD)
        if reg is None or not isinstance(reg[1], str) or not reg[1]:
            raise SyncFormatError(gone)
        found = [loss for loss in badge_losses(state, [reg[1]]) if loss.loser == root]
        if not found:
            raise SyncFormatError(gone)
        loss = found[0]
        holder_id = _local_ids(state, [loss.holder]).get(loss.holder)
        if holder_id is None:
            raise SyncFormatError("The contact holding that badge is not stored here.")
        session.emit("contact", root, root, FIELD, loss.badge, loss.loser_hlc)
        session.effects.contacts.update({root, loss.holder})
        changes, _ = session.finish(materialize_all=True)
    return SwapOutcome(changes, -holder_id)

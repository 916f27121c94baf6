"""The replicated state: per-entity registers, element sets, aliases, tombstones.

Everything here is a join-semilattice, so applying ops in any order, any number of times,
gives the same state:
- registers ``{field: [hlc, value, prev]}``: the highest hlc wins (last writer wins);
- element sets (e-mails, phones, tags): one *dot* per add (the add op's stamp); an element
  is present while one of its dots is not removed, and a removal names the dots its device
  saw, so a concurrent add (a dot it did not see) survives: add wins;
- ``merged_into``: a register of the merged-away contact naming its survivor; the survivor's
  view folds in the merged contact's later writes, elements and child rows;
- tombstones: erased contact uids, for good.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from salesdesk.sync.codec import (
    CHILD_FIELDS,
    CHILD_REQUIRED,
    CONTACT_FIELDS,
    EVENT_REFS,
    Record,
)
from salesdesk.sync.packing import dumps, pack_text, unpack_text

_CHUNK = 400
MAX_ALIAS_HOPS = 64


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def chunked(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


_LOADED = "uid, entity, contact, alias, alias_hlc, ref, badge, event, state"


def _loaded(row: Sequence[Any]) -> Entity:
    """An entity from a sync_entity row read as ``_LOADED`` names its columns."""
    uid, entity, contact, *indexed, state = row
    return Entity(uid, entity, contact, unpack_text(state), stored=(entity, contact, *indexed))


@dataclass
class Entity:
    """One sync_entity row in memory."""

    uid: str
    entity: str
    contact: str
    regs: dict[str, list[Any]] = field(default_factory=dict)
    dirty: bool = False
    packed: Any = None  # its packed registers as they came, while regs are unchanged
    # its indexed columns as the table holds them (None: not known to be in the table); a
    # flush that leaves them as they are rewrites the state only, not the indexes' pages
    stored: tuple[Any, ...] | None = None

    def columns(self) -> tuple[Any, ...]:
        """The row's columns besides uid and state, as ``flush`` writes them."""
        return (self.entity, self.contact, self.alias, self.alias_hlc, self.referrer,
                self.badge, self.event_ref)  # fmt: skip

    @property
    def alias(self) -> str | None:
        reg = self.regs.get("merged_into")
        return reg[1] if reg else None

    @property
    def referrer(self) -> str | None:
        """The uid a contact's ``referred_by`` register names (indexed: ``State.referring``)."""
        reg = self.regs.get("referred_by") if self.entity == "contact" else None
        return reg[1] if reg and isinstance(reg[1], str) and reg[1] else None

    @property
    def badge(self) -> str | None:
        """The badge id a contact's register names (indexed: ``booth.badge_winners``)."""
        reg = self.regs.get("badge_id") if self.entity == "contact" else None
        return reg[1] if reg and isinstance(reg[1], str) and reg[1] else None

    @property
    def event_ref(self) -> str | None:
        """The event uid a contact, capture or consent record names (indexed: when the
        event arrives, ``booth.referencing`` finds what waited for it)."""
        named = self.entity == "contact" or self.entity in EVENT_REFS
        reg = self.regs.get("event") if named else None
        return reg[1] if reg and isinstance(reg[1], str) and reg[1] else None

    @property
    def alias_hlc(self) -> str | None:
        reg = self.regs.get("merged_into")
        return reg[0] if reg and reg[1] else None


@dataclass
class View:
    """A contact as the state has it: folded registers, element sets, child rows."""

    uid: str
    tree: list[str]
    regs: dict[str, list[Any]]
    elements: dict[str, dict[str, dict[str, Any]]]  # kind -> key -> {"data", "dots"}
    children: dict[str, Entity]

    @property
    def exists(self) -> bool:
        return "stage" in self.regs

    def record(self) -> Record:
        fields = {
            name: self.regs[name][1] if name in self.regs else default
            for name, default in CONTACT_FIELDS.items()
        }
        if fields["photo"] is None:
            fields["photo_mime"] = ""
        out: Record = {"fields": fields, "children": {}}
        # Element order is not replicated (a reorder would re-add every element moved, and a
        # re-add brings back what another device removed meanwhile): primary first, then by
        # key. Tags compare by key alone (see codec.store_record).
        for kind in ("email", "phone"):
            found = self.elements.get(kind, {})
            ordered = sorted(found.items(), key=lambda kv: (not kv[1]["data"]["primary"], kv[0]))
            out[kind] = {key: dict(item["data"]) for key, item in ordered}
        out["tag"] = {key: {} for key in sorted(self.elements.get("tag", {}))}
        for uid, child in self.children.items():
            if child_exists(child) and all(k in child.regs for k in CHILD_REQUIRED[child.entity]):
                values = {
                    f: child.regs[f][1] if f in child.regs else None
                    for f in CHILD_FIELDS[child.entity]
                }
                out["children"][uid] = {"entity": child.entity, **values}
        return out


def child_exists(child: Entity) -> bool:
    deleted = child.regs.get("deleted")
    return bool(child.regs) and not (deleted and deleted[1])


class State:
    """Reads and writes the state tables inside one transaction, caching entity rows."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self.entities: dict[str, Entity | None] = {}
        self.dirty: dict[str, Entity] = {}  # changed since the last flush
        self._tombs: set[str] | None = None
        self.event_ids: dict[str, int] | None = None  # event uid -> local id (sync/booth.py)
        # element writes wait here (one executemany each at the next read or flush): the adds
        # and removes are upserts that commute, so only their order per statement matters
        self._dot_writes: list[tuple[str, tuple[Any, ...]]] = []

    def sql(self, text: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute_sql(text, tuple(params))

    # --- entities ---------------------------------------------------------------------

    def load(self, uids: Iterable[str]) -> None:
        wanted = [u for u in dict.fromkeys(uids) if u not in self.entities]
        for part in chunked(wanted):
            for u in part:
                self.entities[u] = None
            rows = self.sql(f"SELECT {_LOADED} FROM sync_entity WHERE uid IN ({marks(part)})", part)
            for row in rows:
                self.entities[row[0]] = _loaded(row)

    def get(self, uid: str) -> Entity | None:
        if uid not in self.entities:
            self.load([uid])
        return self.entities[uid]

    def get_or_new(self, uid: str, entity: str, contact: str) -> Entity:
        found = self.get(uid)
        if found is None:
            found = Entity(uid, entity, contact, {})
            self.entities[uid] = found
            self.mark(found)
        return found

    def mark(self, entity: Entity) -> None:
        """``entity`` changed: the next flush writes it."""
        entity.dirty = True
        entity.packed = None  # its registers change: pack them anew at the flush
        self.dirty[entity.uid] = entity

    def children_of(self, owners: Sequence[str]) -> list[Entity]:
        uids: list[str] = []
        for part in chunked(list(owners)):
            rows = self.sql(
                f"SELECT uid FROM sync_entity WHERE contact IN ({marks(part)}) "
                "AND entity NOT IN ('contact', 'device')",
                part,
            )
            uids += [r[0] for r in rows]
        self.load(uids)
        # call after flush(): the cache then agrees with the table
        return [e for u in uids if (e := self.entities[u]) is not None and e.contact in owners]

    def flush(self) -> None:
        self.flush_dots()
        dirty, self.dirty = self.dirty, {}
        whole: list[tuple[Any, ...]] = []
        states: list[tuple[str, str]] = []
        written: list[tuple[Entity, tuple[Any, ...]]] = []
        for e in sorted(dirty.values(), key=lambda e: e.uid):  # in key order: page by page
            if self.entities.get(e.uid) is not e:
                continue
            columns = e.columns()
            state = pack_text(e.regs) if e.packed is None else dumps(e.packed)
            if columns == e.stored:
                states.append((state, e.uid))
            else:
                whole.append((e.uid, *columns, state))
            written.append((e, columns))
        cursor = self.db.cursor()
        if states:
            # only the state changed (an edit, a merged register): the row is rewritten in
            # place and no index is touched (INSERT OR REPLACE deletes and re-inserts the
            # row, dirtying a page of every index besides)
            cursor.executemany("UPDATE sync_entity SET state = ? WHERE uid = ?", states)
            if cursor.rowcount != len(states):  # a row went meanwhile: write them whole
                by_uid = {e.uid: (e.uid, *c) for e, c in written}
                whole += [(*by_uid[uid], state) for state, uid in states]
        if whole:
            cursor.executemany(
                "INSERT OR REPLACE INTO sync_entity (uid, entity, contact, alias, alias_hlc, "
                "ref, badge, event, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                whole,
            )
        for e, columns in written:
            e.stored = columns
        for e in dirty.values():
            e.dirty = False

    def forget(self, uids: Iterable[str]) -> None:
        for uid in uids:
            self.entities[uid] = None

    # --- aliases ------------------------------------------------------------------------

    def root(self, uid: str) -> str:
        """The contact ``uid``'s writes land on: itself, or the survivor of its merges
        (in a cycle of merges made concurrently, the smallest uid of the cycle)."""
        path = [uid]
        current = uid
        for _ in range(MAX_ALIAS_HOPS):
            entity = self.get(current)
            target = entity.alias if entity is not None else None
            if not target:
                return current
            if target in path:
                return min(path[path.index(target) :])
            path.append(target)
            current = target
        return current

    def tree(self, root: str) -> list[str]:
        """``root`` and every contact merged into it (directly or through others)."""
        out = [root]
        frontier = [root]
        seen = {root}
        while frontier:
            rows = []
            for part in chunked(frontier):
                rows += list(
                    self.sql(f"SELECT uid FROM sync_entity WHERE alias IN ({marks(part)})", part)
                )
            frontier = []
            for uid in [r[0] for r in rows]:
                if uid not in seen and self.root(uid) == root:
                    seen.add(uid)
                    out.append(uid)
                    frontier.append(uid)
        return out

    # --- tombstones ---------------------------------------------------------------------

    def is_tomb(self, uid: str) -> bool:
        if self._tombs is None:  # few (erased people): all of them at once
            self._tombs = {r[0] for r in self.sql("SELECT uid FROM sync_tomb")}
        return uid in self._tombs

    def add_tombs(self, uids: Iterable[str]) -> None:
        self.is_tomb("")
        assert self._tombs is not None
        self._tombs.update(uids)

    # --- views --------------------------------------------------------------------------

    def view(self, uid: str) -> View:
        self.flush_dots()
        root = self.root(uid)
        tree = self.tree(root)
        self.load(tree)
        main = self.get(root)
        regs: dict[str, list[Any]] = {
            k: v for k, v in (main.regs if main else {}).items() if k != "merged_into"
        }
        for other in tree[1:]:
            entity = self.get(other)
            if entity is None or entity.alias_hlc is None:
                continue
            cut = entity.alias_hlc
            for name, reg in entity.regs.items():
                if (
                    name != "merged_into"
                    and reg[0] > cut
                    and (name not in regs or reg[0] > regs[name][0])
                ):
                    regs[name] = reg
        elements: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for part in chunked(tree):
            rows = self.sql(
                f"SELECT dot, kind, key, data FROM sync_dot WHERE owner IN ({marks(part)}) "
                "AND removed = 0",
                part,
            )
            for dot, kind, key, data in rows:
                item = elements[kind].setdefault(key, {"data": None, "dots": [], "top": ""})
                item["dots"].append(dot)
                if dot > item["top"]:
                    item["top"], item["data"] = dot, json.loads(data)
        for kind in elements.values():
            for item in kind.values():
                item["dots"].sort()
                item.pop("top")
        children = {c.uid: c for c in self.children_of(tree)}
        return View(root, tree, regs, dict(elements), children)

    def views(self, uids: Sequence[str]) -> dict[str, View]:
        """The views of the roots of ``uids``, by root: a few queries per 400 contacts (a
        contact with others merged into it takes ``view``'s one-by-one path)."""
        self.flush()
        self.load(uids)
        roots = list(dict.fromkeys(self.root(u) for u in uids))
        self.load(roots)
        merged: set[str] = set()
        for part in chunked(roots):
            rows = self.sql(f"SELECT alias FROM sync_entity WHERE alias IN ({marks(part)})", part)
            merged.update(r[0] for r in rows)
        out = {root: self.view(root) for root in roots if root in merged}
        simple = [root for root in roots if root not in merged]
        elements: dict[str, dict[str, dict[str, dict[str, Any]]]] = {
            root: defaultdict(dict) for root in simple
        }
        children: dict[str, dict[str, Entity]] = {root: {} for root in simple}
        for part in chunked(simple):
            rows = self.sql(
                f"SELECT owner, dot, kind, key, data FROM sync_dot WHERE owner IN ({marks(part)})"
                " AND removed = 0",
                part,
            )
            for owner, dot, kind, key, data in rows:
                item = elements[owner][kind].setdefault(key, {"data": None, "dots": [], "top": ""})
                item["dots"].append(dot)
                if dot > item["top"]:
                    item["top"], item["data"] = dot, data
            rows = self.sql(
                f"SELECT {_LOADED} FROM sync_entity WHERE contact IN "
                f"({marks(part)}) AND entity NOT IN ('contact', 'device')",
                part,
            )
            for row in rows:
                uid = row[0]
                child = self.entities.get(uid)
                if child is None:
                    child = self.entities[uid] = _loaded(row)
                if child.contact in children:
                    children[child.contact][uid] = child
        for root in simple:
            main = self.entities.get(root)
            regs = {k: v for k, v in (main.regs if main else {}).items() if k != "merged_into"}
            found = elements[root]
            for kind in found.values():
                for item in kind.values():
                    item["dots"].sort()
                    item.pop("top")
                    item["data"] = json.loads(item["data"])
            out[root] = View(root, [root], regs, dict(found), children[root])
        return out

    def dots_of(self, owners: Sequence[str], kind: str, key: str) -> list[str]:
        self.flush_dots()
        rows = self.sql(
            f"SELECT dot FROM sync_dot WHERE owner IN ({marks(owners)}) AND kind = ? "
            "AND key = ? AND removed = 0",
            [*owners, kind, key],
        )
        return sorted(r[0] for r in rows)

    def add_dot(self, dot: str, owner: str, kind: str, key: str, data: Any) -> None:
        self._dot_writes.append((_ADD_DOT, (dot, owner, kind, key, dumps(data))))

    def remove_dots(self, dots: Sequence[str], owner: str, kind: str, key: str) -> None:
        # a dot removed before its add arrived is stored removed, so the late add stays out
        self._dot_writes.extend((_REMOVE_DOT, (d, owner, kind, key)) for d in dots)

    def flush_dots(self) -> None:
        """Write the waiting element changes (before anything reads sync_dot)."""
        writes, self._dot_writes = self._dot_writes, []
        cursor = self.db.cursor()
        start = 0
        while start < len(writes):
            sql = writes[start][0]
            end = start
            while end < len(writes) and writes[end][0] == sql:
                end += 1
            cursor.executemany(sql, [w[1] for w in writes[start:end]])
            start = end


_ADD_DOT = (
    "INSERT INTO sync_dot (dot, owner, kind, key, data, removed) VALUES (?, ?, ?, ?, ?, 0)"
    " ON CONFLICT (dot) DO UPDATE SET data = excluded.data, owner = excluded.owner"
)
_REMOVE_DOT = (
    "INSERT INTO sync_dot (dot, owner, kind, key, data, removed) VALUES (?, ?, ?, ?, NULL, 1)"
    " ON CONFLICT (dot) DO UPDATE SET removed = 1"
)

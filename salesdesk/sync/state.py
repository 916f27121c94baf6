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
    ELEMENT_KINDS,
    Record,
)

_CHUNK = 400
MAX_ALIAS_HOPS = 64


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def chunked(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


@dataclass
class Entity:
    """One sync_entity row in memory."""

    uid: str
    entity: str
    contact: str
    regs: dict[str, list[Any]] = field(default_factory=dict)
    dirty: bool = False

    @property
    def alias(self) -> str | None:
        reg = self.regs.get("merged_into")
        return reg[1] if reg else None

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
        for kind in ELEMENT_KINDS:
            found = self.elements.get(kind, {})
            ordered = sorted(found.items(), key=lambda kv: (kv[1]["data"].get("sort", 0), kv[0]))
            out[kind] = {
                key: {**{k: v for k, v in item["data"].items() if k != "sort"}, "sort": rank}
                for rank, (key, item) in enumerate(ordered)
            }
        if "tag" in out:  # tags are shown sorted by name, whatever their add order
            out["tag"] = {
                key: {**data, "sort": rank}
                for rank, (key, data) in enumerate(sorted(out["tag"].items()))
            }
        for uid, child in self.children.items():
            if child_exists(child) and all(
                child.regs.get(k, [None, None])[1] for k in CHILD_REQUIRED[child.entity]
            ):
                values = {f: child.regs[f][1] if f in child.regs else None
                          for f in CHILD_FIELDS[child.entity]}  # fmt: skip
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
        self.tombs: dict[str, bool] = {}

    def sql(self, text: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute_sql(text, tuple(params))

    # --- entities ---------------------------------------------------------------------

    def load(self, uids: Iterable[str]) -> None:
        wanted = [u for u in dict.fromkeys(uids) if u not in self.entities]
        for part in chunked(wanted):
            for u in part:
                self.entities[u] = None
            rows = self.sql(
                f"SELECT uid, entity, contact, state FROM sync_entity WHERE uid IN ({marks(part)})",
                part,
            )
            for uid, entity, contact, state in rows:
                self.entities[uid] = Entity(uid, entity, contact, json.loads(state))

    def get(self, uid: str) -> Entity | None:
        if uid not in self.entities:
            self.load([uid])
        return self.entities[uid]

    def get_or_new(self, uid: str, entity: str, contact: str) -> Entity:
        found = self.get(uid)
        if found is None:
            found = Entity(uid, entity, contact, {}, dirty=True)
            self.entities[uid] = found
        return found

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
        rows = [
            (e.uid, e.entity, e.contact, e.alias, e.alias_hlc, json.dumps(e.regs))
            for e in self.entities.values()
            if e is not None and e.dirty
        ]
        if rows:
            self.db.cursor().executemany(
                "INSERT OR REPLACE INTO sync_entity (uid, entity, contact, alias, alias_hlc, "
                "state) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        for e in self.entities.values():
            if e is not None:
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
                rows += list(self.sql(
                    f"SELECT uid FROM sync_entity WHERE alias IN ({marks(part)})", part
                ))  # fmt: skip
            frontier = []
            for uid in [r[0] for r in rows]:
                if uid not in seen and self.root(uid) == root:
                    seen.add(uid)
                    out.append(uid)
                    frontier.append(uid)
        return out

    # --- tombstones ---------------------------------------------------------------------

    def is_tomb(self, uid: str) -> bool:
        if uid not in self.tombs:
            row = self.sql("SELECT 1 FROM sync_tomb WHERE uid = ?", (uid,)).fetchone()
            self.tombs[uid] = row is not None
        return self.tombs[uid]

    # --- views --------------------------------------------------------------------------

    def view(self, uid: str) -> View:
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
                if name != "merged_into" and reg[0] > cut and (
                    name not in regs or reg[0] > regs[name][0]
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

    def dots_of(self, owners: Sequence[str], kind: str, key: str) -> list[str]:
        rows = self.sql(
            f"SELECT dot FROM sync_dot WHERE owner IN ({marks(owners)}) AND kind = ? "
            "AND key = ? AND removed = 0",
            [*owners, kind, key],
        )
        return sorted(r[0] for r in rows)

    def add_dot(self, dot: str, owner: str, kind: str, key: str, data: Any) -> None:
        self.sql(
            "INSERT INTO sync_dot (dot, owner, kind, key, data, removed) VALUES (?, ?, ?, ?, ?, 0)"
            " ON CONFLICT (dot) DO UPDATE SET data = excluded.data, owner = excluded.owner",
            (dot, owner, kind, key, json.dumps(data)),
        )

    def remove_dots(self, dots: Sequence[str], owner: str, kind: str, key: str) -> None:
        # a dot removed before its add arrived is stored removed, so the late add stays out
        self.db.cursor().executemany(
            "INSERT INTO sync_dot (dot, owner, kind, key, data, removed) VALUES (?, ?, ?, ?, "
            "NULL, 1) ON CONFLICT (dot) DO UPDATE SET removed = 1",
            [(d, owner, kind, key) for d in dots],
        )

"""Benchmarks of the search field's filters and of the list view: what the board asks for a
typed search (all hits, through the filter parser) and what opening and sorting the list
costs, each beside the same SQL run raw."""

from __future__ import annotations

import gc

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.data import PREFIXES, SEARCH_CALLS
from benchmarks.registry import Row, Target, per_call, register, timed
from salesdesk.domain.filters import parse
from salesdesk.services.filters import FilterService
from salesdesk.store.filters import SORT_KEYS
from salesdesk.store.search import fts_query

RAW_ALL_HITS = "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?"
RAW_FILTERED = (
    "SELECT c.id FROM contact c WHERE c.deleted_at IS NULL AND c.rating IN (?) AND c.stage IN (?)"
    " AND c.id IN (SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?) ORDER BY c.id"
)
PAGE = 200  # rows the list reads when it opens (a screenful and more)


@register("filters", order=31)
def filters(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    typed: list[float] = []
    typed_raw: list[float] = []
    filtered: list[float] = []
    filtered_raw: list[float] = []
    conn = raw.connect(path)
    with ctx.service(path) as service:
        finder = FilterService(service)
        for _ in range(ctx.repeat):
            gc.collect()
            for prefix in PREFIXES:
                match = fts_query(prefix)
                typed.append(per_call(lambda p=prefix: finder.find(parse(p), include_deleted=True),
                                      SEARCH_CALLS, collect=False))  # fmt: skip
                typed_raw.append(
                    per_call(lambda m=match: conn.execute(RAW_ALL_HITS, (m,)).fetchall(),
                             SEARCH_CALLS, collect=False)
                )  # fmt: skip
                text = f"rating:hot stage:working {prefix}"
                filtered.append(per_call(lambda t=text: finder.find(t), SEARCH_CALLS,
                                         collect=False))  # fmt: skip
                filtered_raw.append(
                    per_call(lambda m=match: conn.execute(RAW_FILTERED, ("hot", "working", m))
                             .fetchall(), SEARCH_CALLS, collect=False)
                )  # fmt: skip
    conn.close()
    return [
        Row("search as the board asks it: a 3-letter prefix, all hits, through the filter "
            "parser (FilterService.find)", typed, typed_raw, Target(ratio=2),
            f"{RAW_ALL_HITS!r}, {len(PREFIXES)} prefixes"),
        Row("filters with text: rating:hot stage:working + a 3-letter prefix", filtered,
            filtered_raw, Target(ratio=2), "the same SELECT with the FTS subquery, raw"),
    ]  # fmt: skip


@register("list", order=45)
def list_view(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    rows: dict[str, tuple[list[float], list[float]]] = {}
    conn = raw.connect(path)
    with ctx.service(path) as service:
        finder = FilterService(service)

        def open_sorted(key: str, descending: bool) -> None:
            ids = finder.find("", sort=key, descending=descending)
            finder.cards(ids[:PAGE])

        def open_raw(key: str, descending: bool) -> None:
            direction = "DESC" if descending else "ASC"
            order = SORT_KEYS[key].format(dir=direction) + f", c.id {direction}"
            sql = f"SELECT c.id FROM contact c WHERE c.deleted_at IS NULL ORDER BY {order}"
            ids = [r[0] for r in conn.execute(sql)]
            marks = ", ".join("?" for _ in ids[:PAGE])
            conn.execute(
                "SELECT id, first_name, last_name, company, stage, position, rating, "
                "primary_email, primary_phone, tag_names, version, follow_up_on, "
                f"follow_up_time, engagement FROM contact WHERE id IN ({marks})",
                ids[:PAGE],
            ).fetchall()

        for key, descending in (("name", False), ("company", True), ("stage", False)):
            ours = [timed(lambda k=key, d=descending: open_sorted(k, d)) for _ in range(ctx.repeat)]
            base = [timed(lambda k=key, d=descending: open_raw(k, d)) for _ in range(ctx.repeat)]
            rows[f"{key}{' descending' if descending else ''}"] = (ours, base)
    conn.close()
    return [
        Row(f"list view: open sorted by {label} ({ctx.contacts:,} ids sorted in SQL, first "
            f"{PAGE} rows read)", ours, base, Target(ratio=2),
            "the same ORDER BY and the same page read raw")
        for label, (ours, base) in rows.items()
    ]  # fmt: skip

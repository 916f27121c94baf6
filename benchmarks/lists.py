"""Benchmarks of the search field's filters and of the list view: what the board asks for a
typed search (all hits, through the filter parser) and what the list view costs: opening,
sorting by each column, scrolling and single changes while it is open, beside raw SQL."""

from __future__ import annotations

import gc
import random
from statistics import median

from benchmarks import raw
from benchmarks.context import BenchContext
from benchmarks.data import PREFIXES, SEARCH_CALLS
from benchmarks.registry import Row, Target, per_call, register, timed
from salesdesk.domain.filters import parse
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.change_watch import ChangeWatch
from salesdesk.services.filters import FilterService
from salesdesk.services.undo_history import VersionLedger
from salesdesk.store.filters import sorted_id_queries
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


# the list's columns (ContactTableModel.COLUMNS), each sorted both ways
COLUMNS = ("name", "company", "stage", "rating", "email", "phone", "tags", "follow_up")
CARD_SQL = (
    "SELECT id, first_name, last_name, company, stage, position, rating, primary_email, "
    "primary_phone, tag_names, version, follow_up_on, follow_up_time, engagement "
    "FROM contact WHERE id IN ({marks})"
)
CHANGES = 20  # single changes timed (each its own transaction)


@register("list", order=45)
def list_view(ctx: BenchContext) -> list[Row]:
    from salesdesk.views.list.model import ContactTableModel  # QtCore only: no display

    path = ctx.populated()
    conn = raw.connect(path)
    out: list[Row] = []
    with ctx.service(path) as service:
        finder = FilterService(service)

        def open_sorted(key: str, descending: bool) -> list[int]:
            ids = finder.find("", sort=key, descending=descending)
            finder.cards(ids[:PAGE])
            return ids

        def open_raw(key: str, descending: bool) -> list[int]:
            ids: list[int] = []
            for sql in sorted_id_queries(key, descending, "c.deleted_at IS NULL"):
                ids.extend(r[0] for r in conn.execute(sql))
            marks = ", ".join("?" for _ in ids[:PAGE])
            conn.execute(CARD_SQL.format(marks=marks), ids[:PAGE]).fetchall()
            return ids

        slowest: list[float] = []
        for key in COLUMNS:
            ours: list[float] = []
            base: list[float] = []
            for _ in range(ctx.repeat):
                for descending in (False, True):
                    ours.append(timed(lambda k=key, d=descending: open_sorted(k, d)))
                    base.append(timed(lambda k=key, d=descending: open_raw(k, d)))
            assert open_sorted(key, True) == open_raw(key, True)
            slowest.append(median(ours))
            opening = "open (or re-sort) sorted by" if key == "name" else "sort by"
            out.append(Row(f"list view: {opening} {key}, both directions ({ctx.contacts:,} ids "
                           f"sorted in SQL, first {PAGE} rows read)", ours, base, Target(ratio=3),
                           "the same SELECTs (the column's index read in order) and the same "
                           "page read raw"))  # fmt: skip
        out.append(Row("  the slowest column's open/sort (median of its samples)",
                       [max(slowest)], None, Target(ms=300)))  # fmt: skip

        ids = finder.find("", sort="name")
        rng = random.Random(ctx.seed)
        starts = [rng.randrange(0, max(len(ids) - PAGE, 1)) for _ in range(30)]
        scroll = [timed(lambda s=s: finder.cards(ids[s : s + PAGE]), collect=False)
                  for s in starts]  # fmt: skip
        scroll_raw = [
            timed(lambda s=s: conn.execute(CARD_SQL.format(marks=", ".join("?" * PAGE)),
                                           ids[s : s + PAGE]).fetchall(), collect=False)
            for s in starts
        ]  # fmt: skip
        out.append(Row(f"list view: scroll to a place, {PAGE} rows read (FilterService.cards)",
                       scroll, scroll_raw, Target(ratio=3),
                       "the same card SELECT ... WHERE id IN (200 ids) raw"))  # fmt: skip

        model = ContactTableModel(
            lambda q, key, desc: finder.find(q, sort=key, descending=desc), finder.cards,
            positions=finder.positions, matching=finder.matching,
        )  # fmt: skip
        model.reload()
        edits: list[float] = []
        edits_raw: list[float] = []
        picks = [ids[rng.randrange(len(ids))] for _ in range(CHANGES)]
        for n, contact_id in enumerate(picks):
            name = f"{'ÄOUZMB'[n % 6]}ustermann{n}"

            def edit(i: int = contact_id, last: str = name) -> None:
                outcome = service.update(i, {"last_name": last})
                assert model.apply(sorted(outcome.changes.contact_ids))

            edits.append(timed(edit, collect=False))

            def edit_raw(i: int = contact_id, last: str = name + "x") -> None:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(
                    "UPDATE contact SET last_name = ?, sort_name = ?, version = version + 1 "
                    "WHERE id = ?", (last, last.lower(), i),
                )  # fmt: skip
                conn.execute("COMMIT")
                open_raw("name", False)

            edits_raw.append(timed(edit_raw, collect=False))
            service.update(contact_id, {"last_name": name})  # undo the raw one's name
            model.apply([contact_id])
        assert model.ids() == finder.find("", sort="name")
        out.append(Row("list view: one edit while the list is open, sorted by name (rename, "
                       "saved in its own transaction, the row moved to its place)", edits,
                       edits_raw, Target(ratio=3),
                       "the same UPDATE + COMMIT raw, then the sorted id query again (what "
                       "re-reading the list costs)"))  # fmt: skip
        out.append(Row("  the same edit, absolute", edits, None, Target(ms=100)))

        model.sort(2)  # by stage: a move changes the key
        moves: list[float] = []
        for n, contact_id in enumerate(picks):
            stage = STAGE_ORDER[n % len(STAGE_ORDER)]
            if stage is Stage.UNQUALIFIED:
                stage = Stage.WORKING

            def move(i: int = contact_id, to: Stage = stage) -> None:
                outcome = service.move([i], to)
                assert model.apply(sorted(outcome.changes.contact_ids))

            moves.append(timed(move, collect=False))
        assert model.ids() == finder.find("", sort="stage")
        out.append(Row("list view: one stage move while sorted by stage (own transaction, "
                       "row moved)", moves, None, Target(ms=100)))  # fmt: skip

        model.sort(3)  # by rating: another program changes one, the live refresh places it
        watch = ChangeWatch(service, VersionLedger())
        external: list[float] = []
        for n, contact_id in enumerate(picks):
            rating = ("hot", "warm", "cold", "none")[n % 4]
            conn.execute("UPDATE contact SET rating = ?, version = version + 1 WHERE id = ?",
                         (rating, contact_id))  # fmt: skip

            def refresh() -> None:
                changes = watch.poll()
                assert changes is not None and model.apply(sorted(changes.contact_ids))

            external.append(timed(refresh, collect=False))
        assert model.ids() == finder.find("", sort="rating")
        out.append(Row("list view: another program's commit seen by the live refresh and "
                       "placed (poll of the change feed + row moved)", external, None,
                       Target(ms=100)))  # fmt: skip
    conn.close()
    return out

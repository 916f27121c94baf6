"""The list view's sort keys: two stored columns (names and companies folded for sorting by
domain/sorting.py, written with every contact by store.contacts.contact_values) and the
indexes its sorted id queries read in order instead of sorting 100k rows each time.

Stored, not computed in SQL: SQLite folds only ASCII letters (no ICU here), a chain of
replace() calls deep enough for every accented Latin letter overflows SQLite's parser, and a
collation written in Python would be missing in any other program that opens the file.
One ALTER per column with an SQL DEFAULT, so the table is not rebuilt (DESIGN.md 3). Uses no
column added by 0009.
"""

from salesdesk.domain.sorting import name_sort_key, sort_key
from salesdesk.store import change_feed

_CHUNK = 2000
# One index per column of the list, led by deleted_at: the list's "deleted_at IS NULL" is
# then an equality on the first column and the rest comes out in order, in either direction
# (the id breaks ties). Partial indexes (WHERE deleted_at IS NULL) lose to contact_deleted_at
# in SQLite's planner without ANALYZE statistics. The stage and rating orders are the
# expressions store/filters.py sorts by, letter for letter (tests/store check the plans).
_STAGES = (
    "CASE stage WHEN 'new' THEN 0 WHEN 'working' THEN 1 WHEN 'nurturing' THEN 2 "
    "WHEN 'unqualified' THEN 3 WHEN 'prospect' THEN 4 WHEN 'customer' THEN 5 ELSE 99 END"
)
_RATINGS = "CASE rating WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 WHEN 'cold' THEN 2 ELSE 3 END"
INDEXES = {
    "contact_sort_name": "deleted_at, sort_name, id",
    "contact_sort_company": "deleted_at, sort_company, id",
    "contact_sort_stage": f"deleted_at, {_STAGES}, position, id",
    "contact_sort_rating": f"deleted_at, {_RATINGS}, id",
    "contact_sort_email": "deleted_at, lower(primary_email), id",
    "contact_sort_phone": "deleted_at, primary_phone, id",
    "contact_sort_tags": "deleted_at, lower(tag_names), id",
    "contact_sort_follow_up": "deleted_at, follow_up_on, follow_up_time, id",
}


def up(migrator, db):
    db.execute_sql("ALTER TABLE contact ADD COLUMN sort_name TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE contact ADD COLUMN sort_company TEXT NOT NULL DEFAULT ''")
    # Filling the keys is no change of a contact: the change feed must not report them all.
    db.execute_sql("DROP TRIGGER IF EXISTS contact_touch_au")
    last = 0
    while True:
        rows = db.execute_sql(
            "SELECT id, first_name, last_name, company FROM contact WHERE id > ? "
            "ORDER BY id LIMIT ?",
            (last, _CHUNK),
        ).fetchall()
        if not rows:
            break
        db.cursor().executemany(
            "UPDATE contact SET sort_name = ?, sort_company = ? WHERE id = ?",
            [(name_sort_key(f or "", n or "", c or ""), sort_key(c or ""), i)
             for i, f, n, c in rows],
        )  # fmt: skip
        last = rows[-1][0]
    for sql in change_feed.TRIGGER_SQL:
        db.execute_sql(sql)  # IF NOT EXISTS: puts back only the one dropped above
    for name, columns in INDEXES.items():
        db.execute_sql(f"CREATE INDEX {name} ON contact ({columns})")

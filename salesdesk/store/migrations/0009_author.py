"""Who did what: ``author`` on stage history, interactions and follow-up changes, ``owner``
on contacts (issue 13), with the indexes "my contacts" and activity per member read.

One ALTER per column, each NOT NULL with an SQL DEFAULT, so SQLite adds them in place and
no table is rebuilt (a rebuild of contact drops the search triggers, DESIGN.md 3). Rows
written before have '' (nobody recorded), which every view shows as it did before.
"""


def up(migrator, db):
    for table in ("stage_change", "interaction", "follow_up_change"):
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN author TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE contact ADD COLUMN owner TEXT NOT NULL DEFAULT ''")
    # "My contacts" (owner:me) and the owners the pane offers, from the index alone.
    db.execute_sql("CREATE INDEX contact_owner ON contact (owner, deleted_at)")
    # Activity per member: one range count per author and week from the index alone.
    db.execute_sql(
        "CREATE INDEX interaction_author_at ON interaction (author, at, direction, contact_id)"
    )

"""Expected deal value and close date on contacts; indexes for the reports.

One ALTER per column (the NOT NULL one with an SQL DEFAULT), so SQLite adds them in place
and the contact table is not rebuilt (a rebuild drops the search triggers, DESIGN.md 3).
"""


def up(migrator, db):
    db.execute_sql("ALTER TABLE contact ADD COLUMN expected_cents INTEGER")  # no floats: cents
    db.execute_sql("ALTER TABLE contact ADD COLUMN currency TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE contact ADD COLUMN expected_close DATE")
    # Board header sums and the value report, per stage and currency from the index alone
    # (only live contacts with a value are in it; deleted_at is listed so that reading the
    # index covers the query's "deleted_at IS NULL"). The store names these two indexes
    # (INDEXED BY): without ANALYZE statistics SQLite prefers contact_deleted_at.
    db.execute_sql(
        "CREATE INDEX contact_value ON contact "
        "(stage, currency, expected_close, expected_cents, deleted_at) "
        "WHERE expected_cents IS NOT NULL AND deleted_at IS NULL"
    )
    # Sources and events: the live contacts captured in a period, per source.
    db.execute_sql(
        "CREATE INDEX contact_capture ON contact "
        "(source, created_at, rating, source_detail, deleted_at) WHERE deleted_at IS NULL"
    )
    # Funnel and time in stage read each contact's entries in time order (ties by id).
    db.execute_sql(
        "CREATE INDEX stage_change_contact_at ON stage_change (contact_id, at, id, to_stage, kind)"
    )
    # Who reached a stage by a date; unqualified reasons: the moves into a stage in a period.
    db.execute_sql(
        "CREATE INDEX stage_change_to_at ON stage_change (to_stage, at, contact_id, reason)"
    )
    # Activity: one range count per channel, direction and week from the index alone.
    db.execute_sql(
        "CREATE INDEX interaction_kind_at ON interaction (channel, direction, at, contact_id)"
    )

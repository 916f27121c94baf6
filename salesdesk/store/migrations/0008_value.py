"""Expected deal value and close date on contacts; indexes for the reports.

One ALTER per column (the NOT NULL one with an SQL DEFAULT), so SQLite adds them in place
and the contact table is not rebuilt (a rebuild drops the search triggers, DESIGN.md 3).
"""


def up(migrator, db):
    db.execute_sql("ALTER TABLE contact ADD COLUMN expected_cents INTEGER")  # no floats: cents
    db.execute_sql("ALTER TABLE contact ADD COLUMN currency TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE contact ADD COLUMN expected_close DATE")
    # Board header sums and the value report: only contacts with a value are indexed.
    db.execute_sql(
        "CREATE INDEX contact_value ON contact (stage, currency, expected_cents) "
        "WHERE expected_cents IS NOT NULL AND deleted_at IS NULL"
    )
    # Funnel and time in stage read each contact's entries in time order from the index.
    db.execute_sql(
        "CREATE INDEX stage_change_contact_at ON stage_change (contact_id, at, to_stage, kind)"
    )
    # Unqualified reasons: the moves into one stage in a period.
    db.execute_sql("CREATE INDEX stage_change_to_at ON stage_change (to_stage, at)")
    # Activity: a period's interactions by channel, counted from the index alone.
    db.execute_sql(
        "CREATE INDEX interaction_at ON interaction (at, channel, direction, contact_id)"
    )

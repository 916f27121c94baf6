"""Interactions, follow-ups and their history; denormalised follow-up and engagement on contact.

Columns are added with one ALTER each (NOT NULL ones with an SQL DEFAULT): SqliteMigrator
would rebuild the contact table for them, and a rebuild drops the search triggers.
"""

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    Model,
    SqliteDatabase,
    TextField,
)


def up(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)
    if sqlite:
        # AUTOINCREMENT: an id is never handed out twice, so undo can put a deleted
        # interaction back under its old id without meeting a newer one there.
        from playhouse.sqlite_ext import AutoIncrementField as IdField
    else:
        IdField = AutoField  # sequences never reuse ids either

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Contact(Base):
        id = AutoField()

        class Meta:
            table_name = "contact"

    class Interaction(Base):
        id = IdField()
        uid = CharField(max_length=36, unique=True)
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        channel = TextField()
        direction = TextField()
        at = DateTimeField()
        summary = TextField()
        notes = TextField(default="")
        outcome = TextField(null=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "interaction"
            indexes = ((("contact", "at"), False),)

    class FollowUpChange(Base):
        id = IdField()
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        at = DateTimeField()
        kind = TextField()
        due_on = DateField(null=True)
        due_time = TextField(null=True)
        note = TextField(default="")

        class Meta:
            table_name = "follow_up_change"
            indexes = ((("contact", "at"), False),)

    db.create_tables([Interaction, FollowUpChange])
    timestamp = "DATETIME" if sqlite else "TIMESTAMP"
    for column in (
        "follow_up_on DATE",
        "follow_up_time TEXT",
        "follow_up_note TEXT NOT NULL DEFAULT ''",
        f"last_interaction_at {timestamp}",
        "engagement TEXT NOT NULL DEFAULT ''",
    ):
        db.execute_sql(f"ALTER TABLE contact ADD COLUMN {column}")
    # The agenda's follow-up queries: a range of days, counted per stage from the index alone.
    db.execute_sql(
        "CREATE INDEX contact_follow_up ON contact (follow_up_on, follow_up_time, stage, "
        "deleted_at) WHERE follow_up_on IS NOT NULL"
    )
    # The agenda's stale query: per stage, by last touch, among contacts with nothing planned.
    db.execute_sql(
        "CREATE INDEX contact_last_touch ON contact "
        "(stage, coalesce(last_interaction_at, created_at)) "
        "WHERE follow_up_on IS NULL AND deleted_at IS NULL"
    )

"""Events and booth captures: events, the current event, captures, consent records, and on
contacts the event they came from and the badge id scanned (unique where set).

The two contact columns are added with one ALTER each (nullable, so no DEFAULT is needed):
SqliteMigrator would rebuild the contact table, and a rebuild drops the search triggers
(DESIGN.md section 3). Every new table has a ``uid``: sync replicates rows by it.
"""

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)


def up(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)
    if sqlite:
        # AUTOINCREMENT: undo puts a capture back under its old id; no newer row may have it.
        from playhouse.sqlite_ext import AutoIncrementField as IdField
    else:
        IdField = AutoField

    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Contact(Base):
        id = AutoField()

        class Meta:
            table_name = "contact"

    class Event(Base):
        id = IdField()
        uid = CharField(max_length=36, unique=True)
        name = TextField()
        starts_on = DateField(null=True)
        ends_on = DateField(null=True)
        place = TextField(default="")
        booth = TextField(default="")
        chips = TextField(default="")
        scale = TextField(default="hot_warm_cold")
        follow_up_days = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "event"

    class CurrentEvent(Base):
        id = IntegerField(primary_key=True)
        uid = CharField(max_length=36, unique=True)
        event = ForeignKeyField(Event, on_delete="CASCADE", column_name="event_id")

        class Meta:
            table_name = "current_event"

    class Capture(Base):
        id = IdField()
        uid = CharField(max_length=36, unique=True)
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        event = ForeignKeyField(Event, on_delete="CASCADE", column_name="event_id")
        at = DateTimeField()
        staff = TextField(default="")
        grade = TextField(default="")
        linked = BooleanField(default=False)
        badge_only = BooleanField(default=False)

        class Meta:
            table_name = "capture"
            indexes = ((("event", "at"), False),)

    class ConsentRecord(Base):
        id = IdField()
        uid = CharField(max_length=36, unique=True)
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        event = ForeignKeyField(Event, null=True, on_delete="SET NULL", column_name="event_id")
        at = DateTimeField()
        staff = TextField(default="")
        wording = TextField()
        channels = TextField()

        class Meta:
            table_name = "consent_record"

    db.create_tables([Event, CurrentEvent, Capture, ConsentRecord])
    # No REFERENCES clause: a foreign key on the contact table would make every write to it
    # need the event table (the raw benchmark copies the contact table alone), and events
    # are never deleted; the store keeps the link valid.
    db.execute_sql("ALTER TABLE contact ADD COLUMN event_id INTEGER")
    db.execute_sql("ALTER TABLE contact ADD COLUMN badge_id TEXT")
    db.execute_sql(
        "CREATE UNIQUE INDEX contact_badge_id ON contact (badge_id) WHERE badge_id IS NOT NULL"
    )
    db.execute_sql("CREATE INDEX contact_event ON contact (event_id) WHERE event_id IS NOT NULL")

"""peewee rows: the tables as the application uses them (migrations hold frozen copies)."""

from __future__ import annotations

from typing import Any

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy: Any = DatabaseProxy()


class BaseRow(Model):
    """Base of every row class: bound to the one database proxy."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class EventRow(BaseRow):
    """A trade show or similar that leads come from (see domain/events.py)."""

    id = AutoField()
    uid = CharField(max_length=36, unique=True)
    name = TextField()
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)
    place = TextField(default="")
    booth = TextField(default="")
    chips = TextField(default="")  # JSON list of the qualifying chips
    scale = TextField(default="hot_warm_cold")
    follow_up_days = TextField(default="")  # JSON {grade: days or null}, overrides only
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "event"


class ContactRow(BaseRow):
    """One person. Card fields (primary_email, primary_phone, tag_names) are denormalised
    so the board loads from one table; search_extra feeds the FTS index."""

    id = AutoField()
    uid = CharField(max_length=36, unique=True)
    first_name = TextField(default="")
    last_name = TextField(default="")
    company = TextField(default="")
    title = TextField(default="")
    gender = TextField(default="")
    source = TextField(null=True)
    source_detail = TextField(default="")
    referred_by = ForeignKeyField(
        "self", null=True, on_delete="RESTRICT", backref="referrals", column_name="referred_by_id"
    )
    stage = TextField(index=True)
    position = DoubleField(default=0.0)
    rating = TextField(default="none")
    notes = TextField(default="")
    street = TextField(default="")
    postal_code = TextField(default="")
    city = TextField(default="")
    region = TextField(default="")
    country = TextField(default="")
    consent_email = BooleanField(default=False)
    consent_at = DateTimeField(null=True)
    consent_how = TextField(default="")
    do_not_contact = BooleanField(default=False)
    primary_email = TextField(default="")
    primary_phone = TextField(default="")
    tag_names = TextField(default="")
    search_extra = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True, index=True)
    photo = BlobField(null=True)
    photo_mime = TextField(default="")
    expected_cents = IntegerField(null=True)  # expected deal value in cents (never a float)
    currency = TextField(default="")  # ISO 4217 code of expected_cents
    expected_close = DateField(null=True)
    owner = TextField(default="")  # who looks after the contact (a member's name; 0009)
    # follow-up and engagement, kept here so the board and the agenda read one table
    follow_up_on = DateField(null=True)
    follow_up_time = TextField(null=True)  # "HH:MM", the user's wall-clock time
    follow_up_note = TextField(default="")
    last_interaction_at = DateTimeField(null=True)
    engagement = TextField(default="")  # decay schedule, see domain/engagement.py
    # booth captures: the event the lead came from and the badge id scanned there
    event = ForeignKeyField(
        EventRow, null=True, on_delete="SET NULL", backref="contacts", column_name="event_id"
    )
    badge_id = TextField(null=True)  # unique where set (a partial index)
    # the list view's sort keys (domain/sorting.py), written with every contact (0010)
    sort_name = TextField(default="")
    sort_company = TextField(default="")

    class Meta:
        table_name = "contact"
        indexes = ((("stage", "position"), False),)


class EmailRow(BaseRow):
    """An e-mail address of a contact."""

    id = AutoField()
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="email_rows")
    label = TextField(default="work")
    value = TextField()
    is_primary = BooleanField(default=False)
    sort = IntegerField(default=0)

    class Meta:
        table_name = "email"


class PhoneRow(BaseRow):
    """A phone number of a contact, as typed plus its E.164 form when valid."""

    id = AutoField()
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="phone_rows")
    label = TextField(default="mobile")
    value = TextField()
    e164 = TextField(null=True, index=True)
    is_primary = BooleanField(default=False)
    sort = IntegerField(default=0)

    class Meta:
        table_name = "phone"


class TagRow(BaseRow):
    """A tag name, unique without regard to case."""

    id = AutoField()
    name = CharField(max_length=100, unique=True, collation="NOCASE")

    class Meta:
        table_name = "tag"


class ContactTagRow(BaseRow):
    """Which contact carries which tag."""

    contact = ForeignKeyField(ContactRow, on_delete="CASCADE")
    tag = ForeignKeyField(TagRow, on_delete="CASCADE")

    class Meta:
        table_name = "contact_tag"
        primary_key = CompositeKey("contact", "tag")


class StageChangeRow(BaseRow):
    """One step of a contact's way through the pipeline."""

    id = AutoField()
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="stage_changes")
    from_stage = TextField(null=True)
    to_stage = TextField()
    at = DateTimeField()
    reason = TextField(null=True)
    kind = TextField(default="forward")
    uid = TextField(default="")  # given by sync when it records the row (0006_sync.py)
    author = TextField(default="")  # who made the change ('' before 0009_author.py)

    class Meta:
        table_name = "stage_change"


class InteractionRow(BaseRow):
    """One logged e-mail, call, message or meeting with a contact."""

    id = AutoField()
    uid = CharField(max_length=36, unique=True)
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="interactions")
    channel = TextField()
    direction = TextField()
    at = DateTimeField()
    summary = TextField()
    notes = TextField(default="")
    outcome = TextField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    author = TextField(default="")  # who logged it

    class Meta:
        table_name = "interaction"
        indexes = ((("contact", "at"), False),)


class FollowUpChangeRow(BaseRow):
    """One change of a contact's follow-up (set, cleared, done), for the timeline."""

    id = AutoField()
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="follow_up_changes")
    at = DateTimeField()
    kind = TextField()
    due_on = DateField(null=True)
    due_time = TextField(null=True)
    note = TextField(default="")
    uid = TextField(default="")  # given by sync when it records the row
    author = TextField(default="")  # who set, cleared or completed it

    class Meta:
        table_name = "follow_up_change"
        indexes = ((("contact", "at"), False),)


class CurrentEventRow(BaseRow):
    """The event booth mode captures for on this computer (one row at most; not synced:
    two laptops at two booths may each have their own)."""

    id = IntegerField(primary_key=True)  # always 1
    uid = CharField(max_length=36, unique=True)
    event = ForeignKeyField(EventRow, on_delete="CASCADE", column_name="event_id")

    class Meta:
        table_name = "current_event"


class CaptureRow(BaseRow):
    """One visitor captured at a booth: who took it, when, at which event, the grade."""

    id = AutoField()
    uid = CharField(max_length=36, unique=True)
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="captures")
    event = ForeignKeyField(EventRow, on_delete="CASCADE", column_name="event_id")
    at = DateTimeField()
    staff = TextField(default="")
    grade = TextField(default="")
    linked = BooleanField(default=False)  # logged on a contact that already existed
    badge_only = BooleanField(default=False)

    class Meta:
        table_name = "capture"
        indexes = ((("event", "at"), False),)


class ConsentRecordRow(BaseRow):
    """Proof of consent to be contacted: time, staff member, event, wording, channels."""

    id = AutoField()
    uid = CharField(max_length=36, unique=True)
    contact = ForeignKeyField(ContactRow, on_delete="CASCADE", backref="consent_records")
    event = ForeignKeyField(EventRow, null=True, on_delete="SET NULL", column_name="event_id")
    at = DateTimeField()
    staff = TextField(default="")
    wording = TextField()
    channels = TextField()  # "email", "phone" or "email,phone"

    class Meta:
        table_name = "consent_record"


ALL_ROWS: tuple[type[BaseRow], ...] = (
    ContactRow,
    EmailRow,
    PhoneRow,
    TagRow,
    ContactTagRow,
    StageChangeRow,
    InteractionRow,
    FollowUpChangeRow,
    EventRow,
    CurrentEventRow,
    CaptureRow,
    ConsentRecordRow,
)

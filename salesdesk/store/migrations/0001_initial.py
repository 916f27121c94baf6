"""Initial schema: contacts, e-mails, phones, tags, stage history (frozen copies of the rows)."""

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    CompositeKey,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Contact(Base):
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
            "self", null=True, on_delete="RESTRICT", column_name="referred_by_id"
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

        class Meta:
            table_name = "contact"
            indexes = ((("stage", "position"), False),)

    class Email(Base):
        id = AutoField()
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        label = TextField(default="work")
        value = TextField()
        is_primary = BooleanField(default=False)
        sort = IntegerField(default=0)

        class Meta:
            table_name = "email"

    class Phone(Base):
        id = AutoField()
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        label = TextField(default="mobile")
        value = TextField()
        e164 = TextField(null=True, index=True)
        is_primary = BooleanField(default=False)
        sort = IntegerField(default=0)

        class Meta:
            table_name = "phone"

    class Tag(Base):
        id = AutoField()
        name = CharField(max_length=100, unique=True, collation="NOCASE")

        class Meta:
            table_name = "tag"

    class ContactTag(Base):
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        tag = ForeignKeyField(Tag, on_delete="CASCADE")

        class Meta:
            table_name = "contact_tag"
            primary_key = CompositeKey("contact", "tag")

    class StageChange(Base):
        id = AutoField()
        contact = ForeignKeyField(Contact, on_delete="CASCADE")
        from_stage = TextField(null=True)
        to_stage = TextField()
        at = DateTimeField()
        reason = TextField(null=True)
        kind = TextField(default="forward")

        class Meta:
            table_name = "stage_change"

    db.create_tables([Contact, Email, Phone, Tag, ContactTag, StageChange])
    db.execute_sql("CREATE INDEX email_value_nocase ON email (lower(value))")

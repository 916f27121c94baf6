"""Contact ids are never given twice.

SQLite gives a new row the largest id plus one, so after the newest contact was purged the
next one got its number again, and an undo of that purge (or any step holding the old
contact's snapshot) wrote the old contact over the new one. ``contact_id_floor`` keeps the
largest id ever deleted (a trigger, so every way of deleting counts) and the store hands out
ids above it (``store.contacts.next_contact_id``).
"""


def up(migrator, db):
    db.execute_sql(
        "CREATE TABLE contact_id_floor (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "high INTEGER NOT NULL)"
    )
    db.execute_sql(
        "INSERT INTO contact_id_floor (id, high) "
        "VALUES (1, (SELECT coalesce(max(id), 0) FROM contact))"
    )
    db.execute_sql(
        "CREATE TRIGGER contact_id_floor_keep AFTER DELETE ON contact BEGIN "
        "UPDATE contact_id_floor SET high = max(high, OLD.id) WHERE id = 1; END"
    )

"""Sync of booth data: the badge id and event each replicated entity names, as indexed columns.

A badge id is unique among contacts, but two laptops can scan one badge for two contacts;
every replica gives it to the same one (sync/booth.py), which needs every contact claiming a
badge: ``badge`` holds the badge id a contact's register names. A capture whose event has not
arrived yet is held back, and a contact's event is NULL until it comes: ``event`` holds the
event uid a contact, capture or consent record names, so the event's arrival finds them.
Both NULL for other entities and for the rows written before (no register named them yet).
"""


def up(migrator, db):
    db.execute_sql("ALTER TABLE sync_entity ADD COLUMN badge TEXT")
    db.execute_sql("ALTER TABLE sync_entity ADD COLUMN event TEXT")
    db.execute_sql("CREATE INDEX sync_entity_badge ON sync_entity (badge) WHERE badge IS NOT NULL")
    db.execute_sql("CREATE INDEX sync_entity_event ON sync_entity (event) WHERE event IS NOT NULL")

"""The change feed (contact_touch and its triggers): which contacts changed, for live refresh."""

from salesdesk.store import change_feed


def up(migrator, db):
    change_feed.create(db)

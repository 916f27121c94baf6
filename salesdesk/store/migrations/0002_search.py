"""Full-text search: an FTS5 external-content index over contact text, kept by triggers."""

from peewee import SqliteDatabase

from salesdesk.store.search_schema import create_search_index


def up(migrator, db):
    if isinstance(db, SqliteDatabase):
        create_search_index(db)

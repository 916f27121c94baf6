"""Contact photos: a nullable BLOB and its MIME type, added by ALTER (no table rebuild)."""

from peewee import SqliteDatabase


def up(migrator, db):
    # One ALTER per column with an SQL DEFAULT: SQLite adds such columns in place, so the
    # table is not rebuilt and the search triggers on it survive (see DESIGN.md section 3).
    blob = "BLOB" if isinstance(db, SqliteDatabase) else "BYTEA"
    db.execute_sql(f"ALTER TABLE contact ADD COLUMN photo {blob}")
    db.execute_sql("ALTER TABLE contact ADD COLUMN photo_mime TEXT NOT NULL DEFAULT ''")

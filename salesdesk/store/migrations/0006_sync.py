"""Sync: uids for stage and follow-up changes, and the replication tables (see salesdesk/sync).

E-mails, phones and tags get no stored uid: sync names them by (contact uid, normalised
value), because every edit rewrites their rows (a stored uid would change each time) and two
devices adding the same address must add one element, not two.
"""

from peewee import SqliteDatabase

_TABLES = (
    # one row per key (this device's id and name)
    "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # every device heard of: highest contiguous seq held, newest stamp, when last heard of
    "CREATE TABLE IF NOT EXISTS sync_device (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
    " seq INTEGER NOT NULL DEFAULT 0, floor INTEGER NOT NULL DEFAULT 0,"
    " last_hlc TEXT NOT NULL DEFAULT '', last_seen TEXT NOT NULL DEFAULT '')",
    # the operation log (own and relayed ops), by origin device and seq
    "CREATE TABLE IF NOT EXISTS sync_op (device TEXT NOT NULL, seq INTEGER NOT NULL,"
    " hlc TEXT NOT NULL, contact TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (device, seq))"
    " WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS sync_op_contact ON sync_op (contact)",
    # ops that arrived after a gap in their device's seq, held until it is filled
    "CREATE TABLE IF NOT EXISTS sync_pending (device TEXT NOT NULL, seq INTEGER NOT NULL,"
    " contact TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (device, seq)) WITHOUT ROWID",
    # per entity its last-writer-wins registers: {field: [hlc, value, prev]}
    "CREATE TABLE IF NOT EXISTS sync_entity (uid TEXT PRIMARY KEY, entity TEXT NOT NULL,"
    " contact TEXT NOT NULL, alias TEXT, alias_hlc TEXT, state TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS sync_entity_contact ON sync_entity (contact)",
    "CREATE INDEX IF NOT EXISTS sync_entity_alias ON sync_entity (alias)",
    # e-mails, phones, tags: observed-remove sets, one row per add ("dot" = the add's stamp)
    "CREATE TABLE IF NOT EXISTS sync_dot (dot TEXT PRIMARY KEY, owner TEXT NOT NULL,"
    " kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT, removed INTEGER NOT NULL DEFAULT 0)"
    " WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS sync_dot_owner ON sync_dot (owner)",
    # erased contacts: a uid and a stamp, nothing personal
    "CREATE TABLE IF NOT EXISTS sync_tomb (uid TEXT PRIMARY KEY, hlc TEXT NOT NULL)",
    # values that lost against a concurrent write, for review
    "CREATE TABLE IF NOT EXISTS sync_conflict (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " entity TEXT NOT NULL, uid TEXT NOT NULL, contact TEXT NOT NULL, field TEXT NOT NULL,"
    " lost_value TEXT NOT NULL, lost_hlc TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sync_conflict_contact ON sync_conflict (contact)",
    # what each peer is known to hold (recorded by transports)
    "CREATE TABLE IF NOT EXISTS sync_peer (device TEXT PRIMARY KEY, vector TEXT NOT NULL,"
    " at TEXT NOT NULL)",
)


def up(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)
    new_uid = "lower(hex(randomblob(16)))" if sqlite else "md5(random()::text || clock_timestamp()::text)"
    for table in ("stage_change", "follow_up_change"):
        # NOT NULL with an SQL DEFAULT in one ALTER: no table rebuild (DESIGN.md section 3)
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN uid TEXT NOT NULL DEFAULT ''")
        db.execute_sql(f"UPDATE {table} SET uid = {new_uid} WHERE uid = ''")
        db.execute_sql(f"CREATE INDEX {table}_uid ON {table} (uid)")
    for sql in _TABLES:
        db.execute_sql(sql if sqlite else sql.replace(" WITHOUT ROWID", "").replace(
            "INTEGER PRIMARY KEY AUTOINCREMENT", "SERIAL PRIMARY KEY"))

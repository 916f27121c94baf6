"""Sync: who refers whom, as an indexed column of the replicated state.

Applying changes must find the contacts whose referrer just appeared or went (their row's
``referred_by_id`` follows). That was a scan of every contact's registers, JSON-parsed, on
every round: seconds at 100,000 contacts. ``ref`` holds the referrer's uid (NULL for none and
for other entities); sync writes it with the registers. The registers are also stored packed
from now on (salesdesk/sync/packing.py); rows in the first format are read as they are and
packed when they next change, so nothing is rewritten here.

The alias index (merged contacts, a few) becomes partial: it held a NULL entry for every
entity, one more B-tree write per entity of a join or an adoption for nothing.
"""


def up(migrator, db):
    db.execute_sql("ALTER TABLE sync_entity ADD COLUMN ref TEXT")
    db.execute_sql(
        "UPDATE sync_entity SET ref = json_extract(state, '$.referred_by[1]') "
        "WHERE entity = 'contact' AND instr(state, '\"referred_by\"') > 0"
    )
    db.execute_sql("UPDATE sync_entity SET ref = NULL WHERE ref = ''")
    db.execute_sql("CREATE INDEX sync_entity_ref ON sync_entity (ref) WHERE ref IS NOT NULL")
    db.execute_sql("DROP INDEX sync_entity_alias")
    db.execute_sql("CREATE INDEX sync_entity_alias ON sync_entity (alias) WHERE alias IS NOT NULL")

-- The hub's first schema: members, devices, the operations log, snapshots, and the
-- SECURITY DEFINER functions through which members write (they have no INSERT, UPDATE,
-- DELETE or DDL rights of their own). Runs inside one transaction as the hub's admin.

CREATE TABLE salesdesk.member (
    name text PRIMARY KEY,                      -- the member's PostgreSQL role
    added_at timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,                      -- kept after removal: who did what stays known
    last_seen timestamptz
);

CREATE TABLE salesdesk.device (
    id text PRIMARY KEY,                         -- a salesdesk replica's device id (32 hex)
    member text,                                 -- the member whose salesdesk it is
    name text NOT NULL DEFAULT '',
    seq bigint NOT NULL DEFAULT 0,               -- its highest op the hub holds (no gaps)
    pulled bigint NOT NULL DEFAULT 0,            -- the hub sequence it has pulled up to
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz
);

CREATE TABLE salesdesk.op (
    hub_seq bigserial PRIMARY KEY,               -- the order members pull in
    device text NOT NULL,                        -- the op's origin device
    seq bigint NOT NULL,                         -- its number on that device
    member text NOT NULL,                        -- the member who pushed it
    pushed_at timestamptz NOT NULL DEFAULT now(),
    body json NOT NULL,                          -- the op exactly as the engine wrote it
    UNIQUE (device, seq)                         -- a retried push stores nothing twice
);

CREATE TABLE salesdesk.snapshot (
    id bigserial PRIMARY KEY,
    member text NOT NULL,
    device text NOT NULL,
    hub_seq bigint NOT NULL,                     -- it holds every op up to this hub sequence
    vector json NOT NULL,
    records bigint,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz                      -- NULL while chunks are still coming
);

CREATE TABLE salesdesk.snapshot_chunk (
    snapshot bigint NOT NULL REFERENCES salesdesk.snapshot ON DELETE CASCADE,
    n integer NOT NULL,
    data bytea NOT NULL,                         -- zlib-compressed JSON lines of records
    PRIMARY KEY (snapshot, n)
);

-- Every write function checks that the caller is a current member and serialises on one
-- advisory lock, so hub sequences become visible in the order they were handed out: a
-- member that pulled up to N never misses an op numbered below N that commits later.
CREATE FUNCTION salesdesk.caller() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM member WHERE name = session_user AND removed_at IS NULL) THEN
        RAISE EXCEPTION 'role "%" is not a member of this salesdesk hub', session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN session_user;
END $$;

CREATE FUNCTION salesdesk.push(p_device text, p_name text, p_ops json)
RETURNS TABLE (stored integer, before bigint, top bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
DECLARE
    who text := caller();
    bad text;
BEGIN
    PERFORM pg_advisory_xact_lock(7315201312);
    SELECT coalesce(max(hub_seq), 0) INTO before FROM op;  -- the caller knows whether
    -- everything between its last pull and ``top`` is its own
    -- a device's ops must continue what the hub holds without a gap
    SELECT i.device INTO bad
        FROM (SELECT o->>'device' AS device, (o->>'seq')::bigint AS seq
              FROM json_array_elements(p_ops) AS t(o)) i
        LEFT JOIN device d ON d.id = i.device
        GROUP BY i.device, d.seq
        HAVING i.device IS NULL OR min(i.seq) < 1 OR min(i.seq) > coalesce(d.seq, 0) + 1
            OR count(DISTINCT i.seq) <> max(i.seq) - min(i.seq) + 1
        LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the operations of device % do not continue what the hub holds', bad
            USING ERRCODE = '22023';
    END IF;
    INSERT INTO device (id, member, name, last_seen) VALUES (p_device, who, p_name, now())
        ON CONFLICT (id) DO UPDATE SET member = who, name = p_name, last_seen = now();
    WITH incoming AS (
        SELECT o->>'device' AS device, (o->>'seq')::bigint AS seq, o AS body
        FROM json_array_elements(p_ops) AS t(o)
    ), tops AS (
        INSERT INTO device AS d (id, seq)
            SELECT device, max(seq) FROM incoming GROUP BY device
            ON CONFLICT (id) DO UPDATE SET seq = greatest(d.seq, excluded.seq)
    ), ins AS (
        INSERT INTO op (device, seq, member, body)
            SELECT device, seq, who, body FROM incoming ORDER BY device, seq
            ON CONFLICT (device, seq) DO NOTHING
            RETURNING 1
    ) SELECT count(*) INTO stored FROM ins;
    UPDATE member SET last_seen = now() WHERE name = who;
    SELECT coalesce(max(hub_seq), 0) INTO top FROM op;
    IF stored > 0 THEN
        PERFORM pg_notify('salesdesk_ops', top::text);
    END IF;
    RETURN NEXT;
END $$;

CREATE FUNCTION salesdesk.hello(p_device text, p_name text, p_pulled bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
DECLARE
    who text := caller();
BEGIN
    INSERT INTO device (id, member, name, pulled, last_seen)
        VALUES (p_device, who, p_name, p_pulled, now())
        ON CONFLICT (id) DO UPDATE SET member = who, name = p_name,
            pulled = greatest(device.pulled, p_pulled), last_seen = now();
    UPDATE member SET last_seen = now() WHERE name = who;
END $$;

CREATE FUNCTION salesdesk.snapshot_begin(p_device text, p_hub_seq bigint, p_vector json)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
DECLARE
    who text := caller();
    made bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(7315201313);
    -- one snapshot at a time: another member already writing one (recently) wins
    IF EXISTS (SELECT 1 FROM snapshot WHERE finished_at IS NULL
               AND started_at > now() - interval '15 minutes') THEN
        RETURN NULL;
    END IF;
    DELETE FROM snapshot WHERE finished_at IS NULL;
    INSERT INTO snapshot (member, device, hub_seq, vector)
        VALUES (who, p_device, p_hub_seq, p_vector) RETURNING id INTO made;
    RETURN made;
END $$;

CREATE FUNCTION salesdesk.snapshot_chunk_put(p_snapshot bigint, p_n integer, p_data bytea)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
DECLARE
    who text := caller();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM snapshot WHERE id = p_snapshot AND member = who
                   AND finished_at IS NULL) THEN
        RAISE EXCEPTION 'snapshot % is not being written by %', p_snapshot, who
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO snapshot_chunk (snapshot, n, data) VALUES (p_snapshot, p_n, p_data);
END $$;

CREATE FUNCTION salesdesk.snapshot_finish(p_snapshot bigint, p_records bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = salesdesk, pg_temp AS $$
DECLARE
    who text := caller();
BEGIN
    UPDATE snapshot SET finished_at = now(), records = p_records
        WHERE id = p_snapshot AND member = who AND finished_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'snapshot % is not being written by %', p_snapshot, who
            USING ERRCODE = '42501';
    END IF;
    -- keep this one and the one before it (a member may be reading that one right now)
    DELETE FROM snapshot WHERE finished_at IS NOT NULL AND id < (
        SELECT max(id) FROM snapshot WHERE finished_at IS NOT NULL AND id < p_snapshot);
END $$;

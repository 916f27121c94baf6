"""Benchmarks of the team hub on a real PostgreSQL server, each beside a raw psycopg baseline.

The server is SALESDESK_TEST_PG (a superuser URL), else one started from the machine's
PostgreSQL binaries (with fsync, as a real server runs); without either the case has no rows.
Propagation is measured as the issue states it: a colleague moves a contact (and their
salesdesk pushes), and the card shows in the new column of my open window, which pulled on
the hub's NOTIFY (a child process with the real window, offscreen). On its own::

    python -m benchmarks.hub [--contacts 5000] [--repeat 3]
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from typing import Any

from benchmarks.context import BenchContext
from benchmarks.pgserver import TempServer, find_bin_dir
from benchmarks.registry import Row, Target, register, timed, timed_call
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.bulk import bulk_create
from salesdesk.store.db import open_database
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.hub_admin import add_member, init_hub
from salesdesk.sync.hub_connect import HubAddress
from salesdesk.sync.replica import using
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_hub import HubTransport

MOVES = 20
PUSHED = 100
PASSWORD = "bench-" + secrets.token_hex(8)
# The listening member: a process of its own (one store binding per process), pulling at
# once on every NOTIFY and saying when the moved contact's new stage has arrived.
LISTENER = """
import json, sys, threading, time
from salesdesk.store.db import open_database
from salesdesk.sync.engine import SyncEngine
from salesdesk.sync.hub_connect import HubAddress
from salesdesk.sync.hub_listen import HubListener
from salesdesk.sync.settings import SyncSettings
from salesdesk.sync.transport_hub import HubTransport
params, password, path = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
db = open_database(path).db
engine = SyncEngine(db)
address = HubAddress.from_params(params)
woke = threading.Event()
listener = HubListener(address, password, lambda top: woke.set())
listener.start()
listener.wait_online(10)
print("READY", flush=True)
while True:
    woke.wait()
    woke.clear()
    HubTransport(engine, SyncSettings(db), address, password).round()
    row = db.execute_sql("SELECT uid, stage FROM contact ORDER BY updated_at DESC LIMIT 1")
    uid, stage = row.fetchone()
    print("PULLED", time.time(), uid, stage, flush=True)
"""


class _Member:
    def __init__(self, path: Path, address: HubAddress, name: str = "") -> None:
        self.db = open_database(path).db
        with using(self.db):
            self.engine = SyncEngine(self.db)
            self.contacts = ContactService(self.db)
            self.contacts.recorder = self.engine.recorder
        self.address = address

    def round(self, **options: Any) -> Any:
        with using(self.db):
            transport = HubTransport(self.engine, SyncSettings(self.db), self.address, PASSWORD,
                                     **options)  # fmt: skip
            return transport.round()


def _server() -> tuple[Any, TempServer | None]:
    url = os.environ.get("SALESDESK_TEST_PG", "").strip()
    if url:
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        params = conninfo_to_dict(url)
        return (lambda db="postgres": make_conninfo(**{**params, "dbname": db})), None
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None, None
    server = TempServer(bin_dir, fast=False).start()
    return server.url, server


@register("hub", order=95)
def hub(ctx: BenchContext) -> list[Row]:
    import psycopg

    url, server = _server()
    if url is None:
        print("hub: no PostgreSQL server or binaries; skipped", file=sys.stderr)
        return []
    name = "bench_" + secrets.token_hex(4)
    with psycopg.connect(url(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        return _rows(ctx, url, name)
    finally:
        with psycopg.connect(url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            for role in ("founder", "joiner", "watcher", "viewer"):
                conn.execute(f"DROP ROLE IF EXISTS {role}_{name}")
            conn.execute(f"DROP ROLE IF EXISTS salesdesk_members_{name}")
        if server is not None:
            server.stop()


def _rows(ctx: BenchContext, url: Any, name: str) -> list[Row]:
    admin = HubAddress.parse(url(name))
    init_hub(admin, None)
    members = {}
    for who in ("founder", "joiner", "watcher", "viewer"):
        role = f"{who}_{name}"
        add_member(admin, None, role, PASSWORD)
        members[who] = admin.as_user(role)
    n = f"{ctx.contacts:,}"
    founder = _Member(ctx.fresh_path("founder"), members["founder"])
    batch = ctx.batch()
    with using(founder.db):
        bulk_create(founder.contacts, batch.contacts, description="benchmark data",
                    referrals=batch.referrals, histories=batch.histories)  # fmt: skip
    founder.round(snapshot_after=1)  # pushes every op and writes the snapshot

    join: list[float] = []
    for _ in range(ctx.heavy_repeat):
        joiner = _Member(ctx.fresh_path("joiner"), members["joiner"])
        seconds, report = timed_call(joiner.round)
        assert report.snapshot_loaded and len(report.errors) == 0, report.errors[:3]
        join.append(seconds)
        joiner.db.close()
    raw_join = [timed(lambda: _raw_snapshot(url(name))) for _ in range(ctx.heavy_repeat)]

    ids = [r[0] for r in founder.db.execute_sql("SELECT id FROM contact ORDER BY id LIMIT 200")]
    push: list[float] = []
    for r in range(ctx.repeat):
        with using(founder.db):
            for i in range(PUSHED):  # 100 changes, each its own service call
                stage = (Stage.PROSPECT, Stage.WORKING)[(r + i) % 2]
                founder.contacts.move([ids[i % len(ids)]], stage)
        push.append(timed(founder.round))
    raw_push = [timed(lambda: _raw_push(url(name))) for _ in range(ctx.repeat)]

    spread, raw_spread = _propagation(ctx, founder, members["watcher"], url(name), ids)
    on_board = _to_open_board(ctx, founder, members["viewer"], ids)
    founder.db.close()
    text_join = ("raw psycopg: fetch the same snapshot's chunks and decompress them, no "
                 "parsing or loading")  # fmt: skip
    text_push = "raw psycopg: executemany INSERT of 100 op-sized JSON rows, one transaction"
    text_spread = "raw psycopg: NOTIFY on one connection until LISTEN on another receives it"
    text_board = ("the same NOTIFY round trip; ours: move + push by one member, the other's "
                  "open window (listener, pull in its worker, board) shows the card")  # fmt: skip
    return [
        Row(f"member joins a {n}-contact hub (snapshot + the rest)", join, raw_join,
            Target(ms=30_000), text_join),
        Row("push of 100 changes (one round)", push, raw_push, Target(ms=500), text_push),
        Row(f"propagation: one member moves, a listening member has it (median of {MOVES})",
            spread, raw_spread, Target(ms=2000), text_spread),
        Row(f"propagation: a colleague's move reaches my open board (median of {MOVES})",
            on_board, raw_spread, Target(ms=2000), text_board),
    ]  # fmt: skip


def _raw_snapshot(url: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        for (data,) in conn.execute(
            "SELECT data FROM salesdesk.snapshot_chunk WHERE snapshot = (SELECT max(id) FROM "
            "salesdesk.snapshot WHERE finished_at IS NOT NULL) ORDER BY n"
        ):
            zlib.decompress(bytes(data))


def _raw_push(url: str) -> None:
    import psycopg

    body = json.dumps({"device": "0" * 32, "seq": 1, "hlc": "x" * 40, "entity": "contact",
                       "uid": "u" * 32, "contact": "u" * 32, "field": "stage",
                       "value": "prospect", "prev": "y" * 40})  # fmt: skip
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TEMP TABLE raw_op (n bigserial, body json)")
        with conn.cursor() as cur:
            cur.executemany("INSERT INTO raw_op (body) VALUES (%s)", [(body,)] * PUSHED)
        conn.commit()


def _propagation(
    ctx: BenchContext, founder: _Member, watcher: HubAddress, url: str, ids: list[int]
) -> tuple[list[float], list[float]]:
    path = ctx.fresh_path("watcher")
    first = _Member(path, watcher)
    first.round()  # joins before listening
    first.db.close()
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root))
    proc = subprocess.Popen([sys.executable, "-c", LISTENER, json.dumps(watcher.params), PASSWORD,
                             str(path)], env=env, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")),
                              daemon=True)  # fmt: skip
    try:
        ready = proc.stdout.readline()
        assert ready.startswith("READY"), ready
        reader.start()
        samples = []
        for i in range(MOVES):
            cid = ids[i]
            with using(founder.db):
                uid = founder.contacts.get(cid).uid
                start = time.time()
                founder.contacts.move([cid], (Stage.CUSTOMER, Stage.NURTURING)[i % 2])
            founder.round()
            want = (Stage.CUSTOMER, Stage.NURTURING)[i % 2].value
            deadline = start + 30
            while time.time() < deadline:
                hit = [float(p[1]) for line in list(lines) if (p := line.split())[0] == "PULLED"
                       and p[2] == uid and p[3] == want and float(p[1]) >= start]  # fmt: skip
                if hit:
                    samples.append(hit[0] - start)
                    break
                time.sleep(0.01)
            else:
                samples.append(30.0)
    finally:
        proc.kill()
        proc.wait()
    return samples, [_raw_notify(url) for _ in range(5)]


def _raw_notify(url: str) -> float:
    import psycopg

    with (
        psycopg.connect(url, autocommit=True) as listener,
        psycopg.connect(url, autocommit=True) as sender,
    ):
        listener.execute("LISTEN raw_bench")
        start = time.perf_counter()
        sender.execute("NOTIFY raw_bench, '1'")
        for _ in listener.notifies(timeout=10, stop_after=1):
            break
        return time.perf_counter() - start


def _to_open_board(
    ctx: BenchContext, founder: _Member, viewer: HubAddress, ids: list[int]
) -> list[float]:
    """Seconds from a founder's move (then its push) until the viewer's open window shows
    the card in the new column: the window joined the hub as a member does, its periodic
    round is off, so only the listener's NOTIFY makes it pull."""
    from salesdesk.services.hub_service import HubService
    from salesdesk.sync.hub_secrets import PasswordStore

    path = ctx.fresh_path("viewer")
    config = Path(tempfile.mkdtemp(prefix="salesdesk-hub-bench-config-", dir=ctx.workdir))
    first = _Member(path, viewer)
    with using(first.db):  # joins and remembers the hub and its password, as Join does
        service = HubService(first.engine, SyncSettings(first.db),
                             passwords=PasswordStore(config / "salesdesk" / "hub",
                                                     use_keyring=False))  # fmt: skip
        joined = service.round(viewer, PASSWORD)
        assert not joined.offline and not joined.errors, joined.errors[:3]
    first.db.close()
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(config),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")  # fmt: skip
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.hub", "--child", str(path)],
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=root)  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in iter(proc.stdout.readline, "")],
                     daemon=True).start()  # fmt: skip

    def expect(word: str, timeout: float = 60) -> list[str]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                parts = lines.get(timeout=max(0.01, deadline - time.time())).split()
            except queue.Empty:
                break
            if parts and parts[0] == word:
                return parts
        raise RuntimeError(f"the window child did not say {word} in {timeout:.0f} s")

    samples = []
    try:
        expect("READY", 120)
        for i in range(MOVES):
            cid = ids[(20 + i) % len(ids)]
            with using(founder.db):
                contact = founder.contacts.get(cid)
            # a real move every time: never to the column the card is in already
            stage = Stage.CUSTOMER if contact.stage is not Stage.CUSTOMER else Stage.NURTURING
            uid = contact.uid
            proc.stdin.write(f"WATCH {uid} {stage.value}\n")
            proc.stdin.flush()
            expect("WATCHING")
            start = time.time()
            with using(founder.db):
                founder.contacts.move([cid], stage)
            founder.round()
            samples.append(float(expect("SHOWN", 30)[1]) - start)
        proc.stdin.write("QUIT\n")
        proc.stdin.flush()
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return samples


def window_child(path: str) -> dict[str, Any]:
    """The viewer: the real main window on ``path`` (its team server remembered), saying
    on standard output when a watched card shows in its new column (runs in its own
    process; commands come on standard input)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from salesdesk.services.session import open_session
    from salesdesk.views.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    workdir = Path(path).with_suffix(".window")  # in the benchmark's folder: removed with it
    workdir.mkdir(exist_ok=True)
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    session = open_session(path)
    window = MainWindow(session, settings)
    window.resize(1400, 850)
    window.show()
    hub = window.sync.hub
    commands: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [commands.put(x) for x in sys.stdin], daemon=True).start()
    watch: dict[str, Any] = {}
    ready = False

    def tick() -> None:
        nonlocal ready
        if not ready and hub.listening and hub.rounds and not hub.running:
            hub.timer.stop()  # only the NOTIFY makes it pull from now on
            ready = True
            print("READY", flush=True)
        while not commands.empty():
            words = commands.get().split()
            if words[0] == "QUIT":
                app.quit()
                return
            (cid,) = session.service.db.execute_sql(
                "SELECT id FROM contact WHERE uid = ?", (words[1],)).fetchone()  # fmt: skip
            watch.update(id=cid, stage=Stage(words[2]))
            print("WATCHING", flush=True)
        if watch and window.board.store.models[watch["stage"]].row_of(watch["id"]) >= 0:
            print("SHOWN", repr(time.time()), flush=True)
            watch.clear()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    rounds = hub.rounds
    window.sync.pause()
    window.close()
    session.close()
    return {"rounds": rounds}


def main(argv: list[str] | None = None) -> int:
    from statistics import median

    from benchmarks.standalone import run_alone

    rows = run_alone("hub", __doc__, hub, contacts=5000, argv=argv, child=window_child)
    for _, row in rows:
        if row.ours:
            print(f"{row.name}: median {median(row.ours) * 1000:.0f} ms, "
                  f"max {max(row.ours) * 1000:.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

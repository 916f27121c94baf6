"""Test helper run as a subprocess: opens a database and writes contacts, reporting each save.

Every line on stdout is one JSON object, flushed at once, so a parent that kills this
process knows exactly which calls returned (``done``) and which one may have been cut off
(``begin`` without ``done``). Modes:

- ``crash``: create/update/move/delete/restore in a loop until killed;
- ``hammer``: wait for ``go`` on stdin, then make ``--ops`` creates and moves, reporting
  ``busy`` when the database stayed locked, and exit;
- ``open``: only open the database and report ``opened`` or ``refused`` with the message;
- ``hold``: add a contact inside a write transaction and keep it open (as a long import
  does), report ``holding``, and roll back when a line arrives on stdin.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from typing import Any

from salesdesk.domain.errors import DatabaseBusyError, SalesdeskError
from salesdesk.domain.stages import Stage, UnqualifiedReason
from salesdesk.services import ContactService
from salesdesk.store.db import open_database

CREATE_STAGES = [s for s in Stage if s is not Stage.UNQUALIFIED]
REASON = UnqualifiedReason.NO_BUDGET.value


def emit(kind: str, **data: Any) -> None:
    print(json.dumps({"kind": kind, **data}), flush=True)


def move(service: ContactService, ids: list[int], stage: Stage, rng: random.Random) -> None:
    reason = REASON if stage is Stage.UNQUALIFIED else None
    service.move(ids, stage, at_end=rng.random() < 0.3, reason=reason)


def crash_loop(service: ContactService, rng: random.Random, tag: str) -> None:
    live = [c.id for c in service.cards()]
    trashed = [c.id for c in service.trash()]
    n = 0
    while True:
        n += 1
        marker = f"{tag}n{n}"
        choice = rng.choices(["create", "update", "move", "delete", "restore"], [3, 3, 3, 1, 1])[0]
        if choice != "create" and not live or choice == "restore" and not trashed:
            choice = "create"
        if choice == "create":
            stage = rng.choice(CREATE_STAGES)
            emit("begin", op="create", marker=marker, stage=stage.value)
            outcome = service.create(last_name=marker, stage=stage, notes=marker)
            new_id = outcome.ids[0]
            live.append(new_id)
            emit("done", op="create", id=new_id, marker=marker, stage=stage.value)
        elif choice == "update":
            target = rng.choice(live)
            emit("begin", op="update", ids=[target], marker=marker)
            service.update(target, {"notes": marker})
            emit("done", op="update", ids=[target], marker=marker)
        elif choice == "move":
            ids = rng.sample(live, min(len(live), rng.randint(1, 3)))
            stage = rng.choice(list(Stage))
            emit("begin", op="move", ids=ids, stage=stage.value)
            move(service, ids, stage, rng)
            emit("done", op="move", ids=ids, stage=stage.value)
        elif choice == "delete":
            ids = rng.sample(live, min(len(live), rng.randint(1, 2)))
            emit("begin", op="delete", ids=ids)
            service.delete(ids)
            live = [i for i in live if i not in ids]
            trashed += ids
            emit("done", op="delete", ids=ids)
        else:
            target = rng.choice(trashed)
            emit("begin", op="restore", ids=[target])
            service.restore([target])
            trashed.remove(target)
            live.append(target)
            emit("done", op="restore", ids=[target])


def hammer(service: ContactService, rng: random.Random, tag: str, ops: int) -> None:
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("expected 'go' on stdin")
    mine: list[int] = []
    for n in range(ops):
        marker = f"{tag}n{n}"
        try:
            if n % 2 == 0 or not mine:
                outcome = service.create(first_name="Busy", last_name=marker, notes=marker)
                mine.append(outcome.ids[0])
                emit("done", op="create", id=outcome.ids[0], marker=marker, stage="new")
            else:
                ids = rng.sample(mine, min(len(mine), rng.randint(1, 2)))
                stage = rng.choice(list(Stage))
                move(service, ids, stage, rng)
                emit("done", op="move", ids=ids, stage=stage.value)
        except DatabaseBusyError as error:
            emit("busy", op=n, message=str(error))
    emit("finished")


def hold(service: ContactService) -> None:
    with service.db.atomic() as transaction:
        service.create(first_name="Uncommitted", last_name="Writer")
        emit("holding")
        sys.stdin.readline()
        transaction.rollback()
    emit("released")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["crash", "hammer", "open", "hold"])
    parser.add_argument("db")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tag", default="t")
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--busy-ms", type=int, default=5000)
    args = parser.parse_args()
    emit("opening")
    try:
        opened = open_database(args.db, busy_timeout_ms=args.busy_ms)
    except SalesdeskError as error:
        emit("refused", error=type(error).__name__, message=str(error))
        return
    emit("ready")
    if args.mode == "open":
        opened.db.close()
        emit("opened")
        return
    service = ContactService(opened.db)
    rng = random.Random(args.seed)
    if args.mode == "crash":
        crash_loop(service, rng, args.tag)
    elif args.mode == "hold":
        hold(service)
    else:
        hammer(service, rng, args.tag, args.ops)
    opened.db.close()


if __name__ == "__main__":
    main()

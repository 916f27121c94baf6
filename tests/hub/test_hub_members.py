"""Five members (processes, each its own SQLite file) make 1,000 changes each at once while
syncing through one hub; afterwards all five hold the same contacts and nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hubkit import Hub, Member

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = 5
CHANGES = 1000
WORK = """
import json, random, sys
sys.path.insert(0, sys.argv[4])
from hubkit import Member
from salesdesk.domain.stages import Stage
from salesdesk.sync.hub_connect import HubAddress
params, password, tag = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
member = Member(__import__("pathlib").Path(sys.argv[5]), HubAddress.from_params(params), password)
rng = random.Random(tag)
mine = []
for n in range(int(sys.argv[6])):
    if n % 5 == 4 and mine:  # every fifth change moves one of my contacts
        with member.device:
            stage = rng.choice([Stage.WORKING, Stage.PROSPECT])
            member.device.contacts.move([rng.choice(mine)], stage)
    else:
        mine.append(member.add(f"{tag}-{n}"))
    if n % 50 == 49:
        member.round()
member.round()
print("DONE", len(mine), flush=True)
"""


@pytest.mark.slow
def test_five_members_at_once_converge_with_nothing_lost(hub: Hub, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'tests' / 'sync'}")
    procs = []
    for i in range(MEMBERS):
        address, password = hub.member(f"m{i}")
        procs.append(subprocess.Popen(
            [sys.executable, "-c", WORK, json.dumps(address.params), password, f"m{i}",
             str(Path(__file__).parent), str(tmp_path / f"m{i}.db"), str(CHANGES)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))  # fmt: skip
    created = 0
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
        created += int(out.split()[-1])
    assert created == MEMBERS * CHANGES * 4 // 5
    members = []
    for i in range(MEMBERS):
        row = hub.sql("SELECT 1")  # the hub is still up
        assert row == [(1,)]
        address = hub.address(f"m{i}_{hub.name[4:]}")
        members.append(Member(tmp_path / f"m{i}.db", address, "pw-of-a-member"))
    for member in members:  # a last round each: everyone pulls what came after its own end
        report = member.round()
        assert report.errors == [] and report.held == 0
    dumps = [member.people() for member in members]
    assert len(dumps[0]) == created
    assert all(d == dumps[0] for d in dumps[1:])
    stages = {stage for _first, _company, stage in dumps[0].values()}
    assert {"working", "prospect"} <= stages
    counts = hub.sql("SELECT count(*), count(DISTINCT (device, seq)) FROM salesdesk.op")[0]
    assert counts[0] == counts[1]
    for member in members:
        member.close()

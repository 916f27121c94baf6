"""A member back after the compaction horizon catches up through the hub: the hub keeps
every op it was pushed, so what a colleague's log dropped still comes in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hubkit import Hub, Member


def test_a_member_back_after_the_horizon_converges_through_the_hub(
    hub: Hub, tmp_path: Path
) -> None:
    jana = Member(tmp_path / "j.db", *hub.member("jana"))
    vera = Member(tmp_path / "v.db", *hub.member("vera"))
    jana.add("Anna")
    jana.round()
    vera.round()
    with vera.device:
        away = vera.device.engine.vector()
        vera_id = vera.device.engine.device_id
    vera.add("Made while away")  # never synced until she is back
    for n in range(30):
        jana.add(f"While Vera was away {n}")
    jana.round()
    with jana.device:
        engine = jana.device.engine
        engine.record_peer_vector(vera_id, away)  # what Vera held when last seen
        later = dt.datetime.now(dt.UTC) + dt.timedelta(days=41)
        assert engine.past_horizon(now=later) == {vera_id}
        assert engine.compact(keep_vector=engine.common_vector(now=later)) > 0
    back = vera.round()
    assert back.errors == [] and back.received > 0
    jana.round()
    assert vera.people() == jana.people() and len(jana.people()) == 32
    jana.close()
    vera.close()

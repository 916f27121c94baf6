"""The conflict rows the window lists, without Qt: an event's conflict under the event's
name, referrers and badge holders by name, and a badge swap as an undoable step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from salesdesk.domain.events import Event
from salesdesk.services.booth import CaptureInput, CaptureService, EventService
from salesdesk.services.undo_history import UndoHistory
from salesdesk.store import events as store_events
from tests.views.sync_support import OtherReplica


def test_rows_name_events_referrers_and_badge_holders(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    shared.mkdir()
    b = OtherReplica(tmp_path / "b.db", clock)
    a = OtherReplica(tmp_path / "a.db", clock, name="Booth A")
    try:
        with a.bound():
            anna = a.service.create(first_name="Anna", last_name="Schmidt").ids[0]
            ben = a.service.create(first_name="Ben", last_name="Okafor").ids[0]
            cem = a.service.create(first_name="Cem", last_name="Yilmaz").ids[0]
            fair = EventService(a.service).add(Event("Hannover Messe", place="Halle 3"))
        a.round(shared)
        b.round(shared)
        with a.bound():
            a.service.update(anna, {"referred_by": ben})
            EventService(a.service).update(dataclasses.replace(fair, place="Halle 9"))
            CaptureService(a.service).capture(fair, CaptureInput(link_to=ben, badge_id="B-7"))
        clock.advance(minutes=1)
        with b.bound():
            b.service.update(b.contact_id("Anna"), {"referred_by": b.contact_id("Cem")})
            (there,) = EventService(b.service).list()
            EventService(b.service).update(dataclasses.replace(there, place="Halle 5"))
            data = CaptureInput(link_to=b.contact_id("Cem"), badge_id="B-7")
            CaptureService(b.service).capture(there, data)
        b.round(shared)
        a.round(shared)
        with a.bound():
            service = a.service
            rows = {row.field: row for row in a.sync.conflict_rows(service)}
            assert sorted(rows) == ["badge_id", "place", "referred_by"]
            place = rows["place"]
            assert (place.entity, place.contact_name, place.kept_value) == (
                "event", "Hannover Messe", "Halle 5")  # fmt: skip
            referrer = rows["referred_by"]
            assert referrer.contact_name == "Anna Schmidt"
            assert referrer.names[referrer.kept_value] == "Cem Yilmaz"
            assert referrer.names[referrer.lost_value] == "Ben Okafor"
            badge = rows["badge_id"]
            assert (badge.contact_id, badge.contact_name, badge.kept_by_name) == (
                ben, "Ben Okafor", "Cem Yilmaz")  # fmt: skip
            assert badge.lost_here and not badge.kept_here
            history = UndoHistory(service)
            outcome = a.sync.swap_conflict(service, badge.id, "Use the other value")
            history.record(outcome)
            assert store_events.ids_by_badge(["B-7"]) == {"B-7": ben}
            assert outcome.changes.updated >= {ben, cem}
            (now,) = [r for r in a.sync.conflict_rows(service) if r.field == "badge_id"]
            assert (now.contact_id, now.kept_by_name) == (cem, "Ben Okafor")
            history.undo()
            assert store_events.ids_by_badge(["B-7"]) == {"B-7": cem}
            history.redo()
            assert store_events.ids_by_badge(["B-7"]) == {"B-7": ben}
    finally:
        a.close()
        b.close()

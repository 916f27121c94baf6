"""Undo at any depth: steps on one contact walk back and forth exactly; only a change made
elsewhere blocks a step, and the step then stays where it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from salesdesk.domain.errors import ConflictError
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService, Outcome
from salesdesk.services.interactions import InteractionService
from salesdesk.services.undo_history import UndoHistory
from salesdesk.store import contacts as store

Step = Callable[[ContactService, int], Outcome]


def state(service: ContactService, contact_id: int) -> tuple[object, ...]:
    """What a user sees of one contact: every field, its history and its interactions."""
    snap = store.take_snapshots([contact_id]).get(contact_id)
    if snap is None:
        return ("gone",)
    fields = {k: v for k, v in snap.contact.items() if k not in ("version", "updated_at")}
    return (
        sorted(fields.items()),
        [(e["value"], e["is_primary"]) for e in snap.emails],
        [t[1] for t in snap.tags],
        [(h["from_stage"], h["to_stage"], h["kind"]) for h in snap.history],
        [(i["summary"], i["channel"]) for i in snap.interactions],
    )


def edit(text: str) -> Step:
    return lambda s, cid: s.update(cid, {"company": text})


def move(stage: Stage) -> Step:
    return lambda s, cid: s.move([cid], stage)


def log(summary: str) -> Step:
    return lambda s, cid: InteractionService(s, auto_working=False).log(
        [cid], "phone", "two-way", summary
    )


def delete() -> Step:
    return lambda s, cid: s.delete([cid])


def restore() -> Step:
    return lambda s, cid: s.restore([cid])


SEQUENCES = {
    "edit+edit": [edit("A"), edit("B")],
    "move+move": [move(Stage.WORKING), move(Stage.PROSPECT)],
    "edit+log": [edit("A"), log("called")],
    "log+log": [log("first call"), log("second call")],
    "delete+restore": [delete(), restore()],
    "five mixed": [edit("A"), move(Stage.WORKING), log("called"), edit("B"), move(Stage.NEW)],
}


@pytest.mark.parametrize("name", SEQUENCES)
def test_undo_and_redo_walk_any_number_of_steps_on_one_contact(
    service: ContactService, name: str
) -> None:
    history = UndoHistory(service)
    created = service.create(first_name="Anna", last_name="Schmidt")
    history.record(created)
    contact_id = created.ids[0]
    states = [("gone",), state(service, contact_id)]
    for step in SEQUENCES[name]:
        history.record(step(service, contact_id))
        states.append(state(service, contact_id))
    for expected in reversed(states[:-1]):  # back to before the contact existed
        history.undo()
        assert state(service, contact_id) == expected
    assert not history.can_undo
    for expected in states[1:]:
        history.redo()
        assert state(service, contact_id) == expected
    assert not history.can_redo
    for expected in reversed(states[1:-1]):  # and back once more: flips keep working
        history.undo()
        assert state(service, contact_id) == expected


def test_a_change_made_elsewhere_blocks_the_undo_and_the_step_stays(
    service: ContactService, opened
) -> None:
    history = UndoHistory(service)
    contact_id = service.create(first_name="Anna").ids[0]
    history.record(service.update(contact_id, {"company": "Acme"}))
    history.record(service.update(contact_id, {"company": "Acme GmbH"}))
    elsewhere = ContactService(opened.db)  # another window: its own history
    elsewhere.update(contact_id, {"title": "CEO"})
    with pytest.raises(ConflictError, match="changed after this step"):
        history.undo()
    assert history.can_undo  # not discarded
    assert service.get(contact_id).company == "Acme GmbH"
    assert service.get(contact_id).title == "CEO"
    # once the other change is undone there, our step applies again
    elsewhere.update(contact_id, {"title": ""})
    with pytest.raises(ConflictError):
        history.undo()  # still changed since (the version moved on): never clobbers blindly
    assert service.get(contact_id).company == "Acme GmbH"


def test_undo_after_a_new_step_drops_the_redo_branch(service: ContactService) -> None:
    history = UndoHistory(service)
    contact_id = service.create(first_name="Anna").ids[0]
    history.record(service.update(contact_id, {"company": "A"}))
    history.undo()
    assert history.can_redo
    history.record(service.update(contact_id, {"company": "B"}))
    assert not history.can_redo
    history.undo()
    assert service.get(contact_id).company == ""

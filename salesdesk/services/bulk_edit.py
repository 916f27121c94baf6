"""Rating, tagging and assigning many contacts in one undoable step (the board's and list's
menus)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from salesdesk.domain.changes import StepLabel
from salesdesk.domain.contact import Contact, Rating
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.services.contacts import ContactService, Outcome, Snapshots
from salesdesk.services.validation import apply_changes, clean_member_name, clean_tags
from salesdesk.store import contacts as store


def set_rating(service: ContactService, ids: Sequence[int], rating: Rating | str) -> Outcome:
    """Give every contact of ``ids`` the same rating (one transaction, one undo step)."""
    value = rating.value if isinstance(rating, Rating) else str(rating).strip().lower()
    if value not in {r.value for r in Rating}:
        choices = ", ".join(r.value for r in Rating)
        raise ValidationError(f"Unknown rating '{rating}'. Choose one of: {choices}.", "rating")
    return _edit(
        service, ids, f"rating of {{}} as {value}", lambda c: {"rating": value}, "rate", value
    )


def add_tag(service: ContactService, ids: Sequence[int], tag: str) -> Outcome:
    """Put ``tag`` on every contact of ``ids`` that does not carry it yet."""
    name = _one_tag(tag)

    def change(contact: Contact) -> dict[str, Any] | None:
        if name.casefold() in {t.casefold() for t in contact.tags}:
            return None
        return {"tags": [*contact.tags, name]}

    return _edit(service, ids, f"tag {name} on {{}}", change, "tag", name)


def remove_tag(service: ContactService, ids: Sequence[int], tag: str) -> Outcome:
    """Take ``tag`` off every contact of ``ids`` (any case); contacts without it stay."""
    name = _one_tag(tag)

    def change(contact: Contact) -> dict[str, Any] | None:
        kept = [t for t in contact.tags if t.casefold() != name.casefold()]
        return {"tags": kept} if len(kept) != len(contact.tags) else None

    return _edit(service, ids, f"removal of tag {name} from {{}}", change, "untag", name)


def assign_owner(service: ContactService, ids: Sequence[int], owner: str) -> Outcome:
    """Give every contact of ``ids`` the owner ('' for nobody); those who have it stay."""
    name = clean_member_name(owner, "owner")

    def change(contact: Contact) -> dict[str, Any] | None:
        return None if contact.owner == name else {"owner": name}

    return _edit(service, ids, f"assignment of {{}} to {name or 'nobody'}", change, "assign", name)


def _one_tag(tag: str) -> str:
    names = clean_tags([tag])
    if len(names) != 1:
        raise ValidationError("Type the tag to add or remove.", "tags")
    return names[0]


def _edit(
    service: ContactService,
    ids: Sequence[int],
    description: str,
    change: Callable[[Contact], dict[str, Any] | None],
    kind: str,
    detail: str,
) -> Outcome:
    ids = list(dict.fromkeys(ids))
    if not ids:
        raise ValidationError("Select at least one contact.")

    def work(before: Snapshots) -> tuple[list[int], list[int]]:
        now = service.clock()
        loaded = store.load_contacts(ids)
        missing = [i for i in ids if i not in loaded or loaded[i].deleted_at is not None]
        if missing:
            raise NotFoundError(f"There is no contact with number {missing[0]} on the board.")
        touched: list[int] = []
        tags_changed = False
        for contact_id in ids:
            current = loaded[contact_id]
            changes = change(current)
            if changes is None:
                continue
            updated = apply_changes(current, changes, service.phone_region, now)
            children = "tags" in changes  # e-mails and phones stay as they are
            if not store.update_contact(contact_id, updated, current.version, now, children):
                raise ConflictError(f"{current.display_name} was changed elsewhere; try again.")
            tags_changed = tags_changed or children
            touched.append(contact_id)
        if tags_changed:
            store.delete_orphan_tags()
        return [], touched

    if len(ids) == 1:
        found = store.load_contacts(ids).get(ids[0])
        label = found.display_name if found else f"contact {ids[0]}"
    else:
        label = f"{len(ids)} contacts"
    step = StepLabel(kind, label if len(ids) == 1 else "", len(ids), detail)
    return service.run_change(description.format(label), ids, work, step)

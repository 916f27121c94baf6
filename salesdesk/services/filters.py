"""FilterService: what the search field finds, filters and free text together, for the board
(a set of ids) and the list view (ids in a sort order, read page by page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from salesdesk.domain.filters import FilterQuery, parse
from salesdesk.services.contacts import Card, ContactService
from salesdesk.store import filters as store_filters

SORT_KEYS: tuple[str, ...] = tuple(store_filters.SORT_KEYS)


class FilterService:
    """Runs typed searches (``tag:vip rating:hot anna``) over one database. ``today`` gives
    the user's calendar day, which the follow-up filters (``due:overdue``) count from."""

    def __init__(
        self, contacts: ContactService, today: Callable[[], dt.date] | None = None
    ) -> None:
        self.contacts = contacts
        self.today = today or (lambda: contacts.clock().astimezone().date())

    def find(
        self,
        query: FilterQuery | str,
        *,
        include_deleted: bool = False,
        sort: str | None = None,
        descending: bool = False,
    ) -> list[int]:
        """Ids of live contacts matching ``query`` (text is parsed first). Without filters and
        without a sort this is the plain full-text search, as fast as before."""
        if isinstance(query, str):
            query = parse(query)
        if not query.has_filters and sort is None:
            return self.contacts.search(query.text, include_deleted=include_deleted)
        return store_filters.filter_ids(
            query,
            self.today(),
            include_deleted=include_deleted,
            sort=sort,
            descending=descending,
            me=self.contacts.author,
        )

    def positions(
        self, ids: Sequence[int], sort: str, descending: bool = False
    ) -> dict[int, store_filters.Position]:
        """Where each of ``ids`` goes in a list sorted by ``sort`` (comparable positions), so
        a list can place a changed contact without asking for every id again."""
        return store_filters.positions(ids, sort, descending)

    def matching(
        self, query: FilterQuery | str, ids: Sequence[int], *, include_deleted: bool = False
    ) -> set[int]:
        """Which of ``ids`` ``query`` finds (live contacts only, unless ``include_deleted``)."""
        if isinstance(query, str):
            query = parse(query)
        return store_filters.matching_ids(query, self.today(), ids, include_deleted=include_deleted)

    def cards(self, ids: Sequence[int]) -> list[Card]:
        """The rows of ``ids`` in the order given (the list view reads a page at a time)."""
        found = {card.id: card for card in self.contacts.cards(ids)}
        return [found[i] for i in ids if i in found]

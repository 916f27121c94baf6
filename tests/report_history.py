"""A hand-built pipeline history for the report tests: known moves on known days in
Europe/Berlin, through the real services with an injected clock. The expected figures in
the tests are worked out by hand from the timeline below (times are UTC; March 2026 is
CET, +1, until 29 March, then CEST, +2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService

BERLIN = ZoneInfo("Europe/Berlin")
MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
END_NOW = dt.datetime(2026, 4, 2, 9, 0, tzinfo=dt.UTC)


def utc(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=dt.UTC)


class Clock:
    """A clock the timeline sets by hand."""

    def __init__(self) -> None:
        self.now = utc(2, 1, 9)

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass
class History:
    """The contact ids by first name."""

    ids: dict[str, int]

    def __getitem__(self, name: str) -> int:
        return self.ids[name]

    def of(self, *names: str) -> tuple[int, ...]:
        return tuple(sorted(self.ids[n] for n in names))


def build_history(service: ContactService, clock: object) -> History:
    """Run the timeline; the clock ends at END_NOW (Emil is in the trash by then)."""
    talk = InteractionService(service, tz=BERLIN, auto_working=False)
    ids: dict[str, int] = {}

    def at(moment: dt.datetime) -> None:
        clock.now = moment  # type: ignore[attr-defined]

    def create(name: str, moment: dt.datetime, **fields: object) -> None:
        at(moment)
        ids[name] = service.create(first_name=name, **fields).ids[0]

    def move(name: str, moment: dt.datetime, stage: str, reason: str | None = None) -> None:
        at(moment)
        service.move([ids[name]], stage, reason=reason)

    def log(name: str, moment: dt.datetime, channel: str, direction: str) -> None:
        at(moment)
        talk.log([ids[name]], channel, direction, f"{channel} with {name}", at=moment)

    create("Anna", utc(2, 20, 10), source="newsletter")
    create("Hugo", utc(2, 28, 23, 30), source="cold_call")  # 00:30 on 1 March in Berlin
    create("Fritz", utc(3, 2, 9), source="website")
    create("Gina", utc(3, 2, 9, 30), source="trade_show", source_detail="Fair B", rating="warm")
    move("Anna", utc(3, 2, 10), "working")
    log("Anna", utc(3, 2, 11), "phone", "two-way")
    create("Ben", utc(3, 3, 9), source="trade_show", source_detail="Fair A", rating="hot")
    create("Cleo", utc(3, 3, 12), source="website", stage="customer")
    log("Ben", utc(3, 4, 8), "email", "outbound")  # 23 h after capture
    create("Dora", utc(3, 4, 9), source="trade_show", source_detail="fair a", rating="hot")
    move("Ben", utc(3, 4, 12), "prospect")
    move("Anna", utc(3, 5, 9), "prospect")
    create("Emil", utc(3, 5, 10), source="website")
    log("Dora", utc(3, 5, 20), "phone", "two-way")  # 35 h after capture
    move("Ben", utc(3, 6, 9), "working")  # prospect fall-back
    move("Emil", utc(3, 6, 10), "prospect")
    log("Emil", utc(3, 6, 11), "sms", "outbound")
    move("Fritz", utc(3, 8, 22, 30), "unqualified", "No Budget")  # Sun 23:30 in Berlin
    move("Gina", utc(3, 8, 23, 30), "unqualified", "went with a rival")  # Mon 00:30 Berlin
    log("Anna", utc(3, 8, 23, 30), "email", "outbound")  # Mon 00:30 in Berlin
    move("Anna", utc(3, 10, 9), "customer")
    move("Cleo", utc(3, 12, 9), "working")  # customer left
    move("Dora", utc(3, 31, 21, 30), "unqualified", "no budget")  # 23:30 on 31 March, CEST
    move("Hugo", utc(3, 31, 22, 30), "working")  # 00:30 on 1 April in Berlin
    at(utc(4, 1, 12))
    values = {
        "Anna": ("12500", "EUR", "2026-03-10"),
        "Ben": ("2.000,50", "eur", "2026-04-15"),
        "Dora": ("1000", "USD", None),
        "Cleo": ("3000", "EUR", "2026-02-01"),
        "Emil": ("9999", "EUR", "2026-03-20"),
    }
    for name, (amount, currency, close) in values.items():
        service.update(
            ids[name], {"expected_value": amount, "currency": currency, "expected_close": close}
        )
    at(END_NOW)
    service.delete([ids["Emil"]])
    return History(ids)

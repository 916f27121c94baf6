"""The fast read paths the board uses: column order from the index, selects by id built once,
and a search that leaves the trash filter to the caller."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services import ContactService
from salesdesk.store import prepared
from salesdesk.store.rows import ContactRow, EmailRow, StageChangeRow


def make(service: ContactService, first: str, stage: Stage = Stage.NEW, **extra: Any) -> int:
    return service.create(first_name=first, stage=stage, **extra).ids[0]


def test_board_columns_match_the_cards_and_leave_out_the_trash(service: ContactService) -> None:
    ids = [make(service, f"P{n}", STAGE_ORDER[n % 3]) for n in range(9)]
    service.move([ids[0]], Stage.WORKING, at_end=True)
    service.move([ids[4]], Stage.NEW, before_id=ids[3])
    service.delete([ids[6]])
    columns = service.board_columns()
    assert list(columns) == list(STAGE_ORDER)
    cards = service.cards()
    for stage in STAGE_ORDER:
        in_stage = [c for c in cards if c.stage is stage]
        assert columns[stage] == ([c.id for c in in_stage], [c.position for c in in_stage])
    assert ids[6] not in {i for ids_, _ in columns.values() for i in ids_}
    assert columns[Stage.CUSTOMER] == ([], [])


def test_dicts_by_ids_equal_peewees_own_dicts(service: ContactService) -> None:
    first = make(service, "Ada", emails=["ada@example.com", "a@example.org"], tags=["x"])
    second = make(service, "Bo", phones=["030 1234567"])
    service.move([first], Stage.WORKING)
    service.delete([second])  # a datetime column with a value, and a boolean
    for ids in ([first], [second, first], [first, 999]):
        expected = list(ContactRow.select().where(ContactRow.id.in_(ids)).dicts())
        assert prepared.dicts_by_ids(ContactRow, ContactRow.id, ids) == expected
        for table in (EmailRow, StageChangeRow):
            query = table.select().where(table.contact.in_(ids)).order_by(table.id)
            got = prepared.dicts_by_ids(table, table.contact, ids, table.id)
            assert got == list(query.dicts())


def test_statements_are_built_once_per_id_count(service: ContactService) -> None:
    ids = [make(service, f"P{n}") for n in range(3)]
    built: list[int] = []

    def build(part: Any) -> Any:
        built.append(len(part))
        return ContactRow.select(ContactRow.id).where(ContactRow.id.in_(list(part)))

    for _ in range(3):
        assert prepared.rows_by_ids("test.ids", build, ids[:2]) == [(ids[0],), (ids[1],)]
    assert prepared.rows_by_ids("test.ids", build, [ids[2]]) == [(ids[2],)]
    assert prepared.rows_by_ids("test.ids", build, []) == []
    assert built == [2, 1, 0]  # once per length, then reused
    many = list(range(1, prepared.MAX_KEPT_IDS + 2))
    prepared.rows_by_ids("test.ids", build, many)
    prepared.rows_by_ids("test.ids", build, many)
    assert built[-2:] == [len(many), len(many)]  # long lists are not kept


def test_search_can_leave_trashed_hits_to_the_caller(service: ContactService) -> None:
    live = make(service, "Müller")
    gone = make(service, "Mueller Müller")
    service.delete([gone])
    assert service.search("mül") == [live]
    assert sorted(service.search("mül", include_deleted=True)) == [live, gone]
    assert service.search("mül", include_deleted=True, ranked=True, limit=1)[0] in (live, gone)
    assert service.search("", include_deleted=True) == []


def test_edge_positions_keep_min_max_and_exclusions_apart(service: ContactService) -> None:
    from salesdesk.store import contacts as store

    ids = [make(service, f"P{n}", Stage.WORKING) for n in range(4)]  # each on top: -3..0
    positions = {i: service.get(i).position for i in ids}
    assert store.top_position(Stage.WORKING) == min(positions.values())
    assert store.neighbour_positions(Stage.WORKING, None, []) == (max(positions.values()), None)
    top, second = ids[3], ids[2]
    assert store.top_position(Stage.WORKING, [top]) == positions[second]
    assert store.neighbour_positions(Stage.WORKING, ids[0], [ids[1]]) == (
        positions[second],
        positions[ids[0]],
    )
    assert store.neighbour_positions(Stage.WORKING, 999, []) == (max(positions.values()), None)
    assert store.top_position(Stage.CUSTOMER) is None


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the test only reads
)
@given(
    start=st.text(alphabet="amüler -.@'0", max_size=6),
    more=st.text(alphabet="amüler -.@'0", min_size=1, max_size=4),
)
def test_typing_on_never_finds_more(service: ContactService, start: str, more: str) -> None:
    """The board filters what it shows when the text grows (BoardView.set_search): that is
    only right while a longer text never matches a contact the shorter one did not."""
    if not service.search("a", include_deleted=True):
        for first, last in (("Anna", "Müller"), ("Amélie", "Mueller"), ("Ole", "Lamm")):
            make(service, first, last_name=last, emails=[f"{first.lower()}@m-ler.de"])
    shorter = set(service.search(start, include_deleted=True))
    longer = set(service.search(start + more, include_deleted=True))
    if shorter:  # the board narrows only from a text that found something ("@" finds none)
        assert longer <= shorter

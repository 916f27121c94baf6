"""The list view's sorted id queries: stored sort keys (names folded as a German reader
expects), one index per column read in order (checked with EXPLAIN QUERY PLAN), and positions
compared in Python exactly as SQLite orders the rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from store_support import insert_raw_contact

from salesdesk.domain.filters import parse
from salesdesk.domain.stages import Stage
from salesdesk.services import ContactService
from salesdesk.services.interactions import InteractionService
from salesdesk.store import contacts as store_contacts
from salesdesk.store import filters as store_filters
from salesdesk.store.db import open_database

TODAY = dt.date(2026, 11, 26)
PEOPLE = (
    # first, last, company, stage, rating, email, phone, tags
    ("Zoe", "müller", "Zebra AG", Stage.NEW, "hot", "Z@x.de", "", []),
    ("Anna", "Mayer", "", Stage.WORKING, "cold", "", "+4930123456", ["vip"]),
    ("Paul", "Mzyk", "Ärger & Co", Stage.NEW, "warm", "a@x.de", "+4930999", ["Öl", "b"]),
    ("Hans", "Mueller", "arger gmbh", Stage.CUSTOMER, "none", "", "", []),
    ("Eva", "Ärger", "Öko KG", Stage.PROSPECT, "hot", "eva@x.de", "+33123", ["a"]),
    ("Olaf", "Arndt", "", Stage.NURTURING, "warm", "", "", []),
    ("", "", "Acme", Stage.NEW, "none", "", "", []),
    ("Ute", "Muller", "Muller", Stage.NEW, "cold", "", "", []),
)


@pytest.fixture
def people(service: ContactService) -> dict[str, int]:
    ids = {}
    for first, last, company, stage, rating, email, phone, tags in PEOPLE:
        ids[first or company] = service.create(
            first_name=first, last_name=last, company=company, stage=stage, rating=rating,
            emails=[email] if email else [], phones=[phone] if phone else [], tags=tags,
        ).ids[0]  # fmt: skip
    follow = InteractionService(service)
    follow.set_follow_up([ids["Anna"]], "2026-12-01")
    follow.set_follow_up([ids["Zoe"]], "2026-11-28", "09:30")
    follow.set_follow_up([ids["Hans"]], "2026-11-28")
    return ids


def sorted_names(service: ContactService, key: str, descending: bool = False) -> list[str]:
    ids = store_filters.filter_ids(parse(""), TODAY, sort=key, descending=descending)
    return [c.last_name or c.company for c in (service.get(i) for i in ids)]


def test_names_sort_without_regard_to_case_or_accents(service, people) -> None:
    assert sorted_names(service, "name") == [
        "Acme", "Ärger", "Arndt", "Mayer", "Mueller", "Muller", "müller", "Mzyk"
    ]  # fmt: skip
    # müller and Muller are one last name: the first names decide (Ute before Zoe)
    assert sorted_names(service, "name", descending=True) == list(
        reversed(sorted_names(service, "name"))
    )


def test_companies_fold_too_and_blanks_go_last_both_ways(service, people) -> None:
    def companies(descending: bool) -> list[str]:
        ids = store_filters.filter_ids(parse(""), TODAY, sort="company", descending=descending)
        return [service.get(i).company for i in ids]

    assert companies(False) == ["Acme", "Ärger & Co", "arger gmbh", "Muller", "Öko KG",
                                "Zebra AG", "", ""]  # fmt: skip
    assert companies(True)[:6] == list(reversed(companies(False)[:6]))
    assert companies(True)[6:] == ["", ""]


def test_an_edit_keeps_the_key_current(service, people) -> None:
    service.update(people["Olaf"], {"last_name": "Öhlschläger"})
    assert sorted_names(service, "name")[:4] == ["Acme", "Ärger", "Mayer", "Mueller"]
    assert sorted_names(service, "name")[-1] == "Öhlschläger"


LIST_KEYS = [key for key in store_filters.SORT_KEYS if key != "updated"]  # the list's columns


@pytest.mark.parametrize("key", LIST_KEYS)
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_each_list_column_reads_an_index_in_order(opened, key: str, descending: bool) -> None:
    for sql in store_filters.sorted_id_queries(key, descending, "c.deleted_at IS NULL"):
        plan = " | ".join(r[3] for r in opened.db.execute_sql(f"EXPLAIN QUERY PLAN {sql}"))
        assert "TEMP B-TREE" not in plan, plan
        assert "contact_sort_" in plan or "contact_deleted_at" in plan, plan
    first = store_filters.sorted_id_queries(key, descending, "c.deleted_at IS NULL")[0]
    plan = " | ".join(r[3] for r in opened.db.execute_sql(f"EXPLAIN QUERY PLAN {first}"))
    assert f"contact_sort_{key}" in plan, plan


@pytest.mark.parametrize("key", store_filters.SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_positions_compare_as_sqlite_sorts(service, people, key: str, descending: bool) -> None:
    ids = store_filters.filter_ids(parse(""), TODAY, sort=key, descending=descending)
    found = store_filters.positions(list(people.values()), key, descending)
    assert sorted(people.values(), key=found.__getitem__) == ids


def test_matching_tells_which_changed_contacts_a_search_finds(service, people) -> None:
    ids = list(people.values())
    assert store_filters.matching_ids(parse("rating:hot"), TODAY, ids) == {
        people["Zoe"], people["Eva"]
    }  # fmt: skip
    assert store_filters.matching_ids(parse("mül"), TODAY, ids) == {people["Zoe"], people["Ute"]}
    service.delete([people["Zoe"]])
    assert people["Zoe"] not in store_filters.matching_ids(parse(""), TODAY, ids)


def test_the_migration_fills_the_keys_of_older_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    opened = open_database(path, migrate_to="0008_value")
    insert_raw_contact(opened.db, first_name="Jürgen", last_name="Öztürk", company="Ä AG")
    insert_raw_contact(opened.db, first_name="Anna", last_name="Ozon")
    touched = opened.db.execute_sql("SELECT max(seq) FROM contact_touch").fetchone()[0]
    opened.db.close()
    opened = open_database(path)
    try:
        db = opened.db
        rows = db.execute_sql(
            "SELECT last_name, sort_name, sort_company FROM contact ORDER BY sort_name"
        ).fetchall()
        assert rows == [("Ozon", "ozon\x01anna\x01", ""),
                        ("Öztürk", "ozturk\x01jurgen\x01a ag", "a ag")]  # fmt: skip
        # filling the keys is no change the live refresh should report
        assert db.execute_sql("SELECT max(seq) FROM contact_touch").fetchone()[0] == touched
        names = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}
        assert "contact_touch_au" in names
        assert {f"contact_sort_{k}" for k in LIST_KEYS} <= names
    finally:
        opened.db.close()


def test_tag_lists_sort_umlauts_with_their_letter(service) -> None:
    service.create(first_name="A", tags=["zoll", "Ölhandel", "Messe", "Apfel", "Oper"])
    assert store_contacts.tag_names() == ["Apfel", "Messe", "Ölhandel", "Oper", "zoll"]

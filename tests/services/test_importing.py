"""Importing: each format end to end, row errors, duplicates, referrals, one-step undo,
cancel, progress, a worker thread, and the bad input of the issue."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from salesdesk.domain.contact import Contact, EmailAddress, LeadSource, PhoneNumber
from salesdesk.domain.stages import Stage
from salesdesk.formats.common import MAX_IMPORT_BYTES, FormatError
from salesdesk.services import ContactService
from salesdesk.services.import_run import ImportResult, run_import
from salesdesk.services.importing import (
    DuplicateAction,
    ImportCancelled,
    ImportFormat,
    ImportOptions,
    default_options,
    open_import,
    plan_import,
    preview,
    sniff_bytes,
    with_dialect,
    with_mapping,
)
from salesdesk.store.db import integrity_check, open_database

SAMPLES = Path(__file__).parents[1] / "formats" / "samples"
TODAY = __import__("datetime").date(2026, 11, 26)


def do_import(service: ContactService, name: str, **options: object) -> ImportResult:
    file = open_import(SAMPLES / name)
    chosen = dataclasses.replace(default_options(file, TODAY), **options)
    return run_import(service, plan_import(service, file), chosen)


def import_bytes(service: ContactService, data: bytes, name: str = "x.csv", **options: object):
    file = sniff_bytes(data, name)
    chosen = dataclasses.replace(default_options(file, TODAY), **options)
    return run_import(service, plan_import(service, file), chosen)


def live(service: ContactService) -> list[Contact]:
    return service.list_contacts()


@pytest.mark.parametrize(
    ("name", "kind", "created", "skipped_rows"),
    [
        ("google.csv", ImportFormat.CSV, 3, [5]),
        ("outlook_en.csv", ImportFormat.CSV, 2, []),
        ("outlook_de.csv", ImportFormat.CSV, 2, [4]),
        ("linkedin.csv", ImportFormat.CSV, 3, []),
        ("generic.tsv", ImportFormat.CSV, 3, []),
        ("contacts_21.vcf", ImportFormat.VCARD, 2, []),
        ("contacts_30.vcf", ImportFormat.VCARD, 2, []),
        ("contact_40.vcf", ImportFormat.VCARD, 1, []),
    ],
)
def test_each_sample_imports_into_new_with_source_and_tag(
    service: ContactService, name, kind, created, skipped_rows
) -> None:
    file = open_import(SAMPLES / name)
    assert file.format is kind
    result = do_import(service, name)
    assert len(result.created) == created
    assert [i.number for i in result.issues if i.skipped] == skipped_rows
    for contact in live(service):
        assert contact.stage is Stage.NEW
        assert contact.source is LeadSource.IMPORT and contact.source_detail == name
        assert "Import 2026-11-26" in contact.tags
    assert integrity_check(service.db) == []


def test_a_row_without_name_or_address_is_listed_and_the_rest_import(service) -> None:
    result = do_import(service, "google.csv")
    skipped = [i for i in result.issues if i.skipped]
    assert [(i.number, i.reason) for i in skipped] == [
        (5, "It has no name, company, e-mail address or phone number.")
    ]
    names = sorted(c.display_name for c in live(service))
    assert names == ["Jürgen Müller", "Nguyễn Văn An", "Ольга Смирнова"]
    juergen = next(c for c in live(service) if c.last_name == "Müller")
    assert [p.e164 for p in juergen.phones] == ["+491712345678", "+49301234567"]


def test_an_invalid_email_goes_to_the_notes_and_the_row_still_imports(service) -> None:
    result = do_import(service, "outlook_en.csv")
    tom = next(c for c in live(service) if c.first_name == "Tom")
    assert [e.value for e in tom.emails] == ["tom.obrien@example.ie"]
    assert "E-mail (not valid): not-an-email" in tom.notes
    assert any(i.number == 3 and not i.skipped for i in result.issues)
    assert tom.company == '=HYPERLINK("http://evil")'  # stored as text; escaped on export


def test_referred_by_is_resolved_by_name_within_the_file(service) -> None:
    do_import(service, "outlook_de.csv")
    by_name = {c.first_name: c for c in live(service)}
    assert by_name["Renée"].referred_by == by_name["Jürgen"].id


def test_referred_by_is_resolved_against_stored_contacts(service) -> None:
    anna = service.create(first_name="Jürgen", last_name="Müller").ids[0]
    do_import(service, "outlook_en.csv", on_duplicate=DuplicateAction.NEW)
    zofia = next(c for c in live(service) if c.first_name == "Zofia")
    assert zofia.referred_by == anna


def test_an_unknown_referrer_goes_to_the_notes(service) -> None:
    data = b"Name,Email,Referred By\nAnna Berg,anna@example.com,Nobody Known\n"
    result = import_bytes(service, data)
    anna = live(service)[0]
    assert anna.referred_by is None and "Referred by: Nobody Known" in anna.notes
    assert any("Nobody Known" in i.reason for i in result.issues)


def test_referral_circles_in_a_file_are_broken_not_fatal(service) -> None:
    data = b"Name,Referred By\nAnna Berg,Ben Kurz\nBen Kurz,Anna Berg\n"
    result = import_bytes(service, data)
    assert len(result.created) == 2
    refs = [c.referred_by for c in live(service)]
    assert refs.count(None) == 1
    assert any("circle" in i.reason for i in result.issues)


def test_import_is_one_undo_step_and_redo_works(service) -> None:
    service.create(first_name="Kept", last_name="Before")
    result = do_import(service, "google.csv")
    assert result.description == "import of 3 contacts"
    assert result.outcome is not None
    assert result.outcome.changes.description == "import of 3 contacts"
    assert result.outcome.changes.created == frozenset(result.created)
    undone = service.apply(result.outcome.inverse)
    assert [c.display_name for c in live(service)] == ["Kept Before"]
    assert undone.changes.removed == frozenset(result.created)
    service.apply(undone.inverse)
    assert len(live(service)) == 4


def test_description_counts_with_thousands_separator(service) -> None:
    rows = "\n".join(f"Person{i},Nr{i},p{i}@example.com" for i in range(1204))
    result = import_bytes(service, f"First Name,Last Name,Email\n{rows}\n".encode())
    assert result.description == "import of 1,204 contacts"
    assert sum(service.counts().values()) == 1204
    assert [c.first_name for c in live(service)[:3]] == ["Person0", "Person1", "Person2"]


def test_duplicates_update_fills_empty_fields_only_by_default(service) -> None:
    stored = service.create(
        first_name="Jürgen",
        last_name="Müller",
        company="Old Company Name",
        emails=["JUERGEN.MUELLER@mueller-bau.de"],
        tags=["Mine"],
    ).ids[0]
    result = do_import(service, "google.csv")
    assert result.updated == (stored,) and len(result.created) == 2
    juergen = service.get(stored)
    assert juergen.company == "Old Company Name"  # not overwritten
    assert juergen.title == "Geschäftsführer"  # was empty: filled
    assert [e.value.lower() for e in juergen.emails] == [
        "juergen.mueller@mueller-bau.de",
        "jm@posteo.de",
    ]
    assert len(juergen.phones) == 2
    assert juergen.tags == ["Import 2026-11-26", "Kunden", "Messe 2026", "Mine"]
    undone = service.apply(result.outcome.inverse)
    assert service.get(stored).title == "" and service.get(stored).tags == ["Mine"]
    assert undone.changes.updated >= {stored}


def test_duplicates_skip_new_and_per_row_decisions(service) -> None:
    stored = service.create(first_name="Olga", emails=["olga.smirnova@example.ru"]).ids[0]
    service.create(first_name="J", emails=["juergen.mueller@mueller-bau.de"])
    file = open_import(SAMPLES / "google.csv")
    plan = plan_import(service, file)
    assert [(d.number, d.matches[0].reasons) for d in plan.duplicates] == [
        (2, ("email",)),
        (3, ("email",)),
    ]
    options = ImportOptions(on_duplicate=DuplicateAction.SKIP, decisions={3: DuplicateAction.NEW})
    result = run_import(service, plan, options)
    assert result.skipped == (2,)
    assert len(result.created) == 2 and not result.updated
    olgas = [
        c for c in live(service) if c.emails and c.emails[0].value == "olga.smirnova@example.ru"
    ]
    assert len(olgas) == 2 and stored in {c.id for c in olgas}
    assert len({c.uid for c in live(service)}) == len(live(service))


def test_reimporting_the_same_vcard_matches_by_uid(service) -> None:
    do_import(service, "contact_40.vcf")
    result = do_import(service, "contact_40.vcf")
    assert not result.created and len(live(service)) == 1


def test_rows_repeating_an_earlier_row_are_merged_into_it(service) -> None:
    data = (
        b"Name,Email,Phone,Company\nAnna Berg,anna@example.com,,\n"
        b"Anna Berg,ANNA@example.com,+49 30 1234567,Acme\n"
    )
    result = import_bytes(service, data)
    assert len(result.created) == 1
    anna = live(service)[0]
    assert anna.company == "Acme" and len(anna.phones) == 1


def test_chosen_stage_including_unqualified(service) -> None:
    do_import(service, "linkedin.csv", stage=Stage.UNQUALIFIED)
    contacts = live(service)
    assert {c.stage for c in contacts} == {Stage.UNQUALIFIED}
    history = service.history(contacts[0].id)
    assert [h.to_stage for h in history] == [Stage.NEW, Stage.UNQUALIFIED]
    assert history[-1].reason == "imported as unqualified"


def test_plan_and_preview_write_nothing(service) -> None:
    file = open_import(SAMPLES / "outlook_de.csv")
    shown = preview(file, rows=2)
    assert [r.number for r in shown.rows] == [2, 3] and shown.more
    assert shown.rows[1].contact.first_name == "Renée"
    plan_import(service, file)
    assert live(service) == []


def test_the_user_can_override_delimiter_and_mapping(service) -> None:
    file = open_import(SAMPLES / "generic.tsv")
    assert file.mapping[:2] == ("full_name", "email")
    changed = with_mapping(file, ("skip", "email:home", "phone:work", "company", "city",
                                  "note", "notes"))  # fmt: skip
    result = run_import(service, plan_import(service, changed), ImportOptions())
    assert len(result.created) == 3
    assert all(not c.first_name for c in live(service))
    assert {e.label for c in live(service) for e in c.emails} == {"home"}
    as_comma = with_dialect(file, delimiter=",")
    assert as_comma.dialect is not None and as_comma.dialect.delimiter == ","
    with pytest.raises(FormatError):
        with_mapping(file, ("first_name",))


def test_progress_goes_up_to_the_total(service) -> None:
    rows = "\n".join(f"P{i},p{i}@example.com" for i in range(600))
    file = sniff_bytes(f"Name,Email\n{rows}\n".encode(), "p.csv")
    seen: list[tuple[int, int]] = []
    plan = plan_import(service, file, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (600, 600)
    seen.clear()
    run_import(service, plan, ImportOptions(), progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0 and seen[-1] == (600, 600)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_writes_nothing(service) -> None:
    service.create(first_name="Kept")
    rows = "\n".join(f"P{i},p{i}@example.com" for i in range(600))
    file = sniff_bytes(f"Name,Email\n{rows}\n".encode(), "p.csv")
    plan = plan_import(service, file)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(ImportCancelled):
        run_import(service, plan, ImportOptions(), cancelled=cancelled)
    assert [c.first_name for c in live(service)] == ["Kept"]
    with pytest.raises(ImportCancelled):
        plan_import(service, file, cancelled=lambda: True)


def test_import_runs_in_a_worker_thread(tmp_path: Path, clock) -> None:
    opened = open_database(tmp_path / "w.db")
    service = ContactService(opened.db, clock=clock)
    file = open_import(SAMPLES / "outlook_de.csv")
    results: list[ImportResult] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            plan = plan_import(service, file)
            results.append(run_import(service, plan, default_options(file, TODAY)))
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            service.db.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert not errors and len(results[0].created) == 2
    assert len(service.list_contacts()) == 2  # the main thread's connection sees it
    opened.db.close()


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:  # sparse: 200 MB long, nothing written to disk
        handle.truncate(200 * 1024 * 1024)
    assert big.stat().st_size > MAX_IMPORT_BYTES
    with pytest.raises(FormatError) as caught:
        open_import(big)
    assert "200 MB" in str(caught.value) and "Split it" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 40, "does not contain text"),
        (b"\x00" * 5000, "does not contain text"),
    ],
)
def test_empty_and_binary_files_get_a_clear_message(tmp_path: Path, content, words) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        open_import(path)
    assert words in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no file"):
        open_import(tmp_path / "nope.csv")
    with pytest.raises(FormatError, match="folder"):
        open_import(tmp_path)


def test_nul_bytes_long_fields_and_broken_quotes_are_per_row(service) -> None:
    data = (
        "First Name,Last Name,Notes\n"
        f"An\x00na,Berg,{'n' * 10_000}\n"
        f"{'x' * 10_000},Long,fine\n"
        '"Broken,Quote,here\n'
        "Cleo,Dorn,ok\n"
    ).encode()
    result = import_bytes(service, data)
    assert sorted(c.first_name for c in live(service)) == ["Anna", "Cleo"]
    anna = next(c for c in live(service) if c.first_name == "Anna")
    assert len(anna.notes) == 10_000
    reasons = {i.number: i.reason for i in result.issues if i.skipped}
    assert "too long" in reasons[3] and "quote" in reasons[4]


def test_a_vcard_without_end_imports_the_complete_cards(service) -> None:
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nEND:VCARD\nBEGIN:VCARD\nFN:Cut Of"
    result = import_bytes(service, data, "x.vcf")
    assert [c.display_name for c in live(service)] == ["Anna Berg"]
    assert [i.number for i in result.issues if i.skipped] == [2]


def test_a_file_with_nothing_importable_changes_nothing(service) -> None:
    result = import_bytes(service, b"Name,Notes\n,just a note\n")
    assert result.outcome is None and result.created == () and live(service) == []


def test_format_is_detected_from_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "contacts.txt"
    path.write_bytes((SAMPLES / "contacts_30.vcf").read_bytes())
    assert open_import(path).format is ImportFormat.VCARD


def test_a_stored_phone_in_another_form_is_a_duplicate(service) -> None:
    service.create(Contact(first_name="X", phones=[PhoneNumber("+49 171 2345678")],
                           emails=[EmailAddress("other@example.com")]))  # fmt: skip
    plan = plan_import(service, open_import(SAMPLES / "outlook_de.csv"))
    assert [d.number for d in plan.duplicates] == [2]
    assert plan.duplicates[0].matches[0].reasons == ("phone",)


def test_mappings_are_saved_and_reused_by_name(tmp_path: Path) -> None:
    from salesdesk.services.import_mappings import MappingStore

    store = MappingStore(tmp_path / "settings" / "mappings.json")
    assert store.names() == []
    store.save("  Trade show  list ", ("Kunde", "Mail"), ("company", "email:home"))
    store.save("other", ("A",), ("skip",))
    assert store.names() == ["other", "Trade show list"]
    again = MappingStore(tmp_path / "settings" / "mappings.json")
    assert again.apply("Trade show list", ("Mail", "Kunde", "Stadt")) == (
        "email:home",
        "company",
        "city",
    )
    again.delete("other")
    assert again.names() == ["Trade show list"]
    with pytest.raises(Exception, match="no saved mapping"):
        again.load("other")
    (tmp_path / "settings" / "mappings.json").write_text("{broken")
    assert MappingStore(tmp_path / "settings" / "mappings.json").names() == []

"""``salesdesk import`` and ``salesdesk export`` end to end through ``main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[1] / "formats" / "samples"


def test_import_csv_reports_counts_and_row_problems(sd, cli_db: Path) -> None:
    result = sd("import", str(SAMPLES / "google.csv"))
    assert result.code == 0, result.err
    assert result.out.strip() == "Imported 3 contacts (3 new, 0 updated)."
    assert "1 row could not be imported" in result.err
    assert "row 5: It has no name" in result.err
    listed = sd("list", "--json").json()
    assert {c["stage"] for c in listed} == {"new"}
    assert all(any(t.startswith("Import ") for t in c["tags"]) for c in listed)


def test_import_options_stage_tag_source_and_duplicates(sd) -> None:
    sd("add", "--first", "Jürgen", "--email", "juergen.mueller@mueller-bau.de")
    result = sd("import", str(SAMPLES / "outlook_de.csv"), "--stage", "working", "--tag",
                "Messe", "--source", "trade_show", "--on-duplicate", "skip", "--json")  # fmt: skip
    assert result.code == 0, result.err
    report = result.json()
    assert len(report["created"]) == 1 and report["updated"] == []
    assert report["skipped_duplicates"] == [2]
    assert [i["row"] for i in report["issues"] if i["skipped"]] == [4]
    renee = next(c for c in sd("list", "--json").json() if c["first_name"] == "Renée")
    assert (renee["stage"], renee["source"], renee["tags"]) == (
        "working",
        "trade_show",
        ["Interessenten", "Messe"],
    )


def test_import_format_option_and_dry_run(sd, tmp_path: Path, cli_db: Path) -> None:
    path = tmp_path / "cards.txt"
    path.write_bytes((SAMPLES / "contacts_30.vcf").read_bytes())
    sd("add", "--first", "Olga", "--email", "olga.smirnova@example.ru")
    dry = sd("import", str(path), "--dry-run")
    assert dry.code == 0, dry.err
    assert (
        dry.out.strip() == "2 contacts can be imported; 1 of them look like contacts already there."
    )
    assert len(sd("list", "--json").json()) == 1
    wrong = sd("import", str(path), "--format", "json")
    assert wrong.code == 1 and "not a valid JSON" in wrong.err
    assert sd("import", str(path), "--format", "vcard").code == 0


def test_import_refuses_bad_files_plainly(sd, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = sd("import", str(empty))
    assert result.code == 1 and result.err.startswith("Error: ") and "empty" in result.err
    assert "Traceback" not in result.err
    missing = sd("import", str(tmp_path / "missing.vcf"))
    assert missing.code == 1 and "no file" in missing.err
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("Name,Notes\n,only a note\n", encoding="utf-8")
    assert sd("import", str(nothing)).code == 1


def test_import_csv_overrides(sd, tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_bytes("Vorname;Nachname\nJürgen;Müller\n".encode("cp1252"))
    result = sd("import", str(path), "--encoding", "latin-1", "--delimiter", ";")
    assert result.code == 0, result.err
    assert sd("list", "--json").json()[0]["last_name"] == "Müller"


@pytest.mark.parametrize(("fmt", "suffix"), [("csv", ".csv"), ("vcard", ".vcf"), ("json", ".json")])
def test_export_then_import_into_a_new_database(run, sd, tmp_path: Path, fmt, suffix) -> None:
    sd("import", str(SAMPLES / "outlook_de.csv"))
    out = tmp_path / f"all{suffix}"
    result = sd("export", "-o", str(out))  # the format follows the file name
    assert result.code == 0, result.err
    assert result.out.strip() == f"Exported 2 contacts to {out}."
    other = tmp_path / "other.db"
    again = run("--db", str(other), "import", str(out), "--on-duplicate", "new")
    assert again.code == 0, again.err
    names = sorted(c["last_name"] for c in run("--db", str(other), "list", "--json").json())
    assert names == ["Müller", "Weiß"]


def test_export_selection_and_stdout(sd) -> None:
    sd("import", str(SAMPLES / "outlook_de.csv"))
    sd("import", str(SAMPLES / "linkedin.csv"), "--stage", "working")
    result = sd("export", "--format", "vcard", "-o", "-", "--stage", "working",
                "--vcard-version", "4.0")  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.count("BEGIN:VCARD") == 3 and "VERSION:4.0" in result.out
    searched = sd("export", "-o", "-", "--search", "Öberg")
    assert searched.out.count("\r\n") == 2 and "Öberg" in searched.out


def test_export_refusals(sd, tmp_path: Path) -> None:
    sd("add", "--first", "Anna")
    json_filtered = sd("export", "-o", str(tmp_path / "x.json"), "--stage", "new")
    assert json_filtered.code == 1 and "always holds everything" in json_filtered.err
    none = sd("export", "-o", str(tmp_path / "x.csv"), "--search", "zzzz")
    assert none.code == 1 and "nothing to export" in none.err


def test_exported_csv_is_formula_safe(sd, tmp_path: Path) -> None:
    sd("add", "--first", "=1+1", "--company", "@evil")
    out = tmp_path / "x.csv"
    assert sd("export", "--format", "csv", "-o", str(out)).code == 0
    text = out.read_bytes().decode("utf-8-sig")
    assert "'=1+1" in text and "'@evil" in text


def test_json_export_is_the_documented_document(sd, tmp_path: Path) -> None:
    sd("add", "--first", "Anna", "--email", "anna@example.com")
    out = tmp_path / "all.json"
    assert sd("export", "--format", "json", "-o", str(out)).code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "salesdesk" and document["contacts"][0]["first_name"] == "Anna"


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_export_and_import_keeping_stage_and_source_loses_nothing(
    run, sd, tmp_path: Path, version
) -> None:
    sd("import", str(SAMPLES / "outlook_de.csv"), "--source", "trade_show", "--stage", "working")
    out = tmp_path / "all.vcf"
    assert sd("export", "-o", str(out), "--vcard-version", version).code == 0
    other = tmp_path / "other.db"
    again = run("--db", str(other), "import", str(out), "--stage", "keep", "--source", "keep",
                "--tag", "")  # fmt: skip
    assert again.code == 0, again.err

    def listed(*db: str) -> list[dict]:
        rows = run(*db, "list", "--json").json() if db else sd("list", "--json").json()
        for row in rows:
            del row["id"], row["created_at"], row["updated_at"]
        return sorted(rows, key=lambda r: r["uid"])

    before, after = listed(), listed("--db", str(other))
    assert before[0]["source_detail"] == "outlook_de.csv"  # what the issue lost: every one
    assert after == before


def test_a_damaged_json_backup_reports_the_record_and_key(run, sd, tmp_path: Path) -> None:
    sd("add", "--first", "Anna", "--email", "anna@example.com")
    sd("add", "--first", "Ben", "--email", "ben@example.com")
    sd("add", "--first", "Cleo", "--email", "cleo@example.com")
    out = tmp_path / "all.json"
    assert sd("export", "--format", "json", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    document["contacts"][0]["created_at"] = "yesterday"
    document["contacts"][1]["position"] = "HUGE"
    out.write_text(json.dumps(document).replace('"HUGE"', "9" * 5000), encoding="utf-8")
    result = run("--db", str(tmp_path / "other.db"), "import", str(out))
    assert result.code == 0, result.err
    assert result.out.strip() == "Imported 1 contact (1 new, 0 updated)."
    assert "Unexpected error" not in result.err
    assert "row 1: Contact 1: 'created_at' is not a date and time ('yesterday')." in result.err
    assert "row 2: Contact 2: 'position' is a number with 5,000 digits." in result.err

"""Sort keys for names: case and accents do not count, as a German or English reader expects."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.sorting import name_sort_key, sort_key


def ordered(*names: str) -> list[str]:
    return sorted(names, key=sort_key)


def test_umlauts_sort_with_their_plain_letter() -> None:
    assert ordered("Mzyk", "Müller", "Mayer", "Mueller", "Möller") == [
        "Mayer", "Möller", "Mueller", "Müller", "Mzyk"
    ]  # fmt: skip
    assert ordered("Zander", "Ärger", "Arndt", "Brandt") == ["Ärger", "Arndt", "Brandt", "Zander"]
    assert ordered("Öztürk", "Ozon", "Pohl", "Oberer") == ["Oberer", "Ozon", "Öztürk", "Pohl"]


def test_sharp_s_is_ss_and_case_does_not_count() -> None:
    assert sort_key("Straße") == sort_key("STRASSE") == sort_key("strasse") == "strasse"
    assert ordered("zoe", "Zander", "anna", "Bert") == ["anna", "Bert", "Zander", "zoe"]


def test_other_latin_letters_fold_too() -> None:
    for accented, plain in (
        ("Élodie", "elodie"), ("Çelik", "celik"), ("Øvergård", "overgard"),
        ("Łukasz", "lukasz"), ("Dvořák", "dvorak"), ("Æsop", "aesop"), ("Ñúñez", "nunez"),
        ("İlker", "ilker"), ("Đorđević", "dordevic"),
    ):  # fmt: skip
        assert sort_key(accented) == plain, accented


def test_names_by_last_then_first_then_company() -> None:
    people = [
        ("Paul", "Müller", ""), ("Anna", "Muller", ""), ("Anna", "Mayer", ""),
        ("", "", "Acme GmbH"), ("Zoe", "", ""),
    ]  # fmt: skip
    people.sort(key=lambda p: name_sort_key(*p))
    assert people == [
        ("", "", "Acme GmbH"), ("Anna", "Mayer", ""), ("Anna", "Muller", ""),
        ("Paul", "Müller", ""), ("Zoe", "", ""),
    ]  # fmt: skip
    # a shorter last name first, whatever follows ("Mu" before "Mueller")
    assert name_sort_key("Zoe", "Mu", "") < name_sort_key("Adam", "Mueller", "")


@given(st.text())
def test_a_key_is_the_same_for_any_case(text: str) -> None:
    assert sort_key(text.upper()) == sort_key(text.upper().lower().upper())
    assert sort_key(sort_key(text)) == sort_key(text)

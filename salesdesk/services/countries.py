"""Country names in the user's language, for the home-country choice: CLDR's names through
Babel (Qt's QLocale.territoryToString names every country in English only)."""

from __future__ import annotations

from collections.abc import Iterable

from babel import Locale, UnknownLocaleError

from salesdesk.domain.sorting import sort_key


def country_names(codes: Iterable[str], language: str) -> dict[str, str]:
    """Each two-letter code's country name in ``language`` ("de": Österreich), or in English
    for a language CLDR does not know; a code without a name stays as it is."""
    try:
        names = Locale.parse(language.replace("-", "_")).territories
    except (ValueError, UnknownLocaleError):
        names = Locale("en").territories
    return {code: names.get(code.upper(), code) for code in codes}


def countries_in_order(codes: Iterable[str], language: str) -> list[tuple[str, str]]:
    """(name, code) pairs sorted by name as a reader of ``language`` expects: without regard
    to case or accents (Österreich among the O's, not after Z)."""
    names = country_names(codes, language)
    return sorted(((name, code) for code, name in names.items()),
                  key=lambda pair: (sort_key(pair[0]), pair[1]))  # fmt: skip

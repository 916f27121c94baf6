"""The filter syntax of the search field: typed filters, free text, and no text that fails."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.filters import Condition, FilterQuery, Key, parse, tokens


def test_the_example_of_the_issue() -> None:
    query = parse(
        'tag:"Messe 2026" rating:hot stage:prospect due:overdue consent:yes source:event '
        'event:"Hannover" müller'
    )
    assert query.conditions == (
        Condition(Key.TAG, "Messe 2026"),
        Condition(Key.RATING, "hot"),
        Condition(Key.STAGE, "prospect"),
        Condition(Key.DUE, "overdue"),
        Condition(Key.CONSENT, "yes"),
        Condition(Key.SOURCE, "trade_show"),
        Condition(Key.EVENT, "Hannover"),
    )
    assert query.text == "müller"


def test_unknown_keys_and_values_stay_free_text() -> None:
    query = parse("colour:red rating:lukewarm anna@acme.de http://x.de tag:")
    assert query.conditions == ()
    assert query.text == "colour:red rating:lukewarm anna@acme.de http://x.de tag:"


def test_prefixes_numbers_case_and_german_words() -> None:
    assert parse("Rating:H stage:2 STAGE:pro").conditions == (
        Condition(Key.RATING, "hot"),
        Condition(Key.STAGE, "working"),
        Condition(Key.STAGE, "prospect"),
    )
    assert parse("bewertung:heiß phase:kunde fällig:heute einwilligung:nein").conditions == (
        Condition(Key.RATING, "hot"),
        Condition(Key.STAGE, "customer"),
        Condition(Key.DUE, "today"),
        Condition(Key.CONSENT, "no"),
    )
    assert parse("source:e").conditions == ()  # event or empfehlung: not unique


def test_alternatives_duplicates_and_removal() -> None:
    query = parse("stage:new stage:working stage:new anna")
    assert query.values(Key.STAGE) == ["new", "working"]
    fewer = query.without(Condition(Key.STAGE, "new"))
    assert fewer.to_text() == "stage:working anna"
    assert (
        fewer.with_condition(Condition(Key.TAG, "a b")).to_text() == 'stage:working tag:"a b" anna'
    )


def test_quotes_group_words_and_an_open_quote_runs_to_the_end() -> None:
    assert tokens('a tag:"x y" "b c" d') == ["a", 'tag:"x y"', '"b c"', "d"]
    assert tokens('tag:"x y') == ['tag:"x y']
    assert parse('tag:"x y').conditions == (Condition(Key.TAG, "x y"),)


@given(st.text())
def test_any_text_parses(text: str) -> None:
    query = parse(text)
    assert isinstance(query, FilterQuery)
    again = parse(query.to_text())
    assert again == query  # what the chips write back reads the same


@given(st.lists(st.sampled_from(['tag:', 'rating:', 'stage:', '"', ' ', 'a', 'hot', 'x y',
                                 ':', 'due:over', 'ü', '\t', 'event:"'])))  # fmt: skip
def test_syntax_like_text_parses(parts: list[str]) -> None:
    text = "".join(parts)
    query = parse(text)
    assert parse(query.to_text()) == query
    for condition in query.conditions:
        assert condition.value and '"' not in condition.value

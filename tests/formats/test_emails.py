"""E-mail checking: the fast path agrees with email-validator wherever it answers."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.formats.emails import _plain, check_email

ATOM_CHARS = "abcXYZ019!#$%&'*+/=?^_`{|}~-"
LABEL_CHARS = "abzAZ09-"


def library(text: str) -> str | None:
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


atoms = st.text(ATOM_CHARS, min_size=1, max_size=12)
labels = st.text(LABEL_CHARS, min_size=1, max_size=12)
tlds = st.sampled_from(["de", "com", "org", "museum", "test", "local", "xn", "c", "co", "Uk"])
addresses = st.builds(
    lambda local, hosts, tld: ".".join(local) + "@" + ".".join([*hosts, tld]),
    st.lists(atoms, min_size=1, max_size=3),
    st.lists(labels, min_size=1, max_size=3),
    tlds,
)


@settings(max_examples=400, deadline=None)
@given(addresses)
def test_fast_path_agrees_with_the_library(text: str) -> None:
    fast = _plain(text)
    if fast is not None:
        assert library(text) == fast


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_an_answer_not_an_exception(text: str) -> None:
    value, problem = check_email(text)
    assert (value is None) != (problem is None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna.Schmidt@Example.COM", "Anna.Schmidt@example.com"),
        ("  jürgen@müller.de ", "jürgen@müller.de"),
        ("o'brien+crm@sub.example.co.uk", "o'brien+crm@sub.example.co.uk"),
    ],
)
def test_valid(text: str, expected: str) -> None:
    assert check_email(text) == (expected, None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "foo@",
        "@x.de",
        "a..b@x.de",
        "a@-x.de",
        "a@x.test",
        "a@localhost",
        "a b@x.de",
        "a@1.2.3.4",
    ],
)
def test_invalid(text: str) -> None:
    value, problem = check_email(text)
    assert value is None and problem

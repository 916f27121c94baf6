"""Pipeline rules: order, lead types, transitions and reasons."""

import pytest

from salesdesk.domain.stages import (
    LEAD_STAGES,
    STAGE_ORDER,
    Stage,
    TransitionError,
    TransitionKind,
    classify,
    validate_transition,
)


def test_order_and_leads() -> None:
    assert [s.value for s in STAGE_ORDER] == [
        "new",
        "working",
        "nurturing",
        "unqualified",
        "prospect",
        "customer",
    ]
    assert {Stage.NEW, Stage.WORKING, Stage.NURTURING, Stage.UNQUALIFIED} == LEAD_STAGES
    assert not Stage.PROSPECT.is_lead and not Stage.CUSTOMER.is_lead


@pytest.mark.parametrize("source", list(Stage))
@pytest.mark.parametrize("target", [s for s in Stage if s is not Stage.UNQUALIFIED])
def test_every_move_is_allowed_without_reason(source: Stage, target: Stage) -> None:
    assert validate_transition(source, target, None).target is target


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_unqualified_needs_reason(reason: str | None) -> None:
    with pytest.raises(TransitionError, match="needs a reason"):
        validate_transition(Stage.WORKING, Stage.UNQUALIFIED, reason)


def test_unqualified_reason_is_normalised() -> None:
    t = validate_transition(Stage.NEW, Stage.UNQUALIFIED, "  no   budget ")
    assert t.reason == "no budget" and t.kind is TransitionKind.DISQUALIFIED


def test_reorder_within_unqualified_needs_no_reason() -> None:
    assert validate_transition(Stage.UNQUALIFIED, Stage.UNQUALIFIED, None).kind is (
        TransitionKind.NONE
    )


def test_overlong_reason_refused() -> None:
    with pytest.raises(TransitionError, match="too long"):
        validate_transition(Stage.NEW, Stage.UNQUALIFIED, "x" * 501)


@pytest.mark.parametrize(
    ("source", "target", "kind"),
    [
        (Stage.PROSPECT, Stage.NURTURING, TransitionKind.PROSPECT_FALLBACK),
        (Stage.PROSPECT, Stage.NEW, TransitionKind.PROSPECT_FALLBACK),
        (Stage.CUSTOMER, Stage.PROSPECT, TransitionKind.CUSTOMER_LEFT),
        (Stage.CUSTOMER, Stage.UNQUALIFIED, TransitionKind.CUSTOMER_LEFT),
        (Stage.PROSPECT, Stage.CUSTOMER, TransitionKind.WON),
        (Stage.NEW, Stage.WORKING, TransitionKind.FORWARD),
        (Stage.NURTURING, Stage.WORKING, TransitionKind.BACKWARD),
        (None, Stage.NEW, TransitionKind.FORWARD),
    ],
)
def test_classify(source: Stage | None, target: Stage, kind: TransitionKind) -> None:
    assert classify(source, target) is kind


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("prospect", Stage.PROSPECT),
        ("PROSPECT", Stage.PROSPECT),
        ("5", Stage.PROSPECT),
        ("cust", Stage.CUSTOMER),
        (" new ", Stage.NEW),
        ("u", Stage.UNQUALIFIED),
    ],
)
def test_parse(text: str, stage: Stage) -> None:
    assert Stage.parse(text) is stage


@pytest.mark.parametrize("text", ["", "n0pe", "7", "0"])
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="Unknown stage"):
        Stage.parse(text)

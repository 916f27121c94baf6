"""The sales pipeline: stages, their order, and the rules for moving between them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from salesdesk.domain.errors import ValidationError


class Stage(enum.Enum):
    """A pipeline stage. Values are stable storage keys, never shown to users."""

    NEW = "new"
    WORKING = "working"
    NURTURING = "nurturing"
    UNQUALIFIED = "unqualified"
    PROSPECT = "prospect"
    CUSTOMER = "customer"

    @property
    def is_lead(self) -> bool:
        return self in LEAD_STAGES

    @property
    def order(self) -> int:
        return STAGE_ORDER.index(self)

    @classmethod
    def parse(cls, text: str) -> Stage:
        """Read a stage from user text: its key, its number (1-6) or a unique prefix."""
        key = text.strip().lower()
        if key.isdigit() and 1 <= int(key) <= len(STAGE_ORDER):
            return STAGE_ORDER[int(key) - 1]
        for stage in STAGE_ORDER:
            if stage.value == key:
                return stage
        matches = [s for s in STAGE_ORDER if key and s.value.startswith(key)]
        if len(matches) == 1:
            return matches[0]
        names = ", ".join(s.value for s in STAGE_ORDER)
        raise ValueError(f"Unknown stage '{text}'. Choose one of: {names}.")


STAGE_ORDER: tuple[Stage, ...] = (
    Stage.NEW,
    Stage.WORKING,
    Stage.NURTURING,
    Stage.UNQUALIFIED,
    Stage.PROSPECT,
    Stage.CUSTOMER,
)
LEAD_STAGES: frozenset[Stage] = frozenset(
    {Stage.NEW, Stage.WORKING, Stage.NURTURING, Stage.UNQUALIFIED}
)


class UnqualifiedReason(enum.Enum):
    """The common reasons a lead is set aside; free text is allowed as well."""

    NO_BUDGET = "no budget"
    NO_NEED = "no need"
    NO_AUTHORITY = "no authority"
    BAD_TIMING = "bad timing"
    COMPETITOR = "competitor"
    UNREACHABLE = "unreachable"


class TransitionKind(enum.Enum):
    """What a stage change means for reporting (conversion, fall-back, churn)."""

    NONE = "none"  # same stage (a reorder)
    FORWARD = "forward"
    BACKWARD = "backward"  # between lead stages, against the pipeline order
    DISQUALIFIED = "disqualified"  # into Unqualified
    PROSPECT_FALLBACK = "prospect_fallback"  # Prospect back to a lead stage
    CUSTOMER_LEFT = "customer_left"  # Customer to any other stage
    WON = "won"  # into Customer


class TransitionError(ValidationError):
    """A requested stage change breaks a pipeline rule."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "stage")


@dataclass(frozen=True)
class Transition:
    """A validated stage change with its meaning and (normalised) reason."""

    source: Stage | None
    target: Stage
    kind: TransitionKind
    reason: str | None


MAX_REASON_LENGTH = 500


def classify(source: Stage | None, target: Stage) -> TransitionKind:
    """Say what moving from ``source`` to ``target`` means."""
    if source == target:
        return TransitionKind.NONE
    if source is Stage.CUSTOMER:
        return TransitionKind.CUSTOMER_LEFT
    if target is Stage.CUSTOMER:
        return TransitionKind.WON
    if target is Stage.UNQUALIFIED:
        return TransitionKind.DISQUALIFIED
    if source is Stage.PROSPECT and target.is_lead:
        return TransitionKind.PROSPECT_FALLBACK
    if source is None or target.order > source.order:
        return TransitionKind.FORWARD
    return TransitionKind.BACKWARD


def validate_transition(source: Stage | None, target: Stage, reason: str | None) -> Transition:
    """Check a move a user asked for; every move is allowed but Unqualified needs a reason."""
    cleaned = " ".join(reason.split()) if reason else None
    if cleaned and len(cleaned) > MAX_REASON_LENGTH:
        raise TransitionError(f"The reason is too long (at most {MAX_REASON_LENGTH} characters).")
    kind = classify(source, target)
    if target is Stage.UNQUALIFIED and kind is not TransitionKind.NONE and not cleaned:
        choices = ", ".join(r.value for r in UnqualifiedReason)
        raise TransitionError(
            f"Moving a contact to Unqualified needs a reason (for example: {choices})."
        )
    return Transition(source, target, kind, cleaned or None)

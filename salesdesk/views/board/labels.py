"""Translated names the board shows for stages, ratings and Unqualified reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.stages import Stage, UnqualifiedReason


def _t(text: str) -> str:
    return QCoreApplication.translate("Board", text)


def stage_label(stage: Stage) -> str:
    """The user-facing name of a pipeline stage."""
    return {
        Stage.NEW: _t("New"),
        Stage.WORKING: _t("Working"),
        Stage.NURTURING: _t("Nurturing"),
        Stage.UNQUALIFIED: _t("Unqualified"),
        Stage.PROSPECT: _t("Prospect"),
        Stage.CUSTOMER: _t("Customer"),
    }[stage]


def rating_label(rating: str) -> str:
    """The chip text of a stored rating ('hot', 'warm', 'cold'); '' for none."""
    return {"hot": _t("hot"), "warm": _t("warm"), "cold": _t("cold")}.get(rating, "")


def reason_label(reason: UnqualifiedReason) -> str:
    """The user-facing text of a common Unqualified reason."""
    return {
        UnqualifiedReason.NO_BUDGET: _t("No budget"),
        UnqualifiedReason.NO_NEED: _t("No need"),
        UnqualifiedReason.NO_AUTHORITY: _t("No authority to buy"),
        UnqualifiedReason.BAD_TIMING: _t("Bad timing"),
        UnqualifiedReason.COMPETITOR: _t("Went with a competitor"),
        UnqualifiedReason.UNREACHABLE: _t("Unreachable"),
    }[reason]

"""Translated display labels of the domain enums (views never show enum values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.stages import Stage, UnqualifiedReason


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailLabels", text)


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


def rating_label(rating: Rating) -> str:
    """The user-facing name of a rating."""
    return {
        Rating.NONE: _t("Not rated"),
        Rating.COLD: _t("Cold"),
        Rating.WARM: _t("Warm"),
        Rating.HOT: _t("Hot"),
    }[rating]


def source_label(source: LeadSource | None) -> str:
    """The user-facing name of a lead source (None: not recorded)."""
    if source is None:
        return _t("Unknown")
    return {
        LeadSource.NEWSLETTER: _t("Newsletter"),
        LeadSource.TRADE_SHOW: _t("Trade show"),
        LeadSource.REFERRAL: _t("Referral"),
        LeadSource.WEBSITE: _t("Website"),
        LeadSource.SOCIAL: _t("Social media"),
        LeadSource.COLD_CALL: _t("Cold call"),
        LeadSource.IMPORT: _t("Import"),
        LeadSource.OTHER: _t("Other"),
    }[source]


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


def gender_choices() -> list[tuple[str, str]]:
    """(stored value, label) of the suggested genders; '' is unspecified."""
    return [("", _t("Unspecified")), ("female", _t("Female")), ("male", _t("Male")),
            ("diverse", _t("Diverse"))]


def method_label_choices(kind: str) -> list[tuple[str, str]]:
    """(stored value, label) of the suggested labels of e-mails ('email') or phones ('phone')."""
    names = {
        "work": _t("work"),
        "home": _t("home"),
        "mobile": _t("mobile"),
        "fax": _t("fax"),
        "other": _t("other"),
    }
    keys = ("work", "home", "other") if kind == "email" else ("mobile", "work", "home", "fax",
                                                               "other")
    return [(k, names[k]) for k in keys]

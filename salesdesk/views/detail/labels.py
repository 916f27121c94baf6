"""Translated display labels of the domain enums (views never show enum values)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.domain.contact import EMAIL_LABELS, PHONE_LABELS, LeadSource, Rating
from salesdesk.domain.stages import Stage, UnqualifiedReason

# Every label is a literal QCoreApplication.translate() call so that pyside6-lupdate finds it.


def stage_label(stage: Stage) -> str:
    """The user-facing name of a pipeline stage."""
    return {
        Stage.NEW: QCoreApplication.translate("DetailLabels", "New"),
        Stage.WORKING: QCoreApplication.translate("DetailLabels", "Working"),
        Stage.NURTURING: QCoreApplication.translate("DetailLabels", "Nurturing"),
        Stage.UNQUALIFIED: QCoreApplication.translate("DetailLabels", "Unqualified"),
        Stage.PROSPECT: QCoreApplication.translate("DetailLabels", "Prospect"),
        Stage.CUSTOMER: QCoreApplication.translate("DetailLabels", "Customer"),
    }[stage]


def rating_label(rating: Rating) -> str:
    """The user-facing name of a rating."""
    return {
        Rating.NONE: QCoreApplication.translate("DetailLabels", "Not rated"),
        Rating.COLD: QCoreApplication.translate("DetailLabels", "Cold"),
        Rating.WARM: QCoreApplication.translate("DetailLabels", "Warm"),
        Rating.HOT: QCoreApplication.translate("DetailLabels", "Hot"),
    }[rating]


def source_label(source: LeadSource | None) -> str:
    """The user-facing name of a lead source (None: not recorded)."""
    if source is None:
        return QCoreApplication.translate("DetailLabels", "Unknown")
    return {
        LeadSource.NEWSLETTER: QCoreApplication.translate("DetailLabels", "Newsletter"),
        LeadSource.TRADE_SHOW: QCoreApplication.translate("DetailLabels", "Trade show"),
        LeadSource.REFERRAL: QCoreApplication.translate("DetailLabels", "Referral"),
        LeadSource.WEBSITE: QCoreApplication.translate("DetailLabels", "Website"),
        LeadSource.SOCIAL: QCoreApplication.translate("DetailLabels", "Social media"),
        LeadSource.COLD_CALL: QCoreApplication.translate("DetailLabels", "Cold call"),
        LeadSource.IMPORT: QCoreApplication.translate("DetailLabels", "Import"),
        LeadSource.OTHER: QCoreApplication.translate("DetailLabels", "Other"),
    }[source]


def reason_label(reason: UnqualifiedReason) -> str:
    """The user-facing text of a common Unqualified reason."""
    return {
        UnqualifiedReason.NO_BUDGET: QCoreApplication.translate("DetailLabels", "No budget"),
        UnqualifiedReason.NO_NEED: QCoreApplication.translate("DetailLabels", "No need"),
        UnqualifiedReason.NO_AUTHORITY: QCoreApplication.translate(
            "DetailLabels", "No authority to buy"
        ),
        UnqualifiedReason.BAD_TIMING: QCoreApplication.translate("DetailLabels", "Bad timing"),
        UnqualifiedReason.COMPETITOR: QCoreApplication.translate(
            "DetailLabels", "Went with a competitor"
        ),
        UnqualifiedReason.UNREACHABLE: QCoreApplication.translate("DetailLabels", "Unreachable"),
    }[reason]


def gender_choices() -> list[tuple[str, str]]:
    """(stored value, label) of the suggested genders; '' is unspecified."""
    return [
        ("", QCoreApplication.translate("DetailLabels", "Unspecified")),
        ("female", QCoreApplication.translate("DetailLabels", "Female")),
        ("male", QCoreApplication.translate("DetailLabels", "Male")),
        ("diverse", QCoreApplication.translate("DetailLabels", "Diverse")),
    ]


def method_label_choices(kind: str) -> list[tuple[str, str]]:
    """(stored value, label) of the suggested labels of e-mails ('email') or phones ('phone')."""
    names = {
        "work": QCoreApplication.translate("DetailLabels", "work"),
        "home": QCoreApplication.translate("DetailLabels", "home"),
        "mobile": QCoreApplication.translate("DetailLabels", "mobile"),
        "fax": QCoreApplication.translate("DetailLabels", "fax"),
        "other": QCoreApplication.translate("DetailLabels", "other"),
    }
    keys = EMAIL_LABELS if kind == "email" else PHONE_LABELS
    return [(k, names.get(k, k)) for k in keys]

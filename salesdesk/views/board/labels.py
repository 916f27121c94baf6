"""Translated names the board shows: stage and reason names are the shared ones of
``views.detail.labels`` (one table, literal translate() calls that lupdate finds)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.views.detail.labels import reason_label, stage_label

__all__ = ["rating_label", "reason_label", "stage_label"]


def rating_label(rating: str) -> str:
    """The chip text of a stored rating ('hot', 'warm', 'cold'); '' for none."""
    return {
        "hot": QCoreApplication.translate("Board", "hot"),
        "warm": QCoreApplication.translate("Board", "warm"),
        "cold": QCoreApplication.translate("Board", "cold"),
    }.get(rating, "")

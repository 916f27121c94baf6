"""Translated names the board shows: the rating chips, and the stage names of the one shared
table in ``views.detail.labels`` (re-exported for the board's modules)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from salesdesk.views.detail.labels import stage_label

__all__ = ["rating_label", "stage_label"]


def rating_label(rating: str) -> str:
    """The chip text of a stored rating ('hot', 'warm', 'cold'); '' for none."""
    return {
        "hot": QCoreApplication.translate("Board", "hot"),
        "warm": QCoreApplication.translate("Board", "warm"),
        "cold": QCoreApplication.translate("Board", "cold"),
    }.get(rating, "")

"""The undo/redo texts of the service steps in the user's language: built from the
ChangeSet's language-free ``StepLabel`` (the English ``description`` is for the CLI/logs)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from salesdesk.domain.changes import ChangeSet, StepLabel
from salesdesk.domain.interactions import Channel
from salesdesk.domain.stages import Stage
from salesdesk.views.board.labels import rating_label
from salesdesk.views.detail.labels import stage_label

# Every text is a literal QCoreApplication.translate() call so that pyside6-lupdate finds it.


def step_text(changes: ChangeSet) -> str:
    """What the Undo/Redo actions name this step; the English description for a step that
    carries no label (or one this table does not know)."""
    label = changes.label
    if label is None:
        return changes.description
    text = _text(label)
    return changes.description if text is None else text


def _who(label: StepLabel) -> str:
    if label.name:
        return label.name
    return UndoLabels().contacts(label.count)


def _channel(value: str) -> str:
    return {
        Channel.EMAIL: QCoreApplication.translate("UndoLabels", "an e-mail"),
        Channel.PHONE: QCoreApplication.translate("UndoLabels", "a call"),
        Channel.SMS: QCoreApplication.translate("UndoLabels", "an SMS"),
        Channel.SOCIAL: QCoreApplication.translate("UndoLabels", "a social message"),
        Channel.IN_PERSON: QCoreApplication.translate("UndoLabels", "a meeting"),
        Channel.OTHER: QCoreApplication.translate("UndoLabels", "an interaction"),
    }[Channel(value)]


def _text(label: StepLabel) -> str | None:  # noqa: PLR0911 - one branch per kind of step
    kind, who, detail = label.kind, _who(label), label.detail
    simple = {
        "create": QCoreApplication.translate("UndoLabels", "creation of %1"),
        "edit": QCoreApplication.translate("UndoLabels", "edit of %1"),
        "delete": QCoreApplication.translate("UndoLabels", "deletion of %1"),
        "restore": QCoreApplication.translate("UndoLabels", "restore of %1"),
        "purge": QCoreApplication.translate("UndoLabels", "permanent deletion of %1"),
        "edit_interaction": QCoreApplication.translate(
            "UndoLabels", "edit of an interaction with %1"
        ),
        "delete_interaction": QCoreApplication.translate(
            "UndoLabels", "deletion of an interaction with %1"
        ),
        "clear_follow_up": QCoreApplication.translate(
            "UndoLabels", "removal of the follow-up of %1"
        ),
        "complete_follow_up": QCoreApplication.translate(
            "UndoLabels", "completion of the follow-up of %1"
        ),
        "correct": QCoreApplication.translate("UndoLabels", "correction of %1"),
    }
    if kind in simple:
        return simple[kind].replace("%1", who)
    if kind == "move":
        return _two(
            QCoreApplication.translate("UndoLabels", "move of %1 to %2"),
            who,
            stage_label(Stage(detail)),
        )
    if kind == "log":
        return _two(
            QCoreApplication.translate("UndoLabels", "logging of %1 with %2"), _channel(detail), who
        )
    if kind == "set_follow_up":
        return _two(QCoreApplication.translate("UndoLabels", "follow-up on %1 for %2"), detail, who)
    if kind == "rate":
        return _two(
            QCoreApplication.translate("UndoLabels", "rating of %1 as %2"),
            who,
            rating_label(detail),
        )
    if kind == "tag":
        return _two(QCoreApplication.translate("UndoLabels", "tag %1 on %2"), detail, who)
    if kind == "untag":
        return _two(
            QCoreApplication.translate("UndoLabels", "removal of tag %1 from %2"), detail, who
        )
    if kind == "assign":
        if not detail:
            return QCoreApplication.translate("UndoLabels", "removal of the owner of %1").replace(
                "%1", who
            )
        return _two(QCoreApplication.translate("UndoLabels", "assignment of %1 to %2"), who, detail)
    if kind == "capture":
        return _two(QCoreApplication.translate("UndoLabels", "capture of %1 at %2"), who, detail)
    if kind == "merge":
        return UndoLabels().merge(label.count).replace("%1", label.name)
    if kind == "import":
        return UndoLabels().imported(label.count)
    if kind == "demo":
        return UndoLabels().demo(label.count)
    return None


def _two(pattern: str, first: str, second: str) -> str:
    # one pass, so a name holding "%2" is not replaced in turn
    return pattern.replace("%1", "\x00").replace("%2", second).replace("\x00", first)


class UndoLabels(QObject):
    """The texts with a count (their plural forms need tr(); lupdate reads its numerus)."""

    def contacts(self, n: int) -> str:
        # the contacts a step is about, after "of"/"with" (German: dative plural)
        return self.tr("%n contacts", "", n)

    def merge(self, n: int) -> str:
        return self.tr("merge of %n contacts into %1", "", n)

    def imported(self, n: int) -> str:
        return self.tr("import of %Ln contacts", "", n)

    def demo(self, n: int) -> str:
        return self.tr("loading of %Ln demo contacts", "", n)

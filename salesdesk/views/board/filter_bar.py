"""The filters under the search field: a chip per active filter (its × removes it), and the
Filters menu (add a filter by mouse, saved filters by name, kept in QSettings)."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.filters import ME, Condition, FilterQuery, Key, parse
from salesdesk.domain.sorting import sort_key
from salesdesk.domain.stages import STAGE_ORDER
from salesdesk.views.detail.labels import rating_label, source_label, stage_label

SAVED_KEY = "filters/saved"


def key_label(key: Key) -> str:
    return {
        Key.TAG: QCoreApplication.translate("Filters", "Tag"),
        Key.SOURCE: QCoreApplication.translate("Filters", "Source"),
        Key.EVENT: QCoreApplication.translate("Filters", "Event"),
        Key.RATING: QCoreApplication.translate("Filters", "Rating"),
        Key.STAGE: QCoreApplication.translate("Filters", "Stage"),
        Key.DUE: QCoreApplication.translate("Filters", "Follow-up"),
        Key.CONSENT: QCoreApplication.translate("Filters", "Consent"),
        Key.OWNER: QCoreApplication.translate("Filters", "Owner"),
    }[key]


def due_label(value: str) -> str:
    return {
        "overdue": QCoreApplication.translate("Filters", "overdue"),
        "today": QCoreApplication.translate("Filters", "due today"),
        "week": QCoreApplication.translate("Filters", "due this week"),
        "any": QCoreApplication.translate("Filters", "planned"),
        "none": QCoreApplication.translate("Filters", "none planned"),
    }[value]


def value_label(condition: Condition) -> str:
    """A filter's value as the interface names it (translated where it is a choice)."""
    key, value = condition.key, condition.value
    if key is Key.RATING:
        return rating_label(Rating(value))
    if key is Key.STAGE:
        return stage_label(next(s for s in STAGE_ORDER if s.value == value))
    if key is Key.SOURCE:
        return source_label(None if value == "none" else LeadSource(value))
    if key is Key.DUE:
        return due_label(value)
    if key is Key.OWNER and value == ME:
        return QCoreApplication.translate("Filters", "me")
    if key is Key.CONSENT:
        yes = value == "yes"
        return (
            QCoreApplication.translate("Filters", "given")
            if yes
            else QCoreApplication.translate("Filters", "not given")
        )
    return value


def chip_text(condition: Condition) -> str:
    return f"{key_label(condition.key)}: {value_label(condition)}"


class SavedFilters:
    """Named searches (``Hot at the fair`` → ``tag:"Messe 2026" rating:hot``) in QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def all(self) -> dict[str, str]:
        raw = self.settings.value(SAVED_KEY)
        try:
            found = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}  # a damaged entry is not worth an error: there is nothing to show
        if not isinstance(found, dict):
            return {}
        return {str(k): str(v) for k, v in found.items()}

    def save(self, name: str, text: str) -> None:
        saved = self.all()
        saved[name.strip()] = text
        self._write(saved)

    def delete(self, name: str) -> None:
        saved = self.all()
        saved.pop(name, None)
        self._write(saved)

    def _write(self, saved: dict[str, str]) -> None:
        ordered = dict(sorted(saved.items(), key=lambda item: sort_key(item[0])))
        self.settings.setValue(SAVED_KEY, json.dumps(ordered, ensure_ascii=False))
        self.settings.sync()


class FilterBar(QWidget):
    """The chips of the filters in the search text; a chip's × takes its filter out."""

    removed = Signal(object)  # Condition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter_bar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 0, 4, 2)
        self._layout.setSpacing(4)
        self.title = QLabel(self.tr("Filters:"), self)
        self._layout.addWidget(self.title)
        self._layout.addStretch(1)
        self.chips: list[QToolButton] = []

    def show_query(self, query: FilterQuery) -> None:
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for n, condition in enumerate(query.conditions):
            chip = QToolButton(self)
            chip.setObjectName(f"filter_chip_{n}")
            chip.setText(f"{chip_text(condition)}  ×")
            chip.setToolTip(self.tr("Remove this filter (%1)").replace("%1", condition.text))
            chip.setAutoRaise(False)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.clicked.connect(lambda _=False, c=condition: self.removed.emit(c))
            self._layout.insertWidget(1 + n, chip)
            self.chips.append(chip)


class FilterMenu(QMenu):
    """Add a filter by mouse, apply or delete a saved filter, save the current search."""

    def __init__(
        self,
        saved: SavedFilters,
        current: Callable[[], str],
        apply: Callable[[str], None],
        tags: Callable[[], list[str]],
        parent: QWidget | None = None,
        owners: Callable[[], list[str]] = list,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filter_menu")
        self.saved = saved
        self.current = current
        self.apply = apply
        self.tags = tags
        self.owners = owners
        self.name_dialog: QInputDialog | None = None
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        for old in self.findChildren(QMenu):  # clear() keeps the submenus of the last fill
            old.setParent(None)
            old.deleteLater()
        add = self.addMenu(self.tr("&Add a filter"))
        add.setObjectName("filter_add")
        choices: list[tuple[Key, list[str]]] = [
            (Key.STAGE, [s.value for s in STAGE_ORDER]),
            (Key.RATING, ["hot", "warm", "cold", "none"]),
            (Key.DUE, ["overdue", "today", "week", "any", "none"]),
            (Key.CONSENT, ["yes", "no"]),
            (Key.SOURCE, [s.value for s in LeadSource] + ["none"]),
            (Key.TAG, self.tags()[:40]),
            (Key.OWNER, [ME, *self.owners()[:40]]),
        ]
        for key, values in choices:
            sub = add.addMenu(key_label(key))
            sub.setObjectName(f"filter_add_{key.value}")
            sub.setEnabled(bool(values))
            for value in values:
                condition = Condition(key, value)
                action = sub.addAction(value_label(condition))
                action.setObjectName(f"filter_{key.value}_{value}")
                action.triggered.connect(lambda _=False, c=condition: self.add(c))
        self.addSeparator()
        saved = self.saved.all()
        for name, text in saved.items():
            action = self.addAction(name)
            action.setToolTip(text)
            action.setObjectName(f"saved_filter_{name}")
            action.triggered.connect(lambda _=False, t=text: self.apply(t))
        if not saved:
            self.addAction(self.tr("No saved filters")).setEnabled(False)
        self.addSeparator()
        save = self.addAction(self.tr("&Save this search…"))
        save.setObjectName("filter_save")
        save.setEnabled(not parse(self.current()).is_empty)
        save.triggered.connect(self.ask_name)
        delete = self.addMenu(self.tr("&Delete a saved filter"))
        delete.setObjectName("filter_delete")
        delete.setEnabled(bool(saved))
        for name in saved:
            action = delete.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.saved.delete(n))

    def add(self, condition: Condition) -> None:
        self.apply(parse(self.current()).with_condition(condition).to_text())

    def ask_name(self) -> QInputDialog:
        text = self.current()
        dialog = QInputDialog(self.parentWidget())
        dialog.setObjectName("filter_name_dialog")
        dialog.setWindowTitle(self.tr("Save the search"))
        dialog.setLabelText(self.tr("Name for “%1”:").replace("%1", text))
        dialog.textValueSelected.connect(lambda name: self._save(name, text))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.name_dialog = dialog
        dialog.open()
        return dialog

    def _save(self, name: str, text: str) -> None:
        if name.strip():
            self.saved.save(name, text)

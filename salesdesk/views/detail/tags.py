"""Tag editor: removable chips plus a field that completes from the tags already in use."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QToolButton, QVBoxLayout, QWidget

from salesdesk.views.detail.flow_layout import FlowLayout
from salesdesk.views.detail.values import add_tag, remove_tag


class TagEditor(QWidget):
    """Shows tags as chips (click to remove) and adds typed or completed tags; emits
    ``tags_edited(list)`` with the whole new list after each change by the user."""

    tags_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: list[str] = []
        self._chips: list[QToolButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._chip_box = QWidget(self)
        self._flow = FlowLayout(self._chip_box, spacing=4)
        layout.addWidget(self._chip_box)
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("tag_edit")
        self.tag_edit.setPlaceholderText(self.tr("Add a tag…"))
        self.tag_edit.setAccessibleName(self.tr("Add a tag"))
        layout.addWidget(self.tag_edit)
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # Not setCompleter(): that would write the chosen name back into the emptied field.
        self.completer.setWidget(self.tag_edit)
        self.completer.activated[str].connect(self._on_completed)
        self.tag_edit.textEdited.connect(self._on_text_edited)
        self.tag_edit.returnPressed.connect(self._on_return)
        self.tag_edit.editingFinished.connect(self._on_left)
        self.setFocusProxy(self.tag_edit)

    def tags(self) -> list[str]:
        return list(self._tags)

    def set_tags(self, tags: Sequence[str]) -> None:
        """Show stored tags; the typed text goes once it is among them (a refused tag stays)."""
        typed = " ".join(self.tag_edit.text().split()).casefold()
        if typed and typed in {t.casefold() for t in tags}:
            self.tag_edit.clear()
        if list(tags) == self._tags and len(self._chips) == len(tags):
            return
        self._tags = list(tags)
        for chip in self._chips:
            self._flow.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for tag in self._tags:
            chip = QToolButton(self._chip_box)
            chip.setProperty("tagChip", True)
            chip.setText(f"{tag}  \u2715")
            chip.setToolTip(self.tr("Remove the tag “%1”").replace("%1", tag))
            chip.setAccessibleName(chip.toolTip())
            chip.clicked.connect(lambda _=False, t=tag: self._on_chip_clicked(t))
            self._flow.addWidget(chip)
            chip.show()  # a layout would show it only later, from the event loop
            self._chips.append(chip)
        self._chip_box.setVisible(bool(self._tags))
        self._refresh_suggestions()

    def set_suggestions(self, names: Sequence[str]) -> None:
        """Tag names offered by the completer (tags the contact has are left out)."""
        self._all_names = list(names)
        self._refresh_suggestions()

    def chip_texts(self) -> list[str]:
        return [c.text() for c in self._chips]

    def _refresh_suggestions(self) -> None:
        have = {t.casefold() for t in self._tags}
        names = getattr(self, "_all_names", [])
        self._suggestions.setStringList([n for n in names if n.casefold() not in have])

    def _add(self, text: str) -> None:
        updated = add_tag(self._tags, text)
        self.tag_edit.setText(text)  # after a completion, the chosen name
        if updated == self._tags:
            self.tag_edit.clear()  # already there: nothing to save
        else:
            self.tags_edited.emit(updated)  # cleared by set_tags once it is saved

    def _on_text_edited(self, text: str) -> None:
        self.completer.setCompletionPrefix(text.strip())
        if text.strip() and self.completer.completionCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _on_completed(self, text: str) -> None:
        self._add(text)

    def _on_return(self) -> None:
        if self.completer.popup().isVisible():
            return  # the completer adds the highlighted tag
        self._add(self.tag_edit.text())

    def _on_left(self) -> None:
        if self.completer.popup().isVisible():
            return  # focus went to the suggestions, not away
        if self.tag_edit.text().strip():
            self._add(self.tag_edit.text())

    def _on_chip_clicked(self, tag: str) -> None:
        self.tags_edited.emit(remove_tag(self._tags, tag))

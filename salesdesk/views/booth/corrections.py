"""Correcting a capture from booth mode's side list: Up walks back through the last
captures (Down forward), a click picks one; Enter saves the correction as one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


class CorrectionsMixin:
    """The correction part of BoothWindow (kept apart to keep the window's file short);
    it uses the window's form, side list, runner, booth service and status line."""

    form: Any
    recent: Any
    runner: Any
    booth: Any
    status: Any
    hint: Any
    trade_show: Any
    correcting: int | None
    steps: list[int]
    row: int

    def walk(self, step: int) -> None:
        """Up (1) goes back to older captures, Down (-1) forward; past the newest ends it."""
        if self.correcting is None and (step < 0 or not self.form.is_empty()):
            return
        row = self.row + step
        if row < 0:
            self._reset()
            return
        contact_id = self.recent.contact_at(row)
        if contact_id is not None:
            self.correct(contact_id, row)

    def _on_recent_clicked(self, contact_id: int) -> None:
        self.correct(contact_id, self.recent.currentRow())

    def correct(self, contact_id: int, row: int) -> None:
        contact = self.runner.service.get(contact_id)
        self.correcting, self.row = contact_id, row
        self.recent.setCurrentRow(row)
        f = self.form
        values = {"first_name": contact.first_name, "last_name": contact.last_name,
                  "company": contact.company, "title": contact.title,
                  "email": contact.primary_email.value if contact.primary_email else "",
                  "phone": contact.primary_phone.value if contact.primary_phone else "",
                  "note": ""}  # fmt: skip
        for name, value in values.items():
            f.fields[name].setText(value)
        grade = next((g.key for g in self.trade_show.grades if g.rating is contact.rating), "")
        f.grade = ""
        f.set_grade(grade)
        f.set_chips(set(contact.tags))
        text = QCoreApplication.translate("BoothWindow", "Correcting %1 — Enter saves, Esc cancels")
        self.status.setText(text.replace("%1", contact.display_name))
        self.hint.clear()
        f.fields["first_name"].setFocus()

    def _save_correction(self) -> None:
        contact_id = self.correcting
        assert contact_id is not None
        contact = self.runner.service.get(contact_id)
        f = self.form
        email, phone = f.text("email"), f.text("phone")
        chips = {c.casefold() for c in self.trade_show.chips}
        changes = {
            "first_name": f.text("first_name"), "last_name": f.text("last_name"),
            "company": f.text("company"), "title": f.text("title"),
            "emails": ([email] if email else []) + [e for e in contact.emails[1:]],
            "phones": ([phone] if phone else []) + [p for p in contact.phones[1:]],
            "tags": [t for t in contact.tags if t.casefold() not in chips] + list(f.chips()),
        }  # fmt: skip
        grade = f.grade or None

        def call():  # type: ignore[no-untyped-def]
            return self.booth.correct(contact_id, changes, self.trade_show, grade)

        if self.runner.execute(call, on_error=self._show_error) is None:
            return
        self.remember_step()
        self.refresh_side()
        self.status.setText(
            QCoreApplication.translate("BoothWindow", "Corrected — %1").replace(
                "%1", contact.display_name
            )
        )
        self._reset()

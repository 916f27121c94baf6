"""PreferencesDialog: Edit ▸ Preferences (home country, language, theme, stale thresholds,
the New→Working rule, CSV delimiter, import tag, phone label, demo size, your name)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSpinBox, QWidget

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.countries import countries_in_order
from salesdesk.services.preferences import Preferences, regions
from salesdesk.views.detail.labels import method_label_choices, stage_label
from salesdesk.views.forms.ui_preferences_dialog import Ui_PreferencesDialog
from salesdesk.views.language import window_language


class PreferencesDialog(QDialog):
    """Shows ``preferences``; ``value()`` is what the user chose (read it after OK).
    ``default_name``: the name used while "Your name" is empty (shown greyed in it)."""

    def __init__(
        self, preferences: Preferences, parent: QWidget | None = None, default_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PreferencesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.user_name_edit.setPlaceholderText(default_name)
        system_language = QLocale.system().nativeLanguageName()
        system_text = self.tr("As the system")
        if system_language:
            system_text = self.tr("As the system (%1)").replace("%1", system_language)
        for text, value in (
            (system_text, "system"),
            ("English", "en"),
            ("Deutsch", "de"),
        ):  # fmt: skip
            ui.language_combo.addItem(text, value)
        for text, value in (
            (self.tr("As the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
        ):
            ui.theme_combo.addItem(text, value)
        # country names in the language the window speaks (the translation names its code)
        for name, code in countries_in_order(regions(), window_language()):
            ui.region_combo.addItem(f"{name} ({code})", code)
        ui.region_combo.setMaxVisibleItems(15)
        for text, value in (
            (self.tr("Comma ( , )"), ","),
            (self.tr("Semicolon ( ; ), for Excel in German and other locales"), ";"),
            (self.tr("Tab"), "\t"),
        ):
            ui.delimiter_combo.addItem(text, value)
        for value, text in method_label_choices("phone"):
            ui.phone_label_combo.addItem(text, value)
        self.stale_spins: dict[Stage, QSpinBox] = {}
        spin_width = self.fontMetrics().horizontalAdvance("0" * 14) + 40
        for stage in STAGE_ORDER:
            spin = getattr(ui, f"stale_{stage.value}_spin")
            label = getattr(ui, f"stale_{stage.value}_label")
            label.setText(self.tr("%1:").replace("%1", stage_label(stage)))
            self.stale_spins[stage] = spin
            spin.setMaximumWidth(spin_width)
            ui.pipeline_layout.setAlignment(spin, Qt.AlignmentFlag.AlignLeft)
            spin.valueChanged.connect(lambda n, s=spin: s.setSuffix(self._days(n)))
        ui.demo_spin.setMaximumWidth(spin_width)
        ui.general_layout.setAlignment(ui.demo_spin, Qt.AlignmentFlag.AlignLeft)
        self.restore_button = ui.button_box.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_button.setObjectName("restore_defaults_button")
        self.restore_button.clicked.connect(lambda: self.show_preferences(Preferences()))
        ui.button_box.accepted.connect(self.accept)
        ui.button_box.rejected.connect(self.reject)
        self.show_preferences(preferences)
        self.adjustSize()

    def _days(self, days: int) -> str:
        return self.tr(" day") if days == 1 else self.tr(" days")

    def show_preferences(self, preferences: Preferences) -> None:
        ui = self.ui

        def pick(combo, value: object) -> None:  # type: ignore[no-untyped-def]
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))

        pick(ui.language_combo, preferences.language)
        pick(ui.theme_combo, preferences.theme)
        pick(ui.region_combo, preferences.phone_region)
        pick(ui.delimiter_combo, preferences.csv_delimiter)
        pick(ui.phone_label_combo, preferences.phone_label)
        ui.tag_edit.setText(preferences.import_tag)
        ui.demo_spin.setValue(preferences.demo_contacts)
        ui.auto_working_check.setChecked(preferences.auto_working)
        ui.user_name_edit.setText(preferences.user_name)
        for stage, spin in self.stale_spins.items():
            spin.setValue(preferences.stale_days.get(stage, 0))
            spin.setSuffix(self._days(spin.value()))

    def value(self) -> Preferences:
        ui = self.ui
        return Preferences(
            phone_region=str(ui.region_combo.currentData()),
            language=str(ui.language_combo.currentData()),
            theme=str(ui.theme_combo.currentData()),
            stale_days={stage: spin.value() for stage, spin in self.stale_spins.items()},
            auto_working=ui.auto_working_check.isChecked(),
            csv_delimiter=str(ui.delimiter_combo.currentData()),
            import_tag=" ".join(ui.tag_edit.text().split()),
            phone_label=str(ui.phone_label_combo.currentData()),
            demo_contacts=ui.demo_spin.value(),
            user_name=" ".join(ui.user_name_edit.text().split()),
        )

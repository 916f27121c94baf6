"""BarChart layout: category names wrap or go aslant instead of being cut, the legend wraps
into rows, the value axis is as wide as its numbers, and count axes have whole steps."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, QRect
from PySide6.QtGui import QFontMetrics

from salesdesk.views.reports.charts import Bar, BarChart, chart_data, nice_step

FAIRS = ["EMO Hannover 2025", "Light + Building 2026", "Southern Manufacturing Expo 2026",
         "Warsaw Industry Week 2026", "bauma München 2025", "İstanbul Tekstil Fuarı 2026",
         "Salon du Bourget 2025", "Vietnam Expo 2026"]  # fmt: skip


def chart(
    qtbot: Any, names: list[str], series: list[str], width: int, value: float = 3
) -> BarChart:
    widget = BarChart()
    qtbot.addWidget(widget)
    widget.resize(width, 300)
    bars = [[Bar(value, str(value), "") for _ in series] for _ in names]
    widget.set_data(chart_data(names, series, bars))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_names_that_fit_wrap_under_their_bars(qtbot) -> None:
    widget = chart(qtbot, FAIRS[:4], ["Leads"], 1100)
    fm = QFontMetrics(widget.font())
    plot, labels, _ = widget._areas()
    assert not widget._slanted(fm, labels.width())
    assert labels.height() >= 2 * fm.height() and labels.bottom() <= widget.height()
    assert not widget.grab().toImage().isNull()


def test_names_that_do_not_fit_go_aslant_and_stay_inside(qtbot) -> None:
    widget = chart(qtbot, FAIRS, ["Leads", "Prospects", "Customers"], 700)
    fm = QFontMetrics(widget.font())
    plot, labels, legend = widget._areas()
    assert widget._slanted(fm, labels.width())  # "Manufacturing" is wider than its place
    assert labels.bottom() <= widget.height() and plot.height() > 100
    first_centre = labels.left() + labels.width() / len(FAIRS) / 2
    assert first_centre > fm.height()  # the first name is elided to end inside the widget
    image = widget.grab().toImage()
    band = image.copy(QRect(0, labels.top() + 2, widget.width(), labels.height() - 2))
    inked = {
        band.pixelColor(x, y).name() for x in range(band.width()) for y in range(band.height())
    }
    assert len(inked) > 1  # the names were painted


def test_the_legend_wraps_into_rows_inside_the_chart(qtbot) -> None:
    series = ["Kein Budget", "Falscher Zeitpunkt", "Keine Kaufbefugnis",
              "chose a competitor (cheaper offer)", "company closed", "project cancelled",
              "Hat sich für die Konkurrenz entschieden", "Kein Bedarf"]  # fmt: skip
    widget = chart(qtbot, ["Jan", "Feb"], series, 800)
    fm = QFontMetrics(widget.font())
    places = widget._legend_places(fm)
    assert len({p.y() for p in places}) >= 2  # more than one row
    for place, name in zip(places, series, strict=True):
        assert place.x() + fm.height() + fm.horizontalAdvance(name) <= widget.width()
    plot, _, legend = widget._areas()
    assert plot.top() > places[-1].y() + fm.height()  # the bars start below the legend


def test_the_value_axis_is_as_wide_as_its_numbers(qtbot) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        widget = chart(qtbot, ["Neu", "Kunde"], ["Erwartet", "Gewichtet"], 800, 760_000.5)
        fm = QFontMetrics(widget.font())
        assert widget._axis_texts()[-1] == "800.000"
        plot, _, _ = widget._areas()
        assert plot.left() - 6 >= fm.horizontalAdvance("800.000")
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.mark.parametrize(
    ("raw", "whole", "step"),
    [(2.25, True, 3.0), (2.25, False, 2.5), (0.3, True, 1.0), (0.3, False, 0.5),
     (22.5, True, 25.0), (7, True, 10.0), (180, False, 200.0)],
)  # fmt: skip
def test_nice_steps(raw: float, whole: bool, step: float) -> None:
    assert nice_step(raw, whole) == step

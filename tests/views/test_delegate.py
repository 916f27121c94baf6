"""The card delegate: sizes follow the font, colours follow the palette (light and dark), and
painting at 200 % scaling draws the same card twice as sharp."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette

from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import Card
from salesdesk.views.board.delegate import (
    RATING_COLOURS,
    CardDelegate,
    CardMetrics,
    avatar_colour,
    initials,
)

CARD = Card(
    7,
    "Anna",
    "Schmidt",
    "Acme GmbH",
    Stage.NEW,
    0.0,
    "hot",
    "anna@acme.de",
    "+49301234567",
    "vip, fair",
    1,
)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.Mid, "#555555"),
        (QPalette.ColorRole.Highlight, "#3d7bd9"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def render(palette: QPalette, ratio: float, selected: bool = False) -> tuple[QImage, CardMetrics]:
    delegate = CardDelegate()
    font = QFont()
    font.setPixelSize(13)
    metrics = delegate.metrics(font)
    width = 260
    image = QImage(round(width * ratio), round(metrics.height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    delegate.paint_card(
        painter, QRect(0, 0, width, metrics.height), palette, font, CARD, selected=selected
    )
    painter.end()
    return image, metrics


def pixel(image: QImage, x: float, y: float) -> QColor:
    ratio = image.devicePixelRatio()
    return image.pixelColor(round(x * ratio), round(y * ratio))


def close(a: QColor, b: QColor, tolerance: int = 12) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("ratio", [1.0, 2.0])
@pytest.mark.parametrize("dark", [False, True])
def test_card_uses_palette_colours_at_any_scale(qapp, dark: bool, ratio: float) -> None:
    palette = dark_palette() if dark else QPalette()
    image, m = render(palette, ratio)
    assert image.width() == round(260 * ratio)
    base = palette.color(QPalette.ColorRole.Base)
    inside_y = m.margin_y + 3
    assert close(pixel(image, 130, inside_y), base)  # the card body is Base, not a fixed grey
    outside = pixel(image, 1, m.height // 2)
    assert close(outside, palette.color(QPalette.ColorRole.Window))  # margin left free
    avatar_centre = (m.margin_x + m.padding + m.avatar / 2, m.margin_y + m.padding + 2)
    assert close(pixel(image, *avatar_centre), avatar_colour(CARD), 40)
    # the rating chip sits at the bottom right
    chip_y = m.height - m.margin_y - m.padding - m.small_line / 2
    found = any(close(pixel(image, x, chip_y), RATING_COLOURS["hot"], 30) for x in range(200, 256))
    assert found


def test_selected_card_is_tinted_with_the_highlight(qapp) -> None:
    palette = QPalette()
    plain, m = render(palette, 1.0)
    chosen, _ = render(palette, 1.0, selected=True)
    y = m.margin_y + 4
    assert pixel(plain, 130, y) != pixel(chosen, 130, y)
    highlight = palette.color(QPalette.ColorRole.Highlight)

    def distance(a: QColor, b: QColor) -> int:
        return sum(abs(p - q) for p, q in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))

    assert distance(pixel(chosen, 130, y), highlight) < distance(pixel(plain, 130, y), highlight)


def test_size_follows_the_font(qapp) -> None:
    small, large = QFont(), QFont()
    small.setPixelSize(11)
    large.setPixelSize(22)
    a, b = CardMetrics(small), CardMetrics(large)
    assert b.height > a.height * 1.6
    assert b.avatar == 2 * b.line


def test_avatar_colour_and_initials_are_stable() -> None:
    assert avatar_colour(CARD) == avatar_colour(CARD)
    assert (
        avatar_colour(CARD).name()
        == avatar_colour(
            Card(7, "Anna", "Schmidt", "", Stage.CUSTOMER, 3.0, "", "", "", "", 9)
        ).name()
    )
    colours = {
        avatar_colour(Card(i, "A", "B", "", Stage.NEW, 0.0, "", "", "", "", 1)).name()
        for i in range(30)
    }
    assert len(colours) > 15
    assert initials(CARD) == "AS"
    assert initials(Card(1, "", "", "Dragon Trade Ltd", Stage.NEW, 0, "", "", "", "", 1)) == "DT"
    assert initials(Card(1, "", "", "", Stage.NEW, 0, "", "", "", "", 1)) == "?"


def test_paint_keeps_pictures_of_unchanged_cards(qapp) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem

    from salesdesk.views.board.models import CARD_ROLE

    delegate = CardDelegate()
    font = QFont()
    font.setPixelSize(13)
    m = delegate.metrics(font)
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(CARD, CARD_ROLE)
    model.appendRow(item)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 260, m.height)
    option.palette = QPalette()
    option.font = font

    def paint() -> QImage:
        image = QImage(260, m.height, QImage.Format.Format_ARGB32)
        image.fill(QPalette().color(QPalette.ColorRole.Window))
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(0, 0))
        painter.end()
        return image

    first = paint()
    assert len(delegate._cache) == 1
    assert paint() == first and len(delegate._cache) == 1  # drawn from the picture
    direct, _ = render(QPalette(), 1.0)
    differing = sum(
        not close(direct.pixelColor(x, y), first.pixelColor(x, y), 40)
        for x in range(0, 260, 2)
        for y in range(0, m.height, 2)
    )
    assert differing < 0.01 * 130 * (m.height // 2)  # the picture looks like painting directly
    item.setData(Card(7, "Anna", "Berg", "Acme GmbH", Stage.NEW, 0.0, "hot", "", "", "", 2),
                 CARD_ROLE)  # fmt: skip
    assert paint() != first
    assert len(delegate._cache) == 2

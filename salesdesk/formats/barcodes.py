"""QR codes and barcodes: reading them from grey pixels (zxing-cpp) and making the rep's own
QR code (segno), both without Qt; the views turn images into pixels and paint modules."""

from __future__ import annotations

from typing import Any

from salesdesk.domain.errors import ValidationError


def read_grey(pixels: memoryview) -> list[str]:
    """Texts of the codes in an 8-bit grey image given as a 2-D memoryview of shape
    (height, bytes per line); [] when there is none. The line padding of a QImage is part
    of the width: a few blank columns do not disturb the decoder."""
    import zxingcpp  # a compiled module: loaded when the first photo comes

    return [b.text for b in zxingcpp.read_barcodes(pixels) if b.text]


def qr_modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of a QR code for ``text``, rows top to bottom,
    without the quiet zone (the painter leaves that margin)."""
    import segno

    if not text.strip():
        raise ValidationError("There is nothing to put into the QR code.", "qr")
    try:
        code: Any = segno.make(text, error="m", micro=False)
    except segno.DataOverflowError as error:
        raise ValidationError("The card is too long for a QR code.", "qr") from error
    return [[bool(v) for v in row] for row in code.matrix]

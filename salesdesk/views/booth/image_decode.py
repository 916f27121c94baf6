"""Badge photos: the QR or barcode texts in a QImage (zxing-cpp reads its grey pixels).

PySide6 6.11's QImage cannot go to ``zxingcpp.read_barcodes`` as it is (TypeError about
``convertToFormat(int)``), so the image is converted to 8-bit grey and handed over as a
2-D memoryview of (height, bytes per line). A photo larger than ``MAX_SIDE`` is scaled down
first: a 12-megapixel phone photo decodes in a fraction of the time, and a badge QR stays
far larger than the few pixels per module zxing needs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QImageReader

from salesdesk.domain.errors import ValidationError
from salesdesk.services.booth_codes import read_grey

MAX_SIDE = 2000  # pixels of the longer side handed to the decoder


def decode_image(image: QImage) -> list[str]:
    """Texts of the barcodes in ``image`` (largest first as zxing finds them); [] if none."""
    if image.isNull():
        return []
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(
            MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )  # fmt: skip
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    view = memoryview(grey.constBits()).cast("B", (grey.height(), grey.bytesPerLine()))
    return read_grey(view)


def decode_file(path: str | Path) -> list[str]:
    """Texts of the barcodes in an image file; ValidationError when it is not an image."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos are often stored sideways
    image = reader.read()
    if image.isNull():
        raise ValidationError(
            f"'{Path(path).name}' cannot be read as an image ({reader.errorString()}).", "image"
        )
    return decode_image(image)


def decode_bytes(data: bytes) -> list[str]:
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        raise ValidationError("The dropped data is not an image salesdesk can read.", "image")
    return decode_image(image)

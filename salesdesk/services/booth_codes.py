"""What booth mode's window needs of the formats layer (views do not import formats):
reading scans, decoding badge photos' pixels, and the modules of the rep's QR code."""

from __future__ import annotations

from salesdesk.formats.badges import (
    BadgeScan,
    ScanKind,
    looks_unfinished,
    mecard_text,
    parse_scan,
    vcard_text,
)
from salesdesk.formats.barcodes import qr_modules, read_grey
from salesdesk.formats.keyboard_layout import SCANNER_ADVICE, mangle

__all__ = [
    "SCANNER_ADVICE",
    "BadgeScan",
    "ScanKind",
    "looks_unfinished",
    "mangle",
    "mecard_text",
    "parse_scan",
    "qr_modules",
    "read_grey",
    "vcard_text",
]

"""Guards for platform facts of DESIGN.md section 8 (PySide6 / CPython pairing)."""

from __future__ import annotations

import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject


def test_pyside_version_is_safe_for_this_python() -> None:
    major, minor = (int(p) for p in pyside_version.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), "PySide6 6.12 aborts CPython 3.11 (none_dealloc)"


def test_void_calls_do_not_drain_none_refcount() -> None:
    obj = QObject()
    obj.property("missing")  # warm up
    before = sys.getrefcount(None)
    for _ in range(10_000):
        obj.property("missing")
    assert sys.getrefcount(None) >= before - 100

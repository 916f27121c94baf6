"""Booth mode: keys a visitor takes beyond the typed text, Enter to the form ready for the
next, a scanner burst to the filled form, and decoding a 12-megapixel badge photo.

Runs in a child process (offscreen Qt) on a copy of the populated database. On its own::

    python -m benchmarks.booth [--contacts 300] [--repeat 3]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, register
from benchmarks.standalone import run_alone

VISITORS = 12  # per sample: Enter-to-ready is timed for each
KEYS_LIMIT = 15


@dataclass(frozen=True)
class KeysTarget(Target):
    """A key-count limit (``ms`` holds keys / 1000 so the harness's verdict still works)."""

    @property
    def text(self) -> str:
        return f"<= {(self.ms or 0):g} keys"


@dataclass
class KeysRow(Row):
    """A row of key counts; ``ours`` holds keys / 1000."""

    def format_value(self, value: float | None) -> str:
        return "-" if value is None else f"{value * 1000:.0f} keys"


def child(path: str) -> dict[str, list[float]]:
    """Open booth mode on ``path`` and measure; runs in its own process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QByteArray, QEvent, QRect, QSettings, Qt
    from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from salesdesk.domain.events import Event
    from salesdesk.services.booth import EventService
    from salesdesk.services.booth_codes import mecard_text
    from salesdesk.services.session import open_session
    from salesdesk.views.booth.image_decode import decode_image
    from salesdesk.views.booth.settings import BoothSettings
    from salesdesk.views.booth.window import BoothWindow
    from salesdesk.views.events import AppEvents
    from salesdesk.views.undo import ServiceRunner

    app = QApplication.instance() or QApplication([])
    session = open_session(path)
    events = EventService(session.service)
    event = events.add(Event(f"Bench fair {time.time_ns()}", chips=("wants demo", "CRM")))
    folder = tempfile.mkdtemp(prefix="salesdesk-booth-bench-")
    settings = BoothSettings(QSettings(str(Path(folder) / "b.ini"), QSettings.Format.IniFormat))
    now = [1000.0]
    window = BoothWindow(ServiceRunner(session.service, AppEvents()), settings, event,
                         clock=lambda: now[0])  # fmt: skip
    window.resize(1300, 820)
    window.show()
    window.activateWindow()
    window.form.fields["first_name"].setFocus()
    app.processEvents()
    keys = [0]

    def send(char: str, gap: float) -> None:
        now[0] += gap
        target = QApplication.focusWidget()
        key = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}.get(char, Qt.Key.Key_unknown)
        text = {"\n": "\r", "\t": ""}.get(char, char)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     text))  # fmt: skip
        keys[0] += 1

    def typed(text: str) -> None:
        for char in text:
            send(char, 0.12)

    def command(key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget(), key)
        keys[0] += 1

    extra: list[float] = []
    ready: list[float] = []
    for n in range(VISITORS):
        first, last, company, email = f"Vera{n}", f"Bench{n}", f"Firma {n}", f"v{n}@bench.de"
        keys[0] = 0
        for text, tab in (
            (first, True),
            (last, True),
            (company, True),
            ("", True),
            (email, False),
        ):  # fmt: skip  (an empty job title: Tab past it)
            typed(text)
            if tab:
                send("\t", 0.12)
        command(Qt.Key.Key_F1)  # hot
        command(Qt.Key.Key_F5)  # wants demo
        began = time.perf_counter()
        send("\n", 0.12)  # Enter saves
        assert window.form.is_empty() and QApplication.focusWidget() is window.form.fields[
            "first_name"], "the form is not ready for the next visitor"  # fmt: skip
        ready.append(time.perf_counter() - began)
        extra.append((keys[0] - len(first + last + company + email)) / 1000)
    scans: list[float] = []
    for n in range(VISITORS):
        text = mecard_text(f"Scan{n}", "Person", "Scan AG", (f"s{n}@scan.de",)) + "\n"
        now[0] += 1.0
        began = time.perf_counter()
        for char in text:
            send(char, 0.008)
        filled = time.perf_counter() - began
        assert window.form.text("first_name") == f"Scan{n}", window.form.text("first_name")
        scans.append(filled)
        window.form.clear()
        app.processEvents()
    photo = QImage(4000, 3000, QImage.Format.Format_RGB32)
    photo.fill(QColor(214, 206, 196))
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(mecard_text("Photo", "Badge", "Cam AG", ("p@cam.de",))).save(
        buffer, kind="png", scale=12, border=4
    )
    code = QImage.fromData(QByteArray(buffer.getvalue()))
    painter = QPainter(photo)
    painter.drawImage(QRect(1700, 1100, 700, 700), code)
    painter.end()
    decodes = []
    for _ in range(3):
        began = time.perf_counter()
        found = decode_image(photo)
        decodes.append(time.perf_counter() - began)
        assert found and found[0].startswith("MECARD:N:Badge,Photo"), found
    window.close()
    session.close()
    return {"extra_keys": extra, "ready": ready, "scans": scans, "decode": decodes}


def _run_child(path: Path) -> dict[str, list[float]]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.booth", "--child", str(path)],
        capture_output=True, text=True, check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"booth benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@register("booth", order=75)
def booth(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    runs = [_run_child(path) for _ in range(ctx.repeat)]
    n = f"{ctx.contacts:,}"
    return [
        KeysRow("Booth: keys beyond the typed text (name, company, e-mail, rating, one chip)",
                [s for r in runs for s in r["extra_keys"]],
                target=KeysTarget(ms=KEYS_LIMIT)),
        Row(f"Booth: Enter to the form ready for the next visitor ({n} contacts)",
            [s for r in runs for s in r["ready"]], target=Target(ms=20)),
        Row("Booth: a MECARD scanner burst (8 ms a key) to the filled form",
            [s for r in runs for s in r["scans"]], target=Target(ms=50)),
        Row("Booth: decode the QR code in a 12-megapixel badge photo",
            [s for r in runs for s in r["decode"]], target=Target(ms=500)),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    run_alone("booth", __doc__, booth, contacts=300, argv=argv, child=child)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""GUI benchmarks at full scale: start to a painted board, a drop to its saved repaint, a search
keystroke to the filtered repaint, and resident memory with the board shown.

Each sample runs in a fresh child process (offscreen Qt), so start-up is a real start and the
memory figure is the window's alone, not the harness's. On its own::

    python -m benchmarks.gui [--contacts 100000] [--repeat 3]
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
from statistics import median

from benchmarks.context import BenchContext
from benchmarks.registry import Row, Target, register
from benchmarks.standalone import run_alone

START = time.perf_counter()  # the child's clock starts before Qt or salesdesk is imported
START_WALL = time.time()
SPAWNED_ENV = "SALESDESK_BENCH_SPAWNED"  # wall-clock time the parent started the child at
DROPS = 12
SEARCH_WORDS = ("mül", "sch", "and", "ngu")
LIMIT_MB = 300


@dataclass(frozen=True)
class MegabyteTarget(Target):
    """A memory limit (``ms`` holds megabytes / 1000 so the harness's verdict still works)."""

    @property
    def text(self) -> str:
        return f"<= {(self.ms or 0):g} MB"


@dataclass
class MegabyteRow(Row):
    """A row of megabytes; ``ours`` holds MB / 1000 (the harness shows values as durations)."""

    def format_value(self, value: float | None) -> str:
        return "-" if value is None else f"{value * 1000:.0f} MB"


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; ru_maxrss elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(path: str) -> dict[str, list[float]]:
    """Open the window on ``path`` and measure; runs in its own process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPaintEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QListView

    from salesdesk.domain.stages import STAGE_ORDER, Stage
    from salesdesk.services.session import open_session
    from salesdesk.views.board.column import StageColumnView
    from salesdesk.views.board.models import encode_ids
    from salesdesk.views.main_window import MainWindow

    class PaintCounter:
        """Counts the paints of one column and when the last one ended."""

        def __init__(self) -> None:
            self.count = 0
            self.ended = 0.0

    counters = {stage: PaintCounter() for stage in STAGE_ORDER}

    def timed_paint(view: StageColumnView, event: QPaintEvent) -> None:
        # The time a step ends is when the column has painted, not when the event loop
        # pass that painted it is over (it goes on with work queued for later, such as
        # the detail pane's reload after a drop).
        QListView.paintEvent(view, event)
        counters[view.stage].count += 1
        counters[view.stage].ended = time.perf_counter()

    StageColumnView.paintEvent = timed_paint  # type: ignore[method-assign]

    qt_started = time.perf_counter()
    app = QApplication(sys.argv[:1])
    workdir = tempfile.mkdtemp(prefix="salesdesk-gui-child-")
    settings = QSettings(str(Path(workdir) / "settings.ini"), QSettings.Format.IniFormat)
    session = open_session(path)
    window = MainWindow(session, settings)
    board = window.board
    window.resize(1400, 850)
    window.show()

    def settle(until: object) -> None:
        deadline = time.perf_counter() + 60
        while not until() and time.perf_counter() < deadline:  # type: ignore[operator]
            app.processEvents()

    def flush() -> None:
        """Let everything pending run (paints, deferred reloads), so that a timed step pays
        for itself only and not for what the step before left behind."""
        for _ in range(3):
            app.processEvents()

    def on_screen() -> list[PaintCounter]:
        # a column scrolled out of the board's view (a narrow window) is never painted
        views = {stage: board.column(stage).view.viewport() for stage in STAGE_ORDER}
        shown = [s for s, v in views.items() if v.isVisible() and not v.visibleRegion().isEmpty()]
        return [counters[s] for s in shown]

    settle(lambda: bool(on_screen()) and all(c.count for c in on_screen()))
    painted_at = max(c.ended for c in on_screen())
    startup = painted_at - START
    spawned = float(os.environ.get(SPAWNED_ENV, START_WALL))
    # from the process start: interpreter, every import, database, cards, first paint
    from_spawn = startup + START_WALL - spawned
    prelude = START_WALL - spawned  # interpreter start + the benchmarks package's imports
    startup_qt = painted_at - qt_started
    memory = rss_mb()
    if window.damage_check is not None:  # start-up work moved off the main thread: let it
        window.damage_check.wait()  # end, so the steps below time the window alone
    flush()

    move = Qt.DropAction.MoveAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    drops: list[float] = []
    for n in range(DROPS):
        source, target = (Stage.NEW, Stage.WORKING) if n % 2 == 0 else (Stage.WORKING, Stage.NEW)
        card = board.store.models[source].id_at(5)
        board.select_ids(source, [card])  # pressing on the card makes it current, as a user does
        view = board.column(target).view
        rect = view.visualRect(view.model().index(2, 0))
        pos = QPoint(rect.center().x(), rect.top() + rect.height() // 4)
        mime = encode_ids([card])
        QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, move, mime, left, none))
        QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos, move, mime, left, none))
        flush()  # the click on the card and the drag paint long before the drop
        painted = counters[target].count
        began = time.perf_counter()
        QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(pos), move, mime, left, none))
        settle(lambda t=target, p=painted: counters[t].count > p)
        drops.append(counters[target].ended - began)
        if session.service.get(card).stage is not target:
            raise SystemExit(f"drop {n} did not move contact {card}")

    from salesdesk.views.main_window import search_delay

    searches: list[float] = []
    delays: list[float] = []
    for word in SEARCH_WORDS:
        window.search.clear()
        window.apply_search()
        settle(lambda: not board.searching)
        for char in word:
            flush()
            painted = counters[Stage.NEW].count
            began = time.perf_counter()
            QTest.keyClick(window.search, char)
            window.apply_search()  # what the debounce timer does 150 ms later
            settle(lambda p=painted: counters[Stage.NEW].count > p)
            searches.append(counters[Stage.NEW].ended - began)
            delays.append(search_delay(window.search.text()) / 1000)
    window.close()
    session.close()
    return {
        "startup": [from_spawn],
        "startup_module": [startup],
        "prelude": [prelude],
        "startup_qt": [startup_qt],
        "rss_mb": [memory],
        "drops": drops,
        "searches": searches,
        "typed": [s + d for s, d in zip(searches, delays, strict=True)],
    }


def _run_child(path: Path) -> dict[str, list[float]]:
    # The database was just copied: write its pages out now, or the window's first fsync
    # (settings, the first save) waits for ~150 MB of someone else's writes.
    os.sync()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui", "--child", str(path)],
        capture_output=True, text=True, check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **{SPAWNED_ENV: repr(time.time())}),
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"GUI benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@register("gui", order=70)
def gui(ctx: BenchContext) -> list[Row]:
    path = ctx.populated()
    runs = [_run_child(path) for _ in range(ctx.repeat)]
    n = f"{ctx.contacts:,}"
    return [
        Row(f"GUI: start to board painted ({n}, from the process start)",
            [r["startup"][0] for r in runs], target=Target(ms=1500)),
        Row("  of which interpreter start + the benchmarks package (not the app's)",
            [r["prelude"][0] for r in runs]),
        Row("GUI: the same without interpreter start and imports (QApplication on)",
            [r["startup_qt"][0] for r in runs], target=Target(ms=1500)),
        Row("GUI: drop of one card to its saved repaint",
            [s for r in runs for s in r["drops"]], target=Target(ms=30)),
        Row("GUI: search keystroke to filtered repaint (from when the search is applied)",
            [s for r in runs for s in r["searches"]], target=Target(ms=100)),
        Row("GUI: the same with the debounce (150 ms for a 1-2 letter word, else 60 ms)",
            [s for r in runs for s in r["typed"]]),
        MegabyteRow("GUI: resident memory with the board shown",
                    [r["rss_mb"][0] / 1000 for r in runs],
                    target=MegabyteTarget(ms=LIMIT_MB)),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    rows = run_alone("gui", __doc__, gui, contacts=100_000, argv=argv, child=child)
    for _, row in rows:
        if isinstance(row, MegabyteRow):
            print(f"\n{row.name}: median {row.format_value(row.ours_median)}, "
                  f"max {row.format_value(max(row.ours))}")  # fmt: skip
    if rows:
        print(f"\nall samples (ms): {json.dumps(_samples(rows))}")
    return 0


def _samples(rows: list[tuple[str, Row]]) -> dict[str, object]:
    return {
        row.name: {"median": round(median(row.ours) * 1000, 2),
                   "max": round(max(row.ours) * 1000, 2)}
        for _, row in rows
    }  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())

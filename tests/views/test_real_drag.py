"""A real mouse drag under Xvfb (xcb platform): the offscreen platform's drag returns at once,
so this runs tests/views/xcb_drag.py in its own process on the X server pytest-xvfb started."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk.domain.stages import Stage
from salesdesk.services.session import open_session

SCRIPT = Path(__file__).with_name("xcb_drag.py")


def _people(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "drag.db"
    session = open_session(path)
    service = session.service
    anna = service.create(first_name="Anna", last_name="Schmidt").ids[0]
    ben = service.create(first_name="Ben", last_name="Okafor", stage=Stage.PROSPECT).ids[0]
    session.close()
    return path, anna, ben


def _drag(xvfb, path: Path, *mode: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    if xvfb is None or xvfb.display is None:
        if os.environ.get("SALESDESK_REQUIRE_XVFB"):
            pytest.fail("Xvfb is required here (SALESDESK_REQUIRE_XVFB) but did not start")
        pytest.skip("needs Xvfb (apt-get install xvfb xauth and the libxcb packages)")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=f":{xvfb.display}")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(path), *mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.xvfb
def test_real_mouse_drag_moves_a_card_to_another_column(xvfb, tmp_path: Path) -> None:
    path, anna, ben = _people(tmp_path)
    done = _drag(xvfb, path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "prospect column: ['Anna Schmidt', 'Ben Okafor']" in done.stdout
    session = open_session(path)
    try:
        assert [c.id for c in session.service.cards() if c.stage is Stage.PROSPECT] == [anna, ben]
        last = session.service.history(anna)[-1]
        assert (last.from_stage, last.to_stage) == (Stage.NEW, Stage.PROSPECT)
    finally:
        session.close()


@pytest.mark.xvfb
def test_real_drag_of_a_card_moved_elsewhere_meanwhile_is_refused(xvfb, tmp_path: Path) -> None:
    path, anna, _ = _people(tmp_path)
    done = _drag(xvfb, path, "stale")
    assert done.returncode == 0, done.stdout + done.stderr
    session = open_session(path)
    try:
        assert session.service.get(anna).stage is Stage.CUSTOMER
        assert [h.kind for h in session.service.history(anna)] == ["created"]
    finally:
        session.close()

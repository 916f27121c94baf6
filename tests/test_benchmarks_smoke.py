"""The benchmark harness runs end to end on a few hundred contacts and reports every row."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_ROWS = (
    "generate 300 demo contacts",
    "insert 300 demo contacts (load_demo: prepare + write)",
    "of which writing",
    "writing vs raw executemany of the contact rows only",
    "full validation of untrusted rows",
    "insert with full validation",
    "search a 3-letter prefix, first 50 hits",
    "load the whole board, 300 cards",
    "move one contact to another stage",
    "undo the bulk insert (purge 300 contacts)",
)


def run_harness(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "benchmarks", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_harness_prints_a_row_for_every_benchmark(tmp_path: Path) -> None:
    out = tmp_path / "bench.md"
    listed = run_harness(tmp_path, "--list")
    assert listed.returncode == 0, listed.stderr
    names = listed.stdout.split()
    assert {"generate", "insert", "search", "board", "move", "undo"} <= set(names)

    result = run_harness(tmp_path, "--contacts", "300", "--repeat", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == result.stdout
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("| benchmark |"))
    rows = [line for line in lines[header + 2 :] if line.startswith("|")]
    for expected in CORE_ROWS:
        assert sum(expected in row for row in rows) == 1, expected
    for name in names:  # every registered case (a GUI module too) announced itself and ran
        assert f"running {name} ..." in result.stderr
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) == 7, row
        assert cells[6] in ("PASS", "FAIL", "info"), row
        assert cells[2] not in ("", "-"), row
        if any(expected in row for expected in CORE_ROWS):
            assert cells[2].endswith((" s", " ms")), row
    targeted = [row for row in rows if "<=" in row]
    assert len(targeted) >= 4 and all(("PASS" in r or "FAIL" in r) for r in targeted)
    assert "Raw baselines:" in result.stdout
    # the temporary databases were cleaned up
    assert not list(tmp_path.glob("salesdesk-bench-*"))


@pytest.mark.parametrize("args", [["--only", "nonsense"], ["--contacts", "3"]])
def test_harness_refuses_bad_arguments(tmp_path: Path, args: list[str]) -> None:
    result = run_harness(tmp_path, *args)
    assert result.returncode == 2

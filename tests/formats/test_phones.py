"""Phone numbers: E.164 answers are remembered, and a large batch shared with a helper
process gives exactly what one-by-one checking gives, also when the helper fails."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from salesdesk.formats import phones

NUMBERS = [
    "030 1234567", "+49 30 1234567", "0172 2805 6871", "+46 70 927 9267", "+33 240 774 710",
    "+1 212 555 0123", "(0351) 843 44 39", "12", "not a number", "+48 22 677 9974", "",
    "0049 711 708 0852", "+44 20 7946 0958", "+7 495 123-45-67", "0043 1 2345678",
]  # fmt: skip
# Many distinct numbers: Berlin numbers 030 1000000 ... and a few invalid ones among them.
BATCH = [f"030 {n}" for n in range(1_000_000, 1_000_000 + 700)] + NUMBERS


@pytest.fixture(autouse=True)
def fresh_memo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(phones, "_memo", {})
    monkeypatch.setattr(phones, "PARALLEL_FROM", 10)  # share even this small batch
    monkeypatch.setattr(phones, "_CHUNK", 50)
    monkeypatch.setattr(phones.os, "cpu_count", lambda: 2)
    yield


def expected() -> dict[str, str | None]:
    return {text: phones._e164(text, "DE") for text in BATCH}


def test_one_number_is_normalised_and_remembered() -> None:
    assert phones.to_e164("030 1234567", "DE") == "+49301234567"
    assert ("030 1234567", "DE") in phones._memo
    assert phones.to_e164("0664 1234567", "AT") == "+436641234567"  # remembered per region
    assert phones.to_e164("0664 1234567", "DE") == "+496641234567"
    assert phones.to_e164("12", "DE") is None and phones._memo[("12", "DE")] is None


def test_a_batch_shared_with_a_helper_process_matches_one_by_one_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    helped = threading.Event()
    real_store, real_chunk = phones._store, phones.e164_chunk

    def store(chunk: list[str], region: str, results: list[str | None]) -> None:
        if threading.current_thread() is not threading.main_thread():
            helped.set()  # an answer of the helper process
        real_store(chunk, region, results)

    def slow_chunk(texts: list[str], region: str) -> list[str | None]:
        helped.wait(30)  # this process waits until the helper has answered once
        return real_chunk(texts, region)

    monkeypatch.setattr(phones, "_store", store)
    monkeypatch.setattr(phones, "e164_chunk", slow_chunk)
    seen: list[tuple[int, int]] = []
    phones.PhoneBatch(BATCH, "DE").finish(progress=lambda done, total: seen.append((done, total)))
    assert helped.is_set()
    want = expected()
    assert {text: phones._memo[(text, "DE")] for text in BATCH} == want
    assert sum(1 for v in want.values() if v is None) >= 3  # invalid ones stay None
    assert seen[-1] == (len(want), len(want))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_helper_that_cannot_start_leaves_the_work_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(phones.sys, "executable", "/nonexistent/python")
    phones.PhoneBatch(BATCH, "DE").finish()
    assert {text: phones._memo[(text, "DE")] for text in BATCH} == expected()


def test_a_helper_that_answers_nonsense_is_not_believed(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = [sys.executable, "-c", "import sys\nfor line in sys.stdin: print('[1, 2]', flush=True)"]
    real_popen = phones.subprocess.Popen
    monkeypatch.setattr(phones.subprocess, "Popen", lambda _cmd, **kw: real_popen(fake, **kw))
    phones.PhoneBatch(BATCH, "DE").finish()
    assert {text: phones._memo[(text, "DE")] for text in BATCH} == expected()


def test_cancelling_stops_early() -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= 2

    eight_chunks = BATCH[:400]
    phones.PhoneBatch(eight_chunks, "DE").finish(cancelled=cancelled)
    assert len(asked) == 2
    assert len(phones._memo) < len(eight_chunks)


def test_the_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(phones, "_MEMO_LIMIT", 5)
    for n in range(12):
        phones.to_e164(f"030 {1_000_000 + n}", "DE")
    assert len(phones._memo) <= 5


def test_a_frozen_app_starts_no_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """A frozen app's executable is the app itself: "-m ..." would open another window."""
    monkeypatch.setattr(phones.sys, "frozen", True, raising=False)
    started: list[object] = []
    monkeypatch.setattr(phones.subprocess, "Popen", lambda *a, **k: started.append(a))
    phones.PhoneBatch(BATCH, "DE").finish()
    assert started == []
    assert {text: phones._memo[(text, "DE")] for text in BATCH} == expected()


def test_the_helper_runs_isolated_from_the_current_folder(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A json.py, phonenumbers.py or salesdesk package in the folder the app was started
    from (or on PYTHONPATH) must not run in the helper: it would run with the user's rights."""
    trap = tmp_path / "downloads"
    trap.mkdir()
    marker = tmp_path / "ran.txt"
    payload = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    for name in ("json.py", "phonenumbers.py", "sitecustomize.py", "usercustomize.py"):
        (trap / name).write_text(payload)
    (trap / "salesdesk" / "formats").mkdir(parents=True)
    (trap / "salesdesk" / "__init__.py").write_text(payload)
    (trap / "salesdesk" / "formats" / "__init__.py").write_text(payload)
    (trap / "salesdesk" / "formats" / "phones_worker.py").write_text(payload)
    monkeypatch.chdir(trap)
    monkeypatch.setenv("PYTHONPATH", str(trap))
    monkeypatch.setenv("PYTHONSTARTUP", str(trap / "json.py"))
    chunk = ["030 1234567", "+44 20 7946 0958", "12"]
    chunks = phones.collections.deque([chunk])
    phones._helper(chunks, "DE", threading.Event())
    assert not marker.exists(), marker.read_text()
    assert not chunks  # the helper answered (a failed helper gives its chunk back)
    assert [phones._memo[(t, "DE")] for t in chunk] == ["+49301234567", "+442079460958", None]

"""Phone numbers: normalise to E.164 with Google's libphonenumber port, format for display.

Checking a number costs ~45 us (parse + validity), which a 100k-row import feels: answers
are remembered, and a PhoneBatch shares a large batch with helper processes."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from salesdesk.formats.phones_worker import e164 as _e164

DEFAULT_REGION = "DE"
PARALLEL_FROM = 20_000  # distinct numbers; below this a helper's start-up (~0.3 s) won't pay
_CHUNK = 2_000
_MEMO_LIMIT = 300_000
_memo: dict[tuple[str, str], str | None] = {}
_UNKNOWN = object()
_WORKER = Path(__file__).resolve().with_name("phones_worker.py")


def to_e164(text: str, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of ``text`` if it is a valid number, else None (the caller keeps the text)."""
    key = (text, region)
    result = _memo.get(key, _UNKNOWN)
    if result is not _UNKNOWN:
        return result  # type: ignore[return-value]
    result = _e164(text, region)
    _remember(key, result)
    return result


def _remember(key: tuple[str, str], result: str | None) -> None:
    if len(_memo) >= _MEMO_LIMIT:
        _memo.clear()  # a bound on memory; the next numbers fill it again
    _memo[key] = result


def e164_chunk(texts: list[str], region: str) -> list[str | None]:
    """The E.164 form (or None) of each of ``texts``, worked out here, not remembered."""
    return [_e164(text, region) for text in texts]


class PhoneBatch:
    """Many numbers being normalised. A large batch is shared with helper processes on the
    other cores, which start at once and take chunks from the front while the caller goes
    on with other work; ``finish`` takes chunks from the end until all are done. If a helper
    cannot start or fails, its share is done by ``finish``. Use ``stop`` (or ``finish``)
    when done with it, also on error."""

    def __init__(self, texts: Iterable[str], region: str) -> None:
        self.region = region
        self.todo = list(dict.fromkeys(t for t in texts if (t, region) not in _memo))
        size = _CHUNK
        self.chunks = collections.deque(
            self.todo[i : i + size] for i in range(0, len(self.todo), size)
        )
        helpers = min((os.cpu_count() or 1) - 1, len(self.chunks) - 1)
        if len(self.todo) < PARALLEL_FROM or getattr(sys, "frozen", False):
            helpers = 0  # small batch; or a frozen app, whose executable is not a Python
        self._stop = threading.Event()
        self.threads = [
            threading.Thread(target=_helper, args=(self.chunks, region, self._stop), daemon=True)
            for _ in range(helpers)
        ]
        for thread in self.threads:
            thread.start()

    def finish(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """Do what is left (with the helpers). ``progress(numbers done, numbers in all)`` is
        called and ``cancelled`` polled between chunks; cancelling stops the work early."""
        try:
            while True:
                try:
                    chunk = self.chunks.pop()
                except IndexError:  # the helpers have the rest, or give back what they fail at
                    busy = [thread for thread in self.threads if thread.is_alive()]
                    if not busy:
                        break
                    busy[0].join(0.1)
                else:
                    _store(chunk, self.region, e164_chunk(chunk, self.region))
                if progress is not None:
                    done = max(0, len(self.todo) - len(self.chunks) * _CHUNK)
                    progress(done, len(self.todo))
                if cancelled is not None and cancelled():
                    return
        finally:
            self.stop()

    def stop(self) -> None:
        """Let the helpers end after their current chunk."""
        self._stop.set()


def _helper(chunks: collections.deque[list[str]], region: str, stop: threading.Event) -> None:
    """Feed chunks from the front of ``chunks`` to a helper process until none are left."""
    try:
        process = subprocess.Popen(
            _helper_command(),
            cwd=_WORKER.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    except OSError:
        return  # no helper: this process does it all
    assert process.stdin is not None and process.stdout is not None
    try:
        while not stop.is_set():
            try:
                chunk = chunks.popleft()
            except IndexError:
                break
            try:
                process.stdin.write(json.dumps({"region": region, "texts": chunk}) + "\n")
                process.stdin.flush()
                results = json.loads(process.stdout.readline())
                if not isinstance(results, list) or len(results) != len(chunk):
                    raise ValueError("the helper answered something else")
            except (OSError, ValueError):
                chunks.appendleft(chunk)  # given back: this process does it
                break
            _store(chunk, region, results)
    finally:
        process.kill()
        process.wait()


def _helper_command() -> list[str]:
    """The helper, run by path and isolated (-I: no current folder, PYTHONPATH or user site
    on its module path; see phones_worker), told where phonenumbers is installed."""
    import importlib.util

    loaded = sys.modules.get("phonenumbers")
    spec = importlib.util.find_spec("phonenumbers") if loaded is None else None
    origin = getattr(loaded, "__file__", None) or (spec.origin if spec else None)
    folders = [str(Path(origin).resolve().parent.parent)] if origin else []
    return [sys.executable, "-I", str(_WORKER), *folders]


def _store(chunk: list[str], region: str, results: list[str | None]) -> None:
    for text, result in zip(chunk, results, strict=True):
        _remember((text, region), result)


def display(e164: str | None, typed: str, region: str = DEFAULT_REGION) -> str:
    """National format for numbers of the home region, international otherwise; typed if invalid."""
    if not e164:
        return typed
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return typed
    if phonenumbers.region_code_for_number(number) == region.upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def international(e164: str | None, typed: str) -> str:
    """The number as it works from anywhere ('+49 30 1234567'); typed if invalid."""
    if not e164:
        return typed
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return typed
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_known_region(region: str) -> bool:
    import phonenumbers

    return region.upper() in phonenumbers.SUPPORTED_REGIONS


def known_regions() -> list[str]:
    """Every two-letter country code phone numbers know (e.g. DE, AT, CH, GB, US), sorted."""
    import phonenumbers

    return sorted(r for r in phonenumbers.SUPPORTED_REGIONS if len(r) == 2 and r.isalpha())

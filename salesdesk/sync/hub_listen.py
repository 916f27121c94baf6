"""Waiting for the hub's ``NOTIFY salesdesk_ops`` so an open window pulls at once (Qt-free).

``HubListener`` keeps one connection LISTENing in a daemon thread and calls ``on_change``
from that thread (a window hands it to its own thread, e.g. by emitting a Qt signal, which
queues across threads). It reconnects by itself; after every (re)connect it calls
``on_change(None)``: notifications sent while it was away are lost, and the pull it triggers
catches up by hub sequence number, so nothing is missed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import psycopg

from salesdesk.sync.hub_connect import HubAddress, HubError, connect, translate

CHANNEL = "salesdesk_ops"
POLL = 0.5  # seconds between checks of stop() while waiting


def _payload(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def listen(address: HubAddress, password: str | None, timeout: float) -> int | None:
    """Wait up to ``timeout`` seconds for one notification; its hub sequence, or None."""
    conn = connect(address, password, autocommit=True)
    try:
        conn.execute(f"LISTEN {CHANNEL}")
        for note in conn.notifies(timeout=timeout, stop_after=1):
            return _payload(note.payload)
        return None
    except psycopg.Error as error:
        raise translate(error, address) from None
    finally:
        conn.close()


class HubListener:
    """A background LISTEN on the hub with callbacks; ``start()``/``stop()`` from any thread."""

    def __init__(
        self,
        address: HubAddress,
        password: str | None,
        on_change: Callable[[int | None], Any],
        *,
        on_state: Callable[[bool, str], Any] | None = None,
        reconnect_after: float = 2.0,
    ) -> None:
        self.address = address
        self._password = password
        self.on_change = on_change
        self.on_state = on_state
        self.reconnect_after = reconnect_after
        self._stop = threading.Event()
        self._online = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.last_error = ""

    @property
    def online(self) -> bool:
        return self._online.is_set()

    def wait_online(self, timeout: float) -> bool:
        return self._online.wait(timeout)

    def start(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="salesdesk-hub-listen",
                                            daemon=True)  # fmt: skip
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _set_state(self, online: bool, message: str) -> None:
        was = self._online.is_set()
        if online:
            self._online.set()
        else:
            self._online.clear()
            self.last_error = message
        if self.on_state is not None and was != online:
            with contextlib.suppress(Exception):
                self.on_state(online, message)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn = connect(self.address, self._password, autocommit=True)
            except HubError as error:
                self._set_state(False, str(error))
                self._stop.wait(self.reconnect_after)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self._set_state(True, "")
                self._call(None)  # catch up on whatever came while nobody listened
                while not self._stop.is_set():
                    for note in conn.notifies(timeout=POLL):
                        self._call(_payload(note.payload))
            except psycopg.Error as error:
                self._set_state(False, str(translate(error, self.address)))
                self._stop.wait(self.reconnect_after)
            finally:
                with contextlib.suppress(psycopg.Error):
                    conn.close()
        self._set_state(False, "stopped")

    def _call(self, top: int | None) -> None:
        try:
            self.on_change(top)
        except Exception as error:  # a failing callback must not end the listening
            self.last_error = f"{type(error).__name__}: {error}"

"""The one container every sync file uses: header, zlib JSON lines, SHA-256 or AES-GCM.

Layout (all integers big-endian)::

    magic "SDSYNC" | version u8 | kind u8 | flags u8 | id length u8 | device id (ASCII)
    | number u64 | [encrypted: salt 16 | key check 16 | nonce 12] | body length u64
    | body | [plain: SHA-256 of everything before it]

The body is zlib-compressed JSON lines: a meta object first, then one record per line. When
encrypted, the body is AES-GCM ciphertext and the whole header is its associated data, so a
file cannot be moved to another device's name or number, or re-labelled, unnoticed. Files come
from other machines: ``read_container`` checks everything and raises SyncFileError with a
plain reason; nothing is returned from a file that is not whole and intact.
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.domain.errors import SalesdeskError
from salesdesk.sync import crypto
from salesdesk.sync.crypto import TeamKey, WrongKeyError
from salesdesk.sync.replica import no_gc

MAGIC = b"SDSYNC"
VERSION = 1
FLAG_ENCRYPTED = 0x01
DIGEST_BYTES = 32
MAX_BODY = 1 << 30  # refuse larger files outright (a garbled length must not allocate GBs)
MAX_PLAIN = 4 << 30  # a zlib bomb stops here
_FIXED = struct.Struct(">6sBBBB")
_U64 = struct.Struct(">Q")
DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


class Kind(enum.IntEnum):
    """What a container holds."""

    SEGMENT = 1
    SNAPSHOT = 2
    DEVICE = 3
    BUNDLE = 4


class SyncFileError(SalesdeskError):
    """A sync file was refused: ``str()`` names the file and why; nothing from it was used."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class PassphraseError(SalesdeskError):
    """The file or folder needs a passphrase that was not given, or a different one."""


@dataclass(frozen=True)
class Container:
    """A checked container: its header fields, meta object and records."""

    kind: Kind
    device: str
    number: int
    encrypted: bool
    meta: dict[str, Any]
    records: list[dict[str, Any]]
    salt: bytes = b""


def _header(
    kind: Kind, device: str, number: int, key: TeamKey | None, nonce: bytes, length: int
) -> bytes:
    raw_id = device.encode("ascii")
    flags = FLAG_ENCRYPTED if key is not None else 0
    parts = [_FIXED.pack(MAGIC, VERSION, kind, flags, len(raw_id)), raw_id, _U64.pack(number)]
    if key is not None:
        parts += [key.salt, key.check, nonce]
    parts.append(_U64.pack(length))
    return b"".join(parts)


def encode_lines(meta: dict[str, Any], records: Iterable[dict[str, Any]]) -> bytes:
    """The body before sealing: zlib over JSON lines, meta first."""
    squash = zlib.compressobj(6)
    chunks = []
    for item in _chain(meta, records):
        line = json.dumps(item, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        chunks.append(squash.compress(line.encode("utf-8") + b"\n"))
    chunks.append(squash.flush())
    return b"".join(chunks)


def _chain(meta: dict[str, Any], records: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    yield meta
    yield from records


def write_container(
    kind: Kind,
    device: str,
    number: int,
    meta: dict[str, Any],
    records: Iterable[dict[str, Any]],
    key: TeamKey | None,
) -> bytes:
    """The bytes of one container file."""
    if not DEVICE_ID.fullmatch(device):
        raise ValueError(f"bad device id {device!r}")
    body = encode_lines(meta, records)
    if key is None:
        header = _header(kind, device, number, None, b"", len(body))
        return header + body + hashlib.sha256(header + body).digest()
    # The header is the associated data, so the nonce in it is chosen before sealing.
    nonce = crypto.new_nonce()
    header = _header(kind, device, number, key, nonce, len(body) + crypto.TAG_BYTES)
    return header + key.encrypt(nonce, body, header)


class _Reader:
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name, self.at = data, name, 0

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise SyncFileError(self.name, "the file is cut short (truncated)")
        piece = self.data[self.at : self.at + count]
        self.at += count
        return piece


def read_container(
    data: bytes,
    name: str,
    key_for: Callable[[bytes, bytes], TeamKey | None] | None = None,
    *,
    expect_kind: Kind | None = None,
) -> Container:
    """Check and decode a container; SyncFileError (or PassphraseError) says what is wrong.

    ``key_for(salt, check)`` returns the key for an encrypted file (raising PassphraseError
    when there is no passphrase or it does not fit); None means the reader has no passphrase.
    """
    reader = _Reader(data, name)
    if len(data) < _FIXED.size or not data.startswith(MAGIC):
        raise SyncFileError(name, "this is not a salesdesk sync file")
    _magic, version, kind_no, flags, id_len = _FIXED.unpack(reader.take(_FIXED.size))
    if version != VERSION:
        raise SyncFileError(
            name,
            f"it was written in sync format {version}, and this salesdesk reads format "
            f"{VERSION} (update salesdesk on the older machine)",
        )
    try:
        kind = Kind(kind_no)
    except ValueError:
        raise SyncFileError(name, f"it holds an unknown kind of data ({kind_no})") from None
    if expect_kind is not None and kind is not expect_kind:
        raise SyncFileError(
            name, f"it holds a {kind.name.lower()}, not a {expect_kind.name.lower()}"
        )
    if flags & ~FLAG_ENCRYPTED:
        raise SyncFileError(name, "its header has unknown flags (damaged or from a newer version)")
    device = reader.take(id_len).decode("ascii", "replace")
    if not DEVICE_ID.fullmatch(device):
        raise SyncFileError(name, "its header is damaged (bad device id)")
    (number,) = _U64.unpack(reader.take(8))
    encrypted = bool(flags & FLAG_ENCRYPTED)
    salt = b""
    if encrypted:
        salt = reader.take(crypto.SALT_BYTES)
        check = reader.take(crypto.CHECK_BYTES)
        nonce = reader.take(crypto.NONCE_BYTES)
    (length,) = _U64.unpack(reader.take(8))
    if length > MAX_BODY:
        raise SyncFileError(name, "its header is damaged (impossible length)")
    header_end = reader.at
    trailer = 0 if encrypted else DIGEST_BYTES
    if len(data) < header_end + length + trailer:
        raise SyncFileError(name, "the file is cut short (truncated)")
    if len(data) > header_end + length + trailer:
        raise SyncFileError(name, "the file has extra bytes at its end (damaged)")
    body = data[header_end : header_end + length]
    if encrypted:
        key = key_for(salt, check) if key_for is not None else None
        if key is None:
            raise PassphraseError(
                f"{name}: it is encrypted with a team passphrase; give the passphrase to read it"
            )
        try:
            body = key.open(nonce, body, data[:header_end])
        except WrongKeyError:
            raise SyncFileError(
                name, "it was changed after it was written (authentication failed)"
            ) from None
    elif hashlib.sha256(data[: header_end + length]).digest() != data[header_end + length :]:
        raise SyncFileError(name, "it is damaged (its checksum does not match)")
    meta, records = _decode_lines(body, name)
    return Container(kind, device, number, encrypted, meta, records, salt)


def _decode_lines(body: bytes, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        unzip = zlib.decompressobj()
        plain = unzip.decompress(body, MAX_PLAIN)
        if unzip.unconsumed_tail or not unzip.eof or unzip.unused_data:
            raise zlib.error("not one whole zlib stream")
    except zlib.error:
        raise SyncFileError(name, "its contents are garbled (not compressed data)") from None
    try:
        # One JSON array instead of a loads() per line (a snapshot has ~7 lines per contact;
        # a raw newline only ever ends a line: JSON escapes the ones inside strings). Without
        # cyclic GC: a snapshot is millions of small objects (see replica.no_gc).
        lines = plain.decode("utf-8").strip("\n")
        with no_gc():
            items: list[Any] = json.loads("[" + lines.replace("\n", ",") + "]")
        if not all(type(item) is dict for item in items):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError):
        raise SyncFileError(name, "its contents are garbled (not JSON lines)") from None
    if not items:
        raise SyncFileError(name, "its contents are garbled (no header line)")
    return items[0], items[1:]


def read_file(
    path: Path,
    key_for: Callable[[bytes, bytes], TeamKey | None] | None = None,
    *,
    expect_kind: Kind | None = None,
    name: str | None = None,
) -> Container:
    """``read_container`` of a file; an unreadable file is a SyncFileError too."""
    shown = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BODY + 4096:
            raise SyncFileError(shown, "it is far too large to be a salesdesk sync file")
        data = path.read_bytes()
    except OSError as error:
        raise SyncFileError(shown, f"it cannot be read ({error.strerror or error})") from None
    return read_container(data, shown, key_for, expect_kind=expect_kind)

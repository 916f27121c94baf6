"""Team passphrase to key: scrypt with a per-folder salt, AES-GCM sealing, a key-check value."""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from salesdesk.domain.errors import ValidationError

SALT_BYTES = 16
CHECK_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
# scrypt cost: 2**15 * 8 * 128 bytes = 32 MiB and ~0.1 s once per process and folder; a
# passphrase guesser pays the same per guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8


class WrongKeyError(Exception):
    """The passphrase does not fit (key check differs) or the data was changed."""


@dataclass(frozen=True)
class TeamKey:
    """A key derived from the team passphrase and one salt; seals and opens file bodies."""

    salt: bytes
    check: bytes  # published next to the salt: tells a wrong passphrase from tampering
    _aes: AESGCM

    def encrypt(self, nonce: bytes, plain: bytes, aad: bytes) -> bytes:
        """Encrypt and authenticate ``plain``, authenticating ``aad`` too."""
        return self._aes.encrypt(nonce, plain, aad)

    def open(self, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
        """Decrypt ``sealed``; WrongKeyError if it or ``aad`` was changed."""
        try:
            return self._aes.decrypt(nonce, sealed, aad)
        except InvalidTag as error:
            raise WrongKeyError("authentication failed") from error


def clean_passphrase(text: str) -> str:
    """The passphrase as used: Unicode NFC, without the line ending a file adds."""
    text = unicodedata.normalize("NFC", text.rstrip("\r\n"))
    if len(text) < MIN_PASSPHRASE:
        raise ValidationError(
            f"The team passphrase must have at least {MIN_PASSPHRASE} characters.", "passphrase"
        )
    return text


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def new_nonce() -> bytes:
    """A random 96-bit nonce, one per file: no counter to keep across devices."""
    return os.urandom(NONCE_BYTES)


@functools.lru_cache(maxsize=8)
def derive_key(passphrase: str, salt: bytes) -> TeamKey:
    """The team key for ``passphrase`` and ``salt`` (cached: scrypt is slow on purpose)."""
    if len(salt) != SALT_BYTES:
        raise WrongKeyError("bad salt length")
    material = Scrypt(salt=salt, length=64, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        clean_passphrase(passphrase).encode("utf-8")
    )
    # Two independent halves: one encrypts, the other only makes the public check value.
    check = hmac.new(material[32:], b"salesdesk key check", hashlib.sha256).digest()
    return TeamKey(salt, check[:CHECK_BYTES], AESGCM(material[:32]))


def check_matches(key: TeamKey, check: bytes) -> bool:
    return hmac.compare_digest(key.check, check)

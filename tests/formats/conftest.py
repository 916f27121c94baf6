"""Fixtures for the format tests: the sample files written for them."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).with_name("samples")


@pytest.fixture
def sample() -> type[Path]:
    """``sample(name)``: the bytes of a sample file."""

    def read(name: str) -> bytes:
        return (SAMPLES / name).read_bytes()

    return read  # type: ignore[return-value]

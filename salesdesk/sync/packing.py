"""The stored and sent form of an entity's registers: each stamp once per entity.

In memory an entity's registers are ``{field: [hlc, value, prev]}``. Stored that way, every
field repeats its 53-character stamp (a contact created in one step has one stamp for all of
its fields), which made the replicated state several times larger than the contacts
themselves: a 20,000-contact replica held ~120 MB of registers, and every join, apply and
snapshot read and wrote all of it. Packed, the stamps are listed once and each register
names its stamp by position::

    [["<hlc0>", "<hlc1>"], {"company": [0, "ACME"], "rating": [1, "hot", 0]}]

(``[i, value]`` when ``prev`` is None, ``[i, value, j]`` otherwise). ``unpack`` also reads the
first format (a plain ``{field: [hlc, value, prev]}``), which older databases and snapshot files
hold; a row is written packed the next time it changes.
"""

from __future__ import annotations

import json
from typing import Any

Registers = dict[str, list[Any]]

dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class PackError(ValueError):
    """Packed registers that do not have the packed shape (untrusted input)."""


def pack(regs: Registers) -> list[Any]:
    """The packed form of ``regs`` (JSON-safe)."""
    index: dict[str, int] = {}
    out: dict[str, list[Any]] = {}
    for name, (hlc, value, prev) in regs.items():
        i = index.setdefault(hlc, len(index))
        if prev is None:
            out[name] = [i, value]
        else:
            out[name] = [i, value, index.setdefault(prev, len(index))]
    return [list(index), out]


def pack_text(regs: Registers) -> str:
    return dumps(pack(regs))


def unpack(data: Any) -> Registers:
    """Registers from their packed (or first-format) JSON value; PackError when malformed."""
    if isinstance(data, dict):  # the first format
        return data
    try:
        stamps, packed = data
        return {
            name: [stamps[r[0]], r[1], stamps[r[2]] if len(r) == 3 else None]
            for name, r in packed.items()
        }
    except (TypeError, ValueError, IndexError, KeyError, AttributeError) as error:
        raise PackError(str(error)) from None


def unpack_text(text: str) -> Registers:
    return unpack(json.loads(text))


def check_packed(data: Any) -> str | None:
    """Why ``data`` is not a packed (or first-format) register map, or None. Checks the shape
    only (stamp positions in range, no negative or bool positions); the caller checks the
    stamps' syntax and the values."""
    if isinstance(data, dict):
        ok = all(
            isinstance(reg, list)
            and len(reg) == 3
            and isinstance(reg[0], str)
            and (reg[2] is None or isinstance(reg[2], str))
            for reg in data.values()
        )
        return None if ok else "registers"
    if not (isinstance(data, list) and len(data) == 2):
        return "registers"
    stamps, packed = data
    if not (isinstance(stamps, list) and isinstance(packed, dict)):
        return "registers"
    if not all(isinstance(s, str) for s in stamps):
        return "stamps"
    top = len(stamps)
    for reg in packed.values():
        if not (isinstance(reg, list) and len(reg) in (2, 3)):
            return "registers"
        for pos in (reg[0], reg[2]) if len(reg) == 3 else (reg[0],):
            if type(pos) is not int or not 0 <= pos < top:
                return "registers"
    return None

"""What the transports need of the sync engine (SyncEngine fits it), and vector arithmetic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from salesdesk.sync.api import ApplyResult, Conflict, DeviceInfo, Op, Vector


class Replica(Protocol):
    """The local replica as the transports see it."""

    device_id: str
    device_name: str

    def vector(self) -> Vector: ...

    def ops_since(self, vector: Mapping[str, int], limit: int | None = None) -> list[Op]: ...

    def apply(self, ops: Sequence[Op]) -> ApplyResult: ...

    def snapshot(self) -> Iterator[dict[str, Any]]: ...

    def load_snapshot(self, records: Iterable[dict[str, Any]]) -> ApplyResult: ...

    def record_peer_vector(self, device: str, vector: Mapping[str, int]) -> Any: ...

    def set_device_name(self, name: str) -> Any: ...

    def pending_count(self) -> int: ...

    def conflicts(self) -> Sequence[Conflict]: ...

    def devices(self) -> Sequence[DeviceInfo]: ...


def op_ranges(ops: Iterable[Op]) -> dict[str, list[list[int]]]:
    """Per origin device, the sorted, merged [first, last] runs of sequence numbers in ops."""
    seqs: dict[str, set[int]] = {}
    for op in ops:
        seqs.setdefault(str(op["device"]), set()).add(int(op["seq"]))
    return {device: merge_runs([[s, s] for s in found]) for device, found in seqs.items()}


def merge_runs(runs: Iterable[Sequence[int]]) -> list[list[int]]:
    """Sorted runs with touching or overlapping ones joined."""
    out: list[list[int]] = []
    for lo, hi in sorted((int(r[0]), int(r[1])) for r in runs):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def extend(vector: Mapping[str, int], runs: Mapping[str, list[list[int]]]) -> Vector:
    """``vector`` moved forward through the runs that continue it without a gap."""
    out = dict(vector)
    for device, device_runs in runs.items():
        at = out.get(device, 0)
        for lo, hi in merge_runs(device_runs):
            if lo <= at + 1:
                at = max(at, hi)
            else:
                break
        if at:
            out[device] = at
    return out


def covers(big: Mapping[str, int], small: Mapping[str, int]) -> bool:
    """Whether ``big`` has at least every operation ``small`` has."""
    return all(big.get(device, 0) >= seq for device, seq in small.items())


def lowest(vectors: Sequence[Mapping[str, int]]) -> Vector:
    """Element-wise minimum: what all of them have."""
    if not vectors:
        return {}
    keys = set().union(*vectors)
    return {k: m for k in keys if (m := min(v.get(k, 0) for v in vectors)) > 0}

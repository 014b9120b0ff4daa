"""The ids a listing has already yielded: exact, and small enough to hold every site of an account.

A set of Python ints costs about 100 bytes an id (the int object, its slot, the table's slack);
`SeenIds` keeps a GUID (every site and folder id) as two 64-bit words in one open-addressing
table (`array`), at most three quarters full: 16 to 43 bytes an id. The slot of a GUID comes from
the process's keyed hash of its 16 bytes, so a server cannot choose ids that pile up on one slot.
An id that is not a GUID (a server out of contract) is kept as it is, in a plain set.
"""

from __future__ import annotations

import struct
from array import array

__all__ = ["SeenIds"]

_FIRST_SLOTS = 1024
_WORDS = struct.Struct(">QQ")
_NIL = bytes(16)


def _guid_bytes(item_id: str) -> bytes | None:
    """The 16 bytes of a GUID written 8-4-4-4-12 (either case), else None."""
    if len(item_id) != 36 or item_id[8:24:5] != "----":
        return None
    try:
        raw = bytes.fromhex(item_id.replace("-", ""))
    except ValueError:
        return None
    return raw if len(raw) == 16 else None  # whitespace is the only other thing fromhex takes


class SeenIds:
    """`add(id)` records an id and says whether it is new; GUIDs compare case-insensitively."""

    __slots__ = ("_mask", "_other", "_slots", "_used")

    def __init__(self) -> None:
        self._mask = _FIRST_SLOTS - 1
        self._slots = array("Q", [0]) * (2 * _FIRST_SLOTS)  # (high, low) a slot; (0, 0) is free
        self._used = 0
        self._other: set[str] = set()  # ids that are not GUIDs, and the nil GUID

    def __len__(self) -> int:
        return self._used + len(self._other)

    def add(self, item_id: str) -> bool:
        """Record `item_id`; True if it was not seen before."""
        raw = _guid_bytes(item_id)
        if raw is None or raw == _NIL:  # (0, 0) marks a free slot: the nil GUID is kept apart
            key = item_id if raw is None else item_id.lower()
            before = len(self._other)
            self._other.add(key)
            return len(self._other) > before
        if not _place(self._slots, self._mask, raw):
            return False
        self._used += 1
        if 4 * self._used > 3 * (self._mask + 1):
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._slots
        size = 2 * (self._mask + 1)
        self._slots = array("Q", [0]) * (2 * size)
        self._mask = size - 1
        for i in range(0, len(old), 2):
            if old[i] or old[i + 1]:
                _place(self._slots, self._mask, _WORDS.pack(old[i], old[i + 1]))


def _place(slots: array[int], mask: int, raw: bytes) -> bool:
    """Put a GUID's 16 bytes (not all zero) in their slot; False if they are there already."""
    high, low = _WORDS.unpack(raw)
    slot = hash(raw) & mask
    while True:
        at = 2 * slot
        there_high = slots[at]
        there_low = slots[at + 1]
        if not (there_high or there_low):
            slots[at] = high
            slots[at + 1] = low
            return True
        if there_high == high and there_low == low:
            return False
        slot = (slot + 1) & mask

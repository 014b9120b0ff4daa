"""Time in the sandbox: an injectable clock, epoch milliseconds, and Wix's date format."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def to_ms(moment: datetime) -> int:
    if moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DAY_MS = 86_400_000
# A page of sites shares few days and fewer seconds of the day: their texts are made once.
_DAYS: dict[int, str] = {}  # day number -> "YYYY-MM-DDT"
_SECONDS: dict[int, str] = {}  # second of the day -> "HH:MM:SS."
_MILLIS = tuple(f"{milli:03d}Z" for milli in range(1000))


def _day(day: int) -> str:
    if len(_DAYS) >= 65_536:
        _DAYS.clear()
    text = _DAYS[day] = (_EPOCH + timedelta(days=day)).strftime("%Y-%m-%dT")
    return text


def _second(second: int) -> str:
    minutes, seconds = divmod(second, 60)
    text = _SECONDS[second] = f"{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}."
    return text


def iso(ms: int) -> str:
    """Epoch milliseconds as ISO 8601 UTC with milliseconds and ``Z``, as Wix sends dates."""
    day, rest = divmod(ms, _DAY_MS)
    second, milli = divmod(rest, 1000)
    return (
        (_DAYS.get(day) or _day(day)) + (_SECONDS.get(second) or _second(second)) + _MILLIS[milli]
    )

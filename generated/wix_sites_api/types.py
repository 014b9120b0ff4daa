"""Contains some shared types for properties"""

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, TypeVar, cast

from attrs import AttrsInstance, define, fields

# A GUID through this table is GUID_SHAPE: a hex digit becomes "x", "-" stays, anything else
# becomes "?" (a check three times as fast as a regular expression).
GUID_SHAPE = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
GUID_TABLE = bytes(
    ord("x") if chr(b) in "0123456789abcdefABCDEF" else b if chr(b) == "-" else ord("?")
    for b in range(256)
)
_HEX_DIGITS = b"0123456789abcdefABCDEF"


def guid(value: object) -> str:
    """`value` itself when it is a GUID (`format: uuid`, as 8-4-4-4-12 hex digits); else ValueError."""
    try:
        if value.encode("ascii", "replace").translate(GUID_TABLE) == GUID_SHAPE:  # type: ignore[attr-defined]
            return value  # type: ignore[return-value]
    except AttributeError:  # not a str
        pass
    raise ValueError(f"expected a GUID (8-4-4-4-12 hex digits), got {value!r:.60}")


def _all_guids(values: list[object]) -> bool:
    """Whether every one of `values` is a GUID, checked at once: joined by ",", n GUIDs are
    37 * n - 1 characters with "-" at 8, 13, 18 and 23 and "," at 36 of every 37 (five slices),
    and with the ASCII hex digits deleted, "----," n - 1 times and "----"."""
    n = len(values)
    try:
        joined = ",".join(cast("list[str]", values))
        dashes = "-" * n
        return (
            len(joined) == 37 * n - 1
            and joined[8::37] == dashes
            and joined[13::37] == dashes
            and joined[18::37] == dashes
            and joined[23::37] == dashes
            and joined[36::37] == "," * (n - 1)
            and joined.encode().translate(None, _HEX_DIGITS)
            == b"----," * (n - 1) + b"----"
        )
    except (TypeError, ValueError):  # None or not a str; a lone surrogate
        return False


def check_guids(values: list[object]) -> None:
    """Each of `values` that is not None (absent) is a GUID; else ValueError naming the first
    that is not. A model's from_dicts gathers the values of its GUID fields from a whole list of
    objects and checks them here, at once."""
    if not values or _all_guids(values):
        return
    present = [value for value in values if value is not None]
    if len(present) < len(values) and _all_guids(present):
        return
    for value in present:
        guid(value)


#: `dict.get` unbound, called as `dict_get(obj, key)`: the fields of a model are read with it (no
#: bound method made for each object); it takes dicts only (see `as_dicts`)
dict_get = cast("Callable[..., Any]", dict.get)


def as_dicts(objects: list[Any]) -> list[dict[str, Any]] | None:
    """`objects` as dicts when some are Mappings of other types (`dict_get` takes dicts only);
    None when they all are dicts; TypeError when one is not a Mapping (not a JSON object)."""
    if all(isinstance(obj, dict) for obj in objects):
        return None
    for obj in objects:
        if not isinstance(obj, Mapping):
            raise TypeError(f"expected a JSON object, got {obj!r:.60}")
    return [dict(obj) for obj in objects]


def only_keys(keys: frozenset[str], objects: list[Mapping[str, Any]]) -> bool:
    """Whether every one of `objects` has no key but `keys` (one set of the keys of all of them:
    the objects of one JSON answer share their key strings)."""
    if len(objects) == 1:
        return keys.issuperset(objects[0])
    found: set[str] = (
        set()
    )  # (not set[str](): a call of a generic alias costs a microsecond)
    return keys.issuperset(found.union(*objects))


#: an ISO 8601 date and time (`format: date-time`), with "Z" for UTC, as a datetime
parse_datetime = datetime.datetime.fromisoformat


def format_datetime(moment: datetime.datetime) -> str:
    """A datetime as the Wix API writes one: milliseconds and "Z" for UTC
    (2024-01-06T23:46:40.652Z); microseconds when it has finer ones; an offset kept as it is."""
    text = moment.isoformat(
        timespec="microseconds" if moment.microsecond % 1000 else "milliseconds"
    )
    return text[:-6] + "Z" if text.endswith("+00:00") else text


#: a model's instance before any field is set: a model's from_dicts sets every field itself, which
#: costs less than the attrs __init__ (19 arguments for a Site)
new_model = object.__new__


def set_fields_repr(model: AttrsInstance) -> str:
    """`Class(field=value, ...)` of the fields that are not None, and of additional properties if
    any."""
    parts = []
    for attribute in fields(type(model)):
        if not attribute.repr:
            continue
        value = getattr(model, attribute.name)
        if value is None or (attribute.name == "additional_properties" and not value):
            continue
        parts.append(f"{attribute.name}={value!r}")
    return f"{type(model).__name__}({', '.join(parts)})"


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "GUID_SHAPE",
    "GUID_TABLE",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "as_dicts",
    "check_guids",
    "dict_get",
    "format_datetime",
    "guid",
    "new_model",
    "only_keys",
    "parse_datetime",
    "set_fields_repr",
]

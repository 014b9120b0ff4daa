"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, TypeVar

from attrs import AttrsInstance, define, fields

# A GUID through this table is GUID_SHAPE: a hex digit becomes "x", "-" and "," stay, anything
# else becomes "?" (a check three times as fast as a regular expression). The models check all their
# GUIDs at once: joined by "," they must give GUID_SHAPES[n], n shapes joined by ",".
GUID_SHAPE = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
GUID_TABLE = bytes(
    ord("x")
    if chr(b) in "0123456789abcdefABCDEF"
    else b
    if chr(b) in "-,"
    else ord("?")
    for b in range(256)
)


class _Shapes(dict[int, bytes]):
    def __missing__(self, n: int) -> bytes:
        shape = b",".join([GUID_SHAPE] * n)
        if n <= 64:
            self[n] = shape
        return shape


GUID_SHAPES = _Shapes()


def guid(value: object) -> str:
    """`value` itself when it is a GUID (`format: uuid`, as 8-4-4-4-12 hex digits); else ValueError."""
    try:
        if value.encode("ascii", "replace").translate(GUID_TABLE) == GUID_SHAPE:  # type: ignore[attr-defined]
            return value  # type: ignore[return-value]
    except AttributeError:  # not a str
        pass
    raise ValueError(f"expected a GUID (8-4-4-4-12 hex digits), got {value!r:.60}")


def check_guids(values: tuple[object, ...], lists: tuple[object, ...]) -> None:
    """`guid` of each value and of each item of each list, skipping absent (None) ones."""
    for value in values:
        if value is not None:
            guid(value)
    for items in lists:
        if items is not None:
            for value in items:  # type: ignore[attr-defined]
                guid(value)


#: an ISO 8601 date and time (`format: date-time`), with "Z" for UTC, as a datetime
parse_datetime = datetime.datetime.fromisoformat


def format_datetime(moment: datetime.datetime) -> str:
    """A datetime as the Wix API writes one: milliseconds and "Z" for UTC
    (2024-01-06T23:46:40.652Z); microseconds when it has finer ones; an offset kept as it is."""
    text = moment.isoformat(
        timespec="microseconds" if moment.microsecond % 1000 else "milliseconds"
    )
    return text[:-6] + "Z" if text.endswith("+00:00") else text


#: a model's instance before any field is set: a model's from_dict sets every field itself, which
#: costs less than the attrs __init__ (19 arguments for a Site, and an additional_properties dict
#: that from_dict then replaces)
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
    "GUID_SHAPES",
    "GUID_TABLE",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "check_guids",
    "format_datetime",
    "guid",
    "new_model",
    "parse_datetime",
    "set_fields_repr",
]

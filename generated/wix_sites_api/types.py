"""Contains some shared types for properties"""

import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define, fields


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

_GUID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
).fullmatch


def guid(value: object) -> str:
    """`value` itself when it is a GUID (`format: uuid`, as 8-4-4-4-12 hex digits); else ValueError."""
    if isinstance(value, str) and _GUID(value) is not None:
        return value
    raise ValueError(f"expected a GUID (8-4-4-4-12 hex digits), got {value!r:.60}")


def set_fields_repr(model: object) -> str:
    """`Class(field=value, ...)` of the fields that are set, and of additional properties if any."""
    parts = []
    for attribute in fields(type(model)):
        value = getattr(model, attribute.name)
        if value is UNSET or (attribute.name == "additional_properties" and not value):
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
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "guid",
    "set_fields_repr",
]

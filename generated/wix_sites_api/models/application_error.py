from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.application_error_data import ApplicationErrorData


T = TypeVar("T", bound="ApplicationError")


@_attrs_define
class ApplicationError:
    """
    Attributes:
        code (str | None): e.g. `NOT_FOUND`, `ALREADY_EXISTS`, `UNAUTHENTICATED`, `malformed_filter`, or one of the
            sandbox's own codes (`CURSOR_EXPIRED`, ...; see each operation's `x-wixsites-errors`).
        description (str | None):
        data (ApplicationErrorData | None):
    """

    code: str | None = None
    description: str | None = None
    data: ApplicationErrorData | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.code is not None:
            field_dict["code"] = self.code
        if self.description is not None:
            field_dict["description"] = self.description
        if self.data is not None:
            field_dict["data"] = self.data.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        application_error = new_model(cls)
        application_error.code = _pop_("code", None)

        application_error.description = _pop_("description", None)

        _data = _pop_("data", None)
        data = None if _data is None else ApplicationErrorData.from_dict(_data)
        application_error.data = data

        application_error.additional_properties = d
        return application_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.application_error_data import ApplicationErrorData

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="LegacyError")


@_attrs_define
class LegacyError:
    """The legacy HTTP API's error body, e.g. `{"errorCode": 403, "message": "Signature verification
    failure", "wixErrorCode": -23004}`.

        Attributes:
            error_code (int | None): The HTTP status code.
            message (str | None):
            wix_error_code (int | None): Wix's own (negative) error number.
    """

    error_code: int | None = None
    message: str | None = None
    wix_error_code: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.error_code is not None:
            field_dict["errorCode"] = self.error_code
        if self.message is not None:
            field_dict["message"] = self.message
        if self.wix_error_code is not None:
            field_dict["wixErrorCode"] = self.wix_error_code
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        legacy_error = new_model(cls)
        legacy_error.error_code = _pop_("errorCode", None)

        legacy_error.message = _pop_("message", None)

        legacy_error.wix_error_code = _pop_("wixErrorCode", None)

        legacy_error.additional_properties = d
        return legacy_error

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

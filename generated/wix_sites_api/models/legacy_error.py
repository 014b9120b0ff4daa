from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="LegacyError")


@_attrs_define
class LegacyError:
    """The legacy HTTP API's error body, e.g. `{"errorCode": 403, "message": "Signature verification
    failure", "wixErrorCode": -23004}`.

        Attributes:
            error_code (int | Unset): The HTTP status code.
            message (str | Unset):
            wix_error_code (int | Unset): Wix's own (negative) error number.
    """

    error_code: int | Unset = UNSET
    message: str | Unset = UNSET
    wix_error_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        message = self.message

        wix_error_code = self.wix_error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if message is not UNSET:
            field_dict["message"] = message
        if wix_error_code is not UNSET:
            field_dict["wixErrorCode"] = wix_error_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        legacy_error = new_model(cls)
        legacy_error.error_code = _pop_("errorCode", UNSET)

        legacy_error.message = _pop_("message", UNSET)

        legacy_error.wix_error_code = _pop_("wixErrorCode", UNSET)

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

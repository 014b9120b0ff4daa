from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
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
        code (str | Unset): e.g. `NOT_FOUND`, `ALREADY_EXISTS`, `UNAUTHENTICATED`, `malformed_filter`, or one of the
            sandbox's own codes (`CURSOR_EXPIRED`, ...; see each operation's `x-wixsites-errors`).
        description (str | Unset):
        data (ApplicationErrorData | Unset):
    """

    code: str | Unset = UNSET
    description: str | Unset = UNSET
    data: ApplicationErrorData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        description = self.description

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        application_error = new_model(cls)
        application_error.code = _pop_("code", UNSET)

        application_error.description = _pop_("description", UNSET)

        _data = _pop_("data", UNSET)
        data: ApplicationErrorData | Unset = (
            UNSET if _data is UNSET else ApplicationErrorData.from_dict(_data)
        )
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

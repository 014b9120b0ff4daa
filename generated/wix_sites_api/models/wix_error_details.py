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
    from ..models.application_error import ApplicationError
    from ..models.validation_error import ValidationError


T = TypeVar("T", bound="WixErrorDetails")


@_attrs_define
class WixErrorDetails:
    """
    Attributes:
        application_error (ApplicationError | Unset):
        validation_error (ValidationError | Unset):
    """

    application_error: ApplicationError | Unset = UNSET
    validation_error: ValidationError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        application_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.application_error, Unset):
            application_error = self.application_error.to_dict()

        validation_error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.validation_error, Unset):
            validation_error = self.validation_error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if application_error is not UNSET:
            field_dict["applicationError"] = application_error
        if validation_error is not UNSET:
            field_dict["validationError"] = validation_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        wix_error_details = new_model(cls)
        _application_error = _pop_("applicationError", UNSET)
        application_error: ApplicationError | Unset = (
            UNSET
            if _application_error is UNSET
            else ApplicationError.from_dict(_application_error)
        )
        wix_error_details.application_error = application_error

        _validation_error = _pop_("validationError", UNSET)
        validation_error: ValidationError | Unset = (
            UNSET
            if _validation_error is UNSET
            else ValidationError.from_dict(_validation_error)
        )
        wix_error_details.validation_error = validation_error

        wix_error_details.additional_properties = d
        return wix_error_details

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


from ..models.application_error import ApplicationError
from ..models.validation_error import ValidationError

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
    from ..models.application_error import ApplicationError
    from ..models.validation_error import ValidationError


T = TypeVar("T", bound="WixErrorDetails")


@_attrs_define
class WixErrorDetails:
    """
    Attributes:
        application_error (ApplicationError | None):
        validation_error (ValidationError | None):
    """

    application_error: ApplicationError | None = None
    validation_error: ValidationError | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.application_error is not None:
            field_dict["applicationError"] = self.application_error.to_dict()
        if self.validation_error is not None:
            field_dict["validationError"] = self.validation_error.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        wix_error_details = new_model(cls)
        _application_error = _pop_("applicationError", None)
        application_error = (
            None
            if _application_error is None
            else ApplicationError.from_dict(_application_error)
        )
        wix_error_details.application_error = application_error

        _validation_error = _pop_("validationError", None)
        validation_error = (
            None
            if _validation_error is None
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

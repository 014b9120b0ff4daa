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
    from ..models.field_violation import FieldViolation


T = TypeVar("T", bound="ValidationError")


@_attrs_define
class ValidationError:
    """
    Attributes:
        field_violations (list[FieldViolation] | Unset):
    """

    field_violations: list[FieldViolation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field_violations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.field_violations, Unset):
            field_violations = []
            for field_violations_item_data in self.field_violations:
                field_violations_item = field_violations_item_data.to_dict()
                field_violations.append(field_violations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_violations is not UNSET:
            field_dict["fieldViolations"] = field_violations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        validation_error = new_model(cls)
        _field_violations = _pop_("fieldViolations", UNSET)
        field_violations: list[FieldViolation] | Unset = (
            UNSET
            if _field_violations is UNSET
            else list(map(FieldViolation.from_dict, _field_violations))
        )
        validation_error.field_violations = field_violations

        validation_error.additional_properties = d
        return validation_error

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


from ..models.field_violation import FieldViolation

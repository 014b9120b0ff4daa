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
    from ..models.field_violation_data import FieldViolationData


T = TypeVar("T", bound="FieldViolation")


@_attrs_define
class FieldViolation:
    """
    Attributes:
        field (str | Unset):
        description (str | Unset):
        violated_rule (str | Unset): e.g. `REQUIRED_FIELD`, `MAX`, `MIN`, `FORMAT`, `OTHER`.
        rule_name (str | Unset):
        data (FieldViolationData | Unset):
    """

    field: str | Unset = UNSET
    description: str | Unset = UNSET
    violated_rule: str | Unset = UNSET
    rule_name: str | Unset = UNSET
    data: FieldViolationData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        description = self.description

        violated_rule = self.violated_rule

        rule_name = self.rule_name

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if description is not UNSET:
            field_dict["description"] = description
        if violated_rule is not UNSET:
            field_dict["violatedRule"] = violated_rule
        if rule_name is not UNSET:
            field_dict["ruleName"] = rule_name
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        field_violation = new_model(cls)
        field_violation.field = _pop_("field", UNSET)

        field_violation.description = _pop_("description", UNSET)

        field_violation.violated_rule = _pop_("violatedRule", UNSET)

        field_violation.rule_name = _pop_("ruleName", UNSET)

        _data = _pop_("data", UNSET)
        data: FieldViolationData | Unset = (
            UNSET if _data is UNSET else FieldViolationData.from_dict(_data)
        )
        field_violation.data = data

        field_violation.additional_properties = d
        return field_violation

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


from ..models.field_violation_data import FieldViolationData

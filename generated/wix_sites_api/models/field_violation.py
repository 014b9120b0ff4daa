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
    from ..models.field_violation_data import FieldViolationData


T = TypeVar("T", bound="FieldViolation")


@_attrs_define
class FieldViolation:
    """
    Attributes:
        field (str | None):
        description (str | None):
        violated_rule (str | None): e.g. `REQUIRED_FIELD`, `MAX`, `MIN`, `FORMAT`, `OTHER`.
        rule_name (str | None):
        data (FieldViolationData | None):
    """

    field: str | None = None
    description: str | None = None
    violated_rule: str | None = None
    rule_name: str | None = None
    data: FieldViolationData | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.field is not None:
            field_dict["field"] = self.field
        if self.description is not None:
            field_dict["description"] = self.description
        if self.violated_rule is not None:
            field_dict["violatedRule"] = self.violated_rule
        if self.rule_name is not None:
            field_dict["ruleName"] = self.rule_name
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
        field_violation = new_model(cls)
        field_violation.field = _pop_("field", None)

        field_violation.description = _pop_("description", None)

        field_violation.violated_rule = _pop_("violatedRule", None)

        field_violation.rule_name = _pop_("ruleName", None)

        _data = _pop_("data", None)
        data = None if _data is None else FieldViolationData.from_dict(_data)
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

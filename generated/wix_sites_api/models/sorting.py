from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sort_order import SortOrder
from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="Sorting")


@_attrs_define
class Sorting:
    """
    Attributes:
        field_name (str): Field to sort by.
        order (SortOrder | None):
    """

    field_name: str
    order: SortOrder | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["fieldName"] = self.field_name
        if self.order is not None:
            field_dict["order"] = self.order.value
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        sorting = new_model(cls)
        sorting.field_name = _pop_("fieldName")

        _order = _pop_("order", None)
        order = None if _order is None else SortOrder(_order)
        sorting.order = order

        sorting.additional_properties = d
        return sorting

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

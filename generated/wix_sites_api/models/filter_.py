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

T = TypeVar("T", bound="Filter")


@_attrs_define
class Filter:
    """A filter in the Wix API query language: `{"field": value}` for equality, `{"field": {"$op":
    value}}` for the operators `$eq $ne $gt $gte $lt $lte $in $nin $exists $startsWith` (not case
    sensitive) `$hasSome $hasAll` (and `$contains` for folder names), combined with `$and`, `$or`,
    `$not`. A filter on a field that cannot be filtered is ignored; an operator that is not known
    or a value of the wrong shape is a 400 `MALFORMED_FILTER`.
    The sandbox answers filters of up to 2,000 values (each condition, each `$and`/`$or` item
    and each array item counts one), arrays of up to 1,000 values in `$in`, `$nin`, `$hasSome`
    and `$hasAll`, and nesting up to 16 levels; a larger filter is a 400 `MALFORMED_FILTER`
    naming the limit.

    """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        filter_ = new_model(cls)

        filter_.additional_properties = d
        return filter_

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

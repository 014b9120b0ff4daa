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

T = TypeVar("T", bound="BulkActionMetadata")


@_attrs_define
class BulkActionMetadata:
    """
    Attributes:
        total_successes (int | None): Number of sites that were deleted successfully.
        total_failures (int | None): Number of sites that were not deleted successfully.
    """

    total_successes: int | None = None
    total_failures: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.total_successes is not None:
            field_dict["totalSuccesses"] = self.total_successes
        if self.total_failures is not None:
            field_dict["totalFailures"] = self.total_failures
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        bulk_action_metadata = new_model(cls)
        bulk_action_metadata.total_successes = _pop_("totalSuccesses", None)

        bulk_action_metadata.total_failures = _pop_("totalFailures", None)

        bulk_action_metadata.additional_properties = d
        return bulk_action_metadata

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

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

T = TypeVar("T", bound="BulkActionMetadata")


@_attrs_define
class BulkActionMetadata:
    """
    Attributes:
        total_successes (int | Unset): Number of sites that were deleted successfully.
        total_failures (int | Unset): Number of sites that were not deleted successfully.
    """

    total_successes: int | Unset = UNSET
    total_failures: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        total_successes = self.total_successes

        total_failures = self.total_failures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_successes is not UNSET:
            field_dict["totalSuccesses"] = total_successes
        if total_failures is not UNSET:
            field_dict["totalFailures"] = total_failures

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        bulk_action_metadata = new_model(cls)
        bulk_action_metadata.total_successes = _pop_("totalSuccesses", UNSET)

        bulk_action_metadata.total_failures = _pop_("totalFailures", UNSET)

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

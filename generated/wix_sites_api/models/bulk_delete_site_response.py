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
    from ..models.bulk_action_metadata import BulkActionMetadata
    from ..models.bulk_site_result import BulkSiteResult


T = TypeVar("T", bound="BulkDeleteSiteResponse")


@_attrs_define
class BulkDeleteSiteResponse:
    """
    Attributes:
        results (list[BulkSiteResult] | Unset): One result per requested site (a repeated id answers once, at its first
            mention), in the order of the request.
        bulk_action_metadata (BulkActionMetadata | Unset):
    """

    results: list[BulkSiteResult] | Unset = UNSET
    bulk_action_metadata: BulkActionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)

        bulk_action_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bulk_action_metadata, Unset):
            bulk_action_metadata = self.bulk_action_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if results is not UNSET:
            field_dict["results"] = results
        if bulk_action_metadata is not UNSET:
            field_dict["bulkActionMetadata"] = bulk_action_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        bulk_delete_site_response = new_model(cls)
        _results = _pop_("results", UNSET)
        results: list[BulkSiteResult] | Unset = (
            UNSET
            if _results is UNSET
            else list(map(BulkSiteResult.from_dict, _results))
        )
        bulk_delete_site_response.results = results

        _bulk_action_metadata = _pop_("bulkActionMetadata", UNSET)
        bulk_action_metadata: BulkActionMetadata | Unset = (
            UNSET
            if _bulk_action_metadata is UNSET
            else BulkActionMetadata.from_dict(_bulk_action_metadata)
        )
        bulk_delete_site_response.bulk_action_metadata = bulk_action_metadata

        bulk_delete_site_response.additional_properties = d
        return bulk_delete_site_response

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


from ..models.bulk_action_metadata import BulkActionMetadata
from ..models.bulk_site_result import BulkSiteResult

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
    from ..models.bulk_action_metadata import BulkActionMetadata
    from ..models.bulk_site_result import BulkSiteResult


T = TypeVar("T", bound="BulkDeleteSiteResponse")


@_attrs_define
class BulkDeleteSiteResponse:
    """
    Attributes:
        results (list[BulkSiteResult] | None): One result per requested site (a repeated id answers once, at its first
            mention), in the order of the request.
        bulk_action_metadata (BulkActionMetadata | None):
    """

    results: list[BulkSiteResult] | None = None
    bulk_action_metadata: BulkActionMetadata | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.results is not None:
            field_dict["results"] = [
                results_item.to_dict() for results_item in self.results
            ]
        if self.bulk_action_metadata is not None:
            field_dict["bulkActionMetadata"] = self.bulk_action_metadata.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        bulk_delete_site_response = new_model(cls)
        _results = _pop_("results", None)
        results = (
            None if _results is None else list(map(BulkSiteResult.from_dict, _results))
        )
        bulk_delete_site_response.results = results

        _bulk_action_metadata = _pop_("bulkActionMetadata", None)
        bulk_action_metadata = (
            None
            if _bulk_action_metadata is None
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

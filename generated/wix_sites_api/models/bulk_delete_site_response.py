from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_dicts,
    dict_get,
    new_model,
    only_keys,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.bulk_action_metadata import BulkActionMetadata
    from ..models.bulk_site_result import BulkSiteResult


T = TypeVar("T", bound="BulkDeleteSiteResponse")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "results",
        "bulkActionMetadata",
    )
)


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
        """The model of one JSON object of the API (ValueError, TypeError or KeyError when it is
        not one)."""
        return cls.from_dicts([src_dict])[0]

    @classmethod
    def from_dicts(cls, src_dicts: Iterable[Mapping[str, Any]]) -> list[Self]:
        """`from_dict` of each JSON object, as a list (how a list of them in an answer is read)."""
        _items_ = list(src_dicts)
        _models_: list[Self] = []
        _get_ = dict_get  # a local name: a global is looked up at each use
        try:
            for _src_ in _items_:
                bulk_delete_site_response = new_model(cls)
                _results = _get_(_src_, "results")
                bulk_delete_site_response.results = (
                    None if _results is None else BulkSiteResult.from_dicts(_results)
                )
                _bulk_action_metadata = _get_(_src_, "bulkActionMetadata")
                bulk_delete_site_response.bulk_action_metadata = (
                    None
                    if _bulk_action_metadata is None
                    else BulkActionMetadata.from_dict(_bulk_action_metadata)
                )
                bulk_delete_site_response.additional_properties = {}
                _models_.append(bulk_delete_site_response)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for bulk_delete_site_response, _src_ in zip(_models_, _items_, strict=True):
                bulk_delete_site_response.additional_properties = {
                    _key_: _value_
                    for _key_, _value_ in _src_.items()
                    if _key_ not in _KEYS_
                }
        return _models_

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

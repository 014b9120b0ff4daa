from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="BulkDeleteSiteRequest")


@_attrs_define
class BulkDeleteSiteRequest:
    """
    Attributes:
        ids (list[str]): Site IDs. Min: 1 site ID; max: 20 site IDs.
    """

    ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["ids"] = self.ids
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        bulk_delete_site_request = new_model(cls)
        _ids = _pop_("ids")

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([*_ids]).encode().translate(GUID_TABLE)
                == GUID_SHAPES[0 + len(_ids)]
            )
        except (TypeError, ValueError):  # not a str, not a list, None; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((), (_ids,))
        bulk_delete_site_request.ids = list(_ids)

        bulk_delete_site_request.additional_properties = d
        return bulk_delete_site_request

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

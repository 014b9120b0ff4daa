from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DuplicateSiteResponse")


@_attrs_define
class DuplicateSiteResponse:
    """
    Attributes:
        new_site_id (UUID | Unset): A Wix GUID.
    """

    new_site_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_site_id: str | Unset = UNSET
        if not isinstance(self.new_site_id, Unset):
            new_site_id = str(self.new_site_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if new_site_id is not UNSET:
            field_dict["newSiteId"] = new_site_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _new_site_id = d.pop("newSiteId", UNSET)
        new_site_id: UUID | Unset
        if isinstance(_new_site_id, Unset):
            new_site_id = UNSET
        else:
            new_site_id = UUID(_new_site_id)

        duplicate_site_response = cls(
            new_site_id=new_site_id,
        )

        duplicate_site_response.additional_properties = d
        return duplicate_site_response

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

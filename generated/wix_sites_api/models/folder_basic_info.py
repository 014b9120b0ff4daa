from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
    UNSET,
    Unset,
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="FolderBasicInfo")


@_attrs_define
class FolderBasicInfo:
    """A folder of a path.

    Attributes:
        id (str | Unset): A Wix GUID.
        name (str | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        folder_basic_info = new_model(cls)
        folder_basic_info.id = id = _pop_("id", UNSET)

        folder_basic_info.name = _pop_("name", UNSET)

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = ",".join([id]).encode().translate(GUID_TABLE) == GUID_SHAPES[1]
        except (
            TypeError,
            ValueError,
        ):  # not a str, not a list, UNSET; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((id,), ())

        folder_basic_info.additional_properties = d
        return folder_basic_info

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

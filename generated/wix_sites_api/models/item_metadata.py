from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.item_error import ItemError


T = TypeVar("T", bound="ItemMetadata")


@_attrs_define
class ItemMetadata:
    """
    Attributes:
        id (str | Unset): Site ID.
        original_index (int | str | Unset): Index of the site in the request array. Wix's description types it as an
            integer;
            its example sends a string ("0").
        success (bool | Unset): Whether the action succeeded for the site; when false, `error` says why.
        error (ItemError | None | Unset): Details about the error; absent or null on success.
    """

    id: str | Unset = UNSET
    original_index: int | str | Unset = UNSET
    success: bool | Unset = UNSET
    error: ItemError | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.item_error import ItemError

        id = self.id

        original_index: int | str | Unset
        if isinstance(self.original_index, Unset):
            original_index = UNSET
        else:
            original_index = self.original_index

        success = self.success

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ItemError):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if original_index is not UNSET:
            field_dict["originalIndex"] = original_index
        if success is not UNSET:
            field_dict["success"] = success
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        item_metadata = new_model(cls)
        item_metadata.id = _pop_("id", UNSET)

        def _parse_original_index(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        original_index = _parse_original_index(_pop_("originalIndex", UNSET))
        item_metadata.original_index = original_index

        item_metadata.success = _pop_("success", UNSET)

        def _parse_error(data: object) -> ItemError | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ItemError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemError | None | Unset, data)

        error = _parse_error(_pop_("error", UNSET))
        item_metadata.error = error

        item_metadata.additional_properties = d
        return item_metadata

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


from ..models.item_error import ItemError

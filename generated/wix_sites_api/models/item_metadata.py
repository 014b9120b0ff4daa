from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
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
        id (str | None): Site ID.
        original_index (int | str | None): Index of the site in the request array. Wix's description types it as an
            integer;
            its example sends a string ("0").
        success (bool | None): Whether the action succeeded for the site; when false, `error` says why.
        error (ItemError | None): Details about the error; absent or null on success.
    """

    id: str | None = None
    original_index: int | str | None = None
    success: bool | None = None
    error: ItemError | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    #: the keys of the fields above that the server sent as null (they read None, like absent ones)
    _explicit_nulls: frozenset[str] = _attrs_field(
        init=False, factory=frozenset, eq=False, repr=False
    )

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.id is not None:
            field_dict["id"] = self.id
        if self.original_index is not None:
            field_dict["originalIndex"] = self.original_index
        if self.success is not None:
            field_dict["success"] = self.success
        if self.error is not None:
            field_dict["error"] = (
                self.error.to_dict()
                if isinstance(self.error, ItemError)
                else self.error
            )
        elif "error" in self._explicit_nulls:
            field_dict["error"] = None
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        item_metadata = new_model(cls)
        item_metadata._explicit_nulls = frozenset(
            _key_ for _key_ in ("error",) if d.get(_key_, 0) is None
        )
        item_metadata.id = _pop_("id", None)

        def _parse_original_index(data: object) -> int | str | None:
            if data is None:
                return data
            return cast(int | str | None, data)

        original_index = _parse_original_index(_pop_("originalIndex", None))
        item_metadata.original_index = original_index

        item_metadata.success = _pop_("success", None)

        def _parse_error(data: object) -> ItemError | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ItemError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemError | None, data)

        error = _parse_error(_pop_("error", None))
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

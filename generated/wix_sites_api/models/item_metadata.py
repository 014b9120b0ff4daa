from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

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
    from ..models.item_error import ItemError


T = TypeVar("T", bound="ItemMetadata")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "id",
        "originalIndex",
        "success",
        "error",
    )
)


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
                item_metadata = new_model(cls)
                item_metadata._explicit_nulls = frozenset(
                    _key_ for _key_ in ("error",) if _get_(_src_, _key_, 0) is None
                )
                item_metadata.id = _get_(_src_, "id")

                def _parse_original_index(data: object) -> int | str | None:
                    if data is None:
                        return data
                    return cast(int | str | None, data)

                item_metadata.original_index = _parse_original_index(
                    _get_(_src_, "originalIndex")
                )
                item_metadata.success = _get_(_src_, "success")

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

                item_metadata.error = _parse_error(_get_(_src_, "error"))
                item_metadata.additional_properties = {}
                _models_.append(item_metadata)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for item_metadata, _src_ in zip(_models_, _items_, strict=True):
                item_metadata.additional_properties = {
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


from ..models.item_error import ItemError

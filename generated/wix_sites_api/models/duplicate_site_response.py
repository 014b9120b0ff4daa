from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    as_dicts,
    check_guids,
    dict_get,
    new_model,
    only_keys,
    set_fields_repr,
)

T = TypeVar("T", bound="DuplicateSiteResponse")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(("newSiteId",))


@_attrs_define
class DuplicateSiteResponse:
    """
    Attributes:
        new_site_id (str | None): A Wix GUID.
    """

    new_site_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.new_site_id is not None:
            field_dict["newSiteId"] = self.new_site_id
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
        # the values of the GUID fields of every object, checked at once after the loop
        _guids_: list[object] = []
        # bound once (a method called on a local name is bound again at each call)
        _guid_ = _guids_.append
        _get_ = dict_get  # a local name: a global is looked up at each use
        try:
            for _src_ in _items_:
                duplicate_site_response = new_model(cls)
                duplicate_site_response.new_site_id = _new_site_id = _get_(
                    _src_, "newSiteId"
                )
                _guid_(_new_site_id)
                duplicate_site_response.additional_properties = {}
                _models_.append(duplicate_site_response)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for duplicate_site_response, _src_ in zip(_models_, _items_, strict=True):
                duplicate_site_response.additional_properties = {
                    _key_: _value_
                    for _key_, _value_ in _src_.items()
                    if _key_ not in _KEYS_
                }
        check_guids(_guids_)
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

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

T = TypeVar("T", bound="SiteTransfer")

#: the keys of the fields: any other key of a JSON object is an additional property
_KEYS_ = frozenset(
    (
        "siteId",
        "sourceAccountId",
        "enableNotifications",
    )
)


@_attrs_define
class SiteTransfer:
    """A site transfer. The target account is the `wix-account-id` header of the request, never a
    field here.

        Attributes:
            site_id (str): A Wix GUID.
            source_account_id (str): A Wix GUID.
            enable_notifications (bool | None): Whether the site owner receives an email from Wix about the successful
                transfer (none is
                sent about failed transfers). Default `false`.
                 Default: False.
    """

    site_id: str
    source_account_id: str
    enable_notifications: bool | None = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["siteId"] = self.site_id
        field_dict["sourceAccountId"] = self.source_account_id
        if self.enable_notifications is not None:
            field_dict["enableNotifications"] = self.enable_notifications
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
                site_transfer = new_model(cls)
                site_transfer.site_id = _site_id = _src_["siteId"]
                _guid_(_site_id)
                site_transfer.source_account_id = _source_account_id = _src_[
                    "sourceAccountId"
                ]
                _guid_(_source_account_id)
                site_transfer.enable_notifications = _get_(_src_, "enableNotifications")
                site_transfer.additional_properties = {}
                _models_.append(site_transfer)
        except TypeError:
            # dict_get takes dicts only: once they are dicts, a TypeError is a value of a wrong type
            if (_dicts_ := as_dicts(_items_)) is None:
                raise
            return cls.from_dicts(_dicts_)
        if not only_keys(_KEYS_, _items_):  # the other keys: additional properties
            for site_transfer, _src_ in zip(_models_, _items_, strict=True):
                site_transfer.additional_properties = {
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

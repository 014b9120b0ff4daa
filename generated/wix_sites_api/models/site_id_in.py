from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import (
    check_guids,
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="SiteIdIn")


@_attrs_define
class SiteIdIn:
    """
    Attributes:
        in_ (list[str]):
    """

    in_: list[str]

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict["$in"] = self.in_
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
        for _src_ in _items_:
            site_id_in = new_model(cls)
            site_id_in.in_ = _in_ = _src_["$in"]
            _guids_ += _in_
            _models_.append(site_id_in)
        check_guids(_guids_)
        return _models_

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import guid, set_fields_repr

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
        in_ = []
        for in_item_data in self.in_:
            in_item = str(in_item_data)
            in_.append(in_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "$in": in_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        in_ = []
        _in_ = d.pop("$in")
        for in_item_data in _in_:
            in_item = guid(in_item_data)

            in_.append(in_item)

        site_id_in = cls(
            in_=in_,
        )

        return site_id_in

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import (
    GUID_SHAPES,
    GUID_TABLE,
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
        d = dict(src_dict)
        _pop_ = d.pop
        site_id_in = new_model(cls)
        _in_ = _pop_("$in")

        # every GUID field of the model checked at once; one by one when one is absent or wrong
        try:
            _guids_ok_ = (
                ",".join([*_in_]).encode().translate(GUID_TABLE)
                == GUID_SHAPES[0 + len(_in_)]
            )
        except (TypeError, ValueError):  # not a str, not a list, None; a lone surrogate
            _guids_ok_ = False
        if not _guids_ok_:
            check_guids((), (_in_,))
        site_id_in.in_ = list(_in_)
        return site_id_in

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import (
    new_model,
    set_fields_repr,
)

if TYPE_CHECKING:
    from ..models.site_id_in import SiteIdIn


T = TypeVar("T", bound="SiteIdFilter")


@_attrs_define
class SiteIdFilter:
    """The only supported form of the sites filter of Move Sites To Folder.

    Attributes:
        id (SiteIdIn):
    """

    id: SiteIdIn

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict["id"] = self.id.to_dict()
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        site_id_filter = new_model(cls)
        id = SiteIdIn.from_dict(_pop_("id"))
        site_id_filter.id = id

        return site_id_filter


from ..models.site_id_in import SiteIdIn

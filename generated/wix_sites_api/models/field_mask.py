from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_mask_path import FieldMaskPath
from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="FieldMask")


@_attrs_define
class FieldMask:
    """Wix's FieldMask (`google.protobuf.FieldMask`): the paths of the fields to update. Update Folder
    in the sandbox can update only the folder's name, so `name` is the only path it takes; an
    empty list means every field sent.

        Attributes:
            paths (list[FieldMaskPath] | None): The set of field mask paths.
    """

    paths: list[FieldMaskPath] | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.paths is not None:
            field_dict["paths"] = [paths_item.value for paths_item in self.paths]
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        field_mask = new_model(cls)
        _paths = _pop_("paths", None)
        paths = (
            None
            if _paths is None
            else [FieldMaskPath(paths_item_data) for paths_item_data in _paths]
        )
        field_mask.paths = paths

        field_mask.additional_properties = d
        return field_mask

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

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    new_model,
    set_fields_repr,
)

T = TypeVar("T", bound="NewFolder")


@_attrs_define
class NewFolder:
    """
    Attributes:
        name (str): A folder name: at least one non-blank character and no control characters (line breaks,
            tabs, NUL), which Wix does not document but which no folder list can show; no "/", and
            not ".", ".." or "root" (in any case), so that a folder path ("Clients/Acme") names at most
            one folder. Names are compared Unicode-normalized (NFC): "Café" typed with a combining
            accent and with a precomposed "é" is the same name, so two siblings cannot have them. At
            most 256 characters.
        parent_id (str | None): A folder id, or `""` or `"root"` for root. Wix's Create Folder example sends
            `"parentId":
            "root"`, and Wix documents `maxLength: 36` for Move Sites To Folder's `targetFolderId`.
    """

    name: str
    parent_id: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["name"] = self.name
        if self.parent_id is not None:
            field_dict["parentId"] = self.parent_id
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        new_folder = new_model(cls)
        new_folder.name = _pop_("name")

        new_folder.parent_id = _pop_("parentId", None)

        new_folder.additional_properties = d
        return new_folder

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

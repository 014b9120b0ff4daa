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
    from ..models.field_mask import FieldMask
    from ..models.folder_patch import FolderPatch


T = TypeVar("T", bound="UpdateFolderRequest")


@_attrs_define
class UpdateFolderRequest:
    """Every field is optional, as Wix documents (the folder id is the URL's).

    Attributes:
        folder (FolderPatch | None): The folder fields to update; the URL's folder id overrides `id`. Wix requires
            `folder.id`,
            which the URL binds; `name` is optional.
        field_mask (FieldMask | str | None): The fields to update: Wix's FieldMask (`{"paths": ["name"]}`) or the string
            form of Wix's
            example (`"name"`). Absent: the fields sent.
    """

    folder: FolderPatch | None = None
    field_mask: FieldMask | str | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if self.folder is not None:
            field_dict["folder"] = self.folder.to_dict()
        if self.field_mask is not None:
            field_dict["fieldMask"] = (
                self.field_mask.to_dict()
                if isinstance(self.field_mask, FieldMask)
                else self.field_mask
            )
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        update_folder_request = new_model(cls)
        _folder = _pop_("folder", None)
        folder = None if _folder is None else FolderPatch.from_dict(_folder)
        update_folder_request.folder = folder

        def _parse_field_mask(data: object) -> FieldMask | str | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                field_mask_type_0 = FieldMask.from_dict(data)

                return field_mask_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FieldMask | str | None, data)

        field_mask = _parse_field_mask(_pop_("fieldMask", None))
        update_folder_request.field_mask = field_mask

        update_folder_request.additional_properties = d
        return update_folder_request

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


from ..models.field_mask import FieldMask
from ..models.folder_patch import FolderPatch

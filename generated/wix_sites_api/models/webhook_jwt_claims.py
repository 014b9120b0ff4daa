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

T = TypeVar("T", bound="WebhookJwtClaims")


@_attrs_define
class WebhookJwtClaims:
    """The claims of a webhook JWT. Wix's published sample token has the header `{"kid": ...,
    "alg": "RS256"}` and the claims `data`, `iat` and `exp` (`exp` 300,000 seconds after
    `iat`). Wix's own handlers read `JSON.parse(claims.data)`: `data` is the envelope as JSON
    text.

        Attributes:
            data (str): The `WebhookEnvelope`, as JSON text.
            iat (int | None): When the token was signed (seconds since the Unix epoch).
            exp (int | None): When the token expires (seconds since the Unix epoch).
    """

    data: str
    iat: int | None = None
    exp: int | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, with the API's field names: absent fields are left out."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["data"] = self.data
        if self.iat is not None:
            field_dict["iat"] = self.iat
        if self.exp is not None:
            field_dict["exp"] = self.exp
        return field_dict

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_jwt_claims = new_model(cls)
        webhook_jwt_claims.data = _pop_("data")

        webhook_jwt_claims.iat = _pop_("iat", None)

        webhook_jwt_claims.exp = _pop_("exp", None)

        webhook_jwt_claims.additional_properties = d
        return webhook_jwt_claims

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

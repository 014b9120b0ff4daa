from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
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
            iat (int | Unset): When the token was signed (seconds since the Unix epoch).
            exp (int | Unset): When the token expires (seconds since the Unix epoch).
    """

    data: str
    iat: int | Unset = UNSET
    exp: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return set_fields_repr(self)

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        iat = self.iat

        exp = self.exp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if iat is not UNSET:
            field_dict["iat"] = iat
        if exp is not UNSET:
            field_dict["exp"] = exp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _pop_ = d.pop
        webhook_jwt_claims = new_model(cls)
        webhook_jwt_claims.data = _pop_("data")

        webhook_jwt_claims.iat = _pop_("iat", UNSET)

        webhook_jwt_claims.exp = _pop_("exp", UNSET)

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

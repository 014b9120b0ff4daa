from enum import StrEnum


class WebhookIdentityIdentityType(StrEnum):
    ANONYMOUS_VISITOR = "ANONYMOUS_VISITOR"
    APP = "APP"
    MEMBER = "MEMBER"
    UNKNOWN = "UNKNOWN"
    WIX_USER = "WIX_USER"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "WebhookIdentityIdentityType | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, WebhookIdentityIdentityType] = {
    member.value: member for member in WebhookIdentityIdentityType
}

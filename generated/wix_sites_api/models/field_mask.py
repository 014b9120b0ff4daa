from enum import StrEnum


class FieldMask(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "FieldMask | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, FieldMask] = {member.value: member for member in FieldMask}

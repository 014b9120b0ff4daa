from enum import StrEnum


class FieldMaskPath(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "FieldMaskPath | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, FieldMaskPath] = {member.value: member for member in FieldMaskPath}

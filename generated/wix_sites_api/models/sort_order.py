from enum import StrEnum


class SortOrder(StrEnum):
    ASC = "ASC"
    DESC = "DESC"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "SortOrder | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, SortOrder] = {member.value: member for member in SortOrder}

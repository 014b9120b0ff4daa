from enum import StrEnum


class EditorType(StrEnum):
    ADI = "ADI"
    EDITOR = "EDITOR"
    EDITORX = "EDITORX"
    STUDIO = "STUDIO"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def from_value(cls, value: str) -> "EditorType | str":
        """The member whose value is `value`, or `value` itself when it is none of them."""
        return BY_VALUE.get(value, value)


BY_VALUE: dict[str, EditorType] = {member.value: member for member in EditorType}

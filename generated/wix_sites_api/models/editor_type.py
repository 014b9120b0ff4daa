from enum import StrEnum


class EditorType(StrEnum):
    ADI = "ADI"
    EDITOR = "EDITOR"
    EDITORX = "EDITORX"
    STUDIO = "STUDIO"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)

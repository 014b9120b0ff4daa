from enum import StrEnum


class FieldMaskPath(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

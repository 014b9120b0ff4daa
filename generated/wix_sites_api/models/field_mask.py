from enum import StrEnum


class FieldMask(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

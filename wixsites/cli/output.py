"""Where and how things are printed: data on standard output (a table, JSON or CSV), messages on
standard error; colour only on a terminal (rich decides, and honours ``NO_COLOR``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import click
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

__all__ = ["FORMATS", "Column", "Output", "to_jsonable"]

FORMATS = ("table", "json", "csv")
Format = Literal["table", "json", "csv"]
# Off a terminal rich would wrap tables at 80 columns; a pipe or a file wants whole lines.
_PIPE_WIDTH = 1000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: Literal["left", "right"] = "left"


def to_jsonable(value: Any) -> Any:
    """Generated models (``to_dict``), dates and UUIDs as JSON can hold them."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


class Output:
    """The format chosen on the command line, and the two consoles."""

    def __init__(self, format: Format = "table") -> None:
        self.format: Format = format
        self.out = Console(highlight=False, width=None if sys.stdout.isatty() else _PIPE_WIDTH)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    @property
    def json(self) -> bool:
        return self.format == "json"

    # messages: standard error, one line each
    def info(self, message: str | Text) -> None:
        self.err.print(message, markup=False)

    def success(self, message: str) -> None:
        self.err.print(Text(message, style="green"))

    def warn(self, message: str) -> None:
        self.err.print(Text("warning: ", style="yellow bold") + Text(message))

    # data: standard output
    def emit_json(self, payload: Any, *, one_line: bool = False) -> None:
        indent = None if one_line else 2
        click.echo(json.dumps(to_jsonable(payload), indent=indent, ensure_ascii=False))

    def show(self, renderable: RenderableType) -> None:
        self.out.print(renderable)

    def line(self, text: str) -> None:
        click.echo(text)

    def records(
        self,
        columns: Sequence[Column],
        rows: Sequence[Mapping[str, Any]],
        *,
        json_payload: Any = None,
        title: str | None = None,
    ) -> None:
        """Rows as a table, CSV, or JSON (`json_payload`, by default the rows themselves)."""
        if self.format == "json":
            self.emit_json(rows if json_payload is None else json_payload)
        elif self.format == "csv":
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow([c.key for c in columns])
            for row in rows:
                writer.writerow([_csv_cell(row.get(c.key)) for c in columns])
        else:
            table = Table(title=title, header_style="bold", title_justify="left")
            for column in columns:
                table.add_column(column.header, justify=column.justify, overflow="fold")
            for row in rows:
                table.add_row(*(Text(_cell(row.get(c.key))) for c in columns))
            self.out.print(table)

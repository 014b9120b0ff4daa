"""Where and how things are printed: data on standard output (a table, JSON, CSV or bare ids),
messages on standard error; colour only on a terminal, and never with ``NO_COLOR`` or
``--no-color``. On a terminal, tables never cut an id or a date: other columns are shortened, and
when even that does not fit the terminal, each row is printed as a block of ``key: value`` lines
instead. Off a terminal (a pipe, a file), a table is plain tab-separated rows under a header row,
whole, as ``gh`` prints them."""

from __future__ import annotations

import errno
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import click
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from wixsites.cli.cells import dumps, tab_separated_cell, text_cell, write_csv
from wixsites.cli.envvars import color_wanted
from wixsites.redaction import Redactor, inert

__all__ = ["FORMATS", "Column", "Output", "color_wanted", "to_jsonable"]

FORMATS = ("table", "json", "csv", "ids")
Format = Literal["table", "json", "csv", "ids"]
_MIN_COLUMN = 8  # the narrowest a shortened column gets before the stacked layout is used
# Off a terminal rich would wrap tables at 80 columns; a pipe or a file wants whole lines.
_PIPE_WIDTH = 1000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: Literal["left", "right"] = "left"
    whole: bool = False  # never shortened in a table (ids are whole anyway), e.g. a date


class _StdoutConsole(Console):
    """Standard output's console: a closed pipe (``| head``) is raised as the ``EPIPE`` it is, so
    that the command decides what it means (rich's own handling exits with status 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "the reader of standard output went away")


def _is_id(column: Column) -> bool:
    return column.key == "id" or column.key.endswith(("Id", "_id"))


def _is_whole(column: Column) -> bool:
    return column.whole or _is_id(column)


def to_jsonable(value: Any) -> Any:
    """Generated models and results (``to_dict``), dates (as the API writes them) and UUIDs as
    JSON can hold them: the SDK's `json_ready`."""
    from wixsites.serialize import json_ready

    return json_ready(value)


class Output:
    """The format chosen on the command line, and the two consoles."""

    def __init__(self, format: Format = "table", *, color: bool = True) -> None:
        self.format: Format = format
        self.color = color
        system: Any = "auto" if color else None
        self.out = _StdoutConsole(
            highlight=False,
            width=None if sys.stdout.isatty() else _PIPE_WIDTH,
            color_system=system,
        )
        self.err = Console(stderr=True, highlight=False, soft_wrap=True, color_system=system)
        # Set once the client is made: hides its secrets in everything printed, too.
        self.redactor: Redactor | None = None

    @property
    def terminal(self) -> bool:
        """Whether standard output is a terminal (else tables are tab-separated rows)."""
        return sys.stdout.isatty()

    def clean(self, text: str) -> str:
        """`text` made inert, and the client's secrets hidden: for any text a server could have
        written."""
        return self.redactor(text) if self.redactor is not None else inert(text)

    def _lines(self, text: str) -> str:
        """`text` made clean line by line (its line breaks kept)."""
        return "\n".join(self.clean(part) for part in text.split("\n"))

    @property
    def json(self) -> bool:
        return self.format == "json"

    # messages: standard error, one line each
    def info(self, message: str | Text) -> None:
        self.err.print(self._lines(message) if isinstance(message, str) else message, markup=False)

    def success(self, message: str) -> None:
        self.err.print(Text(self._lines(message), style="green"))

    def warn(self, message: str) -> None:
        self.err.print(Text("warning: ", style="yellow bold") + Text(self._lines(message)))

    # data: standard output
    def emit_json(self, payload: Any, *, one_line: bool = False) -> None:
        hide = None if self.redactor is None else self.redactor.hide
        click.echo(dumps(to_jsonable(payload), indent=None if one_line else 2, hide=hide))

    def result(self, payload: Mapping[str, Any], message: str, *, ids: Sequence[str] = ()) -> None:
        """The outcome of a command that changed or found one thing: `message` in a table's
        stead, the payload as JSON or as a one-row CSV, or `ids` (default: the payload's "id")."""
        if self.format == "table":
            self.line(message)
        elif self.format == "ids":
            for item in ids or ([str(payload["id"])] if payload.get("id") else []):
                self.line(item)
        else:
            columns = [Column(key, key) for key in payload]
            flat = {
                k: dumps(to_jsonable(v), indent=None) if isinstance(v, list | dict) else v
                for k, v in payload.items()
            }
            self.records(columns, [flat], json_payload=payload)

    def show(self, renderable: RenderableType) -> None:
        self.out.print(renderable)

    def line(self, text: str) -> None:
        click.echo(self._lines(text))

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
            header = [c.key for c in columns]
            write_csv(
                sys.stdout, header, ([r.get(c.key) for c in columns] for r in rows), self.clean
            )
        elif self.format == "ids":
            key = next((c.key for c in columns if _is_id(c)), "id")
            for row in rows:
                if row.get(key):
                    click.echo(text_cell(row[key], self.clean))
        elif not self.terminal:
            self._tab_separated(columns, rows)
        else:
            widths = self._widths(columns, rows)
            if widths is None:
                self._stacked(columns, rows, title)
                return
            table = Table(title=title, header_style="bold", title_justify="left")
            for column, width in zip(columns, widths, strict=True):
                table.add_column(
                    column.header,
                    justify=column.justify,
                    overflow="ellipsis",
                    no_wrap=True,
                    width=width,
                )
            for row in rows:
                table.add_row(*(Text(text_cell(row.get(c.key), self.clean)) for c in columns))
            self.out.print(table)

    def _widths(
        self, columns: Sequence[Column], rows: Sequence[Mapping[str, Any]]
    ) -> list[int] | None:
        """Each column's width so that the table fits standard output with every id and date
        whole, the other columns sharing what is left (each at least `_MIN_COLUMN`, or its
        content if narrower); None when even that does not fit."""
        natural = [
            max([len(c.header), *(len(text_cell(r.get(c.key), self.clean)) for r in rows)])
            for c in columns
        ]
        room = self.out.width - 1 - 3 * len(columns)  # the borders, a space either side of a cell
        room -= sum(w for c, w in zip(columns, natural, strict=True) if _is_whole(c))
        others = [i for i, c in enumerate(columns) if not _is_whole(c)]
        if room < sum(min(natural[i], _MIN_COLUMN) for i in others):
            return None
        widths = list(natural)
        pending = sorted(others, key=lambda i: natural[i])  # the narrow ones take what they need
        while pending:
            share = room // len(pending)
            i = pending.pop(0)
            widths[i] = max(min(natural[i], share), min(natural[i], _MIN_COLUMN))
            room -= widths[i]
        return widths

    def _tab_separated(self, columns: Sequence[Column], rows: Sequence[Mapping[str, Any]]) -> None:
        """The header row, then one line a row, cells separated by tabs (none holds one: a cell
        is inert, its tabs and line breaks made spaces, and starts no spreadsheet formula)."""
        click.echo("\t".join(self.clean(c.header) for c in columns))
        for row in rows:
            click.echo("\t".join(tab_separated_cell(row.get(c.key), self.clean) for c in columns))

    def _stacked(
        self, columns: Sequence[Column], rows: Sequence[Mapping[str, Any]], title: str | None
    ) -> None:
        """One block per row for terminals too narrow for the table: the id alone on the first
        line (never wrapped), then ``header: value`` lines, wrapped as the terminal needs."""
        if title:
            self.out.print(Text(title, style="bold"))
        key = next((c for c in columns if _is_id(c)), None)
        rest = [c for c in columns if c is not key]
        width = max(len(c.header) for c in rest) if rest else 0
        for number, row in enumerate(rows):
            if number:
                click.echo("")
            if key is not None:
                self.out.print(
                    Text(text_cell(row.get(key.key), self.clean), style="bold"),
                    no_wrap=True,
                    crop=False,
                )
            for column in rest:
                label = Text(f"  {column.header:<{width}}  ", style="dim")
                self.out.print(
                    label + Text(text_cell(row.get(column.key), self.clean)), overflow="fold"
                )

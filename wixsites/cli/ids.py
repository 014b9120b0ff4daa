"""Reading site ids from arguments, a CSV or plain text file, or standard input.

A CSV's id column is found by its header (``site_id``, ``siteId``, ``site id``, ``id``...,
case-insensitive), else it is the first column. A plain text file holds one id per line; blank
lines and ``#`` comments are skipped. Every id must be a GUID; duplicates are dropped, keeping the
first.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from wixsites.cli.errors import InputError

__all__ = ["GUID_RE", "collect_site_ids", "is_guid", "parse_ids", "read_ids_file"]

GUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
# Header names of an id column, normalised (lower case, letters and digits only), best first.
_ID_HEADERS = ("siteid", "siteguid", "id", "guid", "site")
_DELIMITERS = (",", "\t", ";")
STDIN = "-"


def is_guid(value: str) -> bool:
    return GUID_RE.match(value) is not None


def _normalised(header: str) -> str:
    return re.sub(r"[^0-9a-z]", "", header.lower())


def _checked(value: str, where: str = "") -> str:
    if not is_guid(value):
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise InputError(
            f"{where + ': ' if where else ''}{shown!r} is not a site id (expected a GUID such as "
            "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd)"
        )
    return value.lower()


def _first_content_line(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped
    return ""


def _looks_like_csv(text: str, name: str) -> bool:
    if name.lower().endswith((".csv", ".tsv")):
        return True
    first = _first_content_line(text)
    return any(d in first for d in _DELIMITERS)


def _delimiter(text: str, name: str) -> str:
    if name.lower().endswith(".tsv"):
        return "\t"
    first = re.sub(r'"[^"]*"', "", _first_content_line(text))  # a quoted comma is no delimiter
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _ids_from_text(text: str, name: str) -> list[str]:
    ids: list[str] = []
    first = True
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.split("#", 1)[0].strip()
        if not value:
            continue
        # one column cut from a CSV export (`cut -d, -f1 export.csv`) keeps its header
        if first and _id_column([value]) is not None:
            first = False
            continue
        first = False
        ids.append(_checked(value, f"{name} line {number}"))
    return ids


def _id_column(header: list[str]) -> int | None:
    names = [_normalised(cell) for cell in header]
    for wanted in _ID_HEADERS:
        if wanted in names:
            return names.index(wanted)
    return None


def _ids_from_csv(text: str, name: str) -> list[str]:
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(text, name), strict=True
    )
    ids: list[str] = []
    column: int | None = None
    column_name = "the first column"
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            where = f"{name} line {reader.line_num}"
            if column is None:
                column = _id_column(cells)
                if column is not None:
                    column_name = f"column {row[column].strip()!r}"
                    continue
                column = 0
                if not is_guid(cells[0]):
                    continue  # a header without a known id column: ids are in the first column
            if column >= len(cells):
                raise InputError(
                    f"{where}: malformed CSV: the row has {len(cells)} field(s), no {column_name}"
                )
            if not cells[column]:
                raise InputError(f"{where}: malformed CSV: {column_name} is empty")
            ids.append(_checked(cells[column], f"{where} ({column_name})"))
    except csv.Error as error:
        raise InputError(f"{name} line {reader.line_num}: malformed CSV: {error}") from None
    return ids


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def parse_ids(text: str, name: str) -> list[str]:
    """The site ids in `text` (the content of `name`, a file name or ``<stdin>``), in order."""
    text = text.removeprefix("\ufeff")  # a byte order mark (files get it stripped on reading)
    if "\x00" in text:
        raise InputError(f"{name}: malformed input: a binary file, not CSV or text")
    parse = _ids_from_csv if _looks_like_csv(text, name) else _ids_from_text
    return _unique(parse(text, name))


def _read(stream: TextIO, name: str) -> str:
    try:
        return stream.read()
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not a UTF-8 text or CSV file ({error.reason})") from None


def read_ids_file(path: str, stdin: TextIO | None = None) -> list[str]:
    """The site ids of the file at `path`, or of standard input for ``-``."""
    if path == STDIN:
        return parse_ids(_read(stdin or sys.stdin, "<stdin>"), "<stdin>")
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    try:
        with file.open(encoding="utf-8-sig", newline="") as stream:
            return parse_ids(_read(stream, path), path)
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror or error})") from None


def collect_site_ids(
    arguments: Sequence[str], from_file: str | None, stdin: TextIO | None = None
) -> list[str]:
    """Ids from arguments (``-`` reads standard input) and from `from_file`, validated, deduplicated."""
    ids: list[str] = []
    for argument in arguments:
        if argument == STDIN:
            ids.extend(read_ids_file(STDIN, stdin))
        else:
            ids.append(_checked(argument.strip()))
    if from_file is not None:
        ids.extend(read_ids_file(from_file, stdin))
    return _unique(ids)

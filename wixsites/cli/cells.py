"""How a value is written where a server's text may land: a table cell or a message on the
terminal, a CSV cell, a JSON document. Each is inert: no terminal escape sequence, no control
character, no spreadsheet formula.

CSV cells, and the cells of a table written to a pipe or a file (tab-separated rows, which
spreadsheets open as readily), follow OWASP's advice on CSV injection: a cell that starts with
``=``, ``+``, ``-`` or ``@`` gets a leading ``'``, which spreadsheets show as text and do not
evaluate. A plain number (``-5``, ``-0.25``, ``+3``) is no formula and is written as it is; an id
never starts with those characters (site and folder ids are GUIDs).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from wixsites.redaction import inert

__all__ = ["Clean", "csv_cell", "dumps", "tab_separated_cell", "text_cell", "write_csv"]

# What makes a text inert: `inert`, or a client's `Redactor`, which also hides its secrets.
Clean = Callable[[str], str]

_FORMULA_START = ("=", "+", "-", "@")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
# Characters JSON may hold raw inside a string that a terminal could still act on, or that
# reorder how a text reads: written as \u escapes (the same JSON value).
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def text_cell(value: Any, clean: Clean = inert) -> str:
    """A value as a table cell or in a message: yes/no for booleans, "" for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return clean(str(value))


def _no_formula(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_cell(value: Any, clean: Clean = inert) -> str:
    """A value as a CSV cell: true/false for booleans, "" for None, formulas neutralised."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return _no_formula(clean(str(value)))


def tab_separated_cell(value: Any, clean: Clean = inert) -> str:
    """A value as a cell of a table off a terminal: a `text_cell`, formulas neutralised."""
    return _no_formula(text_cell(value, clean))


def write_csv(
    stream: IO[str],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    clean: Clean = inert,
) -> None:
    """A header row, then every row, each cell a `csv_cell`."""
    import csv  # (only here: most commands write no CSV)

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([csv_cell(h, clean) for h in header])
    writer.writerows([csv_cell(v, clean) for v in row] for row in rows)


def dumps(payload: Any, *, indent: int | None = 2, hide: Clean | None = None) -> str:
    """JSON text of `payload` (already JSON-ready), non-ASCII letters as they are, the controls
    JSON would leave raw escaped, and `hide` (a `Redactor.hide`) applied to every string."""
    if hide is not None:
        payload = _each_string(payload, hide)
    return json.dumps(payload, indent=indent, ensure_ascii=False).translate(_JSON_ESCAPES)


def _each_string(value: Any, change: Clean) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {change(k): _each_string(v, change) for k, v in value.items()}
    if isinstance(value, list):
        return [_each_string(v, change) for v in value]
    return value

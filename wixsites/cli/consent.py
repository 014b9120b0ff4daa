"""Consent before a change: asked on a terminal; without one, a destructive command (trash,
delete, transfer, purge, sandbox reset) needs ``--yes`` and otherwise changes nothing.

Saying no is not an error: "Nothing changed." and exit status 5 (`Cancelled`).
"""

from __future__ import annotations

import sys

import click

from wixsites.cli.errors import Cancelled, InputError

__all__ = ["confirm", "on_terminal"]


def on_terminal() -> bool:
    """Whether a question can be asked: standard input is a terminal (not a pipe or a file)."""
    return sys.stdin.isatty()


def confirm(question: str, *, yes: bool, destructive: str | None = None, hint: str = "") -> None:
    """Ask `question` on a terminal, unless `yes`. Without a terminal, go ahead; or, for a
    destructive change (`destructive` says what it would do, with the numbers of its dry run),
    refuse with a usage error before anything changed. `hint`: where to see more."""
    if yes:
        return
    if on_terminal():
        if not click.confirm(question, default=False, err=True):
            raise Cancelled()
        return
    if destructive is not None:
        raise InputError(
            f"{destructive}: with no terminal to ask on, that needs --yes; nothing was changed"
            + (f" ({hint})" if hint else "")
        )

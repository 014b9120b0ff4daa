"""The errors the command line raises itself, and their exit statuses (2: usage, 1: failure)."""

from __future__ import annotations

import click

__all__ = ["CommandFailed", "InputError", "Interrupted"]


class InputError(click.UsageError):
    """Bad input from the user (a malformed file, an unknown folder, an invalid id): exit status 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class CommandFailed(click.ClickException):
    """The command ran but did not (entirely) succeed; its report is already printed: exit status 1."""

    exit_code = 1


class Interrupted(click.ClickException):
    """Ctrl-C in the middle of a bulk move: exit status 130, saying how far it got."""

    exit_code = 130

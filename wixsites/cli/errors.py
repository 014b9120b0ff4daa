"""The errors the command line raises itself, and their exit statuses (see `exitcodes`)."""

from __future__ import annotations

import click

from wixsites.cli.exitcodes import AUTH, CANCELLED, FAILURE, INTERRUPTED, PARTIAL

__all__ = [
    "Cancelled",
    "CommandFailed",
    "CredentialsMissing",
    "InputError",
    "Interrupted",
    "Partial",
]

NOTHING_CHANGED = "Nothing changed."


class InputError(click.UsageError):
    """Bad input from the user (a malformed file, an unknown folder, an invalid id): exit status 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class CommandFailed(click.ClickException):
    """The command failed (or stopped halfway, as its message says): exit status 1."""

    exit_code = FAILURE


class Partial(click.ClickException):
    """A bulk command ran, but some ids failed or are uncertain (or, in a dry run, would fail);
    its report, already printed, says which: exit status 3."""

    exit_code = PARTIAL


class CredentialsMissing(click.ClickException):
    """No credentials to act with, and no sandbox asked for: exit status 4."""

    exit_code = AUTH


class Interrupted(click.ClickException):
    """Ctrl-C in the middle of a bulk move: exit status 130, saying how far it got."""

    exit_code = INTERRUPTED


class Cancelled(click.ClickException):
    """Answered no at a prompt: not an error; "Nothing changed." and exit status 5."""

    exit_code = CANCELLED

    def __init__(self, message: str = NOTHING_CHANGED) -> None:
        super().__init__(message)

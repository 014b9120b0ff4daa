"""The errors the command line raises itself, and their exit statuses (see `exitcodes`)."""

from __future__ import annotations

import click

from wixsites.cli.exitcodes import AUTH, FAILURE, INTERRUPTED

__all__ = ["CommandFailed", "CredentialsMissing", "InputError", "Interrupted"]


class InputError(click.UsageError):
    """Bad input from the user (a malformed file, an unknown folder, an invalid id): exit status 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class CommandFailed(click.ClickException):
    """The command ran but did not (entirely) succeed; its report is already printed: exit status 1."""

    exit_code = FAILURE


class CredentialsMissing(click.ClickException):
    """No credentials to act with, and no sandbox asked for: exit status 4."""

    exit_code = AUTH


class Interrupted(click.ClickException):
    """Ctrl-C in the middle of a bulk move: exit status 130, saying how far it got."""

    exit_code = INTERRUPTED

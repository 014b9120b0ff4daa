"""The exit statuses of ``wixsites``, one per class of outcome, so that scripts and cron can tell
them apart (documented in docs/cli.md and at the end of ``wixsites --help``)."""

from __future__ import annotations

from enum import IntEnum

__all__ = [
    "AUTH",
    "CANCELLED",
    "FAILURE",
    "INTERRUPTED",
    "OK",
    "PARTIAL",
    "USAGE",
    "ExitCode",
    "help_epilog",
]


class ExitCode(IntEnum):
    OK = 0
    """Success: everything asked for was done (or, for a dry run, would be)."""
    FAILURE = 1
    """The command failed: the service said no, the network is down, the sandbox file is unusable."""
    USAGE = 2
    """Bad arguments or input; a destructive command with no terminal and no --yes; a profile
    combined with other credentials or another base URL. Nothing was sent."""
    PARTIAL = 3
    """A bulk command ran, but some ids failed or are uncertain: its report says which."""
    AUTH = 4
    """No credentials, or Wix refused them (401, or a 403 naming a missing permission)."""
    CANCELLED = 5
    """Answered no at a prompt: nothing changed."""
    INTERRUPTED = 130
    """Interrupted (Ctrl-C): a bulk command prints its report so far."""


OK = ExitCode.OK
FAILURE = ExitCode.FAILURE
USAGE = ExitCode.USAGE
PARTIAL = ExitCode.PARTIAL
AUTH = ExitCode.AUTH
CANCELLED = ExitCode.CANCELLED
INTERRUPTED = ExitCode.INTERRUPTED

_MEANING = {
    OK: "success",
    FAILURE: "failure (the service said no, the network is down...)",
    USAGE: "usage error (bad arguments or input; nothing was sent)",
    PARTIAL: "partial: some ids failed or are uncertain (see the report)",
    AUTH: "no credentials, or Wix refused them",
    CANCELLED: "cancelled at a prompt: nothing changed",
    INTERRUPTED: "interrupted (Ctrl-C)",
}


def help_epilog() -> str:
    """The exit statuses, as the last paragraph of ``wixsites --help``."""
    lines = [f"  {int(code):<4} {meaning}" for code, meaning in _MEANING.items()]
    return "\b\nExit status:\n" + "\n".join(lines)

"""The exit statuses of ``wixsites``, one per class of outcome, so that scripts and cron can tell
them apart (documented in docs/cli.md and at the end of ``wixsites --help``)."""

from __future__ import annotations

from enum import IntEnum

__all__ = [
    "AUTH",
    "CANCELLED",
    "FAILURE",
    "INTERRUPTED",
    "MEANING",
    "OK",
    "PARTIAL",
    "USAGE",
    "ExitCode",
    "help_epilog",
]


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    USAGE = 2
    PARTIAL = 3
    AUTH = 4
    CANCELLED = 5
    INTERRUPTED = 130


OK = ExitCode.OK
FAILURE = ExitCode.FAILURE
USAGE = ExitCode.USAGE
PARTIAL = ExitCode.PARTIAL
AUTH = ExitCode.AUTH
CANCELLED = ExitCode.CANCELLED
INTERRUPTED = ExitCode.INTERRUPTED

# (for `wixsites --help`, for docs/cli.md's table)
MEANING: dict[ExitCode, tuple[str, str]] = {
    OK: ("success", "success (a dry run: everything would succeed)"),
    FAILURE: (
        "failure: the service said no, the network is down",
        "failure: Wix refused the request (404, 409, 428...), rate limited or unavailable after "
        "retries, the server unreachable or not the Wix API, an unusable sandbox database",
    ),
    USAGE: (
        "usage error: bad arguments or input; nothing was changed",
        "usage error: a bad option, a malformed CSV, an invalid site id, an unknown folder or "
        "stage, one credential without the other, a profile with other credentials or another "
        "base URL, an API key as an argument, a destructive command with no terminal and no "
        "--yes; nothing was changed",
    ),
    PARTIAL: (
        "partial: some ids failed or are uncertain (see the report)",
        "partial: a bulk command (move, trash, purge, publish, folders move) ran, and some ids "
        "failed or are uncertain, or a dry run found ids that would fail; the report lists them",
    ),
    AUTH: (
        "authentication: no credentials, or Wix refused them",
        "authentication: no credentials (no profile, no WIX_API_KEY, no --sandbox), a profile "
        "whose key is gone from the keyring, or Wix refused the key (401, or a 403 naming the "
        "permission the key lacks)",
    ),
    CANCELLED: (
        "cancelled: answered no at a prompt; nothing changed",
        "cancelled: answered no (or nothing) at a prompt; nothing changed",
    ),
    INTERRUPTED: (
        "interrupted (Ctrl-C)",
        "interrupted (Ctrl-C); a bulk command prints its report so far",
    ),
}


def help_epilog() -> str:
    """The exit statuses, as the last paragraph of ``wixsites --help``."""
    lines = [f"  {int(code):<4} {short}" for code, (short, _) in MEANING.items()]
    return "\b\nExit status (more in docs/cli.md):\n" + "\n".join(lines)

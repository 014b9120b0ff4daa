"""The top level: every expected failure becomes one line on stderr and an exit status by class
(`exitcodes`): 2 usage (bad arguments or input), 1 failure (the service said no, the network is
down), 3 partial (a bulk report with failed or uncertain ids), 4 authentication (no credentials, or
Wix refused them), 5 cancelled (answered no), 130 interrupted. An unexpected exception is one line
too, with a hint to run with ``--verbose``, which shows its traceback.
"""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable
from typing import cast

import click

from wixsites.cli.exitcodes import AUTH, CANCELLED, FAILURE, INTERRUPTED, OK, USAGE

__all__ = ["quiet_stdout", "run_guarded"]

_color = [True]  # colour allowed (no --no-color, no NO_COLOR); only ever on a terminal


def _say(message: str) -> None:
    """One line on stderr, inert: a message may quote a server's text."""
    from wixsites.redaction import inert

    prefix = "error:"
    if _color[0] and sys.stderr.isatty():
        prefix = click.style(prefix, fg="red", bold=True)
    text = " ".join(inert(message).split())
    click.echo(f"{prefix} {text}", err=True, color=_color[0] and None)


def quiet_stdout() -> None:
    """The reader of standard output went away (``| head``): point it at /dev/null so that the
    interpreter's last flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _NeverRaised(Exception):
    pass


def _httpx_transport_error() -> type[Exception]:
    """httpx's TransportError once httpx is loaded; before that nothing can have raised it, and
    importing httpx only to catch it would slow down the commands that never use it."""
    httpx = sys.modules.get("httpx")
    return _NeverRaised if httpx is None else cast(type[Exception], httpx.TransportError)


def _usage_hint(error: click.UsageError) -> str:
    from wixsites.cli.errors import InputError

    if error.ctx is None or isinstance(error, InputError):
        return ""
    return f" (see '{error.ctx.command_path} --help')"


def run_guarded(invoke: Callable[[], object], *, verbose: bool, color: bool = True) -> int:
    """Run `invoke` (click's main without its own error handling); return the exit status."""
    from wixsites.cli.errors import Cancelled
    from wixsites.errors import ConfigurationError, InvalidArgument, WixError

    _color[0] = color
    try:
        result = invoke()
        return result if isinstance(result, int) else OK
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.NoArgsIsHelpError as error:
        # `wixsites` or a group alone: its help, as --help prints it
        if error.ctx is not None:
            click.echo(error.ctx.get_help(), color=_color[0] and None)
            return OK
        _say(error.format_message())
        return USAGE
    except click.UsageError as error:
        _say(f"{error.format_message()}{_usage_hint(error)}")
        return USAGE
    except Cancelled as cancelled:  # answered no: not an error
        click.echo(cancelled.format_message(), err=True)
        return cancelled.exit_code
    except click.ClickException as error:
        if error.format_message():
            _say(error.format_message())
        return error.exit_code
    except click.Abort as error:
        if isinstance(error.__context__, KeyboardInterrupt):  # click turns Ctrl-C into Abort
            _say("interrupted")
            return INTERRUPTED
        # no answer at a prompt (end of input): as good as no
        click.echo(Cancelled().format_message(), err=True)
        return CANCELLED
    except KeyboardInterrupt:
        _say("interrupted")
        return INTERRUPTED
    except ConfigurationError as error:
        _say(str(error))
        return USAGE
    except InvalidArgument as error:
        _say(str(error))
        # refused by the SDK before sending (no status) is a usage error; Wix's own 400 a failure
        return USAGE if error.status is None else FAILURE
    except WixError as error:
        _say(str(error))
        return _status_of(error)
    except _httpx_transport_error() as error:
        _say(
            f"cannot reach the server: {error or type(error).__name__}; check --base-url and the network"
        )
        return FAILURE
    except csv.Error as error:
        _say(f"malformed CSV: {error}")
        return USAGE
    except sqlite3.DatabaseError as error:
        from wixsites.cli.sandboxdb import default_db_path

        _say(
            f"the sandbox database {default_db_path()} cannot be used ({error}): "
            "erase it with `wixsites sandbox reset`"
        )
        return FAILURE
    except BrokenPipeError:
        quiet_stdout()
        return OK  # the reader went away (`| head`): it has what it wanted
    except OSError as error:
        if error.errno == errno.EPIPE:
            quiet_stdout()
            return OK
        where = f"{error.filename}: " if error.filename else ""
        _say(f"{where}{error.strerror or error}")
        return FAILURE
    except Exception as error:
        from wixsites.cli.extras import missing_extra_message

        needs = missing_extra_message(error) if isinstance(error, ModuleNotFoundError) else None
        if needs is not None:  # e.g. --sandbox in an install without wixsites[sandbox]
            _say(needs)
            return FAILURE
        if verbose:
            traceback.print_exc(file=sys.stderr)
        _say(
            f"unexpected {type(error).__name__}: {error} "
            + (
                "(this is a bug in wixsites; please report it)"
                if verbose
                else "(run with --verbose for details)"
            )
        )
        return FAILURE


def _status_of(error: Exception) -> int:
    """Wix refusing the key (401, or a 403 naming a permission the key lacks) is an
    authentication problem; any other refusal a failure."""
    from wixsites.errors import AuthenticationError, PermissionDenied

    if isinstance(error, AuthenticationError):
        return AUTH
    if isinstance(error, PermissionDenied) and error.permissions:
        return AUTH
    return FAILURE

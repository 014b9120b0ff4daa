"""The ``wixsites`` click group, its global options, and the options every command shares.

Only click is imported here: the commands (`wixsites.cli.commands`), the output and the client load
when a command runs, so ``wixsites --version`` and shell completion stay quick."""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import click

from wixsites import __version__
from wixsites.cli.commands import LazyGroup
from wixsites.cli.envvars import SANDBOX_ENV, color_wanted
from wixsites.cli.exitcodes import help_epilog
from wixsites.cli.failures import quiet_stdout, run_guarded
from wixsites.cli.hoisting import hoist_global_options

__all__ = [
    "WixGroup",
    "cli",
    "dry_run_option",
    "format_option",
    "json_option",
    "progress_option",
    "yes_option",
]

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class WixGroup(LazyGroup):
    """A group whose ``main`` turns every expected failure into one line and an exit status."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = hoist_global_options(self, list(sys.argv[1:] if args is None else args))
        verbose = "--verbose" in arguments or "-v" in arguments
        status = run_guarded(
            lambda: super(WixGroup, self).main(
                arguments, prog_name or "wixsites", complete_var, standalone_mode=False, **extra
            ),
            verbose=verbose,
            color=color_wanted(no_color_flag="--no-color" in arguments),
        )
        sys.exit(int(status))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as error:
            # the reader of standard output went away (`| head`): it has what it wanted; click's
            # own handling of this would exit with 1
            if error.errno != errno.EPIPE:
                raise
            quiet_stdout()
            raise click.exceptions.Exit(0) from None


def _refuse_key_in_argv(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    from wixsites.cli.credentials import refuse_key_in_argv  # the profile store, when needed

    return refuse_key_in_argv(ctx, param, value)


def _set_json(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    from wixsites.cli.context import AppContext

    if value:
        ctx.ensure_object(AppContext).output.format = "json"


def _set_format(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    from wixsites.cli.context import AppContext

    if value:
        ctx.ensure_object(AppContext).output.format = cast(Any, value)


def json_option(command: F) -> F:
    """``--json``: machine-readable output on stdout (messages stay on stderr)."""
    return click.option(
        "--json",
        is_flag=True,
        expose_value=False,
        callback=_set_json,
        help="Print JSON on standard output (for scripts).",
    )(command)


def format_option(command: F) -> F:
    """``--format table|json|csv|ids`` and ``--json``."""
    from wixsites.cli.output import FORMATS

    command = click.option(
        "--format",
        type=click.Choice(FORMATS),
        expose_value=False,
        callback=_set_format,
        help="Output format (default: table).",
    )(command)
    return json_option(command)


def dry_run_option(command: F) -> F:
    """``--dry-run``: check everything, change nothing."""
    return click.option(
        "--dry-run",
        is_flag=True,
        help="Check everything and say what would change; change nothing.",
    )(command)


def progress_option(command: F) -> F:
    """``--progress/--no-progress`` of a bulk command (default: when stderr is a terminal)."""
    return click.option(
        "--progress/--no-progress",
        default=None,
        help="Show a progress bar (default: when stderr is a terminal).",
    )(command)


def yes_option(command: F) -> F:
    """``--yes``: do not ask before changing anything (without a terminal nothing is asked)."""
    return click.option("-y", "--yes", is_flag=True, help="Do not ask before changing anything.")(
        command
    )


@click.group(cls=WixGroup, context_settings=CONTEXT_SETTINGS, epilog=help_epilog())
@click.option(
    "--api-key",
    envvar="WIX_API_KEY",
    hidden=True,  # only its environment variable: a key in argv shows in `ps` and the history
    callback=_refuse_key_in_argv,
)
@click.option(
    "--api-key-file",
    metavar="PATH",
    help="Read the Wix account-level API key from the first line of PATH; - reads standard "
    "input (hidden input on a terminal). Or WIX_API_KEY, or `wixsites auth login`.",
)
@click.option(
    "--account-id",
    envvar="WIX_ACCOUNT_ID",
    metavar="ID",
    help="Wix account id [env: WIX_ACCOUNT_ID].",
)
@click.option(
    "--base-url",
    envvar="WIX_BASE_URL",
    metavar="URL",
    help="API address, e.g. a running `wixsites sandbox serve` [env: WIX_BASE_URL].",
)
@click.option(
    "--profile",
    envvar="WIXSITES_PROFILE",
    metavar="NAME",
    help="Use the credentials stored by `wixsites auth login --profile NAME` [env: WIXSITES_PROFILE].",
)
@click.option(
    "--sandbox",
    is_flag=True,
    envvar=SANDBOX_ENV,
    help="Work on the embedded sandbox, a local practice account, even if credentials are set "
    f"[env: {SANDBOX_ENV}=1].",
)
@click.option(
    "--max-retries",
    type=click.IntRange(min=0),
    metavar="N",
    help="Retries of a failed request (rate limit, server error); 0 fails at once.",
)
@click.option(
    "--json", "json_output", is_flag=True, help="Print JSON on standard output (for scripts)."
)
@click.option(
    "--no-color",
    is_flag=True,
    help="No colour, even on a terminal (so does the NO_COLOR environment variable).",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Log every request (method, path, status, time) to stderr.",
)
@click.version_option(__version__, message="%(prog)s %(version)s")
@click.pass_context
def cli(
    ctx: click.Context,
    api_key: str | None,
    api_key_file: str | None,
    account_id: str | None,
    base_url: str | None,
    profile: str | None,
    sandbox: bool,
    max_retries: int | None,
    json_output: bool,
    no_color: bool,
    verbose: bool,
) -> None:
    """Manage the sites and folders of a Wix account.

    \b
    Credentials: a profile stored by `wixsites auth login` (--profile NAME; "default"
    when none is given), or WIX_API_KEY (or --api-key-file) and WIX_ACCOUNT_ID. With
    neither, a command that needs an account stops (exit status 4). A key is never an
    argument, where `ps` and the shell history would show it.
    --sandbox (or WIXSITES_SANDBOX=1, or a profile stored by `wixsites auth login
    --sandbox`) works on the embedded sandbox instead: a local practice account in a
    SQLite file (WIXSITES_SANDBOX_DB moves it), so you can try things safely.

    \b
    Examples:
      wixsites demo                                   # the agency workflow, end to end
      wixsites --sandbox folders tree                 # on the embedded sandbox
      wixsites folders tree
      wixsites sites list --where published=true --sort createdDate:desc
      wixsites workflow init
      wixsites sites move --to Design --from-file new-sites.csv
      wixsites workflow suspend --unpaid unpaid.csv
    """
    from wixsites.cli.context import AppContext, Settings
    from wixsites.cli.output import Output

    settings = Settings.of(ctx)
    if api_key_file and not {"-h", "--help"} & set(ctx.args):
        settings.read_api_key_file(api_key_file, sys.stdin)
    output = Output("json" if json_output else "table", color=color_wanted(no_color_flag=no_color))
    app = AppContext(settings, output)
    ctx.obj = app
    ctx.call_on_close(app.close)

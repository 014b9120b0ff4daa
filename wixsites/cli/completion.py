"""``wixsites completion bash|zsh|fish``: the shell's completion script, and folder paths completed
from the account.

The scripts are click's (`wixsites.cli.shellscripts`, loaded by this command only): the shell calls
``wixsites`` back with ``_WIXSITES_COMPLETE`` set, and click answers with the commands, options
and, for folder arguments, `complete_folder_path`'s paths.
"""

from __future__ import annotations

import dataclasses
import io
from typing import TYPE_CHECKING

import click
from rich.console import Console

from wixsites.cli.context import AppContext, Settings
from wixsites.cli.output import Output
from wixsites.redaction import inert

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

# click's completion machinery loads when a completion runs: the commands that declare a completer
# (``--folder`` of ``wixsites sites count``...) import this module, and most runs complete nothing.

__all__ = ["SHELLS", "command", "complete_folder_path", "complete_stage"]

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_WIXSITES_COMPLETE"
_MAX_ITEMS = 200


def _quiet_app(ctx: click.Context) -> AppContext:
    """The client the command being completed would use, built from the global options parsed so
    far, printing nothing: whatever the completion writes to the terminal breaks the prompt."""
    settings = dataclasses.replace(Settings.of(ctx.find_root()), max_retries=0)
    output = Output()
    output.err = Console(file=io.StringIO())
    return AppContext(settings, output)


def complete_folder_path(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """Folder paths of the account that start with what was typed (case-insensitively)."""
    from click.shell_completion import CompletionItem

    from wixsites.cli.folderindex import FolderIndex

    app = _quiet_app(ctx)
    try:
        index = FolderIndex.of(app.client().folders.query())
        paths = sorted(index.path(folder_id) for folder_id in index.folders)
    except Exception:  # no account, no network, bad credentials: nothing to offer
        return []
    finally:
        app.close()
    typed = incomplete.lstrip("/").lower()
    # a path holding a control character cannot be typed, and must not reach the terminal
    offered = [p for p in paths if p.lower().startswith(typed) and inert(p) == p]
    return [CompletionItem(p) for p in offered][:_MAX_ITEMS]


def complete_stage(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The stages (the folders in Stages, in their order) that start with what was typed."""
    from click.shell_completion import CompletionItem

    from wixsites.cli.folderindex import FolderIndex
    from wixsites.cli.stages import StageLayout

    app = _quiet_app(ctx)
    try:
        names = StageLayout.of(FolderIndex.of(app.client().folders.query())).names()
    except Exception:  # no account, no network, bad credentials: nothing to offer
        return []
    finally:
        app.close()
    typed = incomplete.lower()
    offered = [n for n in names if n.lower().startswith(typed) and inert(n) == n]
    return [CompletionItem(n) for n in offered][:_MAX_ITEMS]


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
def command(shell: str) -> None:
    """Print the completion script for SHELL (commands, options, folder paths).

    \b
    Install it once (see docs/cli.md):
      bash:  wixsites completion bash > ~/.local/share/bash-completion/completions/wixsites
      zsh:   wixsites completion zsh > "${fpath[1]}/_wixsites"
      fish:  wixsites completion fish > ~/.config/fish/completions/wixsites.fish
    """
    from click.shell_completion import get_completion_class

    from wixsites.cli import shellscripts  # noqa: F401 (registers the bash and fish scripts)
    from wixsites.cli.app import cli

    completion = get_completion_class(shell)
    assert completion is not None  # the three SHELLS are click's own
    click.echo(completion(cli, {}, "wixsites", COMPLETE_VAR).source())

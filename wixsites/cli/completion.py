"""``wixsites completion bash|zsh|fish``: the shell's completion script, and folder paths completed
from the account.

The script is click's: the shell calls ``wixsites`` back with ``_WIXSITES_COMPLETE`` set, and click
answers with the commands, options and, for folder arguments, `complete_folder_path`'s paths.
"""

from __future__ import annotations

import dataclasses
import io

import click
from click.shell_completion import CompletionItem, get_completion_class
from rich.console import Console

from wixsites.cli.context import AppContext, Settings
from wixsites.cli.output import Output

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
    return [CompletionItem(p) for p in paths if p.lower().startswith(typed)][:_MAX_ITEMS]


def complete_stage(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """The stages (folders at root) that start with what was typed."""
    return [item for item in complete_folder_path(ctx, param, incomplete) if "/" not in item.value]


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
    from wixsites.cli.app import cli

    completion = get_completion_class(shell)
    assert completion is not None  # the three SHELLS are click's own
    click.echo(completion(cli, {}, "wixsites", COMPLETE_VAR).source())

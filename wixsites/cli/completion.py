"""``wixsites completion bash|zsh|fish``: the shell's completion script, and folder paths completed
from the account.

The scripts are click's: the shell calls ``wixsites`` back with ``_WIXSITES_COMPLETE`` set, and click
answers with the commands, options and, for folder arguments, `complete_folder_path`'s paths. A
completed name is inserted quoted as the shell needs it, so that ``--folder Ze<TAB>`` gives a
command that works (``Zeta\\ Team``, or ``'Zeta Team'`` after an opening quote): zsh and fish quote
what click's scripts offer; the bash script here has readline quote it (``compopt -o filenames``,
which knows whether a quote was opened), where click's inserts it bare. It also reads each answer
raw (``read -r``), and the fish script splits an answer at its first comma only, so that names
with a backslash or a comma arrive whole.
"""

from __future__ import annotations

import dataclasses
import io

import click
from click.shell_completion import (
    BashComplete,
    CompletionItem,
    FishComplete,
    add_completion_class,
    get_completion_class,
)
from rich.console import Console

from wixsites.cli.context import AppContext, Settings
from wixsites.cli.output import Output
from wixsites.redaction import inert

__all__ = ["SHELLS", "command", "complete_folder_path", "complete_stage"]

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_WIXSITES_COMPLETE"
_MAX_ITEMS = 200

# click's bash script, but with each value read raw and handed to readline to quote
_SOURCE_BASH = """\
%(complete_func)s() {
    local IFS=$'\\n'
    local response

    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
%(complete_var)s=bash_complete $1)

    for completion in $response; do
        IFS=',' read -r type value <<< "$completion"

        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            # readline quotes the value for the line as typed (spaces, quotes, an opened quote)
            compopt -o filenames 2>/dev/null
            COMPREPLY+=("$value")
        fi
    done

    return 0
}

%(complete_func)s_setup() {
    complete -o nosort -F %(complete_func)s %(prog_name)s
}

%(complete_func)s_setup;
"""

# click's fish script, but splitting each answer at its first comma only
_SOURCE_FISH = """\
function %(complete_func)s;
    set -l response (env %(complete_var)s=fish_complete COMP_WORDS=(commandline -cp) \
COMP_CWORD=(commandline -t) %(prog_name)s);

    for completion in $response;
        set -l metadata (string split -m 1 "," $completion);

        if test $metadata[1] = "dir";
            __fish_complete_directories $metadata[2];
        else if test $metadata[1] = "file";
            __fish_complete_path $metadata[2];
        else if test $metadata[1] = "plain";
            echo $metadata[2];
        end;
    end;
end;

complete --no-files --command %(prog_name)s --arguments \
"(%(complete_func)s)";
"""


class QuotingBashComplete(BashComplete):
    """Bash completion whose values readline quotes."""

    source_template = _SOURCE_BASH


class WholeFishComplete(FishComplete):
    """Fish completion whose values keep their commas."""

    source_template = _SOURCE_FISH


add_completion_class(QuotingBashComplete, "bash")
add_completion_class(WholeFishComplete, "fish")


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
    # a path holding a control character cannot be typed, and must not reach the terminal
    offered = [p for p in paths if p.lower().startswith(typed) and inert(p) == p]
    return [CompletionItem(p) for p in offered][:_MAX_ITEMS]


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

"""The completion scripts that ``wixsites completion`` prints: click's, except that a completed
name is inserted quoted as the shell needs it, so that ``--folder Ze<TAB>`` gives a command that
works (``Zeta\\ Team``, or ``'Zeta Team'`` after an opening quote): zsh and fish quote what click's
scripts offer; the bash script here has readline quote it (``compopt -o filenames``, which knows
whether a quote was opened), where click's inserts it bare. It also reads each answer raw
(``read -r``), and the fish script splits an answer at its first comma only, so that names with a
backslash or a comma arrive whole.

Importing this module registers the two scripts with click (only ``wixsites completion`` does: the
answers to a completion are the same with click's own classes).
"""

from __future__ import annotations

from click.shell_completion import BashComplete, FishComplete, add_completion_class

__all__ = ["QuotingBashComplete", "WholeFishComplete"]

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

"""Global options anywhere on the command line: ``wixsites sites count --profile x -v`` is
``wixsites --profile x -v sites count``.

click parses a group's options only before its subcommand; the options below are moved to the
front unless the command itself has an option of that name (``auth login --sandbox`` is
login's own). Nothing after ``--`` is touched.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

__all__ = ["GLOBAL_FLAGS", "GLOBAL_VALUED", "hoist_global_options"]

GLOBAL_FLAGS = ("-v", "--verbose", "--no-color", "--sandbox", "--json")
# --api-key is refused wherever it is (the group's callback says why), not "no such option"
GLOBAL_VALUED = ("--profile", "--api-key")


def _takes_value(command: click.Command) -> set[str]:
    return {
        name
        for param in command.params
        if isinstance(param, click.Option) and not param.is_flag and not param.count
        for name in param.opts
    }


def _leaf(group: click.Group, arguments: Sequence[str]) -> click.Command:
    """The command the arguments name (the group itself when they name none)."""
    command: click.Command = group
    tokens = iter(arguments)
    for token in tokens:
        if token.startswith("-"):
            if "=" not in token and token in _takes_value(command):
                next(tokens, None)
            continue
        if not isinstance(command, click.Group):
            break
        found = command.get_command(click.Context(command), token)  # imports a lazy one
        if found is None:
            break
        command = found
    return command


def _own_options(command: click.Command) -> set[str]:
    return {name for param in command.params for name in getattr(param, "opts", ())}


def hoist_global_options(group: click.Group, arguments: list[str]) -> list[str]:
    end = arguments.index("--") if "--" in arguments else len(arguments)
    head = arguments[:end]
    leaf = _leaf(group, head)
    own = _own_options(leaf) if leaf is not group else set()
    hoisted: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(head):
        token = head[i]
        name = token.split("=", 1)[0]
        if name in own:
            rest.append(token)
        elif token in GLOBAL_FLAGS or (name in GLOBAL_VALUED and "=" in token):
            hoisted.append(token)
        elif token in GLOBAL_VALUED and i + 1 < len(head):
            hoisted += head[i : i + 2]
            i += 1
        else:
            rest.append(token)
        i += 1
    return [*hoisted, *rest, *arguments[end:]]

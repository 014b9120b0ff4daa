"""Where each command of ``wixsites`` lives, and the group that imports a command's module only
when that command is used: ``wixsites --version`` loads click alone, ``wixsites sites count`` what
counting needs, and a shell completion of ``wixsites folders ...`` the folder commands only; the
groups whose commands live in several modules (`PartsGroup`) do the same with their commands."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

__all__ = ["COMMANDS", "SUBCOMMANDS", "LazyGroup", "PartsGroup", "load"]

# name -> ("module:attribute" of the command, its line in `wixsites --help` and in completion)
COMMANDS = {
    "api": ("wixsites.cli.api:api", "Call any Wix endpoint with the configured credentials."),
    "auth": ("wixsites.cli.auth:group", "Store, show and forget API keys as named profiles."),
    "completion": (
        "wixsites.cli.completion:command",
        "Print the shell completion script (bash, zsh, fish).",
    ),
    "demo": ("wixsites.cli.demo:demo", "Run the agency workflow on a throwaway sandbox."),
    "folders": (
        "wixsites.cli.folders:group",
        "Create, rename, move and delete folders; show the tree.",
    ),
    "listen": (
        "wixsites.cli.listen:listen",
        "Forward the sandbox's webhooks to a local URL (Ctrl-C stops).",
    ),
    "sandbox": ("wixsites.cli.sandbox:group", "Serve, seed and reset the embedded Wix sandbox."),
    "sites": (
        "wixsites.cli.sites:group",
        "List, count and move sites; duplicate, publish, trash, transfer.",
    ),
    "trigger": (
        "wixsites.cli.trigger:trigger",
        "Make a sandbox change that sends a webhook event.",
    ),
    "workflow": (
        "wixsites.cli.workflow:group",
        "The agency workflow: stages, onboarding, suspending, purging.",
    ),
}
# commands of a group that are written in another module than the group itself, by name: a
# `PartsGroup` imports one when it is used (``wixsites sites count`` loads no lifecycle command)
SUBCOMMANDS = {
    "sites": {
        "trash": "wixsites.cli.lifecycle:trash",
        "duplicate": "wixsites.cli.lifecycle:duplicate",
        "publish": "wixsites.cli.lifecycle:publish",
        "transfer": "wixsites.cli.lifecycle:transfer",
    },
    "workflow": {
        "onboard": "wixsites.cli.onboarding:onboard",
        "purge": "wixsites.cli.onboarding:purge",
    },
    "sandbox": {
        "relate-accounts": "wixsites.cli.onboarding:relate_accounts",
        "webhooks": "wixsites.cli.webhooks:group",
    },
}


def load(reference: str) -> click.Command:
    """The command at ``module:attribute``."""
    module, _, attribute = reference.partition(":")
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command), reference
    return command


class LazyGroup(click.Group):
    """A group whose commands (`COMMANDS`) are imported when one of them runs or is completed; its
    help and the completion of command names use the summaries of `COMMANDS` instead."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(load(COMMANDS[cmd_name][0]), cmd_name)
        return self.commands.get(cmd_name)

    def summary(self, ctx: click.Context, name: str) -> str:
        """The one-line description of command `name`."""
        if name in COMMANDS:
            return COMMANDS[name][1]
        command = self.get_command(ctx, name)
        return "" if command is None else command.get_short_help_str()

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl(
                [(name, self.summary(ctx, name)) for name in self.list_commands(ctx)]
            )

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        names = [name for name in self.list_commands(ctx) if name.startswith(incomplete)]
        return [
            *(CompletionItem(name, help=self.summary(ctx, name)) for name in names),
            *click.Command.shell_complete(self, ctx, incomplete),  # the options, as click does
        ]


class PartsGroup(click.Group):
    """A group some of whose commands are written in other modules (`SUBCOMMANDS`, under the
    group's name): each is imported when it runs, or when the group's commands are listed."""

    def _parts(self) -> dict[str, str]:
        return SUBCOMMANDS.get(self.name or "", {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self._parts()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        reference = self._parts().get(cmd_name)
        if cmd_name not in self.commands and reference is not None:
            self.add_command(load(reference), cmd_name)
        return self.commands.get(cmd_name)

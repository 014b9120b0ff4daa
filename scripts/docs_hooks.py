"""MkDocs hooks of the documentation site (mkdocs.yml `hooks:`).

* ``openapi.yaml`` at the root of the repository is published as ``openapi.yaml`` in the site, for
  the HTTP API page, without a copy of it in docs/.
* Every public name of the documented packages needs a docstring: each one missing is a warning,
  which ``mkdocs build --strict`` turns into a failure. Public names are those of a package's
  ``__all__`` and, for a class, the methods and properties it defines whose names do not start
  with ``_``.
* A paragraph of a click help after a ``\\b`` line (click: "do not rewrap") is shown as a code
  block: mkdocs-click drops the marker and passes the lines on as one paragraph
  (mkdocs/mkdocs-click#59), which would run the examples of every command into one line. The
  commands' help is rewritten in the process that builds the site, before mkdocs-click reads it.
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import griffe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
DOCUMENTED = ("wixsites", "wixsites.webhooks", "wixauth")

log = get_plugin_logger("docstrings")


def missing_docstrings(package: str, search_paths: list[str]) -> list[str]:
    """The paths of the public names of `package` (see the module docstring) without a docstring."""
    module = griffe.load(package, search_paths=search_paths, resolve_aliases=True)
    assert isinstance(module, griffe.Module)
    missing: list[str] = []
    for name in map(str, module.exports or []):
        if name.startswith("__"):
            continue
        target = module[name]
        target = target.final_target if isinstance(target, griffe.Alias) else target
        if isinstance(target, griffe.Attribute):
            continue  # a constant or a type alias documents itself where it is used
        if not target.docstring:
            missing.append(target.path)
        if isinstance(target, griffe.Class):
            missing += [
                member.path
                for member_name, member in target.members.items()
                if not member_name.startswith("_")
                and not isinstance(member, griffe.Alias)
                and (isinstance(member, griffe.Function) or "property" in member.labels)
                and not member.docstring
            ]
    return missing


def markdown_help(text: str) -> str:
    """A click help text as Markdown: each paragraph after a ``\\b`` line (click: "do not
    rewrap") becomes a code block; the rest is left as it is."""
    out: list[str] = []
    block: list[str] | None = None
    for line in [*inspect.cleandoc(text).split("\n"), ""]:
        if line.strip() == "\b":
            block = []
        elif block is not None and line.strip():
            block.append(line)
        else:
            if block:
                out += ["```text", *textwrap.dedent("\n".join(block)).split("\n"), "```"]
            block = None
            out.append(line)
    return "\n".join(out[:-1])


def _commands(group: click.Group) -> Iterator[click.Command]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if command is not None:
            yield command
            if isinstance(command, click.Group):
                yield from _commands(command)


def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    from wixsites.cli.app import cli

    for command in [cli, *_commands(cli)]:
        if command.help:
            command.help = markdown_help(command.help)
    return config


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    files.append(File.generated(config, "openapi.yaml", abs_src_path=str(SPEC)))
    return files


def on_pre_build(config: MkDocsConfig, **_: Any) -> None:
    search_paths = [str(ROOT), str(ROOT / "generated")]
    for package in DOCUMENTED:
        for path in missing_docstrings(package, search_paths):
            log.warning(f"{path} is public and has no docstring")

"""``wixsites folders``: the folder hierarchy, named by path ("Clients/Acme/QA") or by id."""

from __future__ import annotations

from typing import Any

import click
from rich.text import Text
from rich.tree import Tree
from wix_sites_api.models import Folder

from wixsites.bulk import FOLDER_BATCH, MoveReport
from wixsites.cli.app import dry_run_option, format_option, progress_option, yes_option
from wixsites.cli.cells import Clean
from wixsites.cli.completion import complete_folder_path
from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import CommandFailed, InputError
from wixsites.cli.folderindex import ROOT, FolderIndex, is_root, split_path
from wixsites.cli.ids import is_guid
from wixsites.cli.models import value
from wixsites.cli.moves import load_folders
from wixsites.cli.output import Column
from wixsites.cli.progress import move_progress
from wixsites.cli.report import (
    Outcome,
    plural,
    report_option,
    show_interrupted_report,
    show_move_dry_run,
    show_move_report,
)
from wixsites.folders import MAX_DEPTH, check_path
from wixsites.redaction import inert

__all__ = ["create_path", "folder_tree", "group", "root_site_count"]

FOLDER_HELP = "A folder path (Clients/Acme/QA) or id; / is root."


@click.group("folders")
def group() -> None:
    """Create, rename, move and delete folders; show the hierarchy."""


def root_site_count(app: AppContext) -> int:
    return app.client().sites.count(filter={"folderId": {"$exists": False}})


def _node(index: FolderIndex, folder_id: str) -> dict[str, Any]:
    folder = index.folders[folder_id]
    return {
        "id": folder_id,
        "name": index.name_of(folder),
        "path": index.path(folder_id),
        "siteCount": value(folder.site_count) or 0,
        "children": [_node(index, index.id_of(c)) for c in index.children(folder_id)],
    }


def folder_tree(
    index: FolderIndex,
    root_sites: int,
    title: str = "Account",
    roots: list[Folder] | None = None,
    clean: Clean = inert,
) -> Tree:
    """The hierarchy as a rich Tree, each folder with its number of sites; root folders in the
    order of `roots` if given, else by name; names made inert by `clean`."""

    def label(name: str, count: int, style: str = "bold") -> Text:
        return Text.assemble((clean(name), style), (f"  {plural(count, 'site')}", "dim"))

    tree = Tree(label(f"{title} (root)", root_sites, "bold magenta"))

    def add(branch: Tree, children: list[Folder]) -> None:
        for child in children:
            node = branch.add(label(index.name_of(child), value(child.site_count) or 0))
            add(node, index.children(index.id_of(child)))

    add(tree, index.children(ROOT) if roots is None else roots)
    return tree


@group.command("tree")
@format_option
@pass_app
def tree(app: AppContext) -> None:
    """Show the folder hierarchy with the number of sites in each folder.

    --format csv lists the folders (path, id, sites) in path order; --format ids their ids. To a
    pipe or a file, the tree is those rows tab-separated, root (/) first.

    \b
    Example:
      wixsites folders tree
    """
    index = load_folders(app.client())
    if app.output.format in ("csv", "ids"):
        app.output.records(_COLUMNS, _rows(index))
        return
    root_sites = root_site_count(app)
    if app.output.json:
        app.output.emit_json(
            {
                "siteCount": root_sites,
                "children": [_node(index, index.id_of(c)) for c in index.children(ROOT)],
            }
        )
    elif app.output.terminal:
        app.output.show(folder_tree(index, root_sites, clean=app.output.clean))
    else:  # a pipe or a file: tab-separated rows, root first
        app.output.records(_COLUMNS, [{"path": "/", "id": "", "sites": root_sites}, *_rows(index)])


def _rows(index: FolderIndex) -> list[dict[str, Any]]:
    ordered = sorted(index.folders, key=lambda i: index.path(i).lower())
    return [
        {
            "path": index.path(folder_id),
            "id": folder_id,
            "sites": value(index.folders[folder_id].site_count) or 0,
            "parent": index.parent_of(index.folders[folder_id]),
        }
        for folder_id in ordered
    ]


_COLUMNS = (Column("path", "path"), Column("id", "id"), Column("sites", "sites", "right"))


@group.command("list")
@format_option
@pass_app
def list_folders(app: AppContext) -> None:
    """List every folder with its path, id and number of sites.

    \b
    Example:
      wixsites folders list --format csv > folders.csv
    """
    index = load_folders(app.client())
    app.output.records(
        _COLUMNS,
        _rows(index),
        json_payload=[{**f.to_dict(), "pathName": index.path(i)} for i, f in index.folders.items()],
    )


def create_path(app: AppContext, index: FolderIndex, path: str) -> tuple[str, list[str]]:
    """Create the folders of `path` that are missing (the SDK's `folders.ensure`, which copes with
    other clients creating them at the same time); the folder's id and the paths created."""
    parts = split_path(path)
    if not parts:
        raise InputError("give the path of the folder to create, e.g. Clients/Acme/QA")
    check_path("/".join(parts))
    prefixes = ["/".join(parts[: depth + 1]) for depth in range(len(parts))]
    missing = [prefix for prefix in prefixes if index.find(prefix) is None]
    if not missing:
        folder = index.find(prefixes[-1])
        assert folder is not None
        return index.id_of(folder), []
    folder_id = index.id_of(app.client().folders.ensure(prefixes[-1]))
    index.folders = load_folders(app.client()).folders
    return folder_id, missing


@group.command("create")
@click.argument("path", shell_complete=complete_folder_path)
@format_option
@pass_app
def create(app: AppContext, path: str) -> None:
    """Create a folder by path, with any missing parents (does nothing if it exists).

    The path is checked (at most 50 folders, valid names) before anything is created; if a
    creation fails midway, the error names the folders already created.

    \b
    Examples:
      wixsites folders create Clients/Acme/QA
      wixsites folders create Design
    """
    check_path("/".join(split_path(path)) or "/")
    index = load_folders(app.client())
    folder_id, created = create_path(app, index, path)
    shown = index.path(folder_id)
    app.output.result(
        {"id": folder_id, "path": shown, "created": created},
        f"Created {', '.join(created)} ({folder_id})"
        if created
        else f"{shown} already exists ({folder_id})",
    )


def _existing(index: FolderIndex, reference: str) -> str:
    if is_root(reference):
        raise InputError("root is not a folder: name a folder by its path or id")
    return index.resolve(reference)


@group.command("rename")
@click.argument("folder", shell_complete=complete_folder_path)
@click.argument("new_name")
@dry_run_option
@yes_option
@format_option
@pass_app
def rename(app: AppContext, folder: str, new_name: str, dry_run: bool, yes: bool) -> None:
    """Rename FOLDER (a path or id) to NEW_NAME (a name, not a path).

    \b
    Example:
      wixsites folders rename Clients/Acme/QA Review
    """
    if "/" in new_name or not new_name.strip():
        raise InputError(
            f"{new_name!r} is not a folder name (to move a folder: wixsites folders move)"
        )
    check_path(new_name)
    index = load_folders(app.client())
    folder_id = _existing(index, folder)
    old = index.path(folder_id)
    parent = index.parent_of(index.folders[folder_id])
    new_path = "/".join(p for p in (index.path(parent).strip("/"), new_name) if p)
    clash = index.child_named(parent, new_name)
    if clash is not None and index.id_of(clash) != folder_id:
        raise CommandFailed(f"cannot rename {old} to {new_name!r}: {new_path} already exists")
    payload = {"id": folder_id, "oldPath": old, "path": new_path, "dryRun": dry_run}
    if dry_run:
        app.output.result(payload, f"Dry run: would rename {old} to {new_path}; nothing changed.")
        return
    confirm(f"Rename {old} to {new_path}?", yes=yes)
    renamed = app.client().folders.rename(folder_id, new_name)
    index.folders[folder_id] = renamed
    app.output.result(
        {**payload, "path": index.path(folder_id)}, f"Renamed {old} to {index.path(folder_id)}"
    )


@group.command("move")
@click.argument("folders", nargs=-1, required=True, shell_complete=complete_folder_path)
@click.option(
    "--to",
    "target",
    required=True,
    metavar="FOLDER",
    help=FOLDER_HELP,
    shell_complete=complete_folder_path,
)
@progress_option
@dry_run_option
@report_option
@yes_option
@format_option
@pass_app
def move(
    app: AppContext,
    folders: tuple[str, ...],
    target: str,
    progress: bool | None,
    dry_run: bool,
    report_file: str | None,
    yes: bool,
) -> None:
    """Move folders (paths or ids), with their content, into another folder or to root.

    A name clash in the target (a folder there already has the name of one moved) is named and
    nothing moves.

    \b
    Examples:
      wixsites folders move Acme Globex --to Clients
      wixsites folders move Clients/Acme --to /
    """
    index = load_folders(app.client())
    target_id = index.resolve(target, what="target folder")
    ids = list(dict.fromkeys(_existing(index, f) for f in folders))
    target_path = index.path(target_id)
    _check_depth(index, ids, target_id, target_path)
    clashes = _clashes(index, ids, target_id)
    if clashes:
        raise CommandFailed(
            f"cannot move into {target_path}: it already holds a folder named like "
            + ", ".join(f"{index.path(i)} ({index.name_of(index.folders[i])!r})" for i in clashes)
        )
    if dry_run:
        there = [index.parent_of(index.folders[i]) == target_id for i in ids]
        show_move_dry_run(
            app.output,
            [
                Outcome(i, "already-there" if t else "would-move")
                for i, t in zip(ids, there, strict=True)
            ],
            kind="folder",
            target_id=target_id,
            target_path=target_path,
            batch=FOLDER_BATCH,
            report_file=report_file,
        )
        return
    confirm(
        f"Move {', '.join(index.path(i) for i in ids[:5])}"
        + (f" and {len(ids) - 5:,} more" if len(ids) > 5 else "")
        + f" to {target_path}?",
        yes=yes,
    )
    with move_progress("folders", len(ids), show=progress, color=app.output.color) as bar:
        try:
            report = app.client().folders.move(ids, target_id, progress=bar)
        except KeyboardInterrupt as interrupt:
            partial: MoveReport | None = getattr(interrupt, "report", None)
            if partial is None:
                raise
            show_interrupted_report(
                app.output, partial, target_path=target_path, kind="folder", report_file=report_file
            )
    show_move_report(
        app.output, report, target_path=target_path, kind="folder", report_file=report_file
    )


def _check_depth(index: FolderIndex, ids: list[str], target_id: str, target_path: str) -> None:
    """Refuse, before any request, a move into the folder itself or below it, or one that would
    make a path longer than the documented 50 folders."""
    target_depth = len(index.path_parts(target_id)) if target_id else 0
    for folder_id in ids:
        subtree = index.subtree_ids(folder_id)
        if target_id in subtree:
            raise InputError(f"cannot move {index.path(folder_id)} into itself ({target_path})")
        own = len(index.path_parts(folder_id))
        height = max(len(index.path_parts(i)) for i in subtree) - own + 1
        if target_depth + height > MAX_DEPTH:
            raise InputError(
                f"cannot move {index.path(folder_id)} into {target_path}: its deepest folder "
                f"would be {target_depth + height} levels down, and Wix allows {MAX_DEPTH}"
            )


def _clashes(index: FolderIndex, ids: list[str], target_id: str) -> list[str]:
    """The folders moved whose name a folder already in the target has (Wix refuses with 409)."""
    out = []
    for folder_id in ids:
        same = index.child_named(target_id, index.name_of(index.folders[folder_id]))
        if same is not None and index.id_of(same) != folder_id:
            out.append(folder_id)
    return out


@group.command("delete")
@click.argument("folder", shell_complete=complete_folder_path)
@dry_run_option
@yes_option
@format_option
@pass_app
def delete(app: AppContext, folder: str, dry_run: bool, yes: bool) -> None:
    """Delete FOLDER; its sites and sub-folders move up to its parent (no site is deleted).

    On a terminal it asks first; without one it needs --yes.

    \b
    Example:
      wixsites folders delete Clients/Acme/Old
    """
    index = load_folders(app.client())
    folder_id = _existing(index, folder)
    path = index.path(folder_id)
    parent = index.path(index.parent_of(index.folders[folder_id]))
    payload = {"id": folder_id, "path": path, "contentMovedTo": parent, "dryRun": dry_run}
    if dry_run:
        app.output.result(
            payload, f"Dry run: would delete {path}; its content would go to {parent}."
        )
        return
    confirm(
        f"Delete {path} (its content goes to {parent})?",
        yes=yes,
        destructive=f"this would delete {path} (its content would go to {parent})",
    )
    app.client().folders.delete(folder_id)
    app.output.result(payload, f"Deleted {path}; its content is now in {parent}")


@group.command("of")
@click.argument("site_id")
@format_option
@pass_app
def of_site(app: AppContext, site_id: str) -> None:
    """Show the folder that holds SITE_ID (/ for root).

    \b
    Example:
      wixsites folders of 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
    """
    if not is_guid(site_id.strip()):
        raise InputError(f"{site_id!r} is not a site id (expected a GUID)")
    folder = app.client().folders.of_site(site_id.strip().lower())
    folder_id = "" if folder is None else str(value(folder.id) or "")
    path = load_folders(app.client()).path(folder_id) if folder_id else "/"
    app.output.result(
        {"siteId": site_id, "folderId": folder_id, "folderPath": path},
        path,
        ids=[folder_id] if folder_id else [],
    )

"""``wixsites workflow``: the agency workflow of the Site Folders docs.

A stage is a folder at root (Design, QA, Suspended, Live); a site's stage is the root folder it is
under. Nothing is recorded locally: the account's folders are the whole state.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Sequence
from typing import Any

import click
from wix_sites_api.models import Folder

from wixsites.cli.app import dry_run_option, format_option, progress_option
from wixsites.cli.completion import complete_stage
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.cli.folderindex import ROOT, FolderIndex
from wixsites.cli.folders import root_site_count
from wixsites.cli.ids import collect_site_ids, read_ids_file
from wixsites.cli.models import value
from wixsites.cli.moves import load_folders, move_sites
from wixsites.cli.output import Column
from wixsites.cli.report import report_option
from wixsites.errors import WixError
from wixsites.folders import check_path

__all__ = ["DEFAULT_STAGES", "group", "stage_named", "stages"]

DEFAULT_STAGES = ("Design", "QA", "Suspended", "Live")
SUSPENDED = "Suspended"


def stages(index: FolderIndex) -> list[Folder]:
    """The root folders, in the order they were created (the order of `workflow init`)."""
    oldest = datetime.datetime.max.replace(tzinfo=datetime.UTC)

    def created(folder: Folder) -> datetime.datetime:
        date = folder.created_date
        if not isinstance(date, datetime.datetime):
            return oldest
        return date if date.tzinfo else date.replace(tzinfo=datetime.UTC)

    return sorted(index.children(ROOT), key=lambda f: (created(f), index.name_of(f).lower()))


def stage_named(index: FolderIndex, name: str) -> Folder:
    wanted = name.strip().strip("/")
    for folder in index.children(ROOT):
        if index.name_of(folder) == wanted:
            return folder
    alike = [f for f in index.children(ROOT) if index.name_of(f).lower() == wanted.lower()]
    if len(alike) == 1:
        return alike[0]
    names = ", ".join(index.name_of(f) for f in stages(index)) or "none yet"
    raise InputError(
        f"no stage {wanted!r} (the stages are: {names}); create it with "
        f"`wixsites workflow init --stages {wanted}`"
    )


@click.group("workflow")
def group() -> None:
    """The agency workflow: stage folders at root, sites moving through them.

    \b
    Example:
      wixsites workflow init
      wixsites workflow advance --to Design --from-file new-sites.txt
      wixsites workflow advance --to QA 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
      wixsites workflow suspend --unpaid unpaid.csv
      wixsites workflow rename-stage QA Review
      wixsites workflow status
    """


def _stage_list(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise InputError("--stages needs at least one name, e.g. --stages Design,QA,Suspended,Live")
    if any("/" in n for n in names):
        raise InputError("a stage is a folder at root: its name cannot contain '/'")
    return list(dict.fromkeys(names))


@group.command("init")
@click.option(
    "--stages",
    "stage_names",
    default=",".join(DEFAULT_STAGES),
    show_default=True,
    metavar="A,B,...",
    help="The stage folders to have at root.",
)
@format_option
@pass_app
def init(app: AppContext, stage_names: str) -> None:
    """Create the stage folders at root that are missing (safe to run again)."""
    wanted = _stage_list(stage_names)
    client = app.client()
    index = load_folders(client)
    for name in wanted:
        check_path(name)  # every name is checked before the first folder is created
    created: list[str] = []
    existing: list[str] = []
    for name in wanted:
        folder = index.child_named(ROOT, name)
        if folder is None:
            try:
                folder = client.folders.create(name, parent=None)
            except WixError as error:
                if created:
                    error.message = f"{error.message} (already created: {', '.join(created)})"
                    error.args = (error.message,)
                raise
            index.folders[index.id_of(folder)] = folder
            created.append(name)
        else:
            existing.append(name)
    ids = {n: index.id_of(index.child_named(ROOT, n) or Folder()) for n in wanted}
    message = f"Created {', '.join(created)}." if created else "Every stage was already there."
    if created and existing:
        message += f"\nAlready there: {', '.join(existing)}."
    app.output.result(
        {"stages": ids, "created": created, "existing": existing}, message, ids=list(ids.values())
    )


def _move_options(command: Any) -> Any:
    return dry_run_option(progress_option(report_option(command)))


@group.command("advance")
@click.argument("site_ids", nargs=-1, metavar="[SITE_ID]... | -")
@click.option(
    "--to",
    "stage",
    required=True,
    metavar="STAGE",
    help="The stage, e.g. QA.",
    shell_complete=complete_stage,
)
@click.option(
    "--from-file",
    "from_file",
    metavar="FILE",
    help="Read ids from a CSV or a text file; - is standard input.",
)
@_move_options
@format_option
@pass_app
def advance(
    app: AppContext,
    site_ids: tuple[str, ...],
    stage: str,
    from_file: str | None,
    dry_run: bool,
    progress: bool | None,
    report_file: str | None,
) -> None:
    """Move sites into a stage.

    \b
    Examples:
      wixsites workflow advance --to QA 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
      wixsites workflow advance --to Live --from-file approved.csv
    """
    if not site_ids and from_file is None:
        raise InputError(
            "give site ids as arguments, --from-file FILE, or - to read standard input"
        )
    ids = collect_site_ids(site_ids, from_file, sys.stdin)
    _move_into_stage(app, ids, stage, dry_run=dry_run, progress=progress, report_file=report_file)


def _move_into_stage(
    app: AppContext,
    ids: Sequence[str],
    stage: str,
    *,
    dry_run: bool,
    progress: bool | None,
    report_file: str | None,
) -> None:
    index = load_folders(app.client())
    target = index.id_of(stage_named(index, stage))
    move_sites(
        app,
        ids,
        target_id=target,
        target_path=index.path(target),
        dry_run=dry_run,
        progress=progress,
        report_file=report_file,
    )


@group.command("suspend")
@click.option(
    "--unpaid",
    "unpaid",
    required=True,
    metavar="FILE",
    help="The unpaid sites: a CSV (site_id/id column) or a text file; - is stdin.",
)
@click.option(
    "--stage",
    default=SUSPENDED,
    show_default=True,
    help="The stage of suspended sites.",
    shell_complete=complete_stage,
)
@_move_options
@format_option
@pass_app
def suspend(
    app: AppContext,
    unpaid: str,
    stage: str,
    dry_run: bool,
    progress: bool | None,
    report_file: str | None,
) -> None:
    """Move every unpaid site into Suspended; report the ids that are not in the account.

    \b
    Example:
      wixsites workflow suspend --unpaid billing-export.csv
    """
    ids = read_ids_file(unpaid, sys.stdin)
    _move_into_stage(app, ids, stage, dry_run=dry_run, progress=progress, report_file=report_file)


@group.command("status")
@format_option
@pass_app
def status(app: AppContext) -> None:
    """How many sites are in each stage (sub-folders included), and at root."""
    index = load_folders(app.client())
    rows: list[dict[str, Any]] = []
    for folder in stages(index):
        subtree = index.subtree_ids(index.id_of(folder))
        count = sum(value(index.folders[i].site_count) or 0 for i in subtree)
        rows.append({"stage": index.name_of(folder), "id": index.id_of(folder), "sites": count})
    rows.append({"stage": "(no stage: at root)", "id": "", "sites": root_site_count(app)})
    columns = (Column("stage", "stage"), Column("sites", "sites", "right"))
    app.output.records(columns, rows)


@group.command("rename-stage")
@click.argument("old", shell_complete=complete_stage)
@click.argument("new")
@format_option
@pass_app
def rename_stage(app: AppContext, old: str, new: str) -> None:
    """Rename a stage when the process changes, e.g. QA to Review.

    \b
    Example:
      wixsites workflow rename-stage QA Review
    """
    if "/" in new or not new.strip():
        raise InputError(f"{new!r} is not a stage name")
    index = load_folders(app.client())
    folder = stage_named(index, old)
    app.client().folders.rename(index.id_of(folder), new.strip())
    app.output.result(
        {"id": index.id_of(folder), "oldName": index.name_of(folder), "name": new.strip()},
        f"Renamed stage {index.name_of(folder)} to {new.strip()}.",
    )

"""``wixsites workflow``: the agency workflow of the Site Folders docs.

The stages are the folders inside the root folder ``Stages`` (Design, QA, Suspended, Live), in
the order they were created: see `stages`. A site's stage is the stage folder it is under.
Nothing is recorded locally: the account's folders are the whole state.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.text import Text

from wixsites.cli.app import (
    dry_run_option,
    format_option,
    progress_option,
    report_option,
    yes_option,
)
from wixsites.cli.commands import PartsGroup
from wixsites.cli.completion import complete_stage
from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.counts import active_counts, root_count, trash_count
from wixsites.cli.errors import InputError
from wixsites.cli.folderindex import FolderIndex
from wixsites.cli.ids import collect_site_ids, read_ids_file
from wixsites.cli.moves import load_folders, move_sites
from wixsites.cli.output import Column, Output
from wixsites.cli.stages import (
    STAGES,
    InitPlan,
    StageLayout,
    init_stages,
    plan_init,
    stage_list,
)
from wixsites.folders import check_path

__all__ = ["SUSPENDED", "group"]

SUSPENDED = "Suspended"


@click.group("workflow", cls=PartsGroup)
def group() -> None:
    """The agency workflow: stage folders (in the root folder Stages), sites moving through them.

    \b
    Example:
      wixsites workflow init
      wixsites workflow advance --to Design --from-file new-sites.txt
      wixsites workflow advance --to QA 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
      wixsites workflow suspend --unpaid unpaid.csv
      wixsites workflow rename-stage QA Review
      wixsites workflow status
    """


def _warn_strays(output: Output, layout: StageLayout) -> None:
    """Root folders named like a stage are not stages: say so, once, with what to do."""
    for folder in layout.strays():
        name = layout.index.name_of(folder)
        output.info(
            f"note: the root folder {name} is not a stage (the stage is {STAGES}/{name}; an "
            f"older wixsites may have made it); move its sites with: wixsites sites list "
            f"--folder '{name}' --format ids | wixsites workflow advance --to '{name}' -"
        )


@group.command("init")
@click.option(
    "--stages",
    "stage_names",
    default=None,
    metavar="A,B,...",
    help="The stages, in order (default: the stages there are; Design,QA,Suspended,Live when "
    "there are none).",
)
@dry_run_option
@yes_option
@format_option
@pass_app
def init(app: AppContext, stage_names: str | None, dry_run: bool, yes: bool) -> None:
    """Create the stages in the root folder Stages, in order, and migrate the old layout.

    Safe to run again. Without --stages it creates Design, QA, Suspended and Live when there are
    no stages, moving root folders of those names (the layout of wixsites before stages were
    kept in Stages) into Stages with their sites. With --stages it makes the stages exactly
    those, in that order: missing ones are created, and a stage that must come later is
    recreated (its sites and sub-folders move across and keep their ids). Interrupted, run the
    same command again. On a terminal it asks before moving any existing folder (--yes does not).

    \b
    Examples:
      wixsites workflow init
      wixsites workflow init --stages Design,QA,Review,Suspended,Live
      wixsites workflow init --dry-run
    """
    wanted = stage_list(stage_names) if stage_names is not None else None
    for name in wanted or ():
        check_path(name)  # every name is checked before the first change
    client = app.client()
    index = load_folders(client)
    layout = StageLayout.of(index)
    plan = plan_init(layout, wanted)
    if dry_run:
        lines = [step.describe(index) for step in plan.steps]
        app.output.result(
            {
                "dryRun": True,
                "stages": plan.stages,
                "steps": [step.to_dict(index) for step in plan.steps],
            },
            "Dry run: "
            + ("; ".join(lines) if lines else "nothing to do")
            + ". Nothing was changed.",
        )
        return

    def ask(plan: InitPlan, index: FolderIndex) -> None:
        moving = [s.describe(index) for s in plan.steps if s.action in ("keep", "aside", "merge")]
        if moving:
            confirm("Set up the stages: " + "; ".join(moving) + "?", yes=yes)

    ask(plan, index)
    done, index = init_stages(client, index, plan, wanted, ask=ask)
    layout = StageLayout.of(index)
    ids = {index.name_of(f): index.id_of(f) for f in layout.stages}
    existing = [n for n in ids if n not in done.created]
    message = (
        f"Created {', '.join(done.created)} in {STAGES}."
        if done.created
        else "Every stage was already there."
    )
    if done.moved:
        message += f"\nMoved {', '.join(done.moved)} into {STAGES}, with their sites."
    if done.created and existing:
        message += f"\nAlready there: {', '.join(existing)}."
    message += f"\nThe stages, in order: {', '.join(ids)}."
    app.output.result(
        {
            "parentId": index.id_of(layout.parent) if layout.parent else "",
            "stages": ids,
            "created": done.created,
            "moved": done.moved,
            "existing": existing,
        },
        message,
        ids=list(ids.values()),
    )
    _warn_strays(app.output, layout)


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
    target = index.id_of(StageLayout.of(index).named(stage))
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
    """How many sites are in each stage (sub-folders included), elsewhere, and in the trash.

    Sites of every namespace that are not in the trash, as `sites count` counts them; the
    trashed ones are counted apart.
    """
    client = app.client()
    index = load_folders(client)
    layout = StageLayout.of(index)
    counts = active_counts(client, index)
    rows: list[dict[str, Any]] = []
    in_stages: set[str] = set()
    for folder in layout.stages:
        subtree = index.subtree_ids(index.id_of(folder))
        in_stages.update(subtree)
        count = sum(counts.get(i, 0) for i in subtree)
        rows.append({"stage": index.name_of(folder), "id": index.id_of(folder), "sites": count})
    elsewhere = sum(n for i, n in counts.items() if i not in in_stages)
    rows.append({"stage": "(no stage: other folders)", "id": "", "sites": elsewhere})
    rows.append({"stage": "(no stage: at root)", "id": "", "sites": root_count(client)})
    rows.append({"stage": "(in the trash)", "id": "", "sites": trash_count(client)})
    columns = (Column("stage", "stage"), Column("sites", "sites", "right"))
    app.output.records(columns, rows)
    if not layout.stages:
        app.output.info(Text(layout.no_stages()))
    _warn_strays(app.output, layout)


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
    check_path(new.strip())
    index = load_folders(app.client())
    folder = StageLayout.of(index).named(old)
    app.client().folders.rename(index.id_of(folder), new.strip())
    app.output.result(
        {"id": index.id_of(folder), "oldName": index.name_of(folder), "name": new.strip()},
        f"Renamed stage {index.name_of(folder)} to {new.strip()}.",
    )

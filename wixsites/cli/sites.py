"""``wixsites sites``: list, count and move the sites of the account (the lifecycle commands,
duplicate, publish, trash and transfer, live in `lifecycle`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wixsites.cli.app import format_option, progress_option, yes_option
from wixsites.cli.completion import complete_folder_path
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.cli.filters import parse_sort, site_filter
from wixsites.cli.folderindex import ROOT
from wixsites.cli.ids import collect_site_ids
from wixsites.cli.models import site_json, site_row, value
from wixsites.cli.moves import load_folders, move_sites
from wixsites.cli.output import Column
from wixsites.cli.report import report_option
from wixsites.query import COUNT_UNSUPPORTED_FIELDS, filter_fields

if TYPE_CHECKING:
    from wix_sites_api.models import Site

__all__ = ["group"]

F = TypeVar("F", bound=Callable[..., Any])

COLUMNS = (
    Column("id", "id"),
    Column("name", "name"),
    Column("folder", "folder"),
    Column("published", "published"),
    Column("premium", "premium"),
    Column("editor", "editor"),
    Column("created", "created", whole=True),
)


def filter_options(command: F) -> F:
    for option in reversed(
        (
            click.option(
                "--filter",
                "filter_json",
                metavar="JSON",
                help='A Wix filter, e.g. \'{"editorType": "EDITOR"}\'.',
            ),
            click.option(
                "--where",
                multiple=True,
                metavar="FIELD=VALUE",
                help="A condition (repeat to AND them): published=true, editorType=EDITOR,ADI, "
                "premium!=true.",
            ),
            click.option(
                "--folder",
                metavar="FOLDER",
                help="Only the sites directly in this folder (path or id; / for root).",
                shell_complete=complete_folder_path,
            ),
        )
    ):
        command = option(command)
    return command


def _filter(
    app: AppContext, filter_json: str | None, where: tuple[str, ...], folder: str | None
) -> dict[str, object] | None:
    combined = site_filter(filter_json, where)
    if folder is not None:
        folder_id = load_folders(app.client()).resolve(folder)
        combined = dict(combined or {})
        combined["folderId"] = folder_id if folder_id != ROOT else {"$exists": False}
    return combined


@click.group("sites")
def group() -> None:
    """List, count and move the sites of the account; duplicate, publish, trash, transfer."""


@group.command("list")
@filter_options
@click.option(
    "--sort",
    multiple=True,
    metavar="FIELD[:asc|:desc]",
    help="Sort by createdDate, updatedDate, trashedDate or displayName (repeatable).",
)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N sites.")
@progress_option
@format_option
@pass_app
def list_sites(
    app: AppContext,
    filter_json: str | None,
    where: tuple[str, ...],
    folder: str | None,
    sort: tuple[str, ...],
    limit: int | None,
    progress: bool | None,
) -> None:
    """List sites, as a table, JSON or CSV.

    \b
    Examples:
      wixsites sites list
      wixsites sites list --where published=true --where premium=false
      wixsites sites list --folder Clients/Acme --sort createdDate:desc --limit 20
      wixsites sites list --filter '{"editorType": {"$in": ["EDITOR", "ADI"]}}' --format csv
    """
    query_filter = _filter(app, filter_json, where, folder)
    client = app.client()
    page_size = min(limit or 100, 100)
    query = client.sites.query(filter=query_filter, sort=_sort(sort), page_size=page_size)
    sites: list[Site] = []
    from wixsites.cli.progress import listing_progress  # rich's progress, for listings only

    with listing_progress("sites", show=progress, color=app.output.color) as read:
        for page in query.pages():
            sites += page.items
            if read is not None:
                read(len(sites))
            if limit and len(sites) >= limit:
                break
    sites = sites[:limit]
    if app.output.json:
        app.output.emit_json([site_json(site) for site in sites])
        return
    if app.output.format == "ids":
        for site in sites:
            app.output.line(str(value(site.id)))
        return
    folders = load_folders(client)
    rows = [site_row(site, folders.path(value(site.folder_id) or ROOT)) for site in sites]
    app.output.records(COLUMNS, rows)
    if app.output.format == "table":
        app.output.info(f"{len(rows):,} site{'' if len(rows) == 1 else 's'}")


def _sort(values: tuple[str, ...]) -> list[tuple[str, str]] | None:
    return parse_sort(values) or None


@group.command("count")
@filter_options
@format_option
@pass_app
def count_sites(
    app: AppContext, filter_json: str | None, where: tuple[str, ...], folder: str | None
) -> None:
    """Count sites (--format ids: the ids of the sites counted).

    \b
    Examples:
      wixsites sites count
      wixsites sites count --where published=true
    """
    query_filter = _filter(app, filter_json, where, folder)
    client = app.client()
    if app.output.format == "ids":
        for site in client.sites.query(filter=query_filter, page_size=100):
            app.output.line(str(value(site.id)))
        return
    if filter_fields(query_filter) & COUNT_UNSUPPORTED_FIELDS:
        # Count Sites would ignore these and count every site: count the query's sites instead
        count = sum(1 for _ in client.sites.query(filter=query_filter, page_size=100))
    else:
        count = client.sites.count(filter=query_filter)
    if app.output.format == "table":
        app.output.line(str(count))
    else:
        app.output.records(
            (Column("count", "count", "right"),), [{"count": count}], json_payload={"count": count}
        )


@group.command("move")
@click.argument("site_ids", nargs=-1, metavar="[SITE_ID]... | -")
@click.option(
    "--to",
    "target",
    required=True,
    metavar="FOLDER",
    help="The folder: a path (Clients/Acme/QA), an id, or / for root.",
    shell_complete=complete_folder_path,
)
@click.option(
    "--from-file",
    "from_file",
    metavar="FILE",
    help="Read ids from a CSV (its site_id/id column) or a text file (one per line); - is stdin.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check the folder and the ids (which exist in the account) without moving anything.",
)
@progress_option
@report_option
@yes_option
@format_option
@pass_app
def move(
    app: AppContext,
    site_ids: tuple[str, ...],
    target: str,
    from_file: str | None,
    dry_run: bool,
    progress: bool | None,
    report_file: str | None,
    yes: bool,
) -> None:
    """Move sites into a folder, 500 per request.

    Ids come from arguments, from --from-file, or from standard input (-). The summary counts the
    sites by outcome and reason, with the first 20 ids of each; --report FILE (.json or .csv) has
    every id, and so does --json. The exit status is 3 if any site did not move. On a terminal it
    asks before moving (--yes does not ask).

    \b
    Examples:
      wixsites sites move --to Clients/Acme 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
      wixsites sites move --to Design --from-file sites.csv --dry-run
      cut -d, -f1 export.csv | wixsites sites move --to / -
    """
    if not site_ids and from_file is None:
        raise InputError(
            "give site ids as arguments, --from-file FILE, or - to read standard input"
        )
    ids = collect_site_ids(site_ids, from_file, sys.stdin)
    folders = load_folders(app.client())
    target_id = folders.resolve(target)
    move_sites(
        app,
        ids,
        target_id=target_id,
        target_path=folders.path(target_id),
        dry_run=dry_run,
        progress=progress,
        report_file=report_file,
        yes=yes,
    )

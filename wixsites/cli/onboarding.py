"""``workflow onboard`` and ``workflow purge``: a client's site enters the first stage as a copy
of a template, and a stage's sites leave for the trash; ``sandbox relate-accounts`` too."""

from __future__ import annotations

import click

from wixsites.cli.app import dry_run_option, format_option, progress_option, yes_option
from wixsites.cli.completion import complete_stage
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.cli.ids import collect_site_ids
from wixsites.cli.lifecycle import duplicate_into, nothing_to_trash, show_duplicate, trash_sites
from wixsites.cli.models import value
from wixsites.cli.moves import load_folders
from wixsites.cli.report import plural, report_option
from wixsites.cli.sandbox import DB_HELP
from wixsites.cli.sandboxdb import default_db_path, open_sandbox
from wixsites.cli.workflow import SUSPENDED, stage_named, stages

__all__ = ["onboard", "purge", "relate_accounts"]

_QUERY_PAGE = 100


@click.command("onboard")
@click.option("--template", required=True, metavar="SITE_ID", help="The site to duplicate.")
@click.option("--name", required=True, metavar="NAME", help="The client's site's display name.")
@click.option(
    "--stage",
    metavar="STAGE",
    help="The stage to start in (default: the first one).",
    shell_complete=complete_stage,
)
@click.option("--publish", "publish_it", is_flag=True, help="Publish the new site too.")
@format_option
@pass_app
def onboard(app: AppContext, template: str, name: str, stage: str | None, publish_it: bool) -> None:
    """Start a client's site: duplicate the template into the first stage.

    \b
    Example:
      wixsites workflow onboard --template 1e6179e9-c3db-49aa-a074-37566a7bad47 --name "Client X"
    """
    [source] = collect_site_ids([template], None)
    index = load_folders(app.client())
    if stage is not None:
        folder = stage_named(index, stage)
    else:
        pipeline = stages(index)
        if not pipeline:
            raise InputError("there are no stages yet: create them with `wixsites workflow init`")
        folder = pipeline[0]
    done = duplicate_into(app, source, name, folder=index.id_of(folder), publish=publish_it)
    show_duplicate(app, done)


@click.command("purge")
@click.option(
    "--stage",
    default=SUSPENDED,
    show_default=True,
    help="The stage to empty.",
    shell_complete=complete_stage,
)
@dry_run_option
@yes_option
@progress_option
@report_option
@format_option
@pass_app
def purge(
    app: AppContext,
    stage: str,
    dry_run: bool,
    yes: bool,
    progress: bool | None,
    report_file: str | None,
) -> None:
    """Move every site of a stage (sub-folders included) to the trash, after a summary.

    It shows what it would do, then asks (on a terminal); elsewhere it needs --yes. Sites with
    a Premium plan stay (Wix refuses to trash them) and are listed.

    \b
    Examples:
      wixsites workflow purge --stage Suspended --dry-run
      wixsites workflow purge --stage Suspended
    """
    client = app.client()
    index = load_folders(client)
    folder = stage_named(index, stage)
    subtree = index.subtree_ids(index.id_of(folder))
    query = {"folderId": {"$in": subtree}, "state": "ACTIVE", "namespace": {"$exists": True}}
    found = {str(value(s.id)).lower(): s for s in client.sites.query(query, page_size=_QUERY_PAGE)}
    ids = list(found)
    name = index.name_of(folder)
    if not ids:
        if app.output.json:
            app.output.emit_json({**nothing_to_trash(dry_run), "stage": name})
        elif app.output.format == "table":
            app.output.line(f"Stage {name} holds no site: nothing to trash.")
        else:  # csv and ids: no rows
            app.output.info(f"Stage {name} holds no site: nothing to trash.")
        return
    trash_sites(
        app,
        ids,
        dry_run=dry_run,
        yes=yes,
        progress=progress,
        what=f" of stage {name}",
        extra={"stage": name},
        known=found,
        report_file=report_file,
    )


@click.command("relate-accounts")
@click.argument("main_account", metavar="MAIN_ACCOUNT")
@click.argument("sub_accounts", nargs=-1, required=True, metavar="SUB_ACCOUNT...")
@click.option("--db", metavar="PATH", help=DB_HELP)
@format_option
@pass_app
def relate_accounts(
    app: AppContext, main_account: str, sub_accounts: tuple[str, ...], db: str | None
) -> None:
    """Make accounts sub-accounts of a main account (for `sites transfer`).

    The main account's API key may then act for its sub-accounts, and sites may be transferred
    between the main account and its sub-accounts.

    \b
    Example:
      wixsites sandbox relate-accounts AGENCY_ACCOUNT CLIENT_ACCOUNT_1 CLIENT_ACCOUNT_2
    """
    path = db or default_db_path()
    sandbox = open_sandbox(path, seed_if_new=False)
    try:
        added = sandbox.relate_accounts(main_account, list(sub_accounts))
    except ValueError as error:
        raise InputError(str(error)) from None
    finally:
        sandbox.close()
    app.output.result(
        {"db": path, "mainAccountId": main_account.lower(), "added": added},
        f"{main_account.lower()} now has {plural(len(added), 'new sub-account')}"
        + (f": {', '.join(added)}." if added else "."),
        ids=added,
    )

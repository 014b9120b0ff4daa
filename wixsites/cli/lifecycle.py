"""``wixsites sites trash|duplicate|publish|transfer``: the lifecycle of a site.

Trashing reports like a move (it is one: into the trash), through `moves.move_sites`; the dry run
says which sites would be trashed, which are already in the trash and which would fail.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text
from wix_sites_api.models import Site

from wixsites.cli import consent
from wixsites.cli.app import dry_run_option, format_option, progress_option, yes_option
from wixsites.cli.completion import complete_folder_path
from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import CommandFailed, InputError, Partial
from wixsites.cli.ids import collect_site_ids
from wixsites.cli.models import value
from wixsites.cli.moves import existing_sites, load_folders, move_sites
from wixsites.cli.report import (
    Outcome,
    id_list,
    move_payload,
    plural,
    report_option,
    show_dry_run,
    show_outcomes,
)
from wixsites.reasons import NOT_FOUND, PREMIUM, not_sent

if TYPE_CHECKING:
    from wixsites import WixSites

__all__ = ["duplicate", "nothing_to_trash", "publish", "transfer", "trash", "trash_sites"]

TRASH_PATH = "the trash"
TRASH_BATCH = 20


def _plan(found: dict[str, Site], ids: Sequence[str]) -> list[Outcome]:
    """Each id's outcome if it were trashed: would-trash, already-trashed, or would-fail."""
    rows: list[Outcome] = []
    for site_id in ids:
        site = found.get(site_id)
        if site is None:
            rows.append(Outcome(site_id, "would-fail", NOT_FOUND))
        elif value(site.premium):
            rows.append(Outcome(site_id, "would-fail", PREMIUM))
        elif value(site.trashed_date):
            rows.append(Outcome(site_id, "already-trashed"))
        else:
            rows.append(Outcome(site_id, "would-trash"))
    return rows


def _plan_payload(rows: Sequence[Outcome]) -> dict[str, Any]:
    return {
        "dryRun": True,
        "kind": "site",
        "wouldTrash": [r.id for r in rows if r.outcome == "would-trash"],
        "alreadyTrashed": [r.id for r in rows if r.outcome == "already-trashed"],
        "wouldFail": {r.id: r.reason for r in rows if r.outcome == "would-fail"},
        "requests": -(-len(rows) // TRASH_BATCH),
    }


def nothing_to_trash(dry_run: bool) -> dict[str, Any]:
    """The JSON of a trash of no site: an empty dry run, or an empty report."""
    if dry_run:
        return _plan_payload([])
    from wixsites.bulk import MoveReport

    return move_payload(MoveReport("trash"), TRASH_PATH, "site", "trashed")


def trash_sites(
    app: AppContext,
    ids: Sequence[str],
    *,
    dry_run: bool,
    yes: bool,
    progress: bool | None,
    what: str = "",
    extra: dict[str, Any] | None = None,
    known: dict[str, Site] | None = None,
    report_file: str | None = None,
) -> None:
    """Summarise, confirm (on a terminal; without one, only with `yes`), trash and report, like
    a move into the trash. The dry run, the question and the refusal give the same numbers.
    `known`: the sites of `ids` when the caller has them already (else they are looked up)."""
    client = app.client()
    found = known if known is not None else existing_sites(client, ids, any_namespace=True)
    rows = _plan(found, ids)
    plan = _plan_payload(rows)
    sites = f"{plural(len(plan['wouldTrash']), 'site')}{what}"
    would = f"would trash {sites} in {plural(plan['requests'], 'request')}"
    if dry_run:
        show_dry_run(
            app.output,
            rows,
            {**plan, **(extra or {})},
            kind="site",
            summary=f"{would}; nothing was trashed.",
            report_file=report_file,
            selected="would-trash",
        )
        if plan["wouldFail"]:
            raise Partial(f"{plural(len(plan['wouldFail']), 'site')} would not be trashed")
        return
    if plan["wouldTrash"]:  # nothing else changes anything: no question for it
        if app.output.format == "table" and consent.on_terminal() and not yes:
            app.output.show(Text(app.output.clean(f"This {would}.")))
            show_outcomes(app.output, [r for r in rows if r.outcome != "would-trash"], "site")
        confirm(
            f"Move {sites} to the trash?",
            yes=yes,
            destructive=f"this {would}",
            hint="--dry-run lists them",
        )
    move_sites(
        app,
        ids,
        target_id="trash",
        target_path=TRASH_PATH,
        progress=progress,
        extra=extra,
        mover=lambda batch, count: client.sites.trash(batch, progress=count),
        report_file=report_file,
        verb="trashed",
    )


@click.command("trash")
@click.argument("site_ids", nargs=-1, metavar="[SITE_ID]... | -")
@click.option(
    "--from-file",
    "from_file",
    metavar="FILE",
    help="Read ids from a CSV (its site_id/id column) or a text file (one per line); - is stdin.",
)
@dry_run_option
@yes_option
@progress_option
@report_option
@format_option
@pass_app
def trash(
    app: AppContext,
    site_ids: tuple[str, ...],
    from_file: str | None,
    dry_run: bool,
    yes: bool,
    progress: bool | None,
    report_file: str | None,
) -> None:
    """Move sites to the trash, 20 per request (never a permanent delete).

    Ids come from arguments, from --from-file, or from standard input (-). On a terminal it
    asks first; without one (a script, a pipe) it needs --yes. Sites with a Premium plan stay
    (Wix refuses them); the report lists every site not trashed, with the reason.

    \b
    Examples:
      wixsites sites trash --dry-run --from-file unpaid.csv
      wixsites sites trash --yes 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
      cut -d, -f1 unpaid.csv | wixsites sites trash --yes -
    """
    if not site_ids and from_file is None:
        raise InputError(
            "give site ids as arguments, --from-file FILE, or - to read standard input"
        )
    ids = collect_site_ids(site_ids, from_file, sys.stdin)
    trash_sites(app, ids, dry_run=dry_run, yes=yes, progress=progress, report_file=report_file)


def duplicate_into(
    app: AppContext, source: str, name: str, *, folder: str | None, publish: bool
) -> dict[str, Any]:
    """Duplicate `source` as `name`, move the copy into `folder` (a path or id), publish it."""
    client = app.client()
    folders = load_folders(client) if folder is not None else None
    target = folders.resolve(folder) if folders is not None and folder is not None else None
    new_id = client.sites.duplicate(source, name)
    done: dict[str, Any] = {
        "newSiteId": new_id,
        "sourceSiteId": source,
        "siteDisplayName": name,
        "folderId": "",
        "folderPath": "/",
    }
    if target is not None and folders is not None:
        report = client.sites.move([new_id], target)
        if not report.ok:
            why = report.failed.get(new_id) or report.uncertain.get(new_id)
            raise CommandFailed(
                f"duplicated {source} as {new_id}, but could not move it to "
                f"{folders.path(target)}: {why}"
            )
        done["folderId"], done["folderPath"] = target, folders.path(target)
    if publish:
        from wixsites.errors import WixError

        try:
            client.sites.publish(new_id)
        except WixError as error:
            where = f" into {done['folderPath']}" if done["folderId"] else ""
            raise CommandFailed(
                f"duplicated {source} as {new_id}{where}, but could not publish it: {error}"
            ) from None
    done["published"] = publish
    return done


def show_duplicate(app: AppContext, done: dict[str, Any]) -> None:
    where = f" into {done['folderPath']}" if done["folderId"] else ""
    published = ", published" if done["published"] else ""
    app.output.result(
        done,
        f"Duplicated {done['sourceSiteId']} as {done['newSiteId']} ({done['siteDisplayName']})"
        f"{where}{published}.",
        ids=[done["newSiteId"]],
    )


@click.command("duplicate")
@click.argument("site_id", metavar="SITE_ID")
@click.option("--name", required=True, metavar="NAME", help="The new site's display name.")
@click.option(
    "--to",
    "folder",
    metavar="FOLDER",
    help="Move the copy into this folder.",
    shell_complete=complete_folder_path,
)
@click.option("--publish", "publish_it", is_flag=True, help="Publish the copy.")
@format_option
@pass_app
def duplicate(
    app: AppContext, site_id: str, name: str, folder: str | None, publish_it: bool
) -> None:
    """Duplicate a site (e.g. a template) under a new name; print the new site's id.

    The copy has no domain and no Premium plan.

    \b
    Examples:
      wixsites sites duplicate 1e6179e9-c3db-49aa-a074-37566a7bad47 --name "Client X"
      wixsites sites duplicate TEMPLATE_ID --name "Client X" --to Design --publish
    """
    [source] = collect_site_ids([site_id], None)
    show_duplicate(app, duplicate_into(app, source, name, folder=folder, publish=publish_it))


@click.command("publish")
@click.argument("site_ids", nargs=-1, required=True, metavar="SITE_ID... | -")
@format_option
@pass_app
def publish(app: AppContext, site_ids: tuple[str, ...]) -> None:
    """Publish sites (a site-level call per site); the exit status is 3 if any failed.

    \b
    Example:
      wixsites sites publish 0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd
    """
    from wixsites.errors import AuthenticationError, NotWixApi, WixError

    ids = collect_site_ids(site_ids, None, sys.stdin)
    client: WixSites = app.client()
    published: list[str] = []
    failed: dict[str, str] = {}
    for number, site_id in enumerate(ids):
        try:
            client.sites.publish(site_id)
        except (AuthenticationError, NotWixApi):  # no other site would fare better
            raise
        except WixError as error:
            if error.never_sent:  # the server cannot be reached: the others would not be sent
                failed.update(dict.fromkeys(ids[number:], not_sent(str(error))))
                break
            failed[site_id] = str(error)
        else:
            published.append(site_id)
    if app.output.format == "table":
        app.output.line(f"Published {plural(len(published), 'site')}.")
        for site_id, reason in failed.items():
            app.output.line(f"  not published: {site_id}  {reason}")
    else:
        payload = {"ok": not failed, "published": published, "failed": failed}
        app.output.result(payload, "", ids=published)
    if failed:
        raise Partial(
            f"{len(failed):,} of {plural(len(ids), 'site')} not published: {id_list(list(failed))}"
        )


@click.command("transfer")
@click.argument("site_id", metavar="SITE_ID")
@click.option(
    "--from",
    "source",
    required=True,
    metavar="ACCOUNT",
    help="The account that holds the site now (the target is the account in use).",
)
@click.option("--notify", is_flag=True, help="Email the site owner about the transfer.")
@yes_option
@format_option
@pass_app
def transfer(app: AppContext, site_id: str, source: str, notify: bool, yes: bool) -> None:
    """Transfer a site from another account into this one (B2B Site Management).

    The target is always the account the command works on (--account-id / WIX_ACCOUNT_ID):
    your main account or one of its sub-accounts. Sites with paid Wix services cannot move.
    On a terminal it asks first; without one it needs --yes.

    \b
    Example:
      wixsites --account-id CLIENT_ACCOUNT sites transfer SITE_ID --from AGENCY_ACCOUNT
    """
    [site] = collect_site_ids([site_id], None)
    try:
        [account] = collect_site_ids([source], None)
    except InputError:
        raise InputError(f"--from {source!r} is not an account id (a GUID)") from None
    client = app.client()
    target = app.account_id or "this account"
    confirm(
        f"Transfer site {site} from account {account} to {target}?",
        yes=yes,
        destructive=f"transferring site {site} from account {account} to {target}",
    )
    client.sites.transfer(site, account, notify=notify)
    app.output.result(
        {
            "siteId": site,
            "sourceAccountId": account,
            "targetAccountId": app.account_id,
            "enableNotifications": notify,
        },
        f"Transferred {site} from {account} to {target}.",
        ids=[site],
    )

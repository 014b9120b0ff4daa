"""Moving sites into a folder, for real or as a dry run: what `sites move` and `workflow` share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from wix_sites_api.models import Site

from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext
from wixsites.cli.errors import Interrupted, Partial
from wixsites.cli.folderindex import FolderIndex
from wixsites.cli.models import value
from wixsites.cli.progress import move_progress
from wixsites.cli.report import (
    Outcome,
    doing,
    move_payload,
    plural,
    show_interrupted_report,
    show_move_dry_run,
    show_move_report,
)
from wixsites.reasons import NOT_FOUND

if TYPE_CHECKING:
    from wixsites import MoveReport, WixSites

__all__ = ["MOVE_BATCH", "Mover", "existing_sites", "load_folders", "move_sites"]

MOVE_BATCH = 500  # Move Sites To Folder takes at most 500 ids
_QUERY_BATCH = 100  # ids per Query Sites `$in` (the live service pages 100 at a time)
Mover = Callable[[list[str], Callable[[int, int], None]], "MoveReport"]


def load_folders(client: WixSites) -> FolderIndex:
    return FolderIndex.of(client.folders.query())


def existing_sites(
    client: WixSites, ids: Sequence[str], *, any_namespace: bool = False
) -> dict[str, Site]:
    """The sites among `ids` that the account has (Query Sites by id ``$in``); only WIX-namespace
    sites unless `any_namespace`."""
    found: dict[str, Site] = {}
    for start in range(0, len(ids), _QUERY_BATCH):
        chunk = list(ids[start : start + _QUERY_BATCH])
        query: dict[str, object] = {"id": {"$in": chunk}}
        if any_namespace:
            query["namespace"] = {"$exists": True}
        for site in client.sites.query(filter=query, page_size=_QUERY_BATCH):
            found[str(value(site.id)).lower()] = site
    return found


def move_sites(
    app: AppContext,
    ids: Sequence[str],
    *,
    target_id: str,
    target_path: str,
    dry_run: bool = False,
    progress: bool | None = None,
    extra: dict[str, Any] | None = None,
    mover: Mover | None = None,
    report_file: str | None = None,
    yes: bool = True,
    verb: str = "moved",
) -> None:
    """Move `ids` into the folder, report who moved and who did not; exit status 3 (partial)
    if any did not. `mover` runs the bulk action instead of `sites.move` (`sites.trash` reports the same way,
    with `verb` ``trashed``)."""
    output = app.output
    if not ids:
        if output.json:
            from wixsites.bulk import MoveReport

            empty = move_payload(MoveReport(target_id), target_path, "site", verb)
            output.emit_json({**empty, **(extra or {})})
        else:
            action = {"moved": "move", "trashed": "trash"}.get(verb, verb)
            output.info(f"No site ids given: nothing to {action}.")
        return
    if dry_run:
        _dry_run(app, ids, target_id=target_id, target_path=target_path, report_file=report_file)
        return
    confirm(f"Move {plural(len(ids), 'site')} to {target_path}?", yes=yes)
    done = [0]
    interrupted = False

    def count(finished: int, total: int) -> None:
        done[0] = finished
        if bar is not None:
            bar(finished, total)

    label = doing(verb).capitalize()
    with move_progress("sites", len(ids), show=progress, color=output.color, doing=label) as bar:
        try:
            if mover is None:
                report = app.client().sites.move(list(ids), target_id, progress=count)
            else:
                report = mover(list(ids), count)
        except KeyboardInterrupt as interrupt:
            partial: MoveReport | None = getattr(interrupt, "report", None)
            if partial is None:
                raise Interrupted(
                    f"interrupted after {done[0]:,} of {plural(len(ids), 'site')} were sent; "
                    f"{doing(verb)} is idempotent: run the same command again to finish"
                ) from None
            report, interrupted = partial, True
    if interrupted:
        show_interrupted_report(
            output,
            report,
            target_path=target_path,
            kind="site",
            extra=extra,
            report_file=report_file,
            verb=verb,
        )
    show_move_report(
        output, report, target_path=target_path, extra=extra, report_file=report_file, verb=verb
    )


def _dry_run(
    app: AppContext,
    ids: Sequence[str],
    *,
    target_id: str,
    target_path: str,
    report_file: str | None,
) -> None:
    found = existing_sites(app.client(), ids)
    rows: list[Outcome] = []
    for site_id in ids:
        if site_id not in found:
            rows.append(Outcome(site_id, "would-fail", NOT_FOUND))
        elif (value(found[site_id].folder_id) or "") == target_id:
            rows.append(Outcome(site_id, "already-there"))
        else:
            rows.append(Outcome(site_id, "would-move"))
    show_move_dry_run(
        app.output,
        rows,
        kind="site",
        target_id=target_id,
        target_path=target_path,
        batch=MOVE_BATCH,
        report_file=report_file,
    )
    failing = [r.id for r in rows if r.outcome == "would-fail"]
    if failing:
        raise Partial(f"{plural(len(failing), 'site id')} not in the account would not move")

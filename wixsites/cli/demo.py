"""``wixsites demo``: the agency workflow of the Site Folders docs, end to end, on a throwaway
in-memory sandbox (the user's own embedded sandbox is never touched)."""

from __future__ import annotations

import csv
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import click
from rich.text import Text

from wixsites.cli.app import json_option
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.folderindex import ROOT, FolderIndex
from wixsites.cli.folders import folder_tree
from wixsites.cli.ids import read_ids_file
from wixsites.cli.models import value
from wixsites.cli.output import Output
from wixsites.cli.report import plural
from wixsites.cli.workflow import DEFAULT_STAGES

__all__ = ["demo"]


class _Narrator:
    """One numbered line per step on stdout (stderr with --json), and the steps for --json."""

    def __init__(self, output: Output) -> None:
        self.output = output
        self.steps: list[dict[str, Any]] = []

    def step(self, text: str, **data: Any) -> None:
        self.steps.append({"step": len(self.steps) + 1, "text": text, **data})
        line = Text.assemble((f"{len(self.steps):>2}. ", "bold cyan"), text)
        if self.output.json:
            self.output.info(line)
        else:
            self.output.show(line)


@click.command("demo")
@click.option("--sites", type=click.IntRange(20, 5000), default=60, show_default=True,
              help="How many sites the demo account has.")
@click.option("--seed", "seed_value", type=int, default=3, show_default=True,
              help="Random seed of the generated sites.")
@json_option
@pass_app
def demo(app: AppContext, sites: int, seed_value: int) -> None:
    """Run the agency workflow of the Wix docs on a throwaway sandbox, step by step.

    Creates the stages Design, QA, Suspended and Live, moves sites along, suspends the unpaid
    ones listed in a CSV (one of them is not in the account, to show the report), renames QA to
    Review, and prints the resulting folder tree. Needs no account, no configuration, no network.
    """
    from wixsandbox import Sandbox
    from wixsites import WixSites

    started = time.perf_counter()
    say = _Narrator(app.output)
    with tempfile.TemporaryDirectory(prefix="wixsites-demo-") as tmp, Sandbox(":memory:") as sandbox:
        credentials = sandbox.default_credentials()
        sandbox.seed(credentials.account_id, sites=sites, seed=seed_value)
        with WixSites(api_key=credentials.api_key, account_id=credentials.account_id,
                      transport=sandbox.transport(), rate_limit=None) as wix:
            say.step(f"Seeded a throwaway sandbox account with {plural(sites, 'site')} (in memory).",
                     sites=sites)
            tree = _run_flow(wix, say, Path(tmp))
    elapsed = time.perf_counter() - started
    if app.output.json:
        app.output.emit_json({"steps": say.steps, "tree": tree["json"], "seconds": round(elapsed, 2)})
    else:
        app.output.show(tree["rich"])
        app.output.info(f"Done in {elapsed:.1f} s. Try it on your account: wixsites --help")


def _ids(sites: list[Any]) -> list[str]:
    return [str(value(s.id)) for s in sites]


def _run_flow(wix: Any, say: _Narrator, tmp: Path) -> dict[str, Any]:
    stages = {name: str(wix.folders.create(name).id) for name in DEFAULT_STAGES}
    say.step(f"Created the stage folders {', '.join(DEFAULT_STAGES)} (Create Folder x{len(stages)}).",
             stages=stages)

    everything = _ids(list(wix.sites.query(sort="createdDate:asc")))
    quarter = max(len(everything) // 4, 1)
    design = everything[: 3 * quarter]
    report = wix.sites.move(design, stages["Design"])
    say.step(f"New projects: moved {plural(len(report.moved), 'site')} into Design "
             f"({plural(report.requests, 'request')}).", moved=len(report.moved))

    to_qa = design[: 2 * quarter]
    report = wix.sites.move(to_qa, stages["QA"])
    say.step(f"Design done: advanced {plural(len(report.moved), 'site')} to QA.", moved=len(report.moved))

    to_live = to_qa[:quarter]
    report = wix.sites.move(to_live, stages["Live"])
    say.step(f"QA passed: {plural(len(report.moved), 'site')} went Live.", moved=len(report.moved))

    missing = str(uuid.UUID(int=0x5EED))
    unpaid_ids = [*to_live[:3], *design[-2:], missing]
    unpaid_file = tmp / "unpaid.csv"
    with unpaid_file.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["site_id", "customer", "overdue_days"])
        writer.writerows([site_id, f"customer {n}", 30 + n] for n, site_id in enumerate(unpaid_ids))
    unpaid = read_ids_file(str(unpaid_file))
    say.step(f"Billing exported {plural(len(unpaid), 'unpaid site')} to {unpaid_file.name}.",
             unpaid=unpaid)

    report = wix.sites.move(unpaid, stages["Suspended"])
    failed = "; ".join(f"{site_id}: {reason}" for site_id, reason in report.failed.items())
    say.step(f"Suspended {plural(len(report.moved), 'unpaid site')}"
             + (f"; not moved: {failed}." if failed else "."),
             moved=report.moved, failed=report.failed)

    wix.folders.rename(stages["QA"], "Review")
    say.step("The process changed: renamed the stage QA to Review (Update Folder).")

    index = FolderIndex.of(wix.folders.query())
    at_root = wix.sites.count(filter={"folderId": {"$exists": False}})
    counts = {index.name_of(f): value(f.site_count) or 0 for f in index.children(ROOT)}
    say.step("The account now: " + ", ".join(f"{n} {c}" for n, c in counts.items())
             + f", at root {at_root}.", stages=counts, root=at_root)
    return {"rich": folder_tree(index, at_root, "Demo account"),
            "json": {"root": at_root, "stages": counts}}

"""``wixsites demo``: the agency workflow of the Site Folders docs, end to end, on a throwaway
in-memory sandbox (the user's own embedded sandbox is never touched)."""

from __future__ import annotations

import csv
import shutil
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text
from wix_sites_api.models import Site

from wixsites.cli.app import json_option
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.folderindex import FolderIndex
from wixsites.cli.folders import folder_tree
from wixsites.cli.ids import read_ids_file
from wixsites.cli.models import value
from wixsites.cli.output import Output
from wixsites.cli.report import plural
from wixsites.cli.workflow import DEFAULT_STAGES, stages

if TYPE_CHECKING:
    from wixsites import WixSites

__all__ = ["demo"]

DEMO_ACCOUNT = "de0de0de-0003-4000-8000-000000000003"
DEMO_API_KEY = "demo-api-key"  # of the throwaway in-memory sandbox only
NOT_IN_ACCOUNT = "5eed5eed-0000-4000-8000-000000000404"  # a listed unpaid site the account lacks


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
@click.option(
    "--sites",
    type=click.IntRange(20, 5000),
    default=60,
    show_default=True,
    help="How many sites the demo account has.",
)
@click.option(
    "--seed",
    "seed_value",
    type=int,
    default=3,
    show_default=True,
    help="Random seed of the generated sites.",
)
@json_option
@pass_app
def demo(app: AppContext, sites: int, seed_value: int) -> None:
    """Run the agency workflow of the Wix docs on a throwaway sandbox, step by step.

    Creates the stages Design, QA, Suspended and Live, moves sites along, suspends the unpaid
    ones listed in a CSV (one of them is not in the account, to show the report), renames QA to
    Review, onboards a new client from a template (duplicate, publish), purges Suspended (moves
    its sites to the trash; premium ones stay) and prints the resulting folder tree. Needs no
    account, no configuration, no network.
    """
    from wixsandbox import Sandbox
    from wixsites import WixSites

    started = time.perf_counter()
    say = _Narrator(app.output)
    with (
        tempfile.TemporaryDirectory(prefix="wixsites-demo-") as tmp,
        Sandbox(":memory:") as sandbox,
    ):
        sandbox.add_api_key(DEMO_API_KEY, DEMO_ACCOUNT)  # a fixed account: the same demo every time
        summary = sandbox.seed(DEMO_ACCOUNT, sites=sites, seed=seed_value)
        with WixSites(
            api_key=DEMO_API_KEY,
            account_id=DEMO_ACCOUNT,
            transport=sandbox.transport(),
            rate_limit=None,
        ) as wix:
            say.step(
                f"Seeded a throwaway in-memory sandbox account with {plural(sites, 'site')}, "
                f"{summary.wix_sites} of them Wix sites (those Query Sites lists).",
                sites=sites,
                wixSites=summary.wix_sites,
            )
            tree = _run_flow(wix, say, Path(tmp))
    elapsed = time.perf_counter() - started
    if app.output.json:
        app.output.emit_json(
            {"steps": say.steps, "tree": tree["json"], "seconds": round(elapsed, 2)}
        )
    else:
        app.output.show(tree["rich"])
        app.output.info(f"Done in {elapsed:.1f} s.\n{next_steps()}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def how_to_run() -> tuple[str, str | None]:
    """How to type ``wixsites`` here: the command, and advice when it is not on PATH."""
    scripts = Path(sysconfig.get_path("scripts"))
    script = scripts / "wixsites"
    found = shutil.which("wixsites")
    if found is not None and Path(found).resolve() == script.resolve():
        return "wixsites", None
    if not script.exists():  # run from a source tree: the module works wherever Python does
        return f"{Path(sys.executable).name} -m wixsites", None
    activate = scripts / "activate"
    advice = f"`wixsites` is not on your PATH: type {_shown(script)}" + (
        f", or first `source {_shown(activate)}`" if activate.exists() else ""
    )
    return _shown(script), advice


def next_steps() -> str:
    """The demo's closing hint: where to go from here, with the command as it must be typed."""
    command, advice = how_to_run()
    steps = [
        ("--sandbox sites list", "a practice account of your own (the embedded sandbox)"),
        ("auth login", "your Wix account (or set WIX_API_KEY and WIX_ACCOUNT_ID)"),
        ("--help", "every command"),
    ]
    width = max(len(f"{command} {args}") for args, _ in steps)
    lines = ["Next:", *(f"  {f'{command} {args}':<{width}}  # {why}" for args, why in steps)]
    if advice:
        lines.append(f"({advice}.)")
    return "\n".join(lines)


def _ids(sites: list[Site]) -> list[str]:
    return [str(value(s.id)) for s in sites]


def _onboard_and_purge(wix: WixSites, say: _Narrator, *, template: str, design: str) -> None:
    new_id = wix.sites.duplicate(template, "Client X")
    wix.sites.move([new_id], design)
    wix.sites.publish(new_id)
    say.step(
        f"A new client signed: duplicated the template {template} as 'Client X' into Design "
        "and published it (Duplicate Site, Move Sites, Publish Site).",
        onboarded=new_id,
        template=template,
    )


def _run_flow(wix: WixSites, say: _Narrator, tmp: Path) -> dict[str, Any]:
    stage_ids = {name: str(wix.folders.create(name).id) for name in DEFAULT_STAGES}
    say.step(
        f"Created the stage folders {', '.join(DEFAULT_STAGES)} (Create Folder x{len(stage_ids)}).",
        stages=stage_ids,
    )

    everything = _ids(list(wix.sites.query(sort="createdDate:asc", page_size=100)))
    quarter = max(len(everything) // 4, 1)
    design = everything[: 3 * quarter]
    report = wix.sites.move(design, stage_ids["Design"])
    say.step(
        f"New projects: moved {plural(len(report.moved), 'site')} into Design "
        f"({plural(report.requests, 'request')}).",
        moved=len(report.moved),
    )

    to_qa = design[: 2 * quarter]
    report = wix.sites.move(to_qa, stage_ids["QA"])
    say.step(
        f"Design done: advanced {plural(len(report.moved), 'site')} to QA.", moved=len(report.moved)
    )

    to_live = to_qa[:quarter]
    report = wix.sites.move(to_live, stage_ids["Live"])
    say.step(f"QA passed: {plural(len(report.moved), 'site')} went Live.", moved=len(report.moved))

    missing = NOT_IN_ACCOUNT
    unpaid_ids = [*to_live[:3], *design[-2:], missing]
    unpaid_file = tmp / "unpaid.csv"
    with unpaid_file.open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["site_id", "customer", "overdue_days"])
        writer.writerows([site_id, f"customer {n}", 30 + n] for n, site_id in enumerate(unpaid_ids))
    unpaid = read_ids_file(str(unpaid_file))
    say.step(
        f"Billing exported {plural(len(unpaid), 'unpaid site id')} to {unpaid_file.name}.",
        unpaid=unpaid,
    )

    report = wix.sites.move(unpaid, stage_ids["Suspended"])
    failed = "; ".join(
        f"{site_id}: {reason}" for site_id, reason in {**report.failed, **report.uncertain}.items()
    )
    say.step(
        f"Suspended {plural(len(report.moved), 'unpaid site')}"
        + (f"; not moved: {failed}." if failed else "."),
        moved=report.moved,
        failed=report.failed,
        uncertain=report.uncertain,
    )

    wix.folders.rename(stage_ids["QA"], "Review")
    say.step("The process changed: renamed the stage QA to Review (Update Folder).")

    _onboard_and_purge(wix, say, template=to_live[-1], design=stage_ids["Design"])
    suspended = _ids(list(wix.sites.query({"folderId": stage_ids["Suspended"]})))
    report = wix.sites.trash(suspended)
    why = sorted({reason.split(":", 1)[0] for reason in report.failed.values()})
    say.step(
        f"Still unpaid: purged Suspended, {plural(len(report.moved), 'site')} moved to the trash "
        f"(Bulk Delete Site, {plural(report.requests, 'request')}; restorable, never deleted)"
        + (f"; {len(report.failed)} kept ({', '.join(why)})." if why else "."),
        trashed=report.moved,
        kept=report.failed,
    )

    index = FolderIndex.of(wix.folders.query())
    at_root = wix.sites.count(filter={"folderId": {"$exists": False}})
    pipeline = stages(index)
    counts = {index.name_of(f): value(f.site_count) or 0 for f in pipeline}
    say.step(
        "The account now: "
        + ", ".join(f"{n} {c}" for n, c in counts.items())
        + f", at root {at_root}.",
        stages=counts,
        root=at_root,
    )
    return {
        "rich": folder_tree(index, at_root, "Demo account", pipeline),
        "json": {"root": at_root, "stages": counts},
    }

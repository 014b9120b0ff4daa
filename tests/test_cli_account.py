"""The command line on an account as it is: folders that are not stages, the layout of earlier
versions, trashed sites, sites of every namespace (issue 17, items 4 to 6).

Each account is built on an embedded sandbox file with a clock that ticks a millisecond per
request, so that creation dates (the order of stages) never tie; the commands then run on it in
process with ``--sandbox``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from tests.sandbox_fixtures import TickingClock
from tests.test_cli_commands import db
from wixsandbox import Sandbox
from wixsites import WixError, WixSites
from wixsites.cli import cli, consent
from wixsites.cli.errors import CommandFailed
from wixsites.cli.exitcodes import CANCELLED, PARTIAL
from wixsites.cli.folderindex import ROOT, FolderIndex
from wixsites.cli.stages import (
    DEFAULT_STAGES,
    STAGES,
    StageLayout,
    apply_plan,
    init_stages,
    plan_init,
)

__all__ = ["db"]  # the fixture, shared with test_cli_commands

IN_TRASH = "in the trash: restore it first"
EVERY = {"namespace": {"$exists": True}}


def seed_with_every_kind(sandbox: Sandbox, account_id: str) -> None:
    """40 sites with some in the trash and some active ones of another namespace than WIX (the
    seeded data depends on the account id, which the sandbox draws: draw again until so)."""
    for seed in range(50):
        sandbox.seed(account_id, sites=40, seed=seed)
        with sandbox.store.read() as conn:
            kinds = conn.execute(
                "SELECT COUNT(DISTINCT trashed_ms > 0), "
                "SUM(trashed_ms = 0 AND namespace <> 'WIX') FROM sites WHERE account_id = ?",
                (account_id,),
            ).fetchone()
        if kinds[0] == 2 and kinds[1] > 0:
            return
        sandbox.reset(account_id)
    raise AssertionError("no seed gave trashed sites and other namespaces")


@contextmanager
def account(db: Path | str) -> Iterator[WixSites]:
    """The SDK on the sandbox's default account (the one `--sandbox` uses), seeded if new."""
    clock = TickingClock(datetime.now(UTC) - timedelta(days=1))
    with Sandbox(db, clock=clock) as sandbox:
        creds = sandbox.default_credentials()
        with sandbox.store.read() as conn:
            new = conn.execute("SELECT COUNT(*) FROM sites").fetchone()[0] == 0
        if new:
            seed_with_every_kind(sandbox, creds.account_id)
        with WixSites(
            api_key=creds.api_key,
            account_id=creds.account_id,
            transport=sandbox.transport(),
            rate_limit=None,
        ) as wix:
            yield wix


def run(*args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--sandbox", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result


def data(*args: str, code: int = 0) -> Any:
    return json.loads(run(*args, "--json", code=code).stdout)


def ids_of(wix: WixSites, query: dict[str, Any]) -> list[str]:
    return [str(s.id) for s in wix.sites.query({**EVERY, **query}, sort="createdDate:asc")]


def status() -> dict[str, int]:
    return {row["stage"]: row["sites"] for row in data("workflow", "status")}


def legacy_layout(wix: WixSites) -> dict[str, Any]:
    """An account as earlier versions left it: a client folder created before the stages, the
    stages at root in another order than Design, QA, Suspended, Live (Live made by hand first,
    Suspended never made), each holding sites, QA a sub-folder with a site of its own."""
    clients = wix.folders.create("Clients 2")
    folders = {name: wix.folders.create(name) for name in ("Live", "Design", "QA")}
    acme = wix.folders.create("Acme", parent=folders["QA"])
    active = ids_of(wix, {"state": "ACTIVE"})
    sites = {
        "Live": active[0:3],
        "Design": active[3:8],
        "QA": active[8:10],
        "Clients 2": [active[10]],
    }
    for name, ids in sites.items():
        assert wix.sites.move(ids, clients if name == "Clients 2" else folders[name]).ok
    assert wix.sites.move([active[11]], acme).ok
    return {
        "ids": {name: str(f.id) for name, f in folders.items()},
        "sites": sites,
        "acme": (str(acme.id), active[11]),
        "clients": str(clients.id),
    }


def folder_of(wix: WixSites, site_id: str) -> str:
    [site] = wix.sites.query({**EVERY, "id": site_id})
    return str(site.folder_id or ROOT)


def assert_migrated(wix: WixSites, before: dict[str, Any]) -> None:
    """The stages are Design, QA, Suspended, Live in Stages, in that order, with every site and
    sub-folder they held; nothing else moved; nothing of the old layout or of the work is left."""
    index = FolderIndex.of(wix.folders.query())
    layout = StageLayout.of(index)
    assert layout.names() == list(DEFAULT_STAGES)
    assert layout.holding is None
    assert [index.name_of(f) for f in index.children(ROOT)] == ["Clients 2", STAGES]
    stage = {index.name_of(f): index.id_of(f) for f in layout.stages}
    assert stage["Design"] == before["ids"]["Design"]  # kept: its creation order fits
    assert stage["QA"] == before["ids"]["QA"]
    assert stage["Live"] != before["ids"]["Live"]  # recreated after Suspended
    for name in ("Live", "Design", "QA"):
        assert {folder_of(wix, s) for s in before["sites"][name]} == {stage[name]}
    acme, site = before["acme"]
    assert index.path(acme) == "Stages/QA/Acme"
    assert folder_of(wix, site) == acme
    assert folder_of(wix, before["sites"]["Clients 2"][0]) == before["clients"]


# -- item 4: the stages are the user's --------------------------------------------------------


def test_folders_that_are_not_stages_are_never_stages(db: Path) -> None:
    with account(db) as wix:
        wix.folders.create("Clients 2")  # before any stage: what onboard used to pick
        wix.folders.ensure("Archive/2023")
        template = ids_of(wix, {"state": "ACTIVE"})[0]
    init = data("workflow", "init")
    assert list(init["stages"]) == list(DEFAULT_STAGES)
    rows = [row["stage"] for row in data("workflow", "status")]
    assert rows[:4] == list(DEFAULT_STAGES)
    assert "Clients 2" not in rows
    assert "Archive" not in rows
    made = data("workflow", "onboard", "--template", template, "--name", "Client X")
    assert made["folderPath"] == "Stages/Design"
    refused = run("workflow", "advance", "--to", "Clients 2", template, code=2)
    assert "no stage 'Clients 2'" in refused.stderr


def test_init_migrates_the_root_folder_layout_and_is_idempotent(db: Path) -> None:
    with account(db) as wix:
        before = legacy_layout(wix)
    advice = run("workflow", "advance", "--to", "QA", before["sites"]["Live"][0], code=2)
    assert "run `wixsites workflow init` to move" in advice.stderr
    plan = data("workflow", "init", "--dry-run")
    assert [step["action"] for step in plan["steps"]] == [
        "create-parent",
        "create-holding",
        "keep",  # Design and QA, in the right order already: moved whole, ids kept
        "create",  # Suspended
        "create",  # Live, after Suspended ...
        "merge",  # ... and the old Live's sites into it
        "delete-holding",
    ]
    with account(db) as wix:
        assert StageLayout.of(FolderIndex.of(wix.folders.query())).parent is None  # dry run
    done = data("workflow", "init")
    assert done["created"] == ["Suspended", "Live"]
    assert done["moved"] == ["Design", "QA"]
    with account(db) as wix:
        assert_migrated(wix, before)
    again = data("workflow", "init")
    assert again["created"] == again["moved"] == []
    assert list(again["stages"]) == list(DEFAULT_STAGES)
    counts = status()
    assert [counts[name] for name in DEFAULT_STAGES] == [5, 3, 0, 3]  # QA/Acme's site too


class RefuseChange(httpx.BaseTransport):
    """The sandbox, except that its `nth` change (a folder created, moved or deleted, sites
    moved) is refused with a 403: an `init` cut short at that point."""

    def __init__(self, inner: httpx.BaseTransport, nth: int) -> None:
        self.inner = inner
        self.nth = nth
        self.changes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith(("/query", "/count")):
            self.changes += 1
            if self.changes == self.nth:
                body = {"message": "cut short", "details": {"applicationError": {"code": "NO"}}}
                return httpx.Response(403, json=body)
        return self.inner.handle_request(request)


def migrate(wix: WixSites) -> str | None:
    """`workflow init` on a fresh plan, as a new run makes it; its error, if any."""
    index = FolderIndex.of(wix.folders.query())
    try:
        apply_plan(wix, index, plan_init(StageLayout.of(index), None))
    except (WixError, CommandFailed) as error:
        return str(error)
    return None


def cut_short_then_run_again(nth: int) -> bool:
    """Migrate with the `nth` change refused, then again; whether the first run finished."""
    with Sandbox(clock=TickingClock()) as sandbox:
        creds = sandbox.default_credentials()
        seed_with_every_kind(sandbox, creds.account_id)
        options: dict[str, Any] = {"rate_limit": None, "retry": None}
        key, account_id = creds.api_key, creds.account_id
        with WixSites(api_key=key, account_id=account_id, transport=sandbox.transport()) as wix:
            before = legacy_layout(wix)
        refusing = RefuseChange(sandbox.transport(), nth)
        with WixSites(api_key=key, account_id=account_id, transport=refusing, **options) as wix:
            error = migrate(wix)
        assert error is None or "done so far" in error, error
        with WixSites(api_key=key, account_id=account_id, transport=sandbox.transport()) as wix:
            assert migrate(wix) is None
            assert_migrated(wix, before)
        return error is None


def test_init_cut_short_at_any_step_finishes_when_run_again() -> None:
    """The migration stopped at each of its changes in turn, then run again from scratch (a new
    plan, from what the account holds): always the same stages, sites and sub-folders."""
    nth = 1
    while not cut_short_then_run_again(nth):
        nth += 1
        assert nth < 30, "the migration makes more than 29 changes"
    assert nth > 8  # the migration makes several changes: each was cut short once


class TeammateFirst(httpx.BaseTransport):
    """The sandbox, where a teammate's own `init` runs to its end just before this client's
    first change: this client planned from the folders as they were before it."""

    def __init__(self, sandbox: Sandbox, key: str, account_id: str) -> None:
        self.inner = sandbox.transport()
        self.teammate = WixSites(
            api_key=key, account_id=account_id, transport=sandbox.transport(), rate_limit=None
        )
        self.raced = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.raced and not request.url.path.endswith(("/query", "/count")):
            self.raced = True
            assert migrate(self.teammate) is None
        return self.inner.handle_request(request)


@pytest.mark.parametrize("legacy", [False, True])
def test_two_teammates_running_init_at_once_both_succeed(legacy: bool) -> None:
    """The one whose plan is overtaken (a 409 for a folder the teammate made, a 404 for one the
    teammate removed) reads the folders again and finishes, as running it again would."""
    with Sandbox(clock=TickingClock()) as sandbox:
        creds = sandbox.default_credentials()
        seed_with_every_kind(sandbox, creds.account_id)
        key, account_id = creds.api_key, creds.account_id
        with WixSites(api_key=key, account_id=account_id, transport=sandbox.transport()) as wix:
            before = legacy_layout(wix) if legacy else None
        racing = TeammateFirst(sandbox, key, account_id)
        with WixSites(api_key=key, account_id=account_id, transport=racing, retry=None) as wix:
            index = FolderIndex.of(wix.folders.query())
            plan = plan_init(StageLayout.of(index), None)
            done, index = init_stages(wix, index, plan, None)
            assert racing.raced
            assert done.created == []
            assert done.moved == []
            assert StageLayout.of(index).names() == list(DEFAULT_STAGES)
            if before is not None:
                assert_migrated(wix, before)
            else:
                layout = StageLayout.of(FolderIndex.of(wix.folders.query()))
                assert layout.names() == list(DEFAULT_STAGES)
                assert layout.holding is None


def test_init_puts_a_new_stage_in_its_place_and_refuses_to_drop_one(db: Path) -> None:
    data("workflow", "init")
    with account(db) as wix:
        active = ids_of(wix, {"state": "ACTIVE"})
    data("workflow", "advance", "--to", "Live", *active[:2])
    data("workflow", "advance", "--to", "Suspended", active[2])
    ids = data("workflow", "init")["stages"]
    dropped = run("workflow", "init", "--stages", "Design,QA,Review,Live", code=2)
    assert "leaves out the stage Suspended" in dropped.stderr
    changed = data("workflow", "init", "--stages", "Design,QA,Review,Suspended,Live")
    assert list(changed["stages"]) == ["Design", "QA", "Review", "Suspended", "Live"]
    assert changed["stages"]["QA"] == ids["QA"]
    assert changed["stages"]["Live"] != ids["Live"]  # recreated after Review
    same = data("workflow", "init", "--stages", "design,qa,review,suspended,live")  # any case
    assert (same["stages"], same["created"]) == (changed["stages"], [])
    counts = status()
    assert (counts["Live"], counts["Suspended"], counts["Review"]) == (2, 1, 0)
    data("workflow", "advance", "--to", "Live", active[3])
    assert status()["Live"] == 3


def test_a_root_folder_named_like_a_stage_after_the_migration_is_not_one(db: Path) -> None:
    """What an older wixsites does on a migrated account: its `workflow init` makes Design, QA,
    Suspended and Live at root again. They are not stages; status says so."""
    data("workflow", "init")
    with account(db) as wix:
        old_qa = wix.folders.create("QA")
        site = ids_of(wix, {"state": "ACTIVE"})[0]
        assert wix.sites.move([site], old_qa).ok
    result = run("workflow", "status")
    assert "the root folder QA is not a stage" in result.stderr
    counts = status()
    assert counts["QA"] == 0
    assert counts["(no stage: other folders)"] == 1
    assert data("workflow", "init")["created"] == []  # and init leaves it alone


# -- item 5: trashed sites look trashed everywhere --------------------------------------------


def test_listings_show_and_choose_the_state(db: Path) -> None:
    with account(db) as wix:
        trashed = ids_of(wix, {"state": "TRASHED"})
        active = ids_of(wix, {"state": "ACTIVE"})
    assert trashed
    assert {s["id"] for s in data("sites", "list")} == set(active)  # the default: active
    assert {s["id"] for s in data("sites", "list", "--state", "trashed")} == set(trashed)
    assert len(data("sites", "list", "--state", "all")) == len(active) + len(trashed)
    assert data("sites", "count", "--state", "trashed")["count"] == len(trashed)
    rows = list(
        csv.DictReader(
            io.StringIO(run("sites", "list", "--state", "all", "--format", "csv").stdout)
        )
    )
    assert {r["id"]: r["state"] for r in rows} == {
        **dict.fromkeys(active, "ACTIVE"),
        **dict.fromkeys(trashed, "TRASHED"),
    }
    table = run("sites", "list", "--state", "trashed").stdout.splitlines()  # to a pipe: TSV
    assert "state" in table[0].split("\t")
    assert all("\tTRASHED\t" in row for row in table[1:])
    assert "state" not in run("sites", "list").stdout.splitlines()[0].split("\t")  # all ACTIVE
    both = run("sites", "list", "--state", "all", "--where", "state=TRASHED", code=2)
    assert "--state and a filter on state" in both.stderr


def test_a_trashed_site_is_counted_in_the_trash_not_at_root(db: Path) -> None:
    data("workflow", "init")
    with account(db) as wix:
        site = ids_of(wix, {"state": "ACTIVE", "premium": False})[0]
    data("workflow", "advance", "--to", "Design", site)
    before = status()
    tree = data("folders", "tree")
    assert run("sites", "trash", "--yes", site).exit_code == 0
    after = status()
    assert after["Design"] == before["Design"] - 1
    assert after["(no stage: at root)"] == before["(no stage: at root)"]
    assert after["(in the trash)"] == before["(in the trash)"] + 1
    now = data("folders", "tree")
    assert now["siteCount"] == tree["siteCount"]
    assert now["trashedSiteCount"] == tree["trashedSiteCount"] + 1
    assert "(in the trash)" in run("folders", "tree").stdout


def test_moving_or_publishing_a_trashed_site_fails_alone_with_the_reason(db: Path) -> None:
    with account(db) as wix:
        [trashed, *_] = ids_of(wix, {"state": "TRASHED"})
        active = ids_of(wix, {"state": "ACTIVE"})[:2]
    run("folders", "create", "Clients")
    plan = data("sites", "move", "--to", "Clients", trashed, *active, "--dry-run", code=PARTIAL)
    assert plan["wouldMove"] == active
    assert plan["wouldFail"] == {trashed: IN_TRASH}
    report = data("sites", "move", "--to", "Clients", trashed, *active, code=PARTIAL)
    assert report["moved"] == active
    assert report["failed"] == {trashed: IN_TRASH}
    published = data("sites", "publish", trashed, active[0], code=PARTIAL)
    assert published["published"] == [active[0]]
    assert published["failed"] == {trashed: IN_TRASH}
    with account(db) as wix:
        assert folder_of(wix, trashed) == ROOT


# -- item 6: counts agree ----------------------------------------------------------------------


def test_every_count_counts_the_same_sites(db: Path) -> None:
    with account(db) as wix:
        others = ids_of(wix, {"state": "ACTIVE", "namespace": {"$ne": "WIX"}})
        wix_sites = ids_of(wix, {"state": "ACTIVE", "namespace": "WIX"})
        assert others  # the seed has sites of other namespaces
        design = wix.folders.ensure("Stages/Design")
        assert wix.sites.move([*others, *wix_sites[:2]], design).ok
    tree = data("folders", "tree")
    [stages] = tree["children"]
    [node] = stages["children"]
    in_design = len(others) + 2
    assert node["siteCount"] == in_design
    assert data("sites", "count", "--folder", "Stages/Design")["count"] == in_design
    assert len(data("sites", "list", "--folder", "Stages/Design")) == in_design
    assert status()["Design"] == in_design
    assert data("sites", "count")["count"] == tree["siteCount"] + in_design
    everything = data("sites", "count", "--state", "all")["count"]
    assert everything == tree["siteCount"] + in_design + tree["trashedSiteCount"]
    as_the_api = data("sites", "count", "--where", "namespace=WIX", "--state", "active")
    assert as_the_api["count"] == len(wix_sites)


def test_init_asks_before_moving_existing_folders(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with account(db) as wix:
        wix.folders.create("QA")
    monkeypatch.setattr(consent, "on_terminal", lambda: True)
    declined = CliRunner().invoke(cli, ["--sandbox", "workflow", "init"], input="n\n")
    assert "move the sites and sub-folders of QA into Stages/QA" in declined.stderr
    assert declined.exit_code == CANCELLED
    assert data("folders", "list")[0]["pathName"] == "QA"  # nothing changed
    assert list(data("workflow", "init", "--yes")["stages"]) == list(DEFAULT_STAGES)

"""The command line of a site's lifecycle, in process on an embedded sandbox in tmp_path:
duplicate, publish, move, trash; workflow onboard and purge; transfer between related accounts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.test_cli_commands import assert_one_line_error, data, db, run
from tests.test_cli_shell import snake_keys
from wixsandbox import Sandbox
from wixsites.cli import consent
from wixsites.cli.exitcodes import CANCELLED, PARTIAL
from wixsites.cli.report import SHOWN_IDS
from wixsites.operations import Call
from wixsites.reasons import NOT_FOUND, PREMIUM
from wixsites.runner import SyncRunner

__all__ = ["db"]  # the fixture, shared with test_cli_commands

UNKNOWN = "0badbad0-0000-4000-8000-000000000000"
SUB = "55555555-5555-4555-8555-555555555555"


def sites(where: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    args = ["sites", "list"]
    if where is not None:
        args += ["--filter", json.dumps(where)]
    return list(data(*args))


def one(site_id: str) -> dict[str, Any]:
    [site] = sites({"id": site_id, "namespace": {"$exists": True}})
    return site


def test_duplicate_publish_move_trash_end_to_end(db: Path) -> None:
    data("workflow", "init")
    template = sites({"premium": True, "state": "ACTIVE"})[0]["id"]
    made = data("sites", "duplicate", template, "--name", "Client X", "--to", "Design")
    new_id = made["newSiteId"]
    design = data("folders", "list")[0]["id"]
    assert made == {
        "newSiteId": new_id,
        "sourceSiteId": template,
        "siteDisplayName": "Client X",
        "folderId": design,
        "folderPath": "Design",
        "published": False,
    }
    copy = one(new_id)
    assert (copy["displayName"], copy["premium"], copy["published"]) == ("Client X", False, False)
    assert data("sites", "publish", new_id) == {"ok": True, "published": [new_id], "failed": {}}
    assert one(new_id)["published"] is True
    moved = data("workflow", "advance", "--to", "Suspended", new_id)
    assert moved["moved"] == [new_id]
    trashed = data("sites", "trash", "--yes", new_id)
    assert (trashed["trashed"], trashed["failed"]) == ([new_id], {})
    assert "targetFolderId" not in trashed
    site = one(new_id)
    assert "trashedDate" in site
    assert site["folderId"] == ""  # out of its folder, at root: "" as Wix documents it
    assert [s["id"] for s in sites({"state": "TRASHED", "id": new_id})] == [new_id]
    count = len(sites())
    unknown_folder = run("sites", "duplicate", template, "--name", "Z", "--to", "Nope", code=2)
    assert_one_line_error(unknown_folder, "Nope")
    assert len(sites()) == count  # checked before anything was duplicated
    text = run("sites", "duplicate", template, "--name", "Client Y", "--publish").stdout
    assert text.startswith(f"Duplicated {template} as ")
    assert text.rstrip().endswith("(Client Y), published.")


def test_trash_dry_run_then_the_report(db: Path) -> None:
    plain = [s["id"] for s in sites({"premium": False, "state": "ACTIVE"})][:3]
    premium = sites({"premium": True, "state": "ACTIVE"})[0]["id"]
    ids = [*plain, premium, UNKNOWN]
    plan = data("sites", "trash", "--dry-run", *ids, code=PARTIAL)
    assert plan["wouldTrash"] == plain
    assert plan["wouldFail"] == {premium: PREMIUM, UNKNOWN: NOT_FOUND}
    assert plan["requests"] == 1
    assert sites({"state": "TRASHED", "id": {"$in": ids}}) == []  # nothing trashed
    # no terminal to ask on: refused, with the dry run's numbers, and nothing trashed
    refused = run("sites", "trash", "-", input="\n".join(ids) + "\n", code=2)
    assert_one_line_error(
        refused, "this would trash 3 sites in 1 request", "needs --yes", "nothing was changed"
    )
    assert sites({"state": "TRASHED", "id": {"$in": ids}}) == []
    result = run("sites", "trash", "--yes", "-", input="\n".join(ids) + "\n", code=PARTIAL)
    assert "Trashed 3 sites (1 request)." in result.stdout
    assert "trashed: 3 sites" in result.stdout
    assert "moved" not in result.output
    assert "PREMIUM_NOT_PERMITTED" in result.stdout
    assert_one_line_error(result, "2 of 5 sites not trashed")
    assert {s["id"] for s in sites({"state": "TRASHED", "id": {"$in": ids}})} == set(plain)
    again = data("sites", "trash", "--dry-run", plain[0])
    assert again["alreadyTrashed"] == [plain[0]]


@pytest.mark.parametrize(("answer", "trashed"), [("n\n", False), ("y\n", True)])
def test_trash_asks_on_a_terminal(
    db: Path, monkeypatch: pytest.MonkeyPatch, answer: str, trashed: bool
) -> None:
    site_id = sites({"premium": False, "state": "ACTIVE"})[0]["id"]
    monkeypatch.setattr(consent, "on_terminal", lambda: True)
    result = run("sites", "trash", site_id, input=answer, code=0 if trashed else CANCELLED)
    assert "This would trash 1 site in 1 request." in result.stdout
    assert "Move 1 site to the trash?" in result.output
    if not trashed:  # not an error: said, with its own exit status
        assert "Nothing changed." in result.stderr
        assert "error" not in result.stderr
    assert bool(sites({"state": "TRASHED", "id": site_id})) is trashed
    run("sites", "trash", "--yes", site_id)  # --yes does not ask
    run("sites", "trash", "-y", site_id)  # -y, as for sites move
    assert "nothing to trash" in run("sites", "trash", "-", input="\n").stderr


def test_onboard_and_purge(db: Path) -> None:
    data("workflow", "init")
    template = sites({"state": "ACTIVE"})[0]["id"]
    made = data("workflow", "onboard", "--template", template, "--name", "Client X", "--publish")
    assert (made["folderPath"], made["published"]) == ("Design", True)
    plain = [
        s["id"]
        for s in sites({"premium": False, "state": "ACTIVE"})
        if s["id"] != made["newSiteId"]
    ]
    plain = plain[:4]
    premium = sites({"premium": True, "state": "ACTIVE"})[0]["id"]
    data("workflow", "advance", "--to", "Suspended", *plain, premium)
    plan = data("workflow", "purge", "--stage", "Suspended", "--dry-run", code=PARTIAL)
    assert (plan["stage"], sorted(plan["wouldTrash"])) == ("Suspended", sorted(plain))
    assert list(plan["wouldFail"]) == [premium]
    refused = run("workflow", "purge", "--stage", "Suspended", code=2)
    # the dry run's numbers: 4 to trash (the premium site would stay)
    assert_one_line_error(
        refused, "this would trash 4 sites of stage Suspended in 1 request: with no terminal"
    )
    assert sites({"state": "TRASHED", "id": {"$in": plain}}) == []
    done = data("workflow", "purge", "--stage", "Suspended", "-y", code=PARTIAL)
    assert sorted(done["trashed"]) == sorted(plain)
    assert list(done["failed"]) == [premium]
    status = {row["stage"]: row["sites"] for row in data("workflow", "status")}
    assert (status["Suspended"], status["Design"]) == (1, 1)  # the premium site; Client X
    empty = run("workflow", "purge", "--stage", "QA", "--yes")
    assert "Stage QA holds no site" in empty.stdout


def test_transfer_between_related_accounts(db: Path) -> None:
    main = data("sandbox", "seed", "--sites", "0")["accountId"]
    data("sandbox", "seed", "--account-id", SUB, "--sites", "6", "--seed", "3")
    added = data("sandbox", "relate-accounts", main, SUB)
    assert added["added"] == [SUB]
    with_sub = data("sandbox", "relate-accounts", main, SUB)
    assert with_sub["added"] == []
    bad = run("sandbox", "relate-accounts", SUB, main, code=2)
    assert_one_line_error(bad, "is itself a sub-account")
    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        rows = conn.execute("SELECT id, premium FROM sites WHERE account_id = ?", (SUB,))
        theirs = {str(row[0]): bool(row[1]) for row in rows}
    plain = next(i for i, paid in theirs.items() if not paid)
    paid = next(i for i, paid in theirs.items() if paid)
    asked = run("sites", "transfer", plain, "--from", SUB, code=2)  # no terminal, no --yes
    assert_one_line_error(asked, f"transferring site {plain} from account {SUB}", "--yes")
    done = data(  # it was not transferred before: now it is
        "sites", "transfer", plain, "--from", SUB, "--yes"
    )
    assert done == {
        "siteId": plain,
        "sourceAccountId": SUB,
        "targetAccountId": main,
        "enableNotifications": False,
    }
    assert one(plain)["ownerAccountId"] == main
    refused = run("sites", "transfer", paid, "--from", SUB, "-y", code=1)
    assert_one_line_error(refused, "428 SITE_TRANSFER_NOT_SUPPORTED", "Cancel Package")
    gone = run("sites", "transfer", plain, "--from", SUB, "-y", code=1)
    assert_one_line_error(gone, "400 SITE_NOT_FOUND")
    not_an_id = run("sites", "transfer", plain, "--from", "acme", code=2)
    assert_one_line_error(not_an_id, "--from 'acme' is not an account id")


def test_trash_and_purge_print_every_format_and_write_a_report(db: Path, tmp_path: Path) -> None:
    data("workflow", "init")
    plain = [s["id"] for s in sites({"premium": False, "state": "ACTIVE"})][:2]
    premium = sites({"premium": True, "state": "ACTIVE"})[0]["id"]
    ids = [*plain, premium, UNKNOWN]
    plan = data("sites", "trash", "--dry-run", *ids, code=PARTIAL)
    assert snake_keys(plan) == []
    assert (
        run("sites", "trash", "--dry-run", "--format", "ids", *ids, code=PARTIAL).stdout.split()
        == plain
    )
    rows = run(
        "sites", "trash", "--dry-run", "--format", "csv", *ids, code=PARTIAL
    ).stdout.splitlines()
    assert rows[0] == "id,outcome,reason"
    assert rows[1:3] == [f"{i},would-trash," for i in plain]
    empty = data("workflow", "purge", "--stage", "QA", "--dry-run")
    assert snake_keys(empty) == []
    report = tmp_path / "trash.csv"
    result = run(
        "sites",
        "trash",
        "--yes",
        "--progress",
        "--format",
        "ids",
        "--report",
        str(report),
        *ids,
        code=PARTIAL,
    )
    assert result.stdout.split() == plain
    assert "Trashing sites" in result.stderr  # the progress bar
    lines = report.read_text().splitlines()
    assert lines[0] == "id,outcome,reason"
    assert {line.split(",")[1] for line in lines[1:]} == {"trashed", "failed"}
    assert [line.split(",")[0] for line in lines[1:] if ",trashed" in line] == plain
    data("workflow", "advance", "--to", "Suspended", premium)
    purged = tmp_path / "purge.json"
    run("workflow", "purge", "--yes", "--report", str(purged), code=PARTIAL)
    written = json.loads(purged.read_text())
    assert (written["stage"], written["kind"]) == ("Suspended", "site")
    assert [(i["id"], i["outcome"]) for i in written["items"]] == [(premium, "failed")]


def test_a_large_trash_dry_run_shows_counts_and_the_first_ids(db: Path) -> None:
    unknown = [f"0badbad0-0000-4000-8000-{n:012d}" for n in range(SHOWN_IDS + 5)]
    result = run("sites", "trash", "--dry-run", *unknown, code=PARTIAL)
    assert f"would-fail: {len(unknown)} sites (not found in this account)" in result.stdout
    assert "... and 5 more" in result.stdout
    assert unknown[-1] not in result.stdout


def test_duplicate_publish_onboard_transfer_take_every_format(db: Path) -> None:
    data("workflow", "init")
    template = sites({"state": "ACTIVE"})[0]["id"]
    [copy] = run("sites", "duplicate", template, "--name", "C", "--format", "ids").stdout.split()
    assert one(copy)["displayName"] == "C"
    rows = run("workflow", "onboard", "--template", template, "--name", "D", "--format", "csv")
    header, row = rows.stdout.splitlines()
    assert header == "newSiteId,sourceSiteId,siteDisplayName,folderId,folderPath,published"
    assert row.endswith(f",{template},D,{data('folders', 'list')[0]['id']},Design,false")
    published = run("sites", "publish", copy, "--format", "ids").stdout.split()
    assert published == [copy]
    assert run("sites", "publish", copy, "--format", "csv").stdout.splitlines()[0] == (
        "ok,published,failed"
    )
    main = data("sandbox", "seed", "--sites", "0")["accountId"]
    data("sandbox", "seed", "--account-id", SUB, "--sites", "6", "--seed", "3")
    assert run("sandbox", "relate-accounts", main, SUB, "--format", "ids").stdout.split() == [SUB]
    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        query = "SELECT id FROM sites WHERE account_id = ? AND NOT premium"
        plain = str(conn.execute(query, (SUB,)).fetchone()[0])
    moved = run("sites", "transfer", plain, "--from", SUB, "--yes", "--format", "ids")
    assert moved.stdout.split() == [plain]


class RefusePublish(httpx.BaseTransport):
    """A sandbox transport whose Publish Site is refused with a Wix 403."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/site-publisher/v1/site/publish":
            body = {"message": "no", "details": {"applicationError": {"code": "DENIED"}}}
            return httpx.Response(403, json=body, headers={"x-wix-request-id": "r-1"})
        return self.inner.handle_request(request)


@pytest.mark.parametrize(
    "command",
    [
        ["sites", "duplicate", "TEMPLATE", "--to", "Design"],
        ["workflow", "onboard", "--template", "TEMPLATE"],  # into the first stage, Design
    ],
)
def test_a_duplicate_whose_publish_fails_says_what_was_done(
    db: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    data("workflow", "init")
    template = sites({"state": "ACTIVE"})[0]["id"]
    make = Sandbox.transport
    monkeypatch.setattr(Sandbox, "transport", lambda self, **kw: RefusePublish(make(self, **kw)))
    args = [template if word == "TEMPLATE" else word for word in command]
    result = run(*args, "--name", "Client Z", "--publish", code=1)
    [copy] = [s["id"] for s in sites({"displayName": "Client Z"})]
    assert_one_line_error(
        result, f"duplicated {template} as {copy} into Design, but could not publish it", "403"
    )


def test_ctrl_c_mid_trash_reports_in_the_trash_s_words(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("sandbox", "seed", "--sites", "80")
    ids = [s["id"] for s in sites({"premium": False, "state": "ACTIVE"})][:25]  # two requests
    assert len(ids) == 25
    run_call = SyncRunner.run
    deletes = [0]

    def interrupted_on_the_second_delete(self: SyncRunner, call: Call[Any]) -> Any:
        if call.label == "Bulk Delete Site":
            deletes[0] += 1
            if deletes[0] == 2:
                raise KeyboardInterrupt
        return run_call(self, call)

    monkeypatch.setattr(SyncRunner, "run", interrupted_on_the_second_delete)
    result = run("sites", "trash", "--yes", "--progress", *ids, code=130)
    assert "trashed: 20 sites" in result.stdout
    assert "Trashing sites" in result.stderr  # the progress bar
    assert_one_line_error(
        result, "interrupted: 20 of 25 sites trashed", "trashing is idempotent: run the same"
    )

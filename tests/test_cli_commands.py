"""The command line in process (click's CliRunner) on an embedded sandbox in tmp_path."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from wixsites.cli import cli
from wixsites.cli.exitcodes import PARTIAL
from wixsites.cli.report import SHOWN_IDS
from wixsites.runner import SyncRunner

MISSING = "00000000-0000-4000-8000-00000000beef"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "sandbox.db"
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(path))
    monkeypatch.setenv("WIXSITES_SANDBOX", "1")  # the embedded sandbox, asked for
    for name in ("WIX_API_KEY", "WIX_ACCOUNT_ID", "WIX_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return path


def run(*args: str, input: str | None = None, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result


def data(*args: str, code: int = 0, input: str | None = None) -> Any:
    return json.loads(run(*args, "--json", input=input, code=code).stdout)


def assert_one_line_error(result: Result, *fragments: str) -> None:
    lines = result.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    assert "Traceback" not in result.output


def site_ids(limit: int | None = None) -> list[str]:
    args = ["sites", "list"] + (["--limit", str(limit)] if limit else [])
    return [site["id"] for site in data(*args)]


def stage_counts() -> dict[str, int]:
    return {row["stage"]: row["sites"] for row in data("workflow", "status")}


def test_demo_runs_the_whole_flow_without_touching_the_embedded_sandbox(db: Path) -> None:
    result = run("demo")
    out = result.stdout
    for expected in (
        "Design",
        "Review",
        "Suspended",
        "Live",
        "not found",
        "unpaid.csv",
        "duplicated the template",
        "moved to the trash",
    ):
        assert expected in out
    assert not re.search(r"^\s*QA\b", out, re.MULTILINE)  # renamed to Review
    assert not db.exists()
    report = json.loads(run("demo", "--json").stdout)
    assert [s["step"] for s in report["steps"]] == list(range(1, len(report["steps"]) + 1))
    assert set(report["tree"]["stages"]) == {"Design", "Review", "Suspended", "Live"}
    listed = report["steps"][0]["wixSites"]
    onboarded = next(s for s in report["steps"] if s.get("onboarded"))
    # every site is in a stage or at root (trashed ones too), the onboarded copy included
    assert sum(report["tree"]["stages"].values()) + report["tree"]["root"] == listed + 1
    purge = next(s for s in report["steps"] if "trashed" in s)
    assert purge["trashed"]
    assert all(r.startswith("PREMIUM_NOT_PERMITTED") for r in purge["kept"].values())
    assert onboarded["onboarded"] not in purge["trashed"]
    suspend = next(s for s in report["steps"] if s.get("failed"))
    assert len(suspend["failed"]) == 1
    assert len(suspend["moved"]) == 5
    assert json.loads(run("demo", "--json").stdout)["tree"] == report["tree"]  # deterministic


def test_first_use_seeds_the_embedded_sandbox_and_says_so(db: Path) -> None:
    result = run("sites", "list")
    assert "embedded sandbox" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2  # the notice, the count
    sites = data("sites", "list")
    assert len(sites) > 20
    assert db.exists()
    assert data("sites", "count")["count"] == len(sites)


def test_sites_list_where_sort_limit_and_formats(db: Path) -> None:
    published = data("sites", "list", "--where", "published=true")
    assert published
    assert all(s["published"] is True for s in published)
    both = data("sites", "list", "--where", "published=true", "--where", "premium=false")
    assert all(s["published"] and not s["premium"] for s in both)
    assert len(both) < len(published)
    assert data("sites", "count", "--where", "published=true")["count"] == len(published)
    newest = data("sites", "list", "--sort", "createdDate:desc", "--limit", "5")
    assert len(newest) == 5
    dates = [s["createdDate"] for s in newest]
    assert dates == sorted(dates, reverse=True)
    csv_lines = run("sites", "list", "--format", "csv", "--limit", "3").stdout.splitlines()
    assert csv_lines[0] == "id,name,folder,published,premium,editor,created"
    assert len(csv_lines) == 4
    table = run("sites", "list", "--limit", "3").stdout
    assert "published" in table
    filtered = data("sites", "list", "--filter", '{"editorType": "EDITOR"}')
    assert all(s["editorType"] == "EDITOR" for s in filtered)


def test_filters_wix_would_ignore_are_refused_and_count_honours_premium(db: Path) -> None:
    everything = data("sites", "list")
    premium = [s for s in everything if s["premium"]]
    assert 0 < len(premium) < len(everything)
    assert data("sites", "count", "--where", "premium=true")["count"] == len(premium)
    assert data("sites", "count", "--filter", '{"premium": false}')["count"] == len(
        everything
    ) - len(premium)
    for args in (("--where", "blocked=false"), ("--where", "createdDate>2024-01-01")):
        result = run("sites", "list", *args, code=2)
        assert_one_line_error(result, "cannot filter sites by", "name and searchPhrase")
        assert result.stdout == ""


def test_workflow_init_is_idempotent_and_status_counts(db: Path) -> None:
    first = data("workflow", "init")
    assert first["created"] == ["Design", "QA", "Suspended", "Live"]
    second = data("workflow", "init")
    assert second["created"] == []
    assert second["existing"] == first["created"]
    assert second["stages"] == first["stages"]
    assert "already there" in run("workflow", "init").stdout
    assert len(data("folders", "list")) == 4
    counts = stage_counts()
    assert counts == {
        "Design": 0,
        "QA": 0,
        "Suspended": 0,
        "Live": 0,
        "(no stage: at root)": counts["(no stage: at root)"],
    }
    ids = site_ids()
    report = data("workflow", "advance", "--to", "QA", *ids[:5])
    assert report["moved"] == ids[:5]
    assert report["failed"] == {}
    assert report["requests"] == 1
    assert stage_counts()["QA"] == 5


def test_workflow_suspend_reports_ids_not_in_the_account(db: Path, tmp_path: Path) -> None:
    run("workflow", "init")
    ids = site_ids()
    unpaid = tmp_path / "unpaid.csv"
    unpaid.write_text(
        "customer,Site ID,amount\n"
        + "".join(f"c{n},{i},10\n" for n, i in enumerate([*ids[:3], MISSING]))
    )
    result = run("workflow", "suspend", "--unpaid", str(unpaid), code=PARTIAL)
    assert MISSING in result.stdout
    assert "not found" in result.stdout
    assert_one_line_error(result, "1 of 4 sites not moved")
    assert stage_counts()["Suspended"] == 3
    report = data("workflow", "suspend", "--unpaid", str(unpaid), code=PARTIAL)
    assert report["moved"] == ids[:3]
    assert list(report["failed"]) == [MISSING]
    assert report["targetPath"] == "Suspended"


def test_rename_stage(db: Path) -> None:
    run("workflow", "init")
    run("workflow", "advance", "--to", "QA", *site_ids(2))
    assert "Renamed stage QA to Review" in run("workflow", "rename-stage", "QA", "Review").stdout
    counts = stage_counts()
    assert "QA" not in counts
    assert counts["Review"] == 2
    assert_one_line_error(run("workflow", "rename-stage", "QA", "Other", code=2), "no stage 'QA'")
    assert_one_line_error(run("workflow", "rename-stage", "Review", "Live", code=1), "409")


def test_folders_by_path(db: Path) -> None:
    created = data("folders", "create", "Clients/Acme/QA")
    assert created["created"] == ["Clients", "Clients/Acme", "Clients/Acme/QA"]
    again = data("folders", "create", "/Clients/Acme/QA/")
    assert again["created"] == []
    assert again["id"] == created["id"]
    run("folders", "create", "Archive")
    ids = site_ids(3)
    run("sites", "move", "--to", "Clients/Acme/QA", *ids)
    assert data("folders", "of", ids[0])["folderPath"] == "Clients/Acme/QA"
    assert data("sites", "list", "--folder", "Clients/Acme/QA")[0]["id"] in ids
    tree = run("folders", "tree").stdout.splitlines()  # to a pipe: tab-separated rows
    assert tree[0] == "path\tid\tsites"
    assert "Clients/Acme/QA\t" in tree[-1]
    assert tree[-1].endswith("\t3")
    run("folders", "rename", "Clients/Acme/QA", "Review")
    moved = data("folders", "move", "Clients/Acme", "--to", "Archive")
    assert moved["ok"]
    assert moved["targetPath"] == "Archive"
    paths = {f["path"] for f in data("folders", "tree")["children"]}
    assert paths == {"Archive", "Clients"}
    assert data("folders", "of", ids[0])["folderPath"] == "Archive/Acme/Review"
    run("folders", "delete", "--yes", "Archive/Acme")
    assert data("folders", "of", ids[0])["folderPath"] == "Archive/Review"
    assert data("folders", "of", site_ids()[-1])["folderPath"] in ("/", "Archive/Review")


def test_move_1200_ids_from_a_csv_in_three_requests(db: Path, tmp_path: Path) -> None:
    run("sandbox", "seed", "--sites", "1300", "--seed", "5")
    run("folders", "create", "Bulk")
    ids = site_ids(1200)
    assert len(ids) == 1200
    sheet = tmp_path / "sites.csv"
    sheet.write_text("name,site_id\n" + "".join(f"n{n},{i}\n" for n, i in enumerate(ids)))
    dry = data("sites", "move", "--to", "Bulk", "--from-file", str(sheet), "--dry-run")
    assert len(dry["wouldMove"]) == 1200
    assert dry["requests"] == 3
    assert dry["wouldFail"] == {}
    assert data("sites", "count", "--folder", "Bulk")["count"] == 0  # the dry run moved nothing
    result = run("--verbose", "sites", "move", "--to", "Bulk", "--from-file", str(sheet), "--json")
    report = json.loads(result.stdout)
    assert report["ok"]
    assert len(report["moved"]) == 1200
    assert report["requests"] == 3
    moves = [
        line
        for line in result.stderr.splitlines()
        if "POST /site-folders/v2/folders/bulk/sites/move" in line
    ]
    assert len(moves) == 3
    assert all("-> 200" in line for line in moves)
    assert data("sites", "count", "--folder", "Bulk")["count"] == 1200


def test_move_from_stdin_and_text_and_dry_run_with_unknown_ids(db: Path, tmp_path: Path) -> None:
    run("folders", "create", "Design")
    ids = site_ids(4)
    text = tmp_path / "ids.txt"
    text.write_text(f"# from billing\n{ids[0]}\n\n{ids[1]}  # late\n")
    assert data("sites", "move", "--to", "Design", "--from-file", str(text))["moved"] == ids[:2]
    stdin_report = data("sites", "move", "--to", "Design", "-", input=f"{ids[2]}\n{ids[3]}\n")
    assert stdin_report["moved"] == ids[2:]
    dry = data("sites", "move", "--to", "/", "--dry-run", ids[0], MISSING, code=PARTIAL)
    assert dry["wouldMove"] == [ids[0]]
    assert list(dry["wouldFail"]) == [MISSING]
    assert data("sites", "count", "--folder", "Design")["count"] == 4
    result = run("sites", "move", "--to", "Design", "--dry-run", ids[0])
    assert "already" in result.stdout.lower()


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (
            ("sites", "move", "--to", "Nowhere/At/All", MISSING),
            2,
            "unknown folder path 'Nowhere/At/All'",
        ),
        (("sites", "move", "--to", "/", "12345"), 2, "'12345' is not a site id"),
        (("folders", "of", "not-a-guid"), 2, "not a site id"),
        (("sites", "move", "--to", "/"), 2, "give site ids"),
        (("sites", "list", "--where", "published"), 2, "expected field=value"),
        (("sites", "list", "--filter", "{oops"), 2, "not valid JSON"),
        (("sites", "list", "--sort", "name"), 2, "cannot sort by 'name'"),
        (("sites", "move", "--to", "/", "--from-file", "/no/such/file.csv"), 2, "no such file"),
        (("folders", "rename", "Nowhere", "X"), 2, "unknown folder path"),
        (("folders", "create", "Clients//Acme"), 2, "empty name between two '/'"),
        (("workflow", "advance", "--to", "Nope", MISSING), 2, "no stage 'Nope'"),
        (("sandbox", "reset"), 2, "--yes"),
        (("nonsense",), 2, "No such command"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    db: Path, args: tuple[str, ...], code: int, fragment: str
) -> None:
    assert_one_line_error(run(*args, code=code), fragment)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("sites", "list"), "WIX_ACCOUNT_ID"),  # WIX_API_KEY alone
        (("--account-id", MISSING, "sites", "list"), "WIX_API_KEY"),
    ],
)
def test_one_credential_without_the_other_is_a_usage_error(
    db: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], fragment: str
) -> None:
    monkeypatch.delenv("WIXSITES_SANDBOX")
    if "--account-id" not in args:
        monkeypatch.setenv("WIX_API_KEY", "k" * 20)
    assert_one_line_error(run(*args, code=2), fragment)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('site_id\n"0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd\n', "malformed CSV"),
        ("customer,site_id\nacme\n", "malformed CSV"),
        ("site_id\nnot-an-id\n", "line 2"),
    ],
)
def test_malformed_csv(db: Path, tmp_path: Path, content: str, fragment: str) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(content)
    result = run("sites", "move", "--to", "/", "--from-file", str(sheet), code=2)
    assert_one_line_error(result, fragment, "bad.csv")
    suspend = run("workflow", "suspend", "--unpaid", str(sheet), code=2)
    assert_one_line_error(suspend, fragment)


def test_unexpected_errors_are_one_line_unless_verbose(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wixsites.cli.sites as sites_module

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(sites_module, "site_filter", broken)
    quiet = CliRunner().invoke(cli, ["sites", "count"])
    assert quiet.exit_code == 1
    assert_one_line_error(quiet, "RuntimeError: boom", "--verbose")
    loud = CliRunner().invoke(cli, ["--verbose", "sites", "count"])
    assert loud.exit_code == 1
    assert "Traceback" in loud.stderr


def test_verbose_masks_the_api_key(db: Path) -> None:
    result = run("--verbose", "sites", "count")
    assert "API key ****" in result.stderr
    assert "POST /site-list/v2/sites/count -> 200" in result.stderr


def test_sandbox_seed_and_reset(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    seeded = data("sandbox", "seed", "--db", str(other), "--sites", "25", "--folders", "3")
    assert seeded["summary"]["sites"] == 25
    assert not db.exists()
    run("sites", "list")
    before = data("sites", "count")["count"]
    run("sandbox", "seed", "--sites", "10")
    assert data("sites", "count")["count"] > before
    assert data("sandbox", "reset", "--yes")["reset"] is True
    assert data("sites", "count")["count"] == 0


def test_progress_bar_on_request(db: Path) -> None:
    run("folders", "create", "Design")
    ids = site_ids(3)
    shown = run("sites", "move", "--to", "Design", "--progress", *ids)
    assert "Moving sites" in shown.stderr
    assert "3/3" in shown.stderr
    hidden = run("sites", "move", "--to", "/", *ids)  # stderr is no terminal here
    assert "Moving sites" not in hidden.stderr


def test_ctrl_c_mid_move_prints_the_exact_partial_report(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("sandbox", "seed", "--sites", "1200")
    run("folders", "create", "Design")
    ids = site_ids()[:1100]
    sheet = tmp_path / "ids.txt"
    sheet.write_text("\n".join(ids))
    drive = SyncRunner.drive
    batches = [0]

    def interrupted_on_the_second_batch(self: SyncRunner, flow: Any) -> Any:
        batches[0] += 1
        if batches[0] == 2:
            raise KeyboardInterrupt
        return drive(self, flow)

    monkeypatch.setattr(SyncRunner, "drive", interrupted_on_the_second_batch)
    result = run("sites", "move", "--to", "Design", "--from-file", str(sheet), "--json", code=130)
    report = json.loads(result.stdout)
    assert report["interrupted"] is True
    assert report["ok"] is False
    assert report["moved"] == ids[:500]
    assert set(report["uncertain"]) == set(ids[500:1000])
    assert "in flight" in report["uncertain"][ids[500]]
    assert set(report["failed"]) == set(ids[1000:])
    assert report["failed"][ids[1000]] == "not sent: the move was interrupted"
    assert_one_line_error(result, "interrupted: 500 of 1,100 sites moved", "500 may have")
    # on the terminal: counts by outcome and reason, not 1,100 rows; every id in --report
    batches[0] = 0
    written = tmp_path / "report.csv"
    args = ["--to", "Design", "--from-file", str(sheet), "--report", str(written)]
    summary = run("sites", "move", *args, code=130).stdout
    assert len(summary.splitlines()) < 4 * (SHOWN_IDS + 2)
    assert "moved: 500 sites" in summary
    assert "uncertain: 500 sites" in summary
    assert "failed: 100 sites (not sent: the move was interrupted)" in summary
    rows = list(csv.DictReader(written.open()))
    assert [r["id"] for r in rows] == ids
    outcomes = [r["outcome"] for r in rows]
    assert outcomes == ["moved"] * 500 + ["uncertain"] * 500 + ["failed"] * 100
    monkeypatch.setattr(SyncRunner, "drive", drive)
    assert data("sites", "count", "--folder", "Design")["count"] == 500

    text = run("sites", "move", "--to", "/", "--from-file", str(sheet), code=0)
    assert "Moved 1,100 sites" in text.stdout


def test_ctrl_c_anywhere_else_exits_130(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("wixsites.cli.sites.load_folders", interrupted)
    assert_one_line_error(run("sites", "list", code=130), "interrupted")


def test_ctrl_c_mid_folder_move_prints_the_partial_report(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Acme", "Globex", "Clients"):
        run("folders", "create", name)
    drive = SyncRunner.drive

    def interrupted_moves(self: SyncRunner, flow: Any) -> Any:
        if getattr(flow, "__name__", "") == "_batch_flow":  # the generator of one move request
            raise KeyboardInterrupt
        return drive(self, flow)

    monkeypatch.setattr(SyncRunner, "drive", interrupted_moves)
    result = run("folders", "move", "Acme", "Globex", "--to", "Clients", "--json", code=130)
    report = json.loads(result.stdout)
    assert report["interrupted"] is True
    assert report["moved"] == []
    assert len(report["uncertain"]) == 2  # in flight: they may have moved
    assert_one_line_error(result, "interrupted: 0 of 2 folders moved")

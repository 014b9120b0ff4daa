"""JSON shapes are a contract: every command's --json output (and --report FILE.json) validates
against its schema in docs/schemas/, one vocabulary (the API's field names) and one date form
(the API's Z); and every command that prints JSON has a schema, exercised here."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.spec_tools import SPEC_URI, spec
from tests.test_cli_commands import db
from wixsandbox.process import free_port
from wixsites.cli import cli

__all__ = ["db"]  # the fixture, shared with test_cli_commands

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "schemas"
SUB = "55555555-5555-4555-8555-555555555555"
MISSING = "00000000-0000-4000-8000-00000000beef"
KEY = "schema-test-key-0123456789"


@cache
def registry() -> Registry[Any]:
    resources = [(SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT202012))]
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


class Contract:
    """Runs commands with --json, and checks each output against its schema."""

    def __init__(self) -> None:
        self.checked: set[str] = set()

    def check(self, name: str, payload: Any) -> Any:
        validator = Draft202012Validator(
            {"$ref": f"urn:wixsites:cli:{name}"},
            registry=registry(),
            format_checker=FormatChecker(),
        )
        errors = sorted(validator.iter_errors(payload), key=lambda e: list(e.path))
        assert not errors, (name, [f"{list(e.path)}: {e.message}" for e in errors[:5]])
        self.checked.add(name)
        return payload

    def __call__(self, *args: str, input: str | None = None, schema: str = "") -> Any:
        result = CliRunner().invoke(cli, ["--sandbox", *args, "--json"], input=input)
        assert "Traceback" not in result.output, result.output
        assert result.stdout.strip(), (args, result.exit_code, result.stderr)
        words = [a for a in args if not a.startswith("-")][:2]
        return self.check(schema or "-".join(words), json.loads(result.stdout))


def commands_with_json(group: click.Group, prefix: tuple[str, ...] = ()) -> set[str]:
    """Every command under `group` that takes --json, listed as click lists them (the lazy groups
    import a command when it is asked for: `group.commands` holds only those already used)."""
    found: set[str] = set()
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            found |= commands_with_json(command, (*prefix, name))
        elif any("--json" in p.opts for p in command.params if isinstance(p, click.Option)):
            found.add("-".join((*prefix, name)))
    return found


def test_every_schema_is_a_valid_json_schema() -> None:
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(contents)
        assert contents["$id"] == f"urn:wixsites:cli:{path.stem}", path


def test_every_command_prints_json_its_schema_describes(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = Contract()
    sites = run("sites", "list")
    assert any(site["folderId"] == "" for site in sites)  # a root site's folderId is there
    run("sites", "count", "--where", "published=true")
    ids = [s["id"] for s in sites if not s["premium"]]
    premium = next(s["id"] for s in sites if s["premium"])

    run("folders", "create", "Clients/Acme")
    run("folders", "list")
    run("folders", "tree")
    run("folders", "rename", "Clients/Acme", "Acme Corp", "--dry-run")
    run("folders", "rename", "Clients/Acme", "Acme Corp", "--yes")
    run("folders", "move", "Clients/Acme Corp", "--to", "/", "--dry-run")
    run("folders", "move", "Clients/Acme Corp", "--to", "/", "--yes")
    run("folders", "delete", "Clients", "--dry-run")
    run("folders", "delete", "Clients", "--yes")

    run("workflow", "init", "--dry-run")
    run("workflow", "init")
    run("workflow", "rename-stage", "QA", "Review")
    report = tmp_path / "report.json"
    run("sites", "move", "--to", "Stages/Design", ids[0], MISSING, "--dry-run")
    run("sites", "move", "--to", "Stages/Design", ids[0], MISSING, "--report", str(report))
    run.check("report-file", json.loads(report.read_text()))
    run("folders", "of", ids[0])
    run("workflow", "advance", "--to", "Review", ids[1], "--dry-run")
    run("workflow", "advance", "--to", "Review", ids[1])
    unpaid = tmp_path / "unpaid.txt"
    unpaid.write_text(f"{ids[2]}\n{premium}\n")
    run("workflow", "suspend", "--unpaid", str(unpaid))
    run("workflow", "status")

    made = run("sites", "duplicate", ids[3], "--name", "Client Y", "--to", "Stages/Design")
    run("workflow", "onboard", "--template", ids[3], "--name", "Client Z")
    run("sites", "publish", made["newSiteId"])
    run("sites", "trash", made["newSiteId"], MISSING, "--dry-run")
    run("sites", "trash", made["newSiteId"], MISSING, "--yes", "--report", str(report))
    run.check("report-file", json.loads(report.read_text()))
    run("workflow", "purge", "--stage", "Suspended", "--dry-run")
    run("workflow", "purge", "--stage", "Suspended", "--yes")
    run("workflow", "purge", "--stage", "Live", "--dry-run")  # an empty stage
    run("workflow", "purge", "--stage", "Live", "--yes")

    main = run("sandbox", "seed", "--sites", "0")["accountId"]
    run("sandbox", "seed", "--account-id", SUB, "--sites", "3", "--seed", "5")
    run("sandbox", "relate-accounts", main, SUB)
    hook = run("sandbox", "webhooks", "add", "http://127.0.0.1:9/h", schema="sandbox-webhooks-add")
    run("sandbox", "webhooks", "list", schema="sandbox-webhooks-list")
    assert run("trigger", "sites.moved", schema="trigger")["recorded"]
    assert run("sandbox", "webhooks", "log", schema="sandbox-webhooks-log")  # refused attempts
    run("sandbox", "webhooks", "remove", hook["id"], "--yes", schema="sandbox-webhooks-remove")
    monkeypatch.setenv("WIXSITES_SANDBOX_APP_SECRET", "schema-test-secret")
    app = "11111111-2222-4333-8444-555555555555"
    run("sandbox", "add-app", "--app-id", app)
    run("sandbox", "add-instance", "--app-id", app, "--account-id", SUB)
    on_site = run("sandbox", "add-instance", "--app-id", app, "--site-id", ids[-1])
    assert (on_site["siteId"], on_site["accountId"]) == (ids[-1], main)
    login = ["auth", "login", "--profile", "schemas", "--account-id", main, "--with-key"]
    stored = CliRunner().invoke(cli, [*login, "--no-verify"], input=f"{KEY}\n")
    assert stored.exit_code == 0, stored.output
    status = run("auth", "status")
    assert KEY not in json.dumps(status)
    assert CliRunner().invoke(cli, ["auth", "logout", "--profile", "schemas"]).exit_code == 0
    run("api", "POST", "/site-list/v2/sites/count", schema="api")
    run("demo")
    run("sandbox", "reset", "--yes")

    expected = commands_with_json(cli) | {"report-file", "api"}
    assert {p.stem for p in SCHEMAS.glob("*.json")} - {"common"} == expected | {"sandbox-serve"}
    assert run.checked == expected - {"sandbox-serve", "sites-transfer"}


def test_transfer_and_serve_print_json_their_schemas_describe(db: Path, tmp_path: Path) -> None:
    run = Contract()
    main = run("sandbox", "seed", "--sites", "0")["accountId"]
    run("sandbox", "seed", "--account-id", SUB, "--sites", "6", "--seed", "3")
    run("sandbox", "relate-accounts", main, SUB)
    run("sandbox", "relate-accounts", main, SUB)  # nothing added
    with subprocess.Popen(
        [sys.executable, "-m", "wixsites", "sandbox", "serve", "--json", "--port",
         str(free_port()), "--db", str(tmp_path / "served.db")],
        stdout=subprocess.PIPE,
        text=True,
    ) as server:  # fmt: skip
        try:
            assert server.stdout is not None
            run.check("sandbox-serve", json.loads(server.stdout.readline()))
        finally:
            server.terminate()
    from wixsandbox import Sandbox

    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        query = "SELECT id FROM sites WHERE account_id = ? AND NOT premium"
        plain = str(conn.execute(query, (SUB,)).fetchone()[0])
    done = run("sites", "transfer", plain, "--from", SUB, "--yes")
    assert (done["siteId"], done["targetAccountId"]) == (plain, main)
    assert run.checked == {
        "sandbox-seed",
        "sandbox-relate-accounts",
        "sandbox-serve",
        "sites-transfer",
    }

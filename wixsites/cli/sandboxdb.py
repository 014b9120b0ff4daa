"""The embedded sandbox, used when asked for (`--sandbox`): a SQLite file under the user's data
directory (``WIXSITES_SANDBOX_DB`` overrides it), seeded with a default account on first use."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import click
import platformdirs

from wixsites.cli.errors import InputError
from wixsites.cli.exitcodes import FAILURE

if TYPE_CHECKING:
    from wixsandbox import Sandbox

__all__ = [
    "DEFAULT_SEED_FOLDERS",
    "DEFAULT_SEED_SITES",
    "SandboxUnusable",
    "default_db_path",
    "open_sandbox",
]

DB_ENV = "WIXSITES_SANDBOX_DB"
DEFAULT_SEED_SITES = 40
DEFAULT_SEED_FOLDERS = 0


def default_db_path() -> str:
    configured = os.environ.get(DB_ENV)
    if configured:
        return configured
    return str(Path(platformdirs.user_data_dir("wixsites")) / "sandbox.db")


class SandboxUnusable(click.ClickException):
    """The sandbox's SQLite file is corrupt, not a database, or cannot be opened: exit status 1."""

    exit_code = FAILURE

    def __init__(self, path: str, error: Exception) -> None:
        super().__init__(
            f"the sandbox database {path} cannot be used ({error}); erase it and start afresh "
            f"with `wixsites sandbox reset`, or point WIXSITES_SANDBOX_DB at another file"
        )


def open_sandbox(
    db: str | None = None,
    *,
    seed_if_new: bool = True,
    webhook_retry_base: float = 1.0,
    time_budget: float | None = None,
) -> Sandbox:
    """Open (creating if need be) the sandbox at `db`; a new one gets a default account of sites.
    A failed webhook delivery is sent again after `webhook_retry_base` seconds, then twice as long
    each time; a request's database work is stopped after `time_budget` seconds (the sandbox's
    default when None)."""
    from wixsandbox import Sandbox  # the sandbox (starlette, SQLite) loads only when used
    from wixsandbox.dbfile import NotASandboxDatabase
    from wixsandbox.service import TIME_BUDGET

    path = db or default_db_path()
    is_new = path == ":memory:" or not Path(path).exists()
    try:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        sandbox = Sandbox(
            path,
            webhook_retry_base=webhook_retry_base,
            time_budget=TIME_BUDGET if time_budget is None else time_budget,
        )
    except NotASandboxDatabase as error:  # nothing was done to it, and nothing will be
        raise InputError(
            f"{error}: give --db (or {DB_ENV}) a sandbox database, or a file that does not "
            "exist yet"
        ) from None
    except (sqlite3.DatabaseError, OSError) as error:
        raise SandboxUnusable(path, error) from None
    if is_new and seed_if_new:
        credentials = sandbox.default_credentials()
        sandbox.seed(credentials.account_id, sites=DEFAULT_SEED_SITES, folders=DEFAULT_SEED_FOLDERS)
    return sandbox

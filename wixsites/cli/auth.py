"""``wixsites auth``: store, show and forget credentials, as named profiles (see profiles.py)."""

from __future__ import annotations

import re
import sys
from typing import Any

import click

from wixsites.cli.app import format_option
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.credentials import Choice, Settings, profile_url
from wixsites.cli.errors import InputError
from wixsites.cli.output import Column
from wixsites.cli.profiles import DEFAULT_PROFILE, PROFILE_ENV, ProfileStore
from wixsites.cli.sandboxdb import default_db_path
from wixsites.redaction import mask_url

__all__ = ["group"]

PROFILE_HELP = f"Profile name [default: {DEFAULT_PROFILE}; env {PROFILE_ENV}]."


@click.group("auth")
def group() -> None:
    """Log in to a Wix account once, as a named profile, instead of exporting WIX_API_KEY.

    \b
    The API key is kept in the system keyring, or where there is none, in a file
    readable only by you (mode 0600) under your config directory. It is never printed.
    Use a profile with --profile NAME or WIXSITES_PROFILE=NAME; the profile "default"
    is used when no credentials are given. A profile stored with --sandbox works on
    the embedded sandbox (a local practice account) and holds no key.

    \b
    Examples:
      wixsites auth login                                  # asks for the key and account id
      wixsites auth login --profile client-x --account-id ID --with-key < key.txt
      wixsites auth login --profile play --sandbox         # the embedded sandbox
      wixsites --profile client-x sites list
      wixsites auth status
      wixsites auth logout --profile client-x
    """


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _profile_name(app: AppContext, given: str | None) -> str:
    name = given or app.settings.profile or DEFAULT_PROFILE
    if not _NAME.fullmatch(name):
        raise InputError(
            f"a profile name is 1 to 64 letters, digits, '.', '_' or '-', not {name[:70]!r}"
        )
    return name


def _read_key(with_key: bool) -> str:
    if with_key:
        key = sys.stdin.readline().strip()
        if not key:
            raise InputError("--with-key: standard input held no API key")
        return key
    if not sys.stdin.isatty():
        raise InputError(
            "no terminal to ask for the API key on; pipe it in with --with-key "
            "(never as an argument, where `ps` would show it)"
        )
    key = str(click.prompt("API key (input hidden)", hide_input=True)).strip()
    if not key:
        raise InputError("no API key given")
    return key


@group.command("login")
@click.option("--profile", "profile", metavar="NAME", help=PROFILE_HELP)
@click.option("--account-id", "account_id", metavar="ID", help="The Wix account id.")
@click.option(
    "--base-url",
    "base_url",
    metavar="URL",
    help="Another API address for this profile, e.g. a `wixsites sandbox serve`.",
)
@click.option("--with-key", is_flag=True, help="Read the API key from standard input.")
@click.option(
    "--no-verify", is_flag=True, help="Store without checking the key with a Count Sites call."
)
@click.option(
    "--sandbox",
    "sandbox",
    is_flag=True,
    help="A profile for the embedded sandbox (a local practice account): no key, no account id.",
)
@pass_app
def login(
    app: AppContext,
    profile: str | None,
    account_id: str | None,
    base_url: str | None,
    with_key: bool,
    no_verify: bool,
    sandbox: bool,
) -> None:
    """Store an API key and account id as a profile (checked with one Count Sites call)."""
    from wixsites import WixSites
    from wixsites.config import DEFAULT_BASE_URL
    from wixsites.ids import is_guid

    name = _profile_name(app, profile)
    if sandbox:
        if account_id or base_url or with_key:
            raise InputError(
                "--sandbox stores a profile for the embedded sandbox: it takes no --account-id, "
                "--base-url or --with-key"
            )
        ProfileStore().save_sandbox(name)
        app.output.success(
            f"Profile '{name}' works on the embedded sandbox ({default_db_path()}); "
            f"`wixsites auth login --profile {name}` with a key turns it into a Wix account's."
        )
        return
    key = _read_key(with_key)
    if account_id is None:
        if not sys.stdin.isatty():
            raise InputError("--account-id is required when there is no terminal to ask on")
        account_id = str(click.prompt("Account id")).strip()
    if not is_guid(account_id):
        raise InputError(f"the account id must be a GUID, not {account_id[:60]!r}")
    if not no_verify:
        from wixsites.errors import AuthenticationError

        try:
            with WixSites(
                api_key=key, account_id=account_id, base_url=base_url or DEFAULT_BASE_URL
            ) as wix:
                count = wix.sites.count()
        except AuthenticationError as error:  # about this key, not about WIX_API_KEY
            given = "read from standard input" if with_key else "you typed"
            error.hint = (
                f"check the API key {given} (an account-level key from Wix's API Keys Manager) "
                f"and the account id {account_id}; nothing was stored"
            )
            raise
        app.output.info(f"The key works: account {account_id} has {count} WIX sites.")
    store = ProfileStore()
    stored = store.save(name, key, account_id, base_url)
    app.output.success(
        f"Logged in as profile '{name}' (account {account_id}); "
        f"the key is stored {store.where(stored)}."
    )


@group.command("status")
@format_option
@pass_app
def status(app: AppContext) -> None:
    """List the stored profiles and the credentials given in the environment, and say which
    ones commands use (keys are never shown). The exit status is that of a command: 4 when
    there are no credentials, 2 when they contradict each other (the message says why)."""
    store = ProfileStore()
    problem: click.ClickException | None = None
    try:
        choice: Choice | None = app.choice()
    except click.ClickException as error:
        choice, problem = None, error
    rows = [_profile_row(store, name, choice) for name in store.names()]
    rows += _given_rows(app.settings, choice)
    if not rows and not app.output.json:
        app.output.info(f"No profiles ({store.path} does not exist yet).")
    elif rows or app.output.json:
        app.output.records(
            [
                Column("profile", "Profile"),
                Column("active", "Active"),
                Column("accountId", "Account"),
                Column("baseUrl", "Base URL"),
                Column("keyStored", "Key stored"),
            ],
            rows,
        )
    if problem is not None:
        raise problem


def _profile_row(store: ProfileStore, name: str, choice: Choice | None) -> dict[str, Any]:
    profile = store.get(name)
    assert profile is not None
    url = profile_url(profile)
    return {
        "profile": name,
        "active": choice is not None and choice.profile is not None and choice.profile.name == name,
        "accountId": profile.account_id,
        "baseUrl": "embedded sandbox" if url is None else mask_url(url),
        "keyStored": store.where(profile),
    }


def _given_rows(settings: Settings, choice: Choice | None) -> list[dict[str, Any]]:
    """The credentials given in the environment or as options, and a sandbox asked for."""
    from wixsites.config import DEFAULT_BASE_URL

    rows: list[dict[str, Any]] = []
    if settings.sandbox:
        rows.append(
            {
                "profile": f"({settings.source('sandbox')})",
                "active": choice is not None and choice.sandbox and choice.profile is None,
                "accountId": "",
                "baseUrl": "embedded sandbox",
                "keyStored": "no key: the embedded sandbox",
            }
        )
    if settings.api_key or settings.account_id:
        sources = [settings.source(n) for n in ("api_key", "account_id") if n in settings.given]
        where = "(environment)" if all(not n.startswith("-") for n in sources) else "(options)"
        rows.append(
            {
                "profile": where,
                "active": choice is not None and not choice.sandbox and choice.profile is None,
                "accountId": settings.account_id or "(missing)",
                "baseUrl": mask_url(settings.base_url or DEFAULT_BASE_URL),
                "keyStored": f"in {settings.source('api_key')}"
                if settings.api_key
                else "(missing)",
            }
        )
    return rows


@group.command("logout")
@click.option("--profile", "profile", metavar="NAME", help=PROFILE_HELP)
@pass_app
def logout(app: AppContext, profile: str | None) -> None:
    """Forget a profile: its key (from the keyring or the file) and its account id."""
    name = _profile_name(app, profile)
    if not ProfileStore().remove(name):
        raise InputError(f"no profile '{name}' (see `wixsites auth status`)")
    app.output.success(f"Logged out: profile '{name}' and its key are removed.")

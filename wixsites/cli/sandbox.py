"""``wixsites sandbox``: serve, seed and reset a local Wix sandbox (thin wrappers over wixsandbox)."""

from __future__ import annotations

import io
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wixsites.cli.app import format_option, yes_option
from wixsites.cli.commands import PartsGroup
from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.cli.output import to_jsonable
from wixsites.cli.sandboxdb import SandboxUnusable, default_db_path, open_sandbox

if TYPE_CHECKING:
    from wixsandbox import Sandbox

__all__ = ["group"]

# as wixsandbox.secret_input.WHY (not imported: the sandbox loads only when a command needs it)
WHY = "a flag is visible to every user in `ps` and in shell history"
API_KEY_ENV = "WIXSITES_SANDBOX_API_KEY"
APP_SECRET_ENV = "WIXSITES_SANDBOX_APP_SECRET"
DB_HELP = "The SQLite file (default: the embedded sandbox's; env WIXSITES_SANDBOX_DB)."


@click.group("sandbox", cls=PartsGroup)
def group() -> None:
    """Run the embedded Wix sandbox as a server, seed it, or reset it.

    \b
    Examples:
      wixsites sandbox serve --port 8787
      wixsites sandbox seed --sites 1000 --folders 20
      wixsites sandbox reset --yes
    """


def _app_secret_options(command: Callable[..., None]) -> Callable[..., None]:
    """--app-secret (or its environment variable) and --app-secret-file."""
    command = click.option(
        "--app-secret-file", metavar="PATH", help="A file whose first line is the app's secret."
    )(command)
    return click.option(
        "--app-secret",
        "app_secret",
        metavar="SECRET",
        envvar=APP_SECRET_ENV,
        help=f"The app's secret; or {APP_SECRET_ENV}, or --app-secret-file: {WHY}.",
    )(command)


def _secret(flag: str | None, file: str | None, what: str) -> str | None:
    from wixsandbox.secret_input import pick_secret

    try:
        return pick_secret(flag, file, what)
    except ValueError as error:
        raise InputError(str(error)) from None


def _add_app(
    sandbox: Sandbox, app_id: str, secret: str, account_id: str, instance_id: str | None
) -> str:
    """Register the app and bind an instance of it (default: `account_id`) to the account."""
    try:
        sandbox.add_app(app_id, secret)
        return sandbox.add_instance(instance_id or account_id, app_id, account_id)
    except ValueError as error:
        raise InputError(str(error)) from None


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise InputError(
                f"cannot listen on {host}:{port} ({error.strerror or error}); choose another --port"
            ) from None


@group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8787, show_default=True)
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option(
    "--api-key",
    "api_key",
    metavar="KEY",
    envvar=API_KEY_ENV,
    help=f"Accept this API key (with --account-id); or {API_KEY_ENV}, or --api-key-file: {WHY}.",
)
@click.option("--api-key-file", metavar="PATH", help="A file whose first line is the API key.")
@click.option(
    "--account-id",
    "account_id",
    metavar="ID",
    help="The account of --api-key; also the instance and account --app-id acts for.",
)
@click.option(
    "--app-id",
    "app_id",
    metavar="ID",
    help="Accept requests signed by this app (with --app-secret) for instance --account-id "
    "(default: the sandbox's own account).",
)
@_app_secret_options
@click.option(
    "--fault-rate",
    type=click.FloatRange(0.0, 1.0),
    default=0.0,
    show_default=True,
    help="Share of requests given a fault (429, 503, a dropped connection, a delay).",
)
@click.option(
    "--fault-seed", type=int, default=0, show_default=True, help="Seed of the injected faults."
)
@click.option(
    "--webhook-retry-base",
    type=click.FloatRange(0.0, 3600.0, min_open=True),
    default=1.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds before a failed webhook delivery is sent again, doubled at each further "
    "attempt (up to an hour).",
)
@click.option(
    "--time-budget",
    type=click.FloatRange(0.0, 3600.0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Seconds of database work a request may take; past it the request is stopped, nothing "
    "changes, and the answer is a 400 TIME_BUDGET_EXCEEDED (default 5).",
)
@format_option
@pass_app
def serve(
    app: AppContext,
    host: str,
    port: int,
    db: str | None,
    api_key: str | None,
    api_key_file: str | None,
    account_id: str | None,
    app_id: str | None,
    app_secret: str | None,
    app_secret_file: str | None,
    fault_rate: float,
    fault_seed: int,
    webhook_retry_base: float,
    time_budget: float | None,
) -> None:
    """Serve the sandbox over HTTP until interrupted (Ctrl-C).

    Prints the address and the credentials to use; point the SDK or the command line at it
    with the `export` line it prints (WIX_BASE_URL, WIX_API_KEY, WIX_ACCOUNT_ID):

    \b
      wixsites sandbox serve --port 8787 &
      export WIX_BASE_URL=http://127.0.0.1:8787 WIX_API_KEY=... WIX_ACCOUNT_ID=...
      wixsites folders tree
    """
    api_key = _secret(api_key, api_key_file, "API key")
    app_secret = _secret(app_secret, app_secret_file, "app secret")
    if account_id and not (api_key or app_id):
        raise InputError("--account-id goes with --api-key or --app-id")
    if api_key and not account_id:
        raise InputError("--api-key needs --account-id, the key's account")
    if bool(app_id) != bool(app_secret):
        raise InputError("--app-id and --app-secret go together: give both or neither")
    _check_port_free(host, port)
    from wixsandbox import serve as run_server

    path = db or default_db_path()
    # a new database gets a default account of sites, unless the caller brings its own account
    sandbox = open_sandbox(
        path,
        seed_if_new=not api_key,
        webhook_retry_base=webhook_retry_base,
        time_budget=time_budget,
    )
    own_key = bool(api_key)  # the caller's: not echoed on the terminal
    if api_key and account_id:
        sandbox.add_api_key(api_key, account_id)
        app_account = account_id
    else:
        credentials = sandbox.default_credentials()
        app_account = account_id or credentials.account_id
        api_key, account_id = credentials.api_key, credentials.account_id
    instance_id = None
    if app_id and app_secret:
        instance_id = _add_app(sandbox, app_id, app_secret, app_account, None)
    shown_host = f"[{host}]" if ":" in host else host
    base_url = f"http://{shown_host}:{port}"
    details: dict[str, Any] = {
        "baseUrl": base_url,
        "apiKey": api_key,
        "accountId": account_id,
        "db": path,
    }
    if app_id:
        details["appId"] = app_id  # never the secret: whoever started the server knows it
        details["instanceId"] = instance_id
    if app.output.format in ("csv", "ids"):
        app.output.result(details, "", ids=[str(account_id)])
    elif app.output.json:
        app.output.emit_json(details, one_line=True)  # one line: a script reads it, then connects
    else:
        app.output.line(f"Wix sandbox on {base_url} (database {path}); use:")
        key = "" if own_key else f" WIX_API_KEY={api_key}"
        app.output.line(
            f"  export WIX_BASE_URL={base_url}{key} WIX_ACCOUNT_ID={account_id}"
            + ("   # and WIX_API_KEY: the key you gave (not shown)" if own_key else "")
        )
        if app_id:
            app.output.line(
                f"  or signed requests: application id {app_id}, instance id {instance_id}"
            )
        if fault_rate:
            app.output.line(
                f"  {fault_rate:.0%} of requests get an injected fault (seed {fault_seed})"
            )
        app.output.info("Press Ctrl-C to stop.")
    sys.stdout.flush()
    try:
        # wixsandbox's own banner names only the default credentials: ours replaces it
        run_server(
            sandbox,
            host=host,
            port=port,
            fault_rate=fault_rate,
            fault_seed=fault_seed,
            out=io.StringIO(),
        )
    finally:
        sandbox.close()


@group.command("add-app")
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option("--app-id", "app_id", metavar="ID", required=True, help="The app's id.")
@_app_secret_options
@click.option(
    "--account-id",
    "account_id",
    metavar="ID",
    help="The account the app's instance acts for (default: the sandbox's own account).",
)
@click.option(
    "--instance-id",
    "instance_id",
    metavar="ID",
    help="The instance id (a GUID) signed requests send (default: the account id).",
)
@format_option
@pass_app
def add_app(
    app: AppContext,
    db: str | None,
    app_id: str,
    app_secret: str | None,
    app_secret_file: str | None,
    account_id: str | None,
    instance_id: str | None,
) -> None:
    """Accept requests signed by an app, for one instance bound to one account.

    \b
    Example:
      WIXSITES_SANDBOX_APP_SECRET=s3cret wixsites sandbox add-app --app-id my-app \\
          --account-id 0a0a0a0a-1111-4222-8333-444444444444
    """
    secret = _secret(app_secret, app_secret_file, "app secret")
    if not secret:
        raise InputError(
            f"give the app's secret: {APP_SECRET_ENV}, --app-secret-file or --app-secret"
        )
    _bind(app, db, app_id, secret, account_id, instance_id)


@group.command("add-instance")
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option("--app-id", "app_id", metavar="ID", required=True, help="An app added before.")
@click.option(
    "--account-id",
    "account_id",
    metavar="ID",
    help="The account the instance acts for (default: the sandbox's own account).",
)
@click.option(
    "--instance-id",
    "instance_id",
    metavar="ID",
    help="The instance id (a GUID; default: a new one, printed).",
)
@click.option(
    "--site-id",
    "site_id",
    metavar="ID",
    help="Make it the instance of this site: its signed requests act on that site only, and may "
    "publish it (the account is the site's).",
)
@format_option
@pass_app
def add_instance(
    app: AppContext,
    db: str | None,
    app_id: str,
    account_id: str | None,
    instance_id: str | None,
    site_id: str | None,
) -> None:
    """Bind another instance of an app to an account, or to a site: signed requests naming it act
    for that account (on that site only).

    \b
    Example:
      wixsites sandbox add-instance --app-id my-app --account-id 0a0a0a0a-1111-4222-8333-444444444444
      wixsites sandbox add-instance --app-id my-app --site-id SITE_ID   # may publish SITE_ID
    """
    _bind(app, db, app_id, None, account_id, instance_id, site_id)


def _bind(
    app: AppContext,
    db: str | None,
    app_id: str,
    secret: str | None,
    account_id: str | None,
    instance_id: str | None,
    site_id: str | None = None,
) -> None:
    path = db or default_db_path()
    sandbox = open_sandbox(path, seed_if_new=False)
    try:
        if site_id:  # the site's account, unless another is named (add_instance then refuses)
            account = account_id or sandbox.site_owner(site_id) or ""
        else:
            account = account_id or sandbox.default_credentials().account_id
        if secret is not None:
            instance = _add_app(sandbox, app_id, secret, account, instance_id)
        else:
            try:
                instance = sandbox.add_instance(
                    instance_id, app_id, account or None, site_id=site_id
                )
            except ValueError as error:
                raise InputError(str(error)) from None
    finally:
        sandbox.close()
    site = {"siteId": site_id.lower()} if site_id else {}
    where = f"site {site_id.lower()}, account {account}" if site_id else f"account {account}"
    app.output.result(
        {"db": path, "appId": app_id, "instanceId": instance, "accountId": account, **site},
        f"App {app_id} may sign requests for instance {instance} ({where}).",
        ids=[instance],
    )


@group.command("seed")
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option(
    "--account-id",
    "account_id",
    metavar="ID",
    help="The account to seed (default: the sandbox's default account).",
)
@click.option("--sites", type=click.IntRange(min=0), required=True, help="How many sites to add.")
@click.option(
    "--folders",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="How many folders to add.",
)
@click.option(
    "--seed",
    "seed_value",
    type=int,
    default=0,
    show_default=True,
    help="Random seed (the same seed gives the same sites).",
)
@format_option
@pass_app
def seed(
    app: AppContext,
    db: str | None,
    account_id: str | None,
    sites: int,
    folders: int,
    seed_value: int,
) -> None:
    """Add generated sites (and folders) to an account of the sandbox.

    \b
    Example:
      wixsites sandbox seed --sites 1200 --folders 10 --seed 7
    """
    path = db or default_db_path()
    sandbox = open_sandbox(path, seed_if_new=False)
    try:
        account = account_id or sandbox.default_credentials().account_id
        summary = sandbox.seed(account, sites=sites, folders=folders, seed=seed_value)
    finally:
        sandbox.close()
    app.output.result(
        {"db": path, "accountId": account, "summary": to_jsonable(_fields(summary))},
        f"Seeded account {account} of {path} with {sites:,} sites and {folders:,} folders.",
        ids=[account],
    )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _fields(summary: object) -> object:
    if hasattr(summary, "__dataclass_fields__"):
        return {_camel(name): getattr(summary, name) for name in summary.__dataclass_fields__}
    return summary


@group.command("reset")
@click.option("--db", metavar="PATH", help=DB_HELP)
@yes_option
@format_option
@pass_app
def reset(app: AppContext, db: str | None, yes: bool) -> None:
    """Erase every account, site and folder of the sandbox (on a terminal it asks first;
    without one it needs --yes).

    \b
    Example:
      wixsites sandbox reset --yes
    """
    path = db or default_db_path()
    confirm(
        f"Erase every account, site and folder in {path}?",
        yes=yes,
        destructive=f"this would erase every account, site and folder of the sandbox at {path}",
    )
    try:
        sandbox = open_sandbox(path, seed_if_new=False)
    except SandboxUnusable:
        from wixsandbox.dbfile import looks_like_sqlite

        if not looks_like_sqlite(path):  # never erase what is not a database
            raise
        Path(path).unlink()  # a damaged database: erasing it is what was asked for
        sandbox = open_sandbox(path, seed_if_new=False)
    try:
        sandbox.reset()
    finally:
        sandbox.close()
    app.output.result({"db": path, "reset": True}, f"Reset the sandbox at {path}.")

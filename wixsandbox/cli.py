"""``python -m wixsandbox``: serve, seed or reset a sandbox database without the wixsites CLI."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from wixsandbox.dbfile import NotASandboxDatabase
from wixsandbox.guard import BODY_TIMEOUT, HEAD_TIMEOUT
from wixsandbox.secret_input import WHY, pick_secret
from wixsandbox.server import serve
from wixsandbox.service import TIME_BUDGET, Credentials, Sandbox

DEFAULT_DB = "wixsandbox.db"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m wixsandbox", description=__doc__)
    parser.add_argument(
        "--db",
        default=os.environ.get("WIXSANDBOX_DB", DEFAULT_DB),
        help="SQLite file (or :memory:); default %(default)s",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("serve", help="serve the API over HTTP")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8787)
    run.add_argument(
        "--api-key",
        default=os.environ.get("WIXSANDBOX_API_KEY"),
        help=f"accept this API key (with --account-id; or WIXSANDBOX_API_KEY or --api-key-file: {WHY})",
    )
    run.add_argument("--api-key-file", help="a file whose first line is the API key")
    run.add_argument(
        "--account-id", help="the account of --api-key, and the instance and account of --app-id"
    )
    run.add_argument(
        "--app-id",
        help="accept requests signed for this app (with --app-secret), for instance --account-id "
        "(default: the sandbox's own account)",
    )
    run.add_argument(
        "--app-secret",
        help=f"the app's secret (or WIXSANDBOX_APP_SECRET or --app-secret-file: {WHY})",
        default=os.environ.get("WIXSANDBOX_APP_SECRET"),
    )
    run.add_argument("--app-secret-file", help="a file whose first line is the app's secret")
    run.add_argument(
        "--head-timeout",
        type=float,
        default=HEAD_TIMEOUT,
        help="seconds a request head may take; slower connections are cut (default %(default)s)",
    )
    run.add_argument(
        "--body-timeout",
        type=float,
        default=BODY_TIMEOUT,
        help="seconds a request body may take; slower ones get a 408 (default %(default)s)",
    )
    run.add_argument(
        "--max-connections",
        type=int,
        default=None,
        help="connections open at once; beyond, the one waiting longest for its head is closed "
        "(default: half the file descriptor limit, at most 1000)",
    )
    run.add_argument(
        "--time-budget",
        type=float,
        default=TIME_BUDGET,
        help="seconds of database work a request may take; past it the request is stopped, "
        "nothing changes, and the answer is a 400 TIME_BUDGET_EXCEEDED (default %(default)s)",
    )
    run.add_argument(
        "--webhook-retry-base",
        type=float,
        default=1.0,
        help="seconds before a failed webhook delivery is sent again, doubled at each further "
        "attempt, up to an hour (default %(default)s)",
    )
    run.add_argument("--fault-rate", type=float, default=0.0)
    run.add_argument("--fault-seed", type=int, default=0)
    for sub in (run,):
        sub.add_argument("--db", dest="db_sub", default=None, help=argparse.SUPPRESS)

    seed = commands.add_parser("seed", help="add realistic sites and folders to an account")
    seed.add_argument("--account-id", help="default: the sandbox's own account")
    seed.add_argument("--sites", type=int, default=100)
    seed.add_argument("--folders", type=int, default=10)
    seed.add_argument("--seed", type=int, default=0)

    deliver = commands.add_parser(
        "deliver",
        help="send the database's pending webhooks until standard input ends (a served "
        "sandbox runs this as its child)",
    )
    deliver.add_argument("--retry-base", type=float, default=1.0)
    deliver.add_argument("--workers", type=int, default=4)

    reset = commands.add_parser("reset", help="delete every site and folder")
    reset.add_argument("--account-id", help="only this account's")
    relate = commands.add_parser(
        "relate", help="make accounts sub-accounts of a main account (for Transfer Site)"
    )
    relate.add_argument("main_account")
    relate.add_argument("sub_accounts", nargs="+")
    for sub in (seed, reset, relate, deliver):
        sub.add_argument("--db", dest="db_sub", default=None, help=argparse.SUPPRESS)
    return parser


def _set_up(sandbox: Sandbox, args: argparse.Namespace) -> Credentials | None:
    """Register the key and the app `serve` was given; the credentials to show, if any."""
    api_key = pick_secret(args.api_key, args.api_key_file, "API key")
    app_secret = pick_secret(args.app_secret, args.app_secret_file, "app secret")
    if api_key and not args.account_id:
        raise ValueError("--api-key needs --account-id, the key's account")
    if args.account_id and not (api_key or args.app_id):
        raise ValueError("--account-id goes with --api-key or --app-id")
    if bool(args.app_id) != bool(app_secret):
        raise ValueError("--app-id and --app-secret go together")
    credentials = None
    if api_key:
        sandbox.add_api_key(api_key, args.account_id)
        credentials = Credentials(api_key, args.account_id)
    if args.app_id and app_secret:
        sandbox.add_app(args.app_id, app_secret)
        account = args.account_id or sandbox.default_credentials().account_id
        sandbox.add_instance(account, args.app_id)
    return credentials


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db = args.db_sub or args.db
    if args.command == "deliver":
        from wixsandbox.webhooks.child import run_child

        run_child(db, retry_base=args.retry_base, workers=args.workers)
        return 0
    try:
        sandbox = Sandbox(
            db,
            time_budget=getattr(args, "time_budget", TIME_BUDGET),
            webhook_retry_base=getattr(args, "webhook_retry_base", 1.0),
        )
    except (NotASandboxDatabase, ValueError) as error:
        raise SystemExit(f"error: {error}") from None
    with sandbox:
        if args.command == "serve":
            try:
                credentials = _set_up(sandbox, args)
            except ValueError as error:
                raise SystemExit(str(error)) from None
            serve(
                sandbox,
                args.host,
                args.port,
                args.fault_rate,
                args.fault_seed,
                credentials=credentials,
                head_timeout=args.head_timeout,
                body_timeout=args.body_timeout,
                max_connections=args.max_connections,
            )
        elif args.command == "seed":
            account = args.account_id or sandbox.default_credentials().account_id
            summary = sandbox.seed(account, sites=args.sites, folders=args.folders, seed=args.seed)
            print(
                f"seeded account {summary.account_id}: {summary.sites} sites "
                f"({summary.trashed_sites} trashed, {summary.root_sites} at root), "
                f"{summary.folders} folders"
            )
        elif args.command == "relate":
            try:
                added = sandbox.relate_accounts(args.main_account, args.sub_accounts)
            except ValueError as error:
                raise SystemExit(f"error: {error}") from None
            print(f"related to {args.main_account.lower()}: {', '.join(added) or 'nothing new'}")
        else:
            sandbox.reset(args.account_id)
            print(
                "reset: every site and folder deleted"
                + (f" of {args.account_id}" if args.account_id else "")
            )
    return 0

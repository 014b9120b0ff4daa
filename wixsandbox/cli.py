"""``python -m wixsandbox``: serve, seed or reset a sandbox database without the wixsites CLI."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from wixsandbox.server import serve
from wixsandbox.service import Credentials, Sandbox

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
    run.add_argument("--api-key", help="accept this API key (with --account-id)")
    run.add_argument("--account-id", help="the account of --api-key")
    run.add_argument("--app-id", help="accept requests signed for this app (with --app-secret)")
    run.add_argument(
        "--app-secret",
        help="the app's secret (or WIXSANDBOX_APP_SECRET)",
        default=os.environ.get("WIXSANDBOX_APP_SECRET"),
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

    reset = commands.add_parser("reset", help="delete every site and folder")
    reset.add_argument("--account-id", help="only this account's")
    relate = commands.add_parser(
        "relate", help="make accounts sub-accounts of a main account (for Transfer Site)"
    )
    relate.add_argument("main_account")
    relate.add_argument("sub_accounts", nargs="+")
    for sub in (seed, reset, relate):
        sub.add_argument("--db", dest="db_sub", default=None, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db = args.db_sub or args.db
    with Sandbox(db) as sandbox:
        if args.command == "serve":
            if bool(args.api_key) != bool(args.account_id):
                raise SystemExit("--api-key and --account-id go together")
            if bool(args.app_id) != bool(args.app_secret):
                raise SystemExit("--app-id and --app-secret go together")
            credentials = None
            if args.api_key:
                sandbox.add_api_key(args.api_key, args.account_id)
                credentials = Credentials(args.api_key, args.account_id)
            if args.app_id:
                sandbox.add_app(args.app_id, args.app_secret)
            serve(
                sandbox,
                args.host,
                args.port,
                args.fault_rate,
                args.fault_seed,
                credentials=credentials,
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

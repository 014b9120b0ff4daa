"""Give every site of an account an instance of an app, whose id is the site's id.

    python -m tests.contract.site_instances DB APP_ID ACCOUNT_ID   (the secret in WIXSANDBOX_APP_SECRET)

A signed request acts on its instance's site only, so a signed Publish Site is signed for the
instance of the site it publishes. The contract runs sign each request that names a site in
``wix-site-id`` with that site's instance (`with_site_instance`), which this registers. The site
of the spec's own `wix-site-id` example is made a site of the account first (a copy of one of its
sites under that id), so that the examples phase publishes a site it has, whatever else runs.
"""

from __future__ import annotations

import os
import sys

from wixsandbox import Sandbox
from wixsandbox.spec import load_spec


def register(sandbox: Sandbox, app_id: str, account_id: str) -> int:
    """An instance of `app_id` for each site of the account, named by the site's id; how many."""
    with sandbox.store.read() as conn:
        sites = [
            str(row[0])
            for row in conn.execute(
                "SELECT id FROM sites WHERE account_id = ?", (account_id.lower(),)
            )
        ]
    for site in sites:
        sandbox.add_instance(site, app_id, site_id=site)
    return len(sites)


def example_site() -> str:
    """The site id of the spec's `wix-site-id` example (Publish Site's)."""
    publish = load_spec()["paths"]["/site-publisher/v1/site/publish"]["post"]
    (param,) = [p for p in publish["parameters"] if p["name"] == "wix-site-id"]
    return str(param["examples"]["documented"]["value"])


def adopt(sandbox: Sandbox, account_id: str, site_id: str) -> None:
    """Make `site_id` a site of the account: a copy of one of its sites that is not in the trash."""
    with sandbox.store.write() as conn:
        if conn.execute("SELECT 1 FROM sites WHERE id = ?", (site_id,)).fetchone():
            return
        columns = [str(r[1]) for r in conn.execute("PRAGMA table_info(sites)")][1:]  # no seq
        copied = ", ".join("?" if c == "id" else c for c in columns)
        conn.execute(
            f"INSERT INTO sites ({', '.join(columns)}) SELECT {copied} FROM sites "
            "WHERE account_id = ? AND trashed_ms = 0 LIMIT 1",
            (site_id, account_id.lower()),
        )


def with_site_instance(headers: dict[str, str]) -> dict[str, str]:
    """`headers` with x-wix-instance-id set to the site of wix-site-id, when one is named."""
    names = {name.lower(): name for name in headers}
    if "wix-site-id" in names and "x-wix-instance-id" not in names:
        return {**headers, "x-wix-instance-id": headers[names["wix-site-id"]]}
    return headers


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not os.environ.get("WIXSANDBOX_APP_SECRET"):
        print(__doc__, file=sys.stderr)
        return 2
    db, app_id, account_id = argv
    with Sandbox(db) as sandbox:
        sandbox.add_app(app_id, os.environ["WIXSANDBOX_APP_SECRET"])
        adopt(sandbox, account_id, example_site())
        print(f"{register(sandbox, app_id, account_id)} site instances of {app_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

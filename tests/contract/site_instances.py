"""Give every site of an account an instance of an app, whose id is the site's id.

    python -m tests.contract.site_instances DB APP_ID ACCOUNT_ID   (the secret in WIXSANDBOX_APP_SECRET)

A signed request acts on its instance's site only, so a signed Publish Site is signed for the
instance of the site it publishes. The contract runs sign each request that names a site in
``wix-site-id`` with that site's instance (`with_site_instance`), which this registers.
"""

from __future__ import annotations

import os
import sys

from wixsandbox import Sandbox


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
        print(f"{register(sandbox, app_id, account_id)} site instances of {app_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

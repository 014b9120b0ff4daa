"""Call every SDK operation through a validating proxy (tests/contract/run_prism_proxy.sh).

    WIX_BASE_URL=... WIX_API_KEY=... WIX_ACCOUNT_ID=... [WIX_APP_ID=... WIX_APP_SECRET=...
    PRISM_SANDBOX_DB=...] python tests/contract/prism_sdk_calls.py

Sync and async clients with the API key, and a signed client when an app is given: sites query
(filters, sorts, several pages, a resumed cursor), count and move; folders query, create, rename,
move, delete, of_site, get, tree, find and ensure; the lifecycle of a site (duplicate, publish,
trash, transfer from a sub-account given in WIX_SUB_ACCOUNT_ID; the signed client publishes through
an instance of the site, registered in the served database PRISM_SANDBOX_DB); and the documented
error answers
(404, 409, 400, 403, 428). Any answer the proxy refuses (Prism's --errors turns a violation into an error answer) raises,
and the script exits 1 naming the step.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from typing import TypeVar

from wixsites import (
    AlreadyExists,
    AsyncWixSites,
    NotFound,
    PermissionDenied,
    SiteInTrash,
    SiteNotInSourceAccount,
    TransferNotAllowed,
    TransferNotSupported,
    WixError,
    WixSites,
)

UNKNOWN = "5eed5eed-0000-4000-8000-000000000404"
E = TypeVar("E", bound=WixError)


def expect(error: type[E], call: Callable[[], object]) -> E:
    try:
        call()
    except error as raised:
        return raised
    raise AssertionError(f"expected {error.__name__}")


def sync_calls(wix: WixSites, label: str) -> None:
    sites = list(wix.sites.query(page_size=7))  # several pages
    assert len(sites) > 7, f"{label}: the seeded account has too few sites ({len(sites)})"
    ids = [str(s.id) for s in sites if not s.trashed_date]  # a trashed site moves nowhere
    list(wix.sites.query(filter={"published": True}, sort="createdDate:desc", page_size=5))
    list(wix.sites.query(filter={"folderId": {"$exists": False}}, sort="displayName"))
    list(wix.sites.query(filter={"id": {"$in": ids[:3]}}, sort=["updatedDate:desc"]))
    first = next(iter(wix.sites.query(page_size=3).pages()))
    if first.next_cursor:
        list(wix.sites.query(cursor=first.next_cursor, page_size=3))
    assert wix.sites.count() == len(sites)
    wix.sites.count(filter={"editorType": {"$in": ["EDITOR", "ADI"]}})

    ids = [str(s.id) for s in wix.sites.query(filter={"state": "ACTIVE"})]  # trashed ones stay
    stage = wix.folders.ensure(f"Prism {label}/Stages/Design")
    again = wix.folders.ensure(f"Prism {label}/Stages/Design")
    assert again.id == stage.id
    report = wix.sites.move([*ids[:4], UNKNOWN], stage)
    assert sorted(report.moved) == sorted(ids[:4])
    assert UNKNOWN in report.failed
    holder = wix.folders.of_site(ids[0])
    assert holder is not None
    assert holder.id == stage.id
    wix.sites.move(ids[:1], None)
    assert wix.folders.of_site(ids[0]) is None

    archive = wix.folders.create(f"Prism {label} archive")
    child = wix.folders.create("Old", parent=archive)
    renamed = wix.folders.rename(child, "Older")
    assert renamed.name == "Older"
    assert wix.folders.get(str(child.id)).name == "Older"
    moved = wix.folders.move([str(child.id)], stage)
    assert moved.ok, moved.failed
    found = wix.folders.find(f"Prism {label}/Stages/Design/Older")
    assert found is not None
    assert found.id == child.id
    list(wix.folders.query(filter={"name": {"$startsWith": "Prism"}}, sort="name", page_size=2))
    list(wix.folders.query(filter={"parentId": {"$exists": False}}))
    tree = wix.folders.tree()
    assert any(node.name == "Older" for node in tree)
    wix.folders.delete(child)
    wix.folders.delete(archive)

    expect(NotFound, lambda: wix.folders.get(UNKNOWN))
    expect(NotFound, lambda: wix.folders.delete(UNKNOWN))
    expect(NotFound, lambda: wix.folders.of_site(UNKNOWN))
    expect(AlreadyExists, lambda: wix.folders.create(f"Prism {label}"))
    cycle = wix.folders.move([str(stage.id)], stage)  # into itself: a 400, reported per id
    assert str(stage.id) in cycle.failed, cycle
    report = wix.folders.move([UNKNOWN], None)
    assert UNKNOWN in report.failed


def site_actions(
    wix: WixSites, label: str, on_site: Callable[[str], WixSites] | None = None
) -> None:
    """Duplicate, publish and trash, and their errors (404, per-item failures, 428). `on_site`:
    the client of a site's own instance, for a signed client (which publishes its site only)."""
    plain = [str(s.id) for s in wix.sites.query(filter={"premium": False}, page_size=5)]
    copy = wix.sites.duplicate(plain[0], f"Prism {label} copy")
    publisher = on_site(copy) if on_site else wix
    if on_site:  # the account's instance acts on no site
        expect(PermissionDenied, lambda: wix.sites.publish(copy))
    publisher.sites.publish(copy)
    publisher.sites.publish(copy)  # again: pushes the latest changes live
    report = wix.sites.trash([copy, UNKNOWN])
    assert report.moved == [copy], report
    assert UNKNOWN in report.failed, report
    expect(SiteInTrash, lambda: publisher.sites.publish(copy))
    expect(NotFound, lambda: wix.sites.duplicate(UNKNOWN, f"Prism {label} copy"))
    premium = [str(s.id) for s in wix.sites.query(filter={"premium": True}, page_size=5)]
    if premium:  # Wix's per-item PREMIUM_NOT_PERMITTED
        assert premium[0] in wix.sites.trash(premium[:1]).failed


def transfer_calls(wix: WixSites, sub: WixSites, account: str, sub_account: str) -> None:
    """Transfer Site and its documented errors (the key's account is the sub-account's main)."""
    theirs = [str(s.id) for s in sub.sites.query(filter={"premium": False}, page_size=5)]
    done = wix.sites.transfer(theirs[0], sub_account)
    assert str(done.site_id) == theirs[0], done
    expect(SiteNotInSourceAccount, lambda: wix.sites.transfer(theirs[0], sub_account))
    expect(TransferNotAllowed, lambda: wix.sites.transfer(theirs[1], account))
    paid = [str(s.id) for s in sub.sites.query(filter={"premium": True}, page_size=5)]
    if paid:
        expect(TransferNotSupported, lambda: wix.sites.transfer(paid[0], sub_account))


async def async_lifecycle_calls(wix: AsyncWixSites) -> None:
    plain = [str(s.id) async for s in wix.sites.query(filter={"premium": False}, page_size=3)]
    copy = await wix.sites.duplicate(plain[0], "Prism async copy")
    await wix.sites.publish(copy)
    report = await wix.sites.trash([copy])
    assert report.ok, report


async def async_calls(wix: AsyncWixSites, label: str) -> None:
    active = {"state": "ACTIVE"}  # a trashed site cannot move
    ids = [str(s.id) async for s in wix.sites.query(filter=active, page_size=9)]
    await wix.sites.count(filter={"published": False})
    folder = await wix.folders.ensure(f"Prism {label}/Async")
    report = await wix.sites.move(ids[:3], folder)
    assert report.ok, report.failed
    assert (await wix.folders.of_site(ids[0])) is not None
    await wix.folders.rename(folder, "Async renamed")
    await wix.folders.move([str(folder.id)], None)
    await wix.folders.get(str(folder.id))
    await wix.folders.tree()
    await wix.folders.find(f"Prism {label}")
    await wix.folders.query().to_list()
    await wix.folders.delete(folder)


def step(name: str, run: Callable[[], None]) -> bool:
    try:
        run()
    except Exception as error:  # any failure: name the step, keep going, exit 1 at the end
        print(f"FAILED {name}: {type(error).__name__}: {error}")
        return False
    print(f"ok     {name}")
    return True


def main() -> int:
    """Credentials from the environment (never the command line): WIX_BASE_URL, WIX_API_KEY,
    WIX_ACCOUNT_ID, and for the signed client WIX_APP_ID and WIX_APP_SECRET."""
    env = os.environ

    def with_key() -> None:
        with WixSites.from_env(rate_limit=None) as wix:
            sync_calls(wix, "key")

    async def async_with_key() -> None:
        async with AsyncWixSites.from_env(rate_limit=None) as wix:
            await async_calls(wix, "async")
            await async_lifecycle_calls(wix)

    def lifecycle() -> None:
        sub_account = env["WIX_SUB_ACCOUNT_ID"]
        with (
            WixSites.from_env(rate_limit=None) as wix,
            WixSites.from_env({**env, "WIX_ACCOUNT_ID": sub_account}, rate_limit=None) as sub,
        ):
            site_actions(wix, "key")
            transfer_calls(wix, sub, env["WIX_ACCOUNT_ID"], sub_account)

    def signed() -> None:
        def client(instance: str) -> WixSites:
            return WixSites.from_signature(
                env["WIX_APP_ID"],
                instance,
                env["WIX_APP_SECRET"],
                env["WIX_BASE_URL"],
                rate_limit=None,
            )

        def on_site(site: str) -> WixSites:
            """The client of the site's own instance, registered in the served database."""
            from wixsandbox import Sandbox

            with Sandbox(env["PRISM_SANDBOX_DB"]) as sandbox:
                sandbox.add_instance(site, env["WIX_APP_ID"], site_id=site)
            return clients.enter_context(client(site))

        with ExitStack() as clients:
            wix = clients.enter_context(client(env["WIX_ACCOUNT_ID"]))
            sync_calls(wix, "signed")
            site_actions(wix, "signed", on_site)

    results = [
        step("every SDK operation, API key", with_key),
        step("the async SDK, API key", lambda: asyncio.run(async_with_key())),
    ]
    if env.get("WIX_SUB_ACCOUNT_ID"):
        results.append(step("the lifecycle of a site, API key", lifecycle))
    if env.get("WIX_APP_ID"):
        results.append(step("every SDK operation, signed", signed))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

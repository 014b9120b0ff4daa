"""Building the clients, their folder operations against the sandbox, and keeping secrets out of
everything the SDK shows (reprs, messages, log records)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

import httpx
import pytest
from wix_sites_api.models import Folder

import wixsites
from wixsandbox import Sandbox
from wixsites import (
    AsyncWixSites,
    AuthenticationError,
    ConfigurationError,
    InvalidArgument,
    NetworkError,
    NotFound,
    RetryPolicy,
    WixSites,
)

SECRET = "sk-very-secret-api-key-0123456789"
APP_SECRET = "app-secret-abcdefghijklmnop"
ACCOUNT = "11111111-2222-3333-4444-555555555555"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        box.add_api_key(SECRET, ACCOUNT)
        box.seed(ACCOUNT, sites=40, folders=0, seed=1)
        yield box


@pytest.fixture
def wix(sandbox: Sandbox) -> Iterator[WixSites]:
    with WixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.transport(),
        rate_limit=None,
    ) as client:
        yield client


def test_public_names() -> None:
    for name in [
        "WixSites",
        "AsyncWixSites",
        "MoveReport",
        "WixError",
        "AuthenticationError",
        "PermissionDenied",
        "NotFound",
        "AlreadyExists",
        "InvalidArgument",
        "RateLimited",
        "ServerError",
        "CursorExpired",
        "ConfigurationError",
        "PagingError",
        "RetryPolicy",
        "FolderTree",
        "Page",
        "LegacyPager",
    ]:
        assert name in wixsites.__all__
        assert hasattr(wixsites, name)


def test_api_key_headers_and_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"count": 3})

    with WixSites(
        api_key=SECRET, account_id=ACCOUNT, transport=httpx.MockTransport(handler)
    ) as client:
        assert client.sites.count({"published": True}) == 3
    assert seen[0].headers["authorization"] == SECRET
    assert seen[0].headers["wix-account-id"] == ACCOUNT
    assert str(seen[0].url) == "https://www.wixapis.com/site-list/v2/sites/count"


def test_from_env() -> None:
    env = {
        "WIX_API_KEY": SECRET,
        "WIX_ACCOUNT_ID": ACCOUNT,
        "WIX_BASE_URL": "http://127.0.0.1:8787/",
    }
    with WixSites.from_env(env) as client:
        assert client.base_url == "http://127.0.0.1:8787"
    with pytest.raises(ConfigurationError) as caught:
        WixSites.from_env({})
    message = str(caught.value)
    assert "WIX_API_KEY and WIX_ACCOUNT_ID are not set" in message
    assert "set WIX_API_KEY" in message
    with pytest.raises(ConfigurationError, match="WIX_ACCOUNT_ID is not set"):
        WixSites.from_env({"WIX_API_KEY": SECRET})
    with pytest.raises(ConfigurationError) as caught:
        WixSites.from_env({"WIX_API_KEY": SECRET})
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"api_key": SECRET},
        {"api_key": SECRET, "account_id": ACCOUNT, "base_url": "ftp://x"},
        {"api_key": SECRET, "account_id": ACCOUNT, "rate_limit": 0},
        {"api_key": "line\nbreak", "account_id": ACCOUNT},
    ],
)
def test_configuration_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WixSites(**kwargs)  # type: ignore[arg-type]
    assert SECRET not in str(caught.value)


def test_signed_client_against_the_sandbox(sandbox: Sandbox) -> None:
    sandbox.add_app("my-app", APP_SECRET)
    sandbox.add_instance(ACCOUNT, "my-app")
    with WixSites.from_signature(
        application_id="my-app",
        instance_id=ACCOUNT,
        secret=APP_SECRET,
        base_url="http://sandbox",
        transport=sandbox.transport(),
    ) as client:
        assert client.sites.count() > 0
        assert APP_SECRET not in repr(client)
        assert "my-app" in repr(client)
    with (
        WixSites.from_signature(
            application_id="my-app",
            instance_id=ACCOUNT,
            secret="wrong-secret-000000",
            base_url="http://sandbox",
            transport=sandbox.transport(),
        ) as client,
        pytest.raises(wixsites.PermissionDenied),
    ):
        client.sites.count()


def found(folder: Folder | None) -> Folder:
    assert folder is not None
    return folder


def test_folder_operations(wix: WixSites) -> None:
    clients = wix.folders.create("Clients")
    acme = wix.folders.create("Acme", parent=clients)
    qa = wix.folders.create("QA", parent=str(acme.id))
    assert isinstance(qa.path, list)
    assert [p.name for p in qa.path] == ["Clients", "Acme"]  # the folders above it
    assert str(found(wix.folders.find("Clients/Acme/QA")).id) == str(qa.id)
    assert str(found(wix.folders.find("/Clients/Acme/")).id) == str(acme.id)
    assert wix.folders.find("Clients/QA") is None
    assert wix.folders.find("clients") is None  # exact names
    with pytest.raises(InvalidArgument):
        wix.folders.find("")
    with pytest.raises(InvalidArgument):
        wix.folders.find("Clients//QA")
    assert str(wix.folders.get(str(qa.id)).id) == str(qa.id)
    with pytest.raises(NotFound):
        wix.folders.get(str(uuid.uuid4()))

    sites = [str(s.id) for s in wix.sites.query(sort="createdDate")]
    assert wix.sites.move(sites[:5], qa).ok
    assert wix.move_sites(sites[5:7], "root").ok
    assert str(found(wix.folders.of_site(sites[0])).id) == str(qa.id)
    assert wix.folders.of_site(sites[6]) is None

    renamed = wix.folders.rename(qa, "QA 2")
    assert renamed.name == "QA 2"
    tree = wix.folders.tree()
    assert [n.path_text for n in tree] == ["Clients", "Clients/Acme", "Clients/Acme/QA 2"]
    node = tree.find("Clients/Acme/QA 2")
    assert node is not None
    assert node.site_count == 5
    assert tree.roots[0].total_site_count == 5
    every_namespace = {"folderId": {"$exists": False}, "namespace": {"$exists": True}}
    assert tree.root_site_count == wix.sites.count({**every_namespace, "state": "ACTIVE"})
    assert "QA 2 [5]" in tree.render()

    wix.folders.delete(renamed)
    assert str(found(wix.folders.of_site(sites[0])).id) == str(acme.id)  # content moved up
    assert wix.folders.query({"parentId": {"$exists": False}}).first() is not None
    with pytest.raises(InvalidArgument):
        wix.folders.create("   ")
    with pytest.raises(InvalidArgument):
        wix.folders.rename("not-a-folder-id", "x")


async def test_async_client_against_the_sandbox(sandbox: Sandbox) -> None:
    async with AsyncWixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.async_transport(),
        rate_limit=None,
    ) as wix:
        total = await wix.sites.count()
        pages = [page async for page in wix.sites.query(page_size=7).pages()]
        assert sum(len(p) for p in pages) == total
        assert pages[-1].next_cursor is None
        folder = await wix.folders.create("Async")
        sub = await wix.folders.create("Inner", parent=folder)
        assert (await wix.folders.find("Async/Inner")) is not None
        site = await wix.sites.query().first()
        assert site is not None
        report = await wix.move_sites([str(site.id)], sub)
        assert report.ok
        assert str(found(await wix.folders.of_site(str(site.id))).id) == str(sub.id)
        tree = await wix.folders.tree()
        assert [n.path_text for n in tree] == ["Async", "Async/Inner"]
        moved = await wix.move_folders([sub], None)
        assert moved.moved == [str(sub.id)]
        assert (await wix.folders.rename(sub, "Outer")).name == "Outer"
        await wix.folders.delete(folder)
        assert [f.name async for f in wix.folders.query()] == ["Outer"]


# Secrets never shown


def test_repr_never_shows_secrets() -> None:
    client = WixSites(api_key=SECRET, account_id=ACCOUNT)
    assert SECRET not in repr(client)
    assert ACCOUNT in repr(client)
    signed = WixSites.from_signature(application_id="a", instance_id="i", secret=APP_SECRET)
    assert APP_SECRET not in repr(signed)


def test_errors_and_logs_never_show_secrets(caplog: pytest.LogCaptureFixture) -> None:
    answers: list[httpx.Response | Exception] = [
        httpx.ConnectError(f"could not connect with {SECRET}"),
        httpx.Response(
            401,
            json={
                "message": f"API key {SECRET} is not valid",
                "details": {
                    "applicationError": {"code": "UNAUTHENTICATED", "description": f"key={SECRET}"}
                },
            },
        ),
    ]

    def handler(request: httpx.Request) -> httpx.Response:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    infos: list[wixsites.RequestInfo] = []
    caplog.set_level(logging.DEBUG, logger="wixsites")
    client = WixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        transport=httpx.MockTransport(handler),
        sleep=lambda _: None,
        on_request=infos.append,
    )
    with pytest.raises(AuthenticationError) as caught:
        client.sites.count()
    err = caught.value
    for text in (str(err), repr(err), err.message, str(err.description), str(err.args)):
        assert SECRET not in text
    assert "***" in str(err)
    assert len(caplog.records) >= 3  # two attempts and a retry
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in str(record.__dict__)
    assert all(SECRET not in str(info) for info in infos)

    report = WixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        sleep=lambda _: None,
        transport=httpx.MockTransport(
            lambda r: httpx.Response(400, json={"message": f"bad request from {SECRET}"})
        ),
    ).sites.move([str(uuid.uuid4())], None)
    assert SECRET not in str(report.failed)

    client = WixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        sleep=lambda _: None,
        retry=RetryPolicy(max_attempts=2),
        transport=httpx.MockTransport(lambda r: (_ for _ in ()).throw(httpx.ConnectError(SECRET))),
    )
    with pytest.raises(NetworkError) as network:
        client.sites.count()
    assert SECRET not in str(network.value)
    assert SECRET not in repr(network.value)


def test_ensure_creates_the_missing_folders_of_a_path_once(wix: WixSites) -> None:
    clients = wix.folders.create("Clients")
    qa = wix.folders.ensure("Clients/Acme/QA")
    assert qa.name == "QA"
    acme = wix.folders.find("Clients/Acme")
    assert acme is not None
    assert acme.parent_id == str(clients.id)
    assert qa.parent_id == str(acme.id)
    again = wix.folders.ensure("/Clients/Acme/QA/")
    assert again.id == qa.id
    assert sorted(str(f.name) for f in wix.folders.query()) == ["Acme", "Clients", "QA"]
    with pytest.raises(InvalidArgument):
        wix.folders.ensure("Clients//QA")


@pytest.mark.parametrize("name", ["Line\nbreak", "tab\there", "nul\x00", "x" * 257, "   "])
def test_a_bad_folder_name_is_refused_before_any_request(wix: WixSites, name: str) -> None:
    with pytest.raises(InvalidArgument, match="folder name"):
        wix.folders.create(name)
    assert wix.folders.query().first() is None


@pytest.mark.parametrize("name", ["Line\nbreak", "nul\x00", "\x7f"])
def test_the_sandbox_refuses_control_characters_in_folder_names(
    sandbox: Sandbox, name: str
) -> None:
    with httpx.Client(
        transport=sandbox.transport(),
        base_url="http://sandbox",
        headers={"Authorization": SECRET, "wix-account-id": ACCOUNT},
    ) as http:
        response = http.post("/site-folders/v2/folders", json={"folder": {"name": name}})
    assert response.status_code == 400
    assert (
        response.json()["details"]["validationError"]["fieldViolations"][0]["field"]
        == "folder.name"
    )


async def test_async_ensure_matches_sync(sandbox: Sandbox) -> None:
    async with AsyncWixSites(
        api_key=SECRET,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.async_transport(),
        rate_limit=None,
    ) as wix:
        made = await wix.folders.ensure("Design/Drafts")
        assert made.name == "Drafts"
        assert (await wix.folders.ensure("Design/Drafts")).id == made.id
        assert len(await wix.folders.query().to_list()) == 2
        first = await wix.folders.query({"name": "Drafts"}).first()
        assert first is not None
        assert first.id == made.id
        assert await wix.folders.query({"name": "Nothing"}).first() is None


def test_the_tree_counts_the_sites_at_root_as_it_counts_a_folder_s() -> None:
    """A folder's `site_count` (Wix's `siteCount`) counts every namespace; the sites at root are
    counted alike, and the sites in the trash are not among them."""
    with Sandbox() as box:
        box.add_api_key(SECRET, ACCOUNT)
        box.seed(ACCOUNT, sites=200, folders=0, seed=3)
        wix = WixSites(api_key=SECRET, account_id=ACCOUNT, transport=box.transport())
        at_root = {"folderId": {"$exists": False}, "namespace": {"$exists": True}}
        sites = list(wix.sites.query({**at_root, "state": "ACTIVE"}))
        assert any(str(site.namespace) != "WIX" for site in sites)  # as an account may have
        assert wix.sites.trash([str(sites[0].id)]).ok
        tree = wix.folders.tree()
        assert tree.root_site_count == len(sites) - 1
        assert tree.root_site_count == wix.sites.count({**at_root, "state": "ACTIVE"})
        # Count Sites' own default (the WIX namespace alone) would have said otherwise
        assert wix.sites.count({"folderId": {"$exists": False}}) != tree.root_site_count

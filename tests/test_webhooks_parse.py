"""wixsites.webhooks.parse: every documented event verifies and comes back typed; every forged,
re-signed, tampered, expired or malformed token is refused; a verified token of the wrong shape is
a WebhookPayloadError naming the field; hostile text in an event stays data.

Tokens are signed here with a test RSA key through PyJWT (until the sandbox sends real ones). The
events are the spec's documented examples (openapi.yaml `webhooks`), so the spec and the SDK are
held to the same shapes.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jwt
import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from wix_sites_api.models import Folder, Site

import wixsites
from wixsites import webhooks
from wixsites.errors import ConfigurationError, WixError

ROOT = Path(__file__).resolve().parent.parent
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
REFERENCE = next(
    (
        p
        for p in (
            Path(os.environ.get("WIX_REST_DOCS", "/nonexistent")),
            ROOT.parent / "shared" / "reference" / "wix-rest-docs",
            ROOT.parent.parent / "shared" / "reference" / "wix-rest-docs",
        )
        if (p / "site-folders.service.json").is_file()
    ),
    None,
)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


KEY = _key()
OTHER_KEY = _key()


def pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


PUBLIC = pem(KEY)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def claims_for(
    event_type: str, data: object, *, identity: object = None, iat: int | None = None
) -> dict[str, Any]:
    envelope: dict[str, Any] = {
        "eventType": event_type,
        "instanceId": "3916bb98-2d25-4765-8ab2-d9483c66c2ce",
        "data": data if isinstance(data, str) else json.dumps(data),
        "identity": identity
        if identity is not None
        else json.dumps({"identityType": "WIX_USER", "wixUserId": "user-1"}),
    }
    now = int(time.time()) if iat is None else iat
    return {"data": json.dumps(envelope), "iat": now, "exp": now + 300_000}


def sign(claims: dict[str, Any], key: rsa.RSAPrivateKey = KEY, **kwargs: Any) -> str:
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "test"}, **kwargs)


# The webhooks of the spec: (name, eventType, the schema of the event, its documented example).
WEBHOOKS = [
    (
        name,
        item["post"]["x-wixsites-event"]["eventType"],
        item["post"]["x-wixsites-event"]["schema"],
        SPEC["components"]["schemas"][item["post"]["x-wixsites-event"]["schema"]]["examples"][0],
        item["post"]["requestBody"]["content"]["text/plain"]["examples"]["documented"]["value"],
    )
    for name, item in SPEC["webhooks"].items()
]
EXPECTED = {
    "siteCreated": webhooks.SiteCreated,
    "siteUpdated": webhooks.SiteUpdated,
    "siteDeleted": webhooks.SiteDeleted,
    "folderCreated": webhooks.FolderCreated,
    "folderUpdated": webhooks.FolderUpdated,
    "folderDeleted": webhooks.FolderDeleted,
    "sitesMovedToFolder": webhooks.SitesMovedToFolder,
}


def example(name: str) -> tuple[str, dict[str, Any]]:
    for webhook, event_type, _schema, data, _jwt in WEBHOOKS:
        if webhook == name:
            return event_type, copy.deepcopy(data)
    raise KeyError(name)


def test_the_spec_describes_the_seven_events_and_each_example_token_carries_its_example() -> None:
    assert sorted(name for name, *_ in WEBHOOKS) == sorted(EXPECTED)
    for _name, event_type, _schema, data, token in WEBHOOKS:
        header, claims, _signature = token.split(".")
        assert json.loads(unb64(header)) == {"kid": "example", "alg": "RS256"}
        envelope = json.loads(json.loads(unb64(claims))["data"])
        assert envelope["eventType"] == event_type == f"{data['entityFqdn']}_{data['slug']}"
        assert json.loads(envelope["data"]) == data
    for name, item in SPEC["webhooks"].items():
        fqdn = item["post"]["x-wixsites-event"]["entityFqdn"]
        # which action sends it is the sandbox's choice, and the Sites events' FQDN a guess: marked
        marked = item["post"]["x-wixsites-extension"]
        assert "sandbox's choice" in marked, name
        assert ("is a guess" in marked) == (fqdn == webhooks.SITE_FQDN), name
        assert fqdn in (webhooks.SITE_FQDN, webhooks.FOLDER_FQDN)


@pytest.mark.skipif(REFERENCE is None, reason="Wix's reference descriptions are not here")
def test_the_folder_events_are_named_as_wix_s_service_description_names_them() -> None:
    assert REFERENCE is not None
    service = json.loads((REFERENCE / "site-folders.service.json").read_text())
    documented = set()
    for message in service["messages"]:
        if message["name"].endswith("DomainEvent"):
            docs = {m["name"]: m["doc"] for m in message["members"]}
            fqdn = docs["entityFqdn"].split("`")[1]
            slug = docs["slug"].split("`")[1]
            documented.add((fqdn, slug))
    described = {
        (item["post"]["x-wixsites-event"]["entityFqdn"], item["post"]["x-wixsites-event"]["slug"])
        for item in SPEC["webhooks"].values()
        if item["post"]["x-wixsites-event"]["entityFqdn"] == webhooks.FOLDER_FQDN
    }
    assert described == documented


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_documented_event_verifies_and_comes_back_typed(name: str) -> None:
    event_type, data = example(name)
    event = webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    assert type(event) is EXPECTED[name]
    assert event.event_type == event_type
    assert event.instance_id == "3916bb98-2d25-4765-8ab2-d9483c66c2ce"
    assert event.identity == webhooks.Identity(identity_type="WIX_USER", wix_user_id="user-1")
    assert (event.id, event.slug, event.entity_fqdn, event.entity_id) == (
        data["id"],
        data["slug"],
        data["entityFqdn"],
        data["entityId"],
    )
    assert event.event_time.isoformat().startswith(data["eventTime"][:19])
    assert event.event_time.tzinfo is not None
    assert event.raw == data
    as_data = event.to_dict()  # results are data (issue 17 item 9)
    assert json.loads(event.to_json()) == as_data
    assert (as_data["eventType"], as_data["entityId"], as_data["raw"]) == (
        event_type,
        data["entityId"],
        data,
    )
    assert as_data["identity"] == {
        "identityType": "WIX_USER",
        "wixUserId": "user-1",
        "appId": None,
        "memberId": None,
        "anonymousVisitorId": None,
    }
    if isinstance(event, webhooks.SiteCreated | webhooks.SiteUpdated):
        assert as_data["site"] == event.site.to_dict()
    if isinstance(event, webhooks.SiteCreated | webhooks.SiteUpdated):
        entity = data["createdEvent" if "createdEvent" in data else "updatedEvent"]
        site = next(iter(entity.values()))
        assert isinstance(event.site, Site)
        assert (event.site.id, event.site.display_name) == (site["id"], site["displayName"])
        assert event.site.published is site["published"]
    if isinstance(event, webhooks.FolderCreated | webhooks.FolderUpdated):
        assert isinstance(event.folder, Folder)
        assert event.folder.id == data["entityId"]
    if isinstance(event, webhooks.SiteDeleted):
        assert event.moved_to_trash is True
        assert event.site is None
    if isinstance(event, webhooks.FolderDeleted):
        assert event.folder is None
    if isinstance(event, webhooks.SitesMovedToFolder):
        body = data["actionEvent"]["body"]
        assert event.target_folder_id == body["targetFolderId"]
        assert event.site_ids == tuple(body["metaSiteIds"])


def test_the_entity_as_json_text_reads_like_the_object() -> None:
    event_type, data = example("siteUpdated")
    site = data["updatedEvent"].pop("currentEntity")
    data["updatedEvent"]["currentEntityAsJson"] = json.dumps(site)
    event = webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    assert isinstance(event, webhooks.SiteUpdated)
    assert event.site.to_dict() == Site.from_dict(site).to_dict()

    event_type, data = example("sitesMovedToFolder")
    data["actionEvent"] = {"bodyAsJson": json.dumps(data["actionEvent"]["body"])}
    moved = webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    assert isinstance(moved, webhooks.SitesMovedToFolder)
    assert moved.site_ids == ("00e5cf4a-fe94-40ee-9816-a02a446e8a78",)


@pytest.mark.skipif(REFERENCE is None, reason="Wix's reference descriptions are not here")
def test_wix_s_own_folder_created_example_reads_as_a_folder() -> None:
    assert REFERENCE is not None
    service = json.loads((REFERENCE / "site-folders.service.json").read_text())
    (message,) = [m for m in service["messages"] if m["name"].endswith("FolderCreatedDomainEvent")]
    data = json.loads(message["docs"]["examples"][0]["body"][0])
    event = webhooks.parse(sign(claims_for("wix.site_folders.v2.folder_created", data)), PUBLIC)
    assert isinstance(event, webhooks.FolderCreated)
    assert event.folder.name == "created by rpc"
    assert event.folder.site_count == 0
    assert event.entity_id == event.folder.id == "3176d2b5-2422-4104-bdf5-615ab5ac592e"


def test_an_event_of_another_kind_is_verified_and_kept_whole() -> None:
    data = {
        "id": "e1",
        "entityFqdn": "wix.accounts.v1.account",
        "slug": "created",
        "entityId": "acc-1",
        "eventTime": "2026-03-02T09:15:27Z",
        "createdEvent": {"entity": {"id": "acc-1"}},
    }
    event = webhooks.parse(sign(claims_for("wix.accounts.v1.account_created", data)), PUBLIC)
    assert type(event) is webhooks.UnknownEvent
    assert event.raw == data
    assert event.event_time.tzinfo is not None


def test_a_data_claim_sent_as_an_object_and_text_identity_absent_are_read() -> None:
    event_type, data = example("folderDeleted")
    claims = {
        "data": {"eventType": event_type, "data": json.dumps(data)},
        "iat": int(time.time()),
    }
    event = webhooks.parse(sign(claims).encode(), PUBLIC.encode())
    assert isinstance(event, webhooks.FolderDeleted)
    assert event.instance_id is None
    assert event.identity == webhooks.Identity()


# --- refused tokens ---------------------------------------------------------------------------


def valid_token() -> str:
    event_type, data = example("siteCreated")
    return sign(claims_for(event_type, data))


def refused(body: str | bytes, key: str = PUBLIC) -> webhooks.WebhookSignatureError:
    with pytest.raises(webhooks.WebhookSignatureError) as caught:
        webhooks.parse(body, key)
    assert isinstance(caught.value, WixError)
    # never chained: PyJWT's exception would show the token's parts in a traceback
    error = caught.value
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    return caught.value


def test_a_token_signed_by_another_key_is_refused() -> None:
    event_type, data = example("siteCreated")
    error = refused(sign(claims_for(event_type, data), OTHER_KEY))
    assert "signature does not match" in str(error)


def test_the_right_token_checked_with_the_wrong_public_key_is_refused() -> None:
    refused(valid_token(), pem(OTHER_KEY))


def test_a_forged_signature_is_refused() -> None:
    header, claims, signature = valid_token().split(".")
    forged = bytearray(unb64(signature))
    forged[len(forged) // 2] ^= 0x01
    refused(f"{header}.{claims}.{b64(bytes(forged))}")
    refused(f"{header}.{claims}.")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c.update(data=c["data"].replace("Spring launch", "Spring launcH")),
        lambda c: c.update(exp=c["exp"] + 1),
        lambda c: c.update(extra="claim"),
    ],
    ids=["display name", "exp", "a claim added"],
)
def test_a_tampered_body_is_refused(tamper: Callable[[dict[str, Any]], None]) -> None:
    header, claims, signature = valid_token().split(".")
    changed = json.loads(unb64(claims))
    tamper(changed)
    refused(f"{header}.{b64(json.dumps(changed).encode())}.{signature}")


def test_alg_none_is_refused() -> None:
    event_type, data = example("siteCreated")
    unsigned = jwt.encode(claims_for(event_type, data), "", algorithm="none")
    assert unsigned.endswith(".")
    assert "not signed with RS256" in str(refused(unsigned))
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    _, claims, signature = valid_token().split(".")
    refused(f"{header}.{claims}.{signature}")  # alg none in front of a real signature


def test_hs256_signed_with_the_public_key_as_its_secret_is_refused() -> None:
    event_type, data = example("siteCreated")
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps(claims_for(event_type, data)).encode())
    for secret in (PUBLIC.encode(), PUBLIC.strip().encode()):
        mac = hmac.new(secret, f"{header}.{claims}".encode(), hashlib.sha256).digest()
        assert "not signed with RS256" in str(refused(f"{header}.{claims}.{b64(mac)}"))


def test_an_expired_token_is_refused_within_a_minute_of_leeway() -> None:
    event_type, data = example("siteCreated")
    now = int(time.time())
    expired = dict(claims_for(event_type, data, iat=now - 400_000), exp=now - 120)
    assert "expired" in str(refused(sign(expired)))
    just = dict(claims_for(event_type, data, iat=now - 400_000), exp=now - 30)
    assert isinstance(webhooks.parse(sign(just), PUBLIC), webhooks.SiteCreated)


def test_a_late_retry_of_wix_is_accepted_but_a_token_from_the_future_is_not() -> None:
    event_type, data = example("siteCreated")
    now = int(time.time())
    retry = claims_for(event_type, data, iat=now - 47 * 3600)  # Wix retries for 48 hours
    assert isinstance(webhooks.parse(sign(retry), PUBLIC), webhooks.SiteCreated)
    future = claims_for(event_type, data, iat=now + 3600)
    assert "not valid yet" in str(refused(sign(future)))


@pytest.mark.parametrize(
    "body",
    ["", "  \n", "not a jwt", "a.b", "a.b.c", "é.é.é", b"\xff\xfe.x.y", "x" * (1 << 20 | 1)],
    ids=["empty", "blank", "words", "two parts", "junk parts", "non-ascii", "bytes", "too big"],
)
def test_a_malformed_body_is_refused(body: str | bytes) -> None:
    refused(body)


@pytest.mark.parametrize(
    "key",
    ["", "not a key", pem(KEY).replace("PUBLIC", "PRIVATE")],
    ids=["empty", "words", "mislabelled"],
)
def test_a_public_key_that_is_not_one_is_a_configuration_error(key: str) -> None:
    with pytest.raises(ConfigurationError, match="Get Public Key"):
        webhooks.parse(valid_token(), key)


def test_a_private_key_given_as_the_public_key_is_refused_without_quoting_it() -> None:
    private = KEY.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    with pytest.raises(ConfigurationError) as caught:
        webhooks.parse(valid_token(), private)
    assert private.splitlines()[1] not in str(caught.value)


# --- verified, but not of the documented shape ------------------------------------------------


def mutate_data(change: Callable[[dict[str, Any]], None]) -> str:
    event_type, data = example("siteCreated")
    change(data)
    return sign(claims_for(event_type, data))


@pytest.mark.parametrize(
    ("token", "field"),
    [
        (lambda: sign({"data": 5, "iat": int(time.time())}), "data"),
        (lambda: sign({"iat": int(time.time())}), "data"),
        (lambda: sign({"data": "{not json"}), "data"),
        (lambda: sign({"data": json.dumps({"eventType": ["x"], "data": "{}"})}), "data.eventType"),
        (lambda: sign(claims_for("t", "[1, 2]")), "data.data"),
        (lambda: sign(claims_for("t", {}, identity="[]")), "data.identity"),
        (lambda: sign(claims_for("t", {}, identity={"wixUserId": 7})), "data.identity.wixUserId"),
        (lambda: mutate_data(lambda d: d.pop("id")), "id"),
        (lambda: mutate_data(lambda d: d.update(slug=None)), "slug"),
        (lambda: mutate_data(lambda d: d.update(entityId=12)), "entityId"),
        (lambda: mutate_data(lambda d: d.update(eventTime="yesterday")), "eventTime"),
        (
            lambda: mutate_data(lambda d: d.update(triggeredByAnonymizeRequest="no")),
            "triggeredByAnonymizeRequest",
        ),
        (lambda: mutate_data(lambda d: d.update(createdEvent="x")), "createdEvent"),
        (lambda: mutate_data(lambda d: d.update(createdEvent={})), "createdEvent.entity"),
        (
            lambda: mutate_data(lambda d: d["createdEvent"].update(entity=[1])),
            "createdEvent.entity",
        ),
        (
            lambda: mutate_data(lambda d: d["createdEvent"]["entity"].update(id="12")),
            "createdEvent.entity",
        ),
        (
            lambda: mutate_data(lambda d: d["createdEvent"]["entity"].update(createdDate="soon")),
            "createdEvent.entity",
        ),
        (
            lambda: mutate_data(lambda d: d.update(createdEvent={"entityAsJson": "{"})),
            "createdEvent.entityAsJson",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_verified_token_of_the_wrong_shape_names_the_field(
    token: Callable[[], str], field: str
) -> None:
    with pytest.raises(webhooks.WebhookPayloadError) as caught:
        webhooks.parse(token(), PUBLIC)
    assert caught.value.field == field
    assert isinstance(caught.value, WixError)


def test_signed_json_nested_too_deeply_is_a_payload_error_not_a_crash() -> None:
    """Python's JSON parser recurses: a verified token whose claims, envelope or entity nest
    deeper than it can go is a `WebhookPayloadError`, as any other shape it cannot read."""
    deep = "[" * 100_000 + "]" * 100_000
    envelope = claims_for("wix.site_folders.v2.folder_created", deep)  # the entity, as JSON text
    identity = claims_for("wix.site_folders.v2.folder_created", {"entityFqdn": "x"}, identity=deep)
    tokens = [sign(envelope), sign(identity), sign({"data": deep, "iat": int(time.time())})]
    payload = b'{"iat": 1, "x": ' + deep.encode() + b"}"  # the claims themselves
    for token in tokens:
        with pytest.raises(webhooks.WebhookPayloadError):
            webhooks.parse(token, public_key=PUBLIC)
    # claims PyJWT itself cannot read: refused as a token that is not well formed, not a crash
    claims_token = jwt.api_jws.encode(payload, KEY, algorithm="RS256")
    with pytest.raises((webhooks.WebhookPayloadError, webhooks.WebhookSignatureError)):
        webhooks.parse(claims_token, public_key=PUBLIC)


def test_the_move_action_s_body_of_the_wrong_shape_names_the_field() -> None:
    event_type, data = example("sitesMovedToFolder")
    for body, field in [
        ({"targetFolderId": 5, "metaSiteIds": []}, "actionEvent.body.targetFolderId"),
        ({"targetFolderId": "", "metaSiteIds": "00e5cf4a"}, "actionEvent.body"),
        ({"metaSiteIds": ["not-a-guid"]}, "actionEvent.body"),
    ]:
        data["actionEvent"] = {"body": body}
        with pytest.raises(webhooks.WebhookPayloadError) as caught:
            webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
        assert caught.value.field == field


# --- hostile text -----------------------------------------------------------------------------

HOSTILE = "\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\r\nInjected: yes\u202e"


def test_hostile_text_in_an_event_stays_data() -> None:
    event_type, data = example("siteUpdated")
    data["updatedEvent"]["currentEntity"]["displayName"] = HOSTILE
    data["originatedFrom"] = HOSTILE
    event = webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    assert isinstance(event, webhooks.SiteUpdated)
    assert event.site.display_name == HOSTILE
    assert event.originated_from == HOSTILE
    assert "\x1b" not in repr(event)
    assert "\r" not in repr(event)


def test_hostile_text_is_never_quoted_into_an_error() -> None:
    event_type, data = example("siteCreated")
    data["eventTime"] = HOSTILE
    with pytest.raises(webhooks.WebhookPayloadError) as caught:
        webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    data["createdEvent"]["entity"]["id"] = HOSTILE
    data["eventTime"] = "2026-03-02T09:15:27Z"
    with pytest.raises(webhooks.WebhookPayloadError) as caught_entity:
        webhooks.parse(sign(claims_for(event_type, data)), PUBLIC)
    header = b64(json.dumps({"alg": HOSTILE}).encode())
    with pytest.raises(webhooks.WebhookSignatureError) as caught_alg:
        webhooks.parse(f"{header}.e30.", PUBLIC)
    for error in (caught.value, caught_entity.value, caught_alg.value):
        assert "\x1b" not in str(error)
        assert "Injected" not in str(error)


# --- the extra --------------------------------------------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_importing_wixsites_loads_neither_pyjwt_nor_cryptography() -> None:
    result = run_python(
        "import sys, wixsites, wixsites.webhooks\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jwt', 'cryptography')))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert wixsites.webhooks.parse is webhooks.parse


def test_without_the_extra_parse_names_the_extra_to_install() -> None:
    result = run_python(
        "import sys\n"
        "sys.modules['jwt'] = None  # as if PyJWT were not installed\n"
        "from wixsites import webhooks, ConfigurationError\n"
        "try:\n"
        "    webhooks.parse('a.b.c', 'key')\n"
        "except ConfigurationError as e:\n"
        "    print(e)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'wixsites[webhooks]'" in result.stdout


def test_the_readme_s_handler_works_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = readme.split("```python\n")[1:]
    (source,) = [b.split("```")[0] for b in blocks if "webhooks.parse(" in b]
    namespace: dict[str, Any] = {"PUBLIC_KEY_PEM": PUBLIC, "handled": set()}
    exec(compile(source, "README.md", "exec"), namespace)
    handle = namespace["handle"]
    event_type, data = example("sitesMovedToFolder")
    token = sign(claims_for(event_type, data))
    assert handle(token.encode()) == 200
    assert handle(token.encode()) == 200  # the retry of a delivered event: handled once
    assert handle(sign(claims_for(event_type, data), OTHER_KEY).encode()) == 401
    assert capsys.readouterr().out == f"1 sites moved to {data['entityId']}\n"

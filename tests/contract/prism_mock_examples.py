"""Ask a Prism mock (`prism mock openapi.yaml`) for every documented response example and parse it.

    WIX_BASE_URL=http://127.0.0.1:PORT python tests/contract/prism_mock_examples.py

For every operation, every response status and every named example of it, the example is requested
with Prism's `Prefer: code=<status>, example=<name>` header (the request itself built from the
operation's documented request example), then parsed twice:
- by the generated client `wix_sites_api` (the endpoint's `sync_detailed`): the status must be the
  example's, the body must parse into the documented model, and that model must give back every
  field of the example;
- by the SDK `wixsites`, through the call that sends that operation: a 2xx example must come back
  as a result, an error example as the typed `WixError` of its status (bulk moves report it per id, as failed or, after a
  5xx, uncertain).
Exits 1 naming every example that does not.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, get_args, get_type_hints
from uuid import UUID

import httpx
import yaml
from wix_sites_api.client import Client

from wixsites import MoveReport, RetryPolicy, WixError, WixSites

ROOT = Path(__file__).resolve().parent.parent.parent
API_KEY = "prism-mock-key"
ACCOUNT = "66666666-6666-4666-8666-666666666666"
FOLDER = "59c80b6f-9cae-49c5-ab0e-83b9a479c573"
SITE = "a1c0588c-82dd-4f33-b0a4-a94ff2f9117a"
# the ids of the lifecycle operations' documented examples
TRASHED = ["9f023696-c821-4e09-b1d0-55357272ff2a", "da0c7663-e375-48a9-b273-f0bd45c933a9"]
TEMPLATE = "1e6179e9-c3db-49aa-a074-37566a7bad47"
TRANSFERRED = "00e5cf4a-fe94-40ee-9816-a02a446e8a78"
SOURCE_ACCOUNT = "3916bb98-2d25-4765-8ab2-d9483c66c2ce"

# The SDK call that sends each operation (one request each).
SDK_CALLS: dict[str, Callable[[WixSites], object]] = {
    "querySites": lambda wix: next(iter(wix.sites.query(page_size=2).pages())),
    "countSites": lambda wix: wix.sites.count(filter={"editorType": "EDITOR"}),
    "queryFolders": lambda wix: next(iter(wix.folders.query().pages())),
    "createFolder": lambda wix: wix.folders.create("My Folder"),
    "updateFolder": lambda wix: wix.folders.rename(FOLDER, "My Folder 2"),
    "deleteFolder": lambda wix: wix.folders.delete(FOLDER),
    "moveFolders": lambda wix: wix.folders.move([FOLDER], None),
    "moveSitesToFolder": lambda wix: wix.sites.move([SITE], None),
    "getFolderBySite": lambda wix: wix.folders.of_site(SITE),
    "bulkDeleteSite": lambda wix: wix.sites.trash(TRASHED),
    "duplicateSite": lambda wix: wix.sites.duplicate(TEMPLATE, "Sunset Boutique Hotel"),
    "publishSite": lambda wix: wix.sites.publish(TEMPLATE),
    "transferSite": lambda wix: wix.sites.transfer(TRANSFERRED, SOURCE_ACCOUNT),
}


@dataclass(frozen=True)
class Example:
    operation: str
    tag: str
    status: int
    name: str
    value: Any
    request: dict[str, Any]  # path parameters and body, from the operation's documented examples
    credentials: dict[str, str]  # the headers of the operation's first security requirement

    @property
    def label(self) -> str:
        return f"{self.operation} {self.status} {self.name!r}"


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = spec
        for token in node["$ref"].removeprefix("#/").split("/"):
            target = target[token]
        node = target
    return node


def _first_example(spec: dict[str, Any], holder: dict[str, Any]) -> Any:
    examples = holder.get("examples") or {}
    return _resolve(spec, next(iter(examples.values())))["value"] if examples else None


def examples(spec: dict[str, Any]) -> Iterator[Example]:
    for item in spec["paths"].values():
        for method, op in item.items():
            if method not in ("get", "post", "patch", "put", "delete"):
                continue
            request: dict[str, Any] = {}
            for param in [*item.get("parameters", []), *op.get("parameters", [])]:
                param = _resolve(spec, param)
                value = str(_first_example(spec, param))
                is_uuid = _resolve(spec, param.get("schema", {})).get("format") == "uuid"
                request[_snake(param["name"])] = UUID(value) if is_uuid else value
            if "requestBody" in op:
                media = _resolve(spec, op["requestBody"])["content"]["application/json"]
                request["body"] = _first_example(spec, media)
            credentials = _credentials(spec, op.get("security", spec.get("security", [])))
            for status, response in op["responses"].items():
                response = _resolve(spec, response)
                media = (response.get("content") or {}).get("application/json") or {}
                for name, example in (media.get("examples") or {}).items():
                    yield Example(
                        op["operationId"],
                        op["tags"][0],
                        int(status),
                        name,
                        _resolve(spec, example)["value"],
                        request,
                        credentials,
                    )


def _credentials(spec: dict[str, Any], requirements: list[dict[str, Any]]) -> dict[str, str]:
    """Header values for the first security requirement (Prism checks only that they are there)."""
    values = {"authorization": API_KEY, "wix-account-id": ACCOUNT}
    schemes = spec.get("components", {}).get("securitySchemes", {})
    headers = {}
    for name in (requirements or [{}])[0]:
        scheme = schemes.get(name, {})
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            headers[scheme["name"]] = values.get(scheme["name"].lower(), "prism-mock")
    return headers


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower().replace("-", "_")


def _same(given: Any, parsed: Any) -> bool:
    """Whether `parsed` (a model's to_dict()) holds every field of `given`, values equal."""
    if isinstance(given, dict):
        return (
            isinstance(parsed, dict)
            and set(given) <= set(parsed)
            and all(_same(v, parsed[k]) for k, v in given.items())
        )
    if isinstance(given, list):
        return (
            isinstance(parsed, list)
            and len(given) == len(parsed)
            and all(_same(g, p) for g, p in zip(given, parsed, strict=True))
        )
    if given == parsed:
        return True
    try:  # the same instant, written another way
        return datetime.fromisoformat(str(given)) == datetime.fromisoformat(str(parsed))
    except ValueError:
        return False


def _prefer(example: Example) -> dict[str, str]:
    return {"Prefer": f"code={example.status}, example={example.name}"}


def check_generated(base_url: str, example: Example) -> str | None:
    module = importlib.import_module(
        f"wix_sites_api.api.{_snake(example.tag)}.{_snake(example.operation)}"
    )
    kwargs = dict(example.request)
    if "body" in kwargs:
        hint = get_type_hints(module.sync_detailed)["body"]
        # an optional body is typed `Model | None`: the model is the member that parses
        body_type = next(t for t in (hint, *get_args(hint)) if hasattr(t, "from_dict"))
        kwargs["body"] = body_type.from_dict(kwargs["body"])
    headers = {**example.credentials, **_prefer(example)}
    with Client(base_url=base_url, headers=headers) as client:
        response = module.sync_detailed(client=client, **kwargs)
    if response.status_code != example.status:
        return f"Prism answered {response.status_code}: {response.content[:300]!r}"
    if response.parsed is None:
        return "the generated client did not parse it"
    if not _same(example.value, response.parsed.to_dict()):
        return f"parsed as {response.parsed.to_dict()!r}, not the example"
    return None


class _Prefer(httpx.HTTPTransport):
    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__()
        self._headers = headers

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers.update(self._headers)
        return super().handle_request(request)


def check_sdk(base_url: str, example: Example) -> str | None:
    call = SDK_CALLS.get(example.operation)
    if call is None:
        return "no SDK call is known for this operation (add it to SDK_CALLS)"
    with WixSites(
        api_key=API_KEY,
        account_id=ACCOUNT,
        base_url=base_url,
        transport=_Prefer(_prefer(example)),
        rate_limit=None,
        retry=RetryPolicy.never(),
    ) as wix:
        try:
            result = call(wix)
        except WixError as error:
            if 200 <= example.status < 300 or error.status != example.status:
                return f"the SDK raised {error!r}"
            return None
    # a bulk move reports an error answer per id: failed, or uncertain after a 5xx (it may
    # have been applied, and the read-back got the same mocked error)
    reported = isinstance(result, MoveReport) and bool(result.failed or result.uncertain)
    if example.status >= 300 and not reported:
        return f"the SDK returned {result!r} for an error answer"
    return None


def main() -> int:
    base_url = os.environ.get("WIX_BASE_URL")
    if not base_url:
        print("set WIX_BASE_URL to the Prism mock's address", file=sys.stderr)
        return 2
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    found = list(examples(spec))
    failures = 0
    for example in found:
        for layer, check in (("generated", check_generated), ("SDK", check_sdk)):
            problem = check(base_url, example)
            if problem:
                failures += 1
                print(f"FAILED {example.label} ({layer}): {problem}")
    print(f"{len(found)} documented response examples, {failures} failures")
    return 1 if failures or not found else 0


if __name__ == "__main__":
    sys.exit(main())

"""The data of an event, as openapi.yaml's event schemas describe it (pure code).

An event's data is Wix's standard webhook structure: its own `id` (the same on every attempt),
`entityFqdn`, `slug`, `entityId`, `eventTime`, and one of `createdEvent` (``{"entity": ...}``),
`updatedEvent` (``{"currentEntity": ...}``), `deletedEvent` or `actionEvent` (``{"body": ...}``).
The entity is the JSON the API answers with, so an event carries what a query would show.
"""

from __future__ import annotations

import uuid
from typing import Any

from wixsandbox.clock import iso
from wixsandbox.webhooks.catalog import EventKind
from wixsandbox.wire import dump_json

__all__ = [
    "TOKEN_LIFETIME",
    "claims",
    "created",
    "deleted",
    "envelope",
    "event_data",
    "moved",
    "updated",
]

# Seconds from a token's iat to its exp: Wix's published sample token has exp = iat + 300,000,
# which outlives the 48 hours of retries, so one token serves every attempt of an event.
TOKEN_LIFETIME = 300_000

Part = tuple[str, dict[str, Any]]


def created(entity: dict[str, Any]) -> Part:
    return "createdEvent", {"entity": entity}


def updated(entity: dict[str, Any]) -> Part:
    return "updatedEvent", {"currentEntity": entity}


def deleted(*, moved_to_trash: bool = False) -> Part:
    return "deletedEvent", {"movedToTrash": True} if moved_to_trash else {}


def moved(target_folder_id: str, site_ids: list[str]) -> Part:
    return "actionEvent", {"body": {"targetFolderId": target_folder_id, "metaSiteIds": site_ids}}


def event_data(kind: EventKind, entity_id: str, now_ms: int, part: Part) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "entityFqdn": kind.entity_fqdn,
        "slug": kind.slug,
        "entityId": entity_id,
        "eventTime": iso(now_ms),
        "triggeredByAnonymizeRequest": False,
        part[0]: part[1],
    }


def envelope(
    kind: EventKind, instance_id: str, data: dict[str, Any], identity: dict[str, str]
) -> str:
    """The JWT's `data` claim, as JSON text: the event and the identity inside as JSON text."""
    return _text(
        {
            "eventType": kind.event_type,
            "instanceId": instance_id,
            "data": _text(data),
            "identity": _text(identity),
        }
    )


def _text(value: Any) -> str:
    return dump_json(value).decode("utf-8")


def claims(envelope_json: str, iat: int) -> dict[str, Any]:
    return {"data": envelope_json, "iat": iat, "exp": iat + TOKEN_LIFETIME}

"""Verified claims to a typed event: the envelope, the event's data, the entity as the SDK's model.

Pure code: nothing here verifies anything (see `verify`). The layers are those of openapi.yaml's
`webhooks`: the claims' `data` is the envelope (JSON text), whose `data` is the event (JSON text)
and `identity` who caused it (JSON text); an object is accepted wherever JSON text is. The entity
is read from `entity` / `currentEntity` / `deletedEntity` / `body` (an object) or from the same
name plus ``AsJson`` (JSON text): Wix's docs show both.

A field of the wrong type is a `WebhookPayloadError` naming the field, never the value: the text
of an event is data, and is not quoted into messages.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from wixsites.errors import WebhookPayloadError
from wixsites.webhooks.events import (
    FolderCreated,
    FolderDeleted,
    FolderUpdated,
    Identity,
    SiteCreated,
    SiteDeleted,
    SitesMovedToFolder,
    SiteUpdated,
    UnknownEvent,
    WebhookEvent,
)

__all__ = ["FOLDER_FQDN", "MOVE_SITES_SLUG", "SITE_FQDN", "event_from_claims"]

#: the Sites events' entity FQDN: a guess, which Wix does not document (see openapi.yaml)
SITE_FQDN = "wix.sites.v1.site"
#: the Site Folders events' entity FQDN, as Wix documents it
FOLDER_FQDN = "wix.site_folders.v2.folder"
MOVE_SITES_SLUG = "move_site_to_folder_event"

M = TypeVar("M")
_Common = dict[str, Any]


def event_from_claims(claims: Mapping[str, Any]) -> WebhookEvent:
    envelope = _object(claims.get("data"), "data")
    event_type = _text(envelope.get("eventType"), "data.eventType")
    instance_id = _optional_text(envelope.get("instanceId"), "data.instanceId")
    identity = _identity(envelope.get("identity"))
    data = _object(envelope.get("data"), "data.data")
    common: _Common = {
        "event_type": event_type,
        "instance_id": instance_id,
        "identity": identity,
        "id": _text(data.get("id"), "id"),
        "slug": _text(data.get("slug"), "slug"),
        "entity_fqdn": _text(data.get("entityFqdn"), "entityFqdn"),
        "entity_id": _text(data.get("entityId"), "entityId", empty=True),
        "event_time": _time(data.get("eventTime")),
        "triggered_by_anonymize_request": _optional_bool(
            data.get("triggeredByAnonymizeRequest"), "triggeredByAnonymizeRequest"
        ),
        "originated_from": _optional_text(data.get("originatedFrom"), "originatedFrom"),
        "entity_event_sequence": _optional_text(
            data.get("entityEventSequence"), "entityEventSequence"
        ),
        "raw": data,
    }
    build = _KINDS.get((common["entity_fqdn"], common["slug"]))
    return UnknownEvent(**common) if build is None else build(data, common)


def _holding(
    kind: Callable[..., WebhookEvent],
    attribute: str,
    holder: str,
    name: str,
    read: Callable[[Mapping[str, Any]], Any],
) -> Callable[[Mapping[str, Any], _Common], WebhookEvent]:
    """The builder of an event whose entity `data[holder][name]` is required, as `attribute`."""

    def build(data: Mapping[str, Any], common: _Common) -> WebhookEvent:
        return kind(**{attribute: _required(data, holder, name, read)}, **common)

    return build


def _site_deleted(data: Mapping[str, Any], common: _Common) -> WebhookEvent:
    deleted = _object(data.get("deletedEvent", {}), "deletedEvent")
    return SiteDeleted(
        moved_to_trash=_optional_bool(deleted.get("movedToTrash"), "deletedEvent.movedToTrash"),
        site=_entity(deleted, "deletedEvent", "deletedEntity", _site),
        **common,
    )


def _folder_deleted(data: Mapping[str, Any], common: _Common) -> WebhookEvent:
    deleted = _object(data.get("deletedEvent", {}), "deletedEvent")
    return FolderDeleted(
        folder=_entity(deleted, "deletedEvent", "deletedEntity", _folder), **common
    )


def _sites_moved(data: Mapping[str, Any], common: _Common) -> WebhookEvent:
    from wix_sites_api.models import MoveSiteToFolderBody

    body = _required(data, "actionEvent", "body", MoveSiteToFolderBody.from_dict)
    target = _text(body.target_folder_id or "", "actionEvent.body.targetFolderId", empty=True)
    return SitesMovedToFolder(
        target_folder_id=target, site_ids=tuple(body.meta_site_ids or ()), **common
    )


def _site(value: Mapping[str, Any]) -> Any:
    from wix_sites_api.models import Site

    return Site.from_dict(value)


def _folder(value: Mapping[str, Any]) -> Any:
    from wix_sites_api.models import Folder

    return Folder.from_dict(value)


_KINDS: dict[tuple[str, str], Callable[[Mapping[str, Any], _Common], WebhookEvent]] = {
    (SITE_FQDN, "created"): _holding(SiteCreated, "site", "createdEvent", "entity", _site),
    (SITE_FQDN, "updated"): _holding(SiteUpdated, "site", "updatedEvent", "currentEntity", _site),
    (SITE_FQDN, "deleted"): _site_deleted,
    (FOLDER_FQDN, "created"): _holding(FolderCreated, "folder", "createdEvent", "entity", _folder),
    (FOLDER_FQDN, "updated"): _holding(
        FolderUpdated, "folder", "updatedEvent", "currentEntity", _folder
    ),
    (FOLDER_FQDN, "deleted"): _folder_deleted,
    (FOLDER_FQDN, MOVE_SITES_SLUG): _sites_moved,
}


def _required(
    data: Mapping[str, Any], holder: str, name: str, read: Callable[[Mapping[str, Any]], M]
) -> M:
    entity = _entity(_object(data.get(holder), holder), holder, name, read)
    if entity is None:
        raise WebhookPayloadError(
            f"the event has no {holder}.{name} (nor {name}AsJson)", field=f"{holder}.{name}"
        )
    return entity


def _entity(
    holder: Mapping[str, Any], where: str, name: str, read: Callable[[Mapping[str, Any]], M]
) -> M | None:
    """`holder[name]` (an object), or `holder[name + "AsJson"]` (JSON text), read by `read`."""
    if holder.get(name) is not None:
        field = f"{where}.{name}"
        value = _object(holder[name], field, text=False)
    elif holder.get(name + "AsJson") is not None:
        field = f"{where}.{name}AsJson"
        value = _object(holder[name + "AsJson"], field)
    else:
        return None
    try:
        return read(value)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise WebhookPayloadError(
            f"the event's {field} is not of the documented shape ({type(exc).__name__})",
            field=field,
        ) from None


def _identity(value: object) -> Identity:
    if value is None:
        return Identity()
    raw = _object(value, "data.identity")
    fields = {
        "identity_type": "identityType",
        "wix_user_id": "wixUserId",
        "app_id": "appId",
        "member_id": "memberId",
        "anonymous_visitor_id": "anonymousVisitorId",
    }
    return Identity(
        **{
            attribute: _optional_text(raw.get(key), f"data.identity.{key}")
            for attribute, key in fields.items()
        }
    )


def _object(value: object, field: str, *, text: bool = True) -> Mapping[str, Any]:
    """An object, or (when `text`) JSON text holding one."""
    if text and isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # not JSON, or nested too deeply to parse
            raise WebhookPayloadError(
                f"the event's {field} is text that is not JSON", field=field
            ) from None
    if not isinstance(value, dict):
        raise WebhookPayloadError(
            f"the event's {field} is {_what(value)}, not an object", field=field
        )
    return value


def _text(value: object, field: str, *, empty: bool = False) -> str:
    if not isinstance(value, str) or (not value and not empty):
        raise WebhookPayloadError(
            f"the event's {field} is {_what(value)}, not a non-empty string"
            if not empty
            else f"the event's {field} is {_what(value)}, not a string",
            field=field,
        )
    return value


def _optional_text(value: object, field: str) -> str | None:
    return None if value is None else _text(value, field, empty=True)


def _optional_bool(value: object, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise WebhookPayloadError(f"the event's {field} is {_what(value)}, not a boolean", field=field)


def _time(value: object) -> datetime.datetime:
    text = _text(value, "eventTime")
    try:
        when = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise WebhookPayloadError(
            "the event's eventTime is not an ISO 8601 date and time", field="eventTime"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def _what(value: object) -> str:
    if value is None:
        return "missing"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "an empty string" if not value else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "of another type"

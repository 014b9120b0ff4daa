"""The events `wixsites.webhooks.parse` returns: one class per account-level webhook.

Every event has the envelope (`event_type`, `instance_id`, `identity`) and the fields of Wix's
standard webhook structure (`id`, `slug`, `entity_fqdn`, `entity_id`, `event_time`, ...), and
`raw`, the event's data as it came. Each kind adds its entity as the SDK's model: a `Site` or a
`Folder` (the generated `wix_sites_api.models` classes that the rest of the SDK returns).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wixsites.serialize import camel_case, json_ready, to_json

if TYPE_CHECKING:
    from wix_sites_api.models import Folder, Site

__all__ = [
    "FolderCreated",
    "FolderDeleted",
    "FolderUpdated",
    "Identity",
    "SiteCreated",
    "SiteDeleted",
    "SiteUpdated",
    "SitesMovedToFolder",
    "UnknownEvent",
    "WebhookEvent",
]


def _to_dict(event: attrs.AttrsInstance) -> dict[str, Any]:
    return {
        camel_case(a.name): json_ready(getattr(event, a.name)) for a in attrs.fields(type(event))
    }


@attrs.frozen(kw_only=True)
class Identity:
    """Who caused the event: `identity_type` (``WIX_USER``, ``APP``, ``MEMBER``,
    ``ANONYMOUS_VISITOR``) and the id of that type."""

    identity_type: str | None = None
    wix_user_id: str | None = None
    app_id: str | None = None
    member_id: str | None = None
    anonymous_visitor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The identity as JSON-ready data, with the API's field names."""
        return _to_dict(self)


@attrs.frozen(kw_only=True)
class WebhookEvent:
    """What every event has. `id` is the event's id, the same on every retry: handle an id once.
    `instance_id` is the account the change was made in (a sub-account's events reach the main
    account's endpoints too)."""

    event_type: str
    instance_id: str | None
    identity: Identity
    id: str
    slug: str
    entity_fqdn: str
    entity_id: str
    event_time: datetime.datetime
    triggered_by_anonymize_request: bool | None = None
    originated_from: str | None = None
    entity_event_sequence: str | None = None
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON-ready data, with the API's field names: its entity's `to_dict()`,
        dates as ISO 8601 text, and `raw` as it came."""
        return _to_dict(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)


@attrs.frozen(kw_only=True)
class SiteCreated(WebhookEvent):
    """Site Created: `site` is the new site."""

    site: Site


@attrs.frozen(kw_only=True)
class SiteUpdated(WebhookEvent):
    """Site Updated: `site` is the whole site as it is now."""

    site: Site


@attrs.frozen(kw_only=True)
class SiteDeleted(WebhookEvent):
    """Site Deleted: the site `entity_id` left the site list. `moved_to_trash` is true when it went
    to the trash (it can be restored); `site` is the site when the event carries it (rarely)."""

    moved_to_trash: bool | None = None
    site: Site | None = None


@attrs.frozen(kw_only=True)
class FolderCreated(WebhookEvent):
    """Folder Created: `folder` is the new folder."""

    folder: Folder


@attrs.frozen(kw_only=True)
class FolderUpdated(WebhookEvent):
    """Folder Updated: `folder` is the whole folder as it is now."""

    folder: Folder


@attrs.frozen(kw_only=True)
class FolderDeleted(WebhookEvent):
    """Folder Deleted: the folder `entity_id` is gone; `folder` is it when the event carries it."""

    folder: Folder | None = None


@attrs.frozen(kw_only=True)
class SitesMovedToFolder(WebhookEvent):
    """The ``move_site_to_folder_event`` action: `site_ids` were moved to `target_folder_id`
    (``""`` for root)."""

    target_folder_id: str
    site_ids: tuple[str, ...]


@attrs.frozen(kw_only=True)
class UnknownEvent(WebhookEvent):
    """A verified event of a kind the SDK does not type (another entity, another action); its
    data is in `raw`."""

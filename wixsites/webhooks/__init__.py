"""Read the account-level webhooks Wix sends: verify the signature, get a typed event.

    from wixsites import webhooks

    event = webhooks.parse(request_body, public_key)  # raises WebhookSignatureError
    if event.id in already_handled:
        return 200
    match event:
        case webhooks.SiteCreated(site=site):
            print("new site", site.display_name)
        case webhooks.SitesMovedToFolder(site_ids=ids, target_folder_id=folder):
            ...

`public_key` is the PEM the Wix Studio workspace shows (Settings > Webhooks > Get Public Key), or
`wixsites sandbox webhooks public-key` for the sandbox. Verifying needs PyJWT and cryptography,
the ``wixsites[webhooks]`` extra; importing this module does not load them.

Wix delivers at least once, late, and in any order: handle each event `id` once, and answer 200
within 1,250 ms (queue slow work), or Wix retries the delivery for up to 48 hours.
"""

from __future__ import annotations

from wixsites.errors import WebhookError, WebhookPayloadError, WebhookSignatureError
from wixsites.webhooks.decode import FOLDER_FQDN, SITE_FQDN, event_from_claims
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
from wixsites.webhooks.verify import claims_of

__all__ = [
    "FOLDER_FQDN",
    "SITE_FQDN",
    "FolderCreated",
    "FolderDeleted",
    "FolderUpdated",
    "Identity",
    "SiteCreated",
    "SiteDeleted",
    "SiteUpdated",
    "SitesMovedToFolder",
    "UnknownEvent",
    "WebhookError",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "parse",
]


def parse(body: bytes | str, public_key: str | bytes) -> WebhookEvent:
    """The event in a webhook request's `body` (the raw bytes, a JWT), verified with `public_key`.

    Raises `WebhookSignatureError` when the body is not a token the key verifies (answer 401 and
    do nothing), `WebhookPayloadError` when the verified token is not an event of the documented
    shape, and `ConfigurationError` when `public_key` is not an RSA public key in PEM form or the
    ``wixsites[webhooks]`` extra is not installed. An event of a kind the SDK does not type is an
    `UnknownEvent`, verified like the others.
    """
    return event_from_claims(claims_of(body, public_key))

"""Plain values out of the generated models (an absent field reads None)."""

from __future__ import annotations

import datetime
from typing import Any

from wix_sites_api.models import Site

__all__ = ["iso_date", "site_json", "site_row", "value"]


def value(field: Any) -> Any:
    """The field, or None when it is absent; enums as their value, dates as `iso_date`."""
    if field is None:
        return None
    if isinstance(field, datetime.datetime):
        return iso_date(field)
    if hasattr(field, "value") and not isinstance(field, str | int | bool):
        return field.value
    return field


def iso_date(moment: datetime.datetime) -> str:
    """A date as the Wix API writes it, to the second: ``2024-01-06T23:46:40Z`` for UTC."""
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def site_json(site: Site) -> dict[str, Any]:
    """A site as the API writes it, with `folderId` always there: "" for a site at root, as Wix
    documents it (Query Sites may leave the field out)."""
    return {**site.to_dict(), "folderId": value(site.folder_id) or ""}


def site_row(site: Site, folder_path: str | None = None) -> dict[str, Any]:
    """The columns of a site in `wixsites sites list`."""
    return {
        "id": str(value(site.id) or ""),
        "name": value(site.display_name) or value(site.name),
        "folder": folder_path,
        "published": value(site.published),
        "premium": value(site.premium),
        "editor": value(site.editor_type),
        "created": value(site.created_date),
    }

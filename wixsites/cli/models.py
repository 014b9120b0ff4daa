"""Plain values out of the generated models (an absent field reads None)."""

from __future__ import annotations

import datetime
from typing import Any

from wix_sites_api.models import Site

__all__ = ["site_row", "value"]


def value(field: Any) -> Any:
    """The field, or None when it is absent; enums as their value, dates as ISO text."""
    if field is None:
        return None
    if isinstance(field, datetime.datetime):
        return field.isoformat(timespec="seconds")
    if hasattr(field, "value") and not isinstance(field, str | int | bool):
        return field.value
    return field


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

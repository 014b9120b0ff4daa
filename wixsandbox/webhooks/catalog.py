"""The account-level events the sandbox sends, as openapi.yaml's `webhooks` names them.

Each webhook of the spec carries ``x-wixsites-event``: its short `name` (what ``--events`` takes,
e.g. ``site.created``), its `eventType`, `entityFqdn`, `slug`, and the `schema` of its data. The
sandbox reads them here and never repeats them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from wixsandbox.spec import load_spec

__all__ = ["ALL", "EventKind", "kind", "kinds", "resolve"]

#: an endpoint's event list that takes every event
ALL = "*"


@dataclass(frozen=True)
class EventKind:
    name: str  # e.g. "site.created"
    event_type: str  # e.g. "wix.sites.v1.site_created"
    entity_fqdn: str
    slug: str
    schema: str  # the name of its data's schema in components.schemas


@cache
def kinds() -> dict[str, EventKind]:
    """Every event, by short name, in the spec's order."""
    found: dict[str, EventKind] = {}
    for item in (load_spec().get("webhooks") or {}).values():
        meta = item["post"]["x-wixsites-event"]
        found[meta["name"]] = EventKind(
            meta["name"], meta["eventType"], meta["entityFqdn"], meta["slug"], meta["schema"]
        )
    return found


def kind(name: str) -> EventKind:
    return kinds()[name]


def resolve(names: Iterable[str]) -> list[str]:
    """The event types that `names` stand for: short names (``site.created``), a group
    (``site.*``, ``folder.*``, ``sites.*``), full event types, or ``*`` (every event, returned as
    ``["*"]``). ValueError naming the valid names for one that is none of them."""
    wanted: list[str] = []
    for raw in names:
        for name in (part.strip() for part in raw.split(",")):
            if not name:
                continue
            if name == ALL:
                return [ALL]
            matched = _matching(name)
            if not matched:
                groups = dict.fromkeys(k.name.split(".")[0] + ".*" for k in kinds().values())
                valid = ", ".join([*kinds(), *groups, ALL])
                shown = name.encode("ascii", "backslashreplace").decode()[:80]
                raise ValueError(f"unknown event {shown!r}; the events are: {valid}")
            wanted.extend(t for t in matched if t not in wanted)
    return wanted or [ALL]


def _matching(name: str) -> list[str]:
    if name.endswith(".*"):
        prefix = name[:-1]
        return [k.event_type for k in kinds().values() if k.name.startswith(prefix)]
    for k in kinds().values():
        if name in (k.name, k.event_type):
            return [k.event_type]
    return []

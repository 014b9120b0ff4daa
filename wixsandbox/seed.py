"""Deterministic, realistic sites and folders for an account.

The same account, seed and store contents give the same data. Seeding 100,000 sites is one
``executemany`` in one transaction and takes a few seconds.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass

from wixsandbox.accounts import user_tag
from wixsandbox.store import bulk_insert

# 2024-06-01T00:00:00Z: the seeded history ends here, whatever the clock says (determinism).
SEED_EPOCH_MS = 1_717_200_000_000
YEAR_MS = 365 * 24 * 3600 * 1000

_BRANDS = (
    "acme",
    "blue-sky",
    "golden",
    "urban",
    "green-leaf",
    "north-star",
    "silver",
    "happy",
    "bright",
    "little",
    "royal",
    "sunny",
    "wild",
    "coastal",
    "red-rock",
    "maple",
    "olive",
    "cedar",
    "lakeside",
    "river",
    "summit",
    "ocean",
    "harbor",
    "metro",
    "vintage",
    "modern",
    "cozy",
    "fresh",
    "pure",
    "bold",
)
_TRADES = (
    "bakery",
    "studio",
    "cafe",
    "yoga",
    "dental",
    "law",
    "fitness",
    "photography",
    "florist",
    "salon",
    "barber",
    "plumbing",
    "realty",
    "travel",
    "boutique",
    "pizzeria",
    "design",
    "tattoo",
    "wedding",
    "consulting",
    "pets",
    "garden",
    "auto",
    "bistro",
    "music",
    "art",
    "books",
    "coffee",
)
_EDITORS = (("EDITOR", 45), ("EDITORX", 20), ("STUDIO", 15), ("ADI", 15), ("UNKNOWN", 5))
_OTHER_NAMESPACES = ("ONBOARDING_DRAFT", "DEV_SITE", "HTML_DRAFT", "ALBUMS", "LOGOS", "VIDEO_MAKER")
_APPS = (
    "1380b703-ce81-ff05-f115-39571d94dfcd",  # Wix Stores
    "13d21c63-b5ec-5912-8397-c3a5ddb27a97",  # Wix Bookings
    "14bcded7-0066-7c35-14d7-466cb3f09103",  # Wix Blog
    "140603ad-af8d-84a5-2c80-a0f60cb47351",  # Wix Events
    "14724f35-6794-cd1a-0244-25fd138f9242",  # Wix Forum
    "1522827f-c56c-a5c9-2ac9-00f9e6ae12d3",  # Pricing Plans
    "13e8d036-5516-6104-b456-c8466db39542",  # Restaurants Orders
    "14517e1a-3ff0-af98-408e-2bd6953c36a2",  # Wix Chat
    "14cc59bc-f0b7-15b8-e1c7-89ce41d0e0c9",  # Members Area
    "14ce1214-b278-a7e4-1373-00cebd1bef7c",  # Wix Forms
)
_FOLDER_NAMES = (
    "Design",
    "QA",
    "Live",
    "Suspended",
    "Clients",
    "Archive",
    "Drafts",
    "Templates",
    "Retainers",
    "Prospects",
    "Handover",
    "Maintenance",
    "E-commerce",
    "Restaurants",
    "Agencies",
    "Internal",
)
MAX_SEED_DEPTH = 5
_APP_COUNTS = (0, 0, 1, 1, 2, 3, 4)
_CONTRIBUTOR_COUNTS = (0, 0, 1, 2, 3)

APP_IDS = _APPS


@dataclass(frozen=True)
class SeedSummary:
    account_id: str
    sites: int
    folders: int
    trashed_sites: int
    root_sites: int
    wix_sites: int


def _guid(rng: random.Random) -> str:
    """A random version-4 GUID (formatted by hand: uuid.UUID is slow for 100,000 sites)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


_VARIANT = "89ab"
_EDITOR_NAMES = [name for name, weight in _EDITORS for _ in range(weight)]


def _json_list(items: list[str]) -> str:
    return "[" + ",".join(f'"{item}"' for item in items) + "]"


def _pick(rng: random.Random, pool: tuple[str, ...] | list[str], count: int) -> list[str]:
    """`count` distinct items of `pool`, in pool order."""
    if count == 0:
        return []
    return [pool[i] for i in sorted(rng.sample(range(len(pool)), count))]


def seed_account(
    conn: sqlite3.Connection, account_id: str, *, sites: int, folders: int, seed: int, now_ms: int
) -> SeedSummary:
    existing_sites = conn.execute(
        "SELECT COUNT(*) FROM sites WHERE account_id = ?", (account_id,)
    ).fetchone()[0]
    existing_folders = conn.execute(
        "SELECT COUNT(*) FROM folders WHERE account_id = ?", (account_id,)
    ).fetchone()[0]
    rng = random.Random(f"{seed}:{account_id}:{existing_sites}:{existing_folders}")
    folder_ids = _seed_folders(conn, rng, account_id, folders)
    user = user_tag(account_id)
    contributors_pool = [_guid(rng) for _ in range(8)]
    used: dict[str, int] = {
        str(row[0]): 1
        for row in conn.execute("SELECT name FROM sites WHERE account_id = ?", (account_id,))
    }
    rows = []
    trashed = root = wix = 0
    for _ in range(sites):
        base = f"{rng.choice(_BRANDS)}-{rng.choice(_TRADES)}"
        count = used.get(base, 0) + 1
        used[base] = count
        name = base if count == 1 else f"{base}-{count}"
        display = " ".join(part.capitalize() for part in name.split("-"))
        site_id = _guid(rng)
        created = SEED_EPOCH_MS - rng.randrange(10 * YEAR_MS)
        updated = min(SEED_EPOCH_MS, created + rng.randrange(2 * YEAR_MS))
        trashed_ms = (
            min(SEED_EPOCH_MS, updated + rng.randrange(YEAR_MS)) if rng.random() < 0.05 else 0
        )
        namespace = "WIX" if rng.random() < 0.95 else rng.choice(_OTHER_NAMESPACES)
        premium = rng.random() < 0.3
        domain = premium and rng.random() < 0.6
        view_url = f"https://www.{name}.com" if domain else f"https://{user}.wixsite.com/{name}"
        folder_id = rng.choice(folder_ids) if folder_ids and rng.random() < 0.6 else ""
        if trashed_ms:
            folder_id = ""  # a trashed site is in the trash, not in a folder
        apps = _pick(rng, _APPS, _APP_COUNTS[int(rng.random() * 7)])
        contributors = _pick(rng, contributors_pool, _CONTRIBUTOR_COUNTS[int(rng.random() * 5)])
        trashed += bool(trashed_ms)
        root += not folder_id
        wix += namespace == "WIX"
        rows.append(
            (
                account_id,
                site_id,
                _guid(rng),
                name,
                display,
                created,
                updated,
                trashed_ms,
                int(rng.random() < 0.7),
                int(premium),
                view_url,
                f"/editor/{site_id}?editorSessionId={_guid(rng)}",
                f"/site-thumbnail/{site_id}",
                account_id,
                _json_list(contributors),
                _EDITOR_NAMES[int(rng.random() * 100)],
                int(rng.random() < 0.005),
                folder_id,
                namespace,
                int(domain),
                _json_list(apps),
                "\n".join((name, display, view_url)).lower(),
            )
        )
    with bulk_insert(conn, account_id, len(rows)):
        conn.executemany(
            "INSERT INTO sites (account_id, id, html_app_id, name, display_name, created_ms, updated_ms, "
            "trashed_ms, published, premium, view_url, edit_url, thumbnail, owner_account_id, "
            "contributors, editor_type, blocked, folder_id, namespace, domain_connected, app_ids, search) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return SeedSummary(account_id, sites, len(folder_ids), trashed, root, wix)


def _seed_folders(
    conn: sqlite3.Connection, rng: random.Random, account_id: str, count: int
) -> list[str]:
    taken = {
        (str(row[0]), str(row[1]))
        for row in conn.execute(
            "SELECT parent_id, name FROM folders WHERE account_id = ?", (account_id,)
        )
    }
    depth: dict[str, int] = {}
    made: list[str] = []
    rows = []
    for _ in range(count):
        shallow = [fid for fid in made if depth[fid] < MAX_SEED_DEPTH]
        parent = rng.choice(shallow) if shallow and rng.random() < 0.4 else ""
        base = rng.choice(_FOLDER_NAMES)
        name, n = base, 1
        while (parent, name) in taken:
            n += 1
            name = f"{base} {n}"
        taken.add((parent, name))
        folder_id = _guid(rng)
        depth[folder_id] = depth.get(parent, 0) + 1
        created = SEED_EPOCH_MS - rng.randrange(5 * YEAR_MS)
        rows.append(
            (
                account_id,
                folder_id,
                name,
                parent,
                created,
                min(SEED_EPOCH_MS, created + rng.randrange(YEAR_MS)),
            )
        )
        made.append(folder_id)
    conn.executemany(
        "INSERT INTO folders (account_id, id, name, parent_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return made


__all__ = ["APP_IDS", "SeedSummary", "seed_account"]

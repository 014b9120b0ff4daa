"""Site Folders v2: query, create, rename, move and delete folders; move sites; a site's folder.

Every operation runs in the request's transaction and checks everything before it changes
anything, so a refused request leaves the store as it was.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import uuid
from dataclasses import dataclass
from functools import partial
from typing import Any

from wixsandbox.clock import iso
from wixsandbox.context import Context
from wixsandbox.errors import ApiError, already_exists, bad_request, not_found
from wixsandbox.filters import FOLDER_FIELDS, FOLDER_SORTS, compile_filter, parse_sort
from wixsandbox.webhooks import changes

# Wix documents `path` as the folders above a folder, root first, empty at root: at most 50, so a
# folder is at most 51 levels deep.
MAX_PATH = 50
ROOT = ""


@dataclass
class FolderRow:
    id: str
    name: str
    parent_id: str
    created_ms: int
    updated_ms: int


class Tree:
    """The account's folders, loaded once per request (accounts have hundreds, not millions)."""

    def __init__(self, conn: sqlite3.Connection, account_id: str) -> None:
        self.folders = {
            row[0]: FolderRow(*row)
            for row in conn.execute(
                "SELECT id, name, parent_id, created_ms, updated_ms FROM folders WHERE account_id = ?",
                (account_id,),
            )
        }

    def path(self, folder_id: str, parents: dict[str, str] | None = None) -> list[str]:
        """Ids from root to the folder, itself included (the API's `path` leaves it out);
        raises ValueError on a cycle."""
        chain: list[str] = []
        current = folder_id
        while current:
            if current in chain or len(chain) > MAX_PATH + 1000:
                raise ValueError(current)
            chain.append(current)
            current = (parents or {}).get(current, self.folders[current].parent_id)
        return chain[::-1]

    def children(self, parent_id: str) -> list[FolderRow]:
        return [row for row in self.folders.values() if row.parent_id == parent_id]

    def descendants(self, folder_id: str) -> list[str]:
        below: list[str] = []
        stack = [folder_id]
        while stack:
            current = stack.pop()
            kids = [row.id for row in self.children(current)]
            below.extend(kids)
            stack.extend(kids)
        return below

    def json(self, row: FolderRow, counts: dict[str, int], *, dates: bool = True) -> dict[str, Any]:
        return {
            "id": row.id,
            "name": row.name,
            "createdDate": iso(row.created_ms) if dates else None,
            "updatedDate": iso(row.updated_ms) if dates else None,
            "siteCount": counts.get(row.id, 0),
            "parentId": row.parent_id,
            "path": [{"id": fid, "name": self.folders[fid].name} for fid in self.path(row.id)[:-1]],
        }


def name_key(name: str) -> str:
    """A folder name as siblings compare it: Unicode-normalized (NFC), so that one name typed
    with a combining accent and with a precomposed letter is the same name (our rule)."""
    return unicodedata.normalize("NFC", name)


def same_name(a: str, b: str) -> bool:
    return a == b or name_key(a) == name_key(b)


def site_counts(ctx: Context, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    # Kept by triggers on sites (wixsandbox/store.py): no counting of a big folder's sites here.
    rows = ctx.conn.execute(
        "SELECT folder_id, sites FROM folder_site_counts WHERE account_id = ? AND folder_id IN "
        "(SELECT value FROM json_each(?))",
        (ctx.account_id, json.dumps(ids)),
    )
    return {str(row[0]): int(row[1]) for row in rows}


def target_of(value: Any) -> str:
    """A folder id, or "" for root ("" and "root" and absent all mean root)."""
    if value is None or value in ("", "root"):
        return ROOT
    return str(value).lower()


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(item.lower() for item in ids))


def _missing(tree: Tree, target: str, field: str) -> None:
    if target and target not in tree.folders:
        raise not_found(f"Folder {target} not found ({field})", [target], unknownFolderIds=[target])


def _one(ctx: Context, tree: Tree, row: FolderRow) -> dict[str, Any]:
    return tree.json(row, site_counts(ctx, [row.id]))


# -- operations -------------------------------------------------------------------------------


def query_folders(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    query = (body or {}).get("query") or {}
    paging = query.get("paging") or {}
    limit = int(paging.get("limit", 1000))
    offset = int(paging.get("offset", 0))  # at most 2**31 - 1: the spec refuses more
    sql, args = compile_filter(query.get("filter"), FOLDER_FIELDS)
    sort = parse_sort(query.get("sort"), FOLDER_SORTS) or [("createdDate", "f.created_ms", False)]
    order = ", ".join(f"{col} {'DESC' if desc else 'ASC'}" for _, col, desc in sort)
    where = f"f.account_id = ? AND {sql}"
    ids = [
        str(row[0])
        for row in ctx.conn.execute(
            f"SELECT f.id FROM folders f WHERE {where} ORDER BY {order}, f.id ASC LIMIT ? OFFSET ?",
            [ctx.account_id, *args, limit, offset],
        )
    ]
    total = ctx.conn.execute(
        f"SELECT COUNT(*) FROM folders f WHERE {where}", [ctx.account_id, *args]
    ).fetchone()[0]
    tree = Tree(ctx.conn, ctx.account_id)
    counts = site_counts(ctx, ids)
    return {
        "folders": [tree.json(tree.folders[fid], counts) for fid in ids],
        "metadata": {"count": len(ids), "offset": offset, "total": int(total)},
    }


def create_folder(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    folder = body["folder"]
    name: str = folder["name"]
    parent = target_of(folder.get("parentId"))
    tree = Tree(ctx.conn, ctx.account_id)
    _missing(tree, parent, "folder.parentId")
    above = len(tree.path(parent)) if parent else 0
    if above > MAX_PATH:
        raise path_too_deep(above)
    if any(same_name(row.name, name) for row in tree.children(parent)):
        raise already_exists(
            "A folder with this name already exists in the parent folder",
            name=name,
            parentId=parent,
        )
    row = FolderRow(str(uuid.uuid4()), name, parent, ctx.now_ms, ctx.now_ms)
    ctx.conn.execute(
        "INSERT INTO folders (account_id, id, name, parent_id, created_ms, updated_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (ctx.account_id, row.id, row.name, row.parent_id, row.created_ms, row.updated_ms),
    )
    tree.folders[row.id] = row
    made = tree.json(row, {})
    changes.folder_created(ctx, made)
    return {"folder": made}


def path_too_deep(length: int) -> ApiError:
    return bad_request(
        "PATH_TOO_DEEP",
        f"A folder's path would hold {length} folders above it; a path holds at most {MAX_PATH} "
        "(a folder is at most 51 levels deep); nothing changed",
        {"pathLength": length, "maxPathLength": MAX_PATH},
    )


def _folder_param(params: dict[str, str]) -> str:
    return params.get("folderId", "").lower()


def _mask_paths(mask: Any) -> list[str] | None:
    """The paths of a FieldMask given as ``{"paths": [...]}`` or as the string ``"a,b"``; None for
    no mask (an empty one counts as none: every field sent is updated)."""
    if isinstance(mask, dict):
        paths = [str(path) for path in mask.get("paths") or []]
    elif isinstance(mask, str):
        paths = [part.strip() for part in mask.split(",") if part.strip()]
    else:
        return None
    return paths or None


def update_folder(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    folder_id = _folder_param(params)
    tree = Tree(ctx.conn, ctx.account_id)
    row = tree.folders.get(folder_id)
    if row is None:
        raise not_found(f"Folder {folder_id} not found", [folder_id], unknownFolderIds=[folder_id])
    # As in gRPC transcoding, the URL binds folder.id: an id in the body is overridden by it. Every
    # body field is optional (as Wix documents); the schema allows only the mask path "name", and
    # fields the schema does not know are ignored.
    # A mask naming `name` without a name would clear it, and a folder name cannot be empty: the
    # name is left as it is (every schema-valid request is accepted).
    patch: dict[str, Any] = (body or {}).get("folder") or {}
    paths = _mask_paths((body or {}).get("fieldMask"))
    if "name" in patch and (paths is None or "name" in paths):
        name: str = patch["name"]
        if name != row.name:
            if any(same_name(other.name, name) for other in tree.children(row.parent_id)):
                raise already_exists(
                    "A folder with this name already exists in the parent folder",
                    name=name,
                    parentId=row.parent_id,
                )
            ctx.conn.execute(
                "UPDATE folders SET name = ?, updated_ms = ? WHERE account_id = ? AND id = ?",
                (name, ctx.now_ms, ctx.account_id, folder_id),
            )
            row.name, row.updated_ms = name, ctx.now_ms
            answer = _one(ctx, tree, row)
            changes.folder_updated(ctx, folder_id, lambda: answer)
            return {"folder": answer}
    return {"folder": _one(ctx, tree, row)}


def move_folders(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    ids = _unique(body["folderIds"])
    target = target_of(body.get("targetFolderId"))
    tree = Tree(ctx.conn, ctx.account_id)
    unknown = [fid for fid in ids if fid not in tree.folders]
    unknown_target = [target] if target and target not in tree.folders else []
    if unknown or unknown_target:
        raise not_found(
            f"{len(unknown) + len(unknown_target)} folder(s) not found",
            unknown + unknown_target,
            unknownFolderIds=unknown,
            unknownTargetIds=unknown_target,
        )
    parents = {fid: target for fid in ids}
    cycle = [fid for fid in ids if fid == target or (target and fid in tree.path(target))]
    if cycle:
        raise bad_request(
            "FOLDER_CYCLE",
            "A folder cannot be moved into itself or into one of its sub-folders",
            {"folderIds": cycle, "targetFolderId": target},
        )
    longest = 0
    for fid in ids:
        for below in [fid, *tree.descendants(fid)]:
            longest = max(longest, len(tree.path(below, parents)) - 1)
    if longest > MAX_PATH:
        raise path_too_deep(longest)
    final = [row.name for row in tree.children(target) if row.id not in parents]
    final += [tree.folders[fid].name for fid in ids]
    keys = [name_key(name) for name in final]
    clashes = sorted({name for name, key in zip(final, keys, strict=True) if keys.count(key) > 1})
    if clashes:
        raise already_exists(
            "Folders with these names would share the target folder",
            names=clashes,
            targetFolderId=target,
        )
    moving = [fid for fid in ids if tree.folders[fid].parent_id != target]
    if moving:
        ctx.conn.execute(
            "UPDATE folders SET parent_id = ?, updated_ms = ? WHERE account_id = ? AND id IN "
            "(SELECT value FROM json_each(?))",
            (target, ctx.now_ms, ctx.account_id, json.dumps(moving)),
        )
    for fid in moving:
        tree.folders[fid].parent_id = target
        tree.folders[fid].updated_ms = ctx.now_ms
    counts = site_counts(ctx, ids)
    for fid in moving:
        changes.folder_updated(ctx, fid, partial(tree.json, tree.folders[fid], counts))
    # Wix answers Move Folders with null dates (documented example).
    return {"folders": [tree.json(tree.folders[fid], counts, dates=False) for fid in ids]}


def delete_folder(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    folder_id = _folder_param(params)
    tree = Tree(ctx.conn, ctx.account_id)
    row = tree.folders.get(folder_id)
    if row is None:
        raise not_found(f"Folder {folder_id} not found", [folder_id], unknownFolderIds=[folder_id])
    parent = row.parent_id
    staying = {name_key(other.name) for other in tree.children(parent) if other.id != folder_id}
    clashes = sorted(kid.name for kid in tree.children(folder_id) if name_key(kid.name) in staying)
    if clashes:
        raise already_exists(
            "Sub-folders of the folder have the names of folders in its parent; nothing was deleted",
            names=clashes,
            parentId=parent,
        )
    args = (ctx.account_id, folder_id)
    lifted = [kid.id for kid in tree.children(folder_id)]
    site_ids = (
        [
            str(r[0])
            for r in ctx.conn.execute(
                "SELECT id FROM sites WHERE account_id = ? AND folder_id = ? ORDER BY seq", args
            )
        ]
        if changes.wanted(ctx, "sites.moved")
        else []
    )
    ctx.conn.execute("DELETE FROM folders WHERE account_id = ? AND id = ?", args)
    ctx.conn.execute(
        "UPDATE folders SET parent_id = ?, updated_ms = ? WHERE account_id = ? AND parent_id = ?",
        (parent, ctx.now_ms, *args),
    )
    ctx.conn.execute(
        "UPDATE sites SET folder_id = ? WHERE account_id = ? AND folder_id = ?", (parent, *args)
    )
    changes.sites_moved(ctx, parent, site_ids)
    if lifted:
        del tree.folders[folder_id]
        for kid in lifted:
            tree.folders[kid].parent_id, tree.folders[kid].updated_ms = parent, ctx.now_ms
        counts = site_counts(ctx, lifted)
        for kid in lifted:
            changes.folder_updated(ctx, kid, partial(tree.json, tree.folders[kid], counts))
    changes.folder_deleted(ctx, folder_id)
    return {}


def move_sites(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    ids = _unique(body["sites"]["id"]["$in"])
    target = target_of(body.get("targetFolderId"))
    sites = {
        str(row[0]): (int(row[1]), str(row[2]))  # its trash date and its folder
        for row in ctx.conn.execute(
            "SELECT id, trashed_ms, folder_id FROM sites WHERE account_id = ? "
            "AND id IN (SELECT value FROM json_each(?))",
            (ctx.account_id, json.dumps(ids)),
        )
    }
    unknown = [sid for sid in ids if sid not in sites]
    unknown_target: list[str] = []
    if target:
        found = ctx.conn.execute(
            "SELECT 1 FROM folders WHERE account_id = ? AND id = ?", (ctx.account_id, target)
        ).fetchone()
        unknown_target = [] if found else [target]
    if unknown or unknown_target:
        raise not_found(
            f"{len(unknown)} site(s) and {len(unknown_target)} folder(s) not found; nothing moved",
            unknown + unknown_target,
            unknownSiteIds=unknown,
            unknownFolderIds=unknown_target,
        )
    trashed = [sid for sid in ids if sites[sid][0]]
    if trashed:
        # A trashed site is in the trash, not in a folder (Bulk Delete Site takes it out of its
        # folder): it cannot be moved into one (shared decision 5 of the project).
        raise ApiError(
            428,
            f"{len(trashed)} site(s) are in the trash: restore them before moving them; "
            "nothing moved",
            code="SITE_IN_TRASH",
            description="Send the request again without the trashed sites (data.trashedIds).",
            data={"trashedIds": trashed},
        )
    ctx.conn.execute(
        "UPDATE sites SET folder_id = ? WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))",
        (target, ctx.account_id, json.dumps(ids)),
    )
    # the event names the sites that change folder
    changes.sites_moved(ctx, target, [sid for sid in ids if sites[sid][1] != target])
    return {}


def folder_by_site(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    site_id = params["siteId"].lower()
    row = ctx.conn.execute(
        "SELECT folder_id FROM sites WHERE account_id = ? AND id = ?", (ctx.account_id, site_id)
    ).fetchone()
    if row is None:
        raise not_found(f"Site {site_id} not found", [site_id], unknownSiteIds=[site_id])
    folder_id = str(row[0])
    if not folder_id:
        return {"folder": {}}
    tree = Tree(ctx.conn, ctx.account_id)
    folder = tree.folders.get(folder_id)
    return {"folder": _one(ctx, tree, folder) if folder else {}}

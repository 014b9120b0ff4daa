"""Accounts and how they are related: a main account and its sub-accounts.

Wix lets a main account act for its sub-accounts and transfer sites between them (B2B Site
Management). The sandbox records the relation in ``account_relations`` (one parent per
sub-account, two levels: a main account is never itself a sub-account), set with
`Sandbox.relate_accounts` or ``wixsites sandbox relate-accounts``. An account is *known* when it
has an API key, takes part in a relation, or owns a site.
"""

from __future__ import annotations

import sqlite3
import uuid


def _guid(value: str, what: str) -> str:
    try:
        parsed = uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise ValueError(f"{what} must be an account id (a GUID), not {value!r}") from None
    if len(value) != 36:
        raise ValueError(f"{what} must be an account id (a GUID), not {value!r}")
    return str(parsed)


def relate(conn: sqlite3.Connection, parent: str, subs: list[str]) -> list[str]:
    """Make each of `subs` a sub-account of `parent`; returns the ones newly related.

    Relating again the same pair is a no-op; a sub-account of another main account, a main
    account with sub-accounts of its own, or an account related to itself is refused (ValueError),
    and then nothing changes.
    """
    main = _guid(parent, "the main account")
    children = [_guid(sub, "a sub-account") for sub in subs]
    if not children:
        raise ValueError("name at least one sub-account")
    if main_of(conn, main) != main:
        raise ValueError(f"{main} is itself a sub-account: a main account has no parent")
    added: list[str] = []
    for child in dict.fromkeys(children):
        if child == main:
            raise ValueError(f"{child} cannot be a sub-account of itself")
        current = parent_of(conn, child)
        if current == main:
            continue
        if current is not None:
            raise ValueError(f"{child} is already a sub-account of {current}")
        if sub_accounts(conn, child):
            raise ValueError(f"{child} has sub-accounts of its own: it cannot be a sub-account")
        added.append(child)
    conn.executemany(
        "INSERT INTO account_relations (sub_account_id, main_account_id) VALUES (?, ?)",
        [(child, main) for child in added],
    )
    return added


def parent_of(conn: sqlite3.Connection, account_id: str) -> str | None:
    row = conn.execute(
        "SELECT main_account_id FROM account_relations WHERE sub_account_id = ?", (account_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def main_of(conn: sqlite3.Connection, account_id: str) -> str:
    return parent_of(conn, account_id) or account_id


def sub_accounts(conn: sqlite3.Connection, account_id: str) -> list[str]:
    return [
        str(row[0])
        for row in conn.execute(
            "SELECT sub_account_id FROM account_relations WHERE main_account_id = ? "
            "ORDER BY sub_account_id",
            (account_id,),
        )
    ]


def may_act_for(conn: sqlite3.Connection, key_account: str, account_id: str) -> bool:
    """Whether an API key of `key_account` may act for `account_id`: its own, or a sub-account."""
    return account_id == key_account or parent_of(conn, account_id) == key_account


def user_tag(account_id: str) -> str:
    """The account's part of its sites' free addresses: ``https://<tag>.wixsite.com/<name>``."""
    return "user-" + account_id.replace("-", "")[:8]


def is_known(conn: sqlite3.Connection, account_id: str) -> bool:
    for sql in (
        "SELECT 1 FROM api_key_digests WHERE account_id = ? LIMIT 1",
        "SELECT 1 FROM account_relations WHERE sub_account_id = ?1 OR main_account_id = ?1 LIMIT 1",
        "SELECT 1 FROM sites WHERE account_id = ? LIMIT 1",
    ):
        if conn.execute(sql, (account_id,)).fetchone() is not None:
            return True
    return False

"""Which files the sandbox may take as its database: it never changes a file that is not one.

A path is a sandbox database when it does not exist yet (the sandbox creates it), is an empty
regular file (SQLite reads one as an empty database: nothing in it can be lost), or is an SQLite
database with no tables or with the sandbox's ``meta (key, value)`` table, which every version
of the sandbox has made first (other tables come and go between versions). Anything else (a text
file, another program's database, a directory, a device) is refused with `NotASandboxDatabase`
before the sandbox opens, chmods, migrates or erases it. An SQLite file that cannot be read is a
damaged database: opening it fails with SQLite's own error, and `looks_like_sqlite` tells a
command that may erase it (``wixsites sandbox reset``) that it is one.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from urllib.parse import quote

__all__ = ["NotASandboxDatabase", "check_database_file", "looks_like_sqlite"]

SQLITE_HEADER = b"SQLite format 3\x00"
META_COLUMNS = ["key", "value"]


class NotASandboxDatabase(ValueError):
    """The path names a file that is not a sandbox database; nothing was done to it."""


def looks_like_sqlite(path: str) -> bool:
    """Whether `path` is a regular file that starts with SQLite's header (a database, if damaged)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _tables(path: str) -> dict[str, list[str]] | None:
    """The tables of the SQLite file at `path` and their columns, read without writing anything;
    None when SQLite cannot read it (a damaged database: opening it will say so)."""
    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        names = [
            str(row[0])
            for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            name: [
                str(row[1]) for row in probe.execute("SELECT * FROM pragma_table_info(?)", (name,))
            ]
            for name in names
        }
    except sqlite3.Error:
        return None
    finally:
        probe.close()


def check_database_file(path: str) -> None:
    """Refuse (NotASandboxDatabase) a `path` whose file the sandbox must not take as its own."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return  # the sandbox creates it
    except OSError:
        return  # e.g. a directory that cannot be searched: SQLite says so in its own words
    if not stat.S_ISREG(found.st_mode):
        raise NotASandboxDatabase(f"{path} is not a regular file, so it is not a sandbox database")
    if found.st_size == 0:
        return
    if not looks_like_sqlite(path):
        raise NotASandboxDatabase(
            f"{path} is not a sandbox database (it is not an SQLite file) and was left as it is"
        )
    tables = _tables(path)
    if tables and tables.get("meta") != META_COLUMNS:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise NotASandboxDatabase(
            f"{path} is another program's SQLite database (tables: {shown}), not a sandbox "
            "database, and was left as it is"
        )

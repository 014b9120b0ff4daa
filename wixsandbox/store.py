"""The SQLite store: schema, connection settings and one transaction per request.

One connection is shared by every thread of the process behind a lock (a ``:memory:`` database
exists only in its connection). File databases use WAL and a busy timeout, and writes start with
``BEGIN IMMEDIATE``, so several processes may share a file and a killed process leaves it usable.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wixsandbox.vault import Vault

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_key_digests (
    digest TEXT PRIMARY KEY,  -- HMAC-SHA256 of the key (wixsandbox.vault): never the key
    account_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS app_secrets (
    application_id TEXT PRIMARY KEY,
    sealed TEXT NOT NULL  -- the secret, sealed (wixsandbox.vault): never in clear
);
CREATE TABLE IF NOT EXISTS instances (
    instance_id TEXT PRIMARY KEY,  -- what a signed request sends in x-wix-instance-id
    application_id TEXT NOT NULL,
    account_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sites (
    seq INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    id TEXT NOT NULL,
    html_app_id TEXT NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    trashed_ms INTEGER NOT NULL DEFAULT 0,  -- 0: not trashed (keeps the sort key non-null)
    published INTEGER NOT NULL,
    premium INTEGER NOT NULL,
    view_url TEXT NOT NULL,
    edit_url TEXT NOT NULL,
    thumbnail TEXT NOT NULL,
    owner_account_id TEXT NOT NULL,
    contributors TEXT NOT NULL,  -- JSON array
    editor_type TEXT NOT NULL,
    blocked INTEGER NOT NULL,
    folder_id TEXT NOT NULL DEFAULT '',  -- '' at root
    namespace TEXT NOT NULL,
    domain_connected INTEGER NOT NULL,
    app_ids TEXT NOT NULL DEFAULT '[]',  -- JSON array
    search TEXT NOT NULL  -- lower-cased name, display name and view URL, for name/searchPhrase
);
CREATE TABLE IF NOT EXISTS folders (
    account_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS folders_sibling_names ON folders (account_id, parent_id, name);
"""

# The indexes of sites: one per sortable field (keyset paging walks them in order), by id, by folder.
SITE_INDEXES = {
    "sites_by_id": "CREATE UNIQUE INDEX IF NOT EXISTS sites_by_id ON sites (account_id, id)",
    "sites_by_created": "CREATE INDEX IF NOT EXISTS sites_by_created ON sites (account_id, created_ms, id)",
    "sites_by_updated": "CREATE INDEX IF NOT EXISTS sites_by_updated ON sites (account_id, updated_ms, id)",
    "sites_by_trashed": "CREATE INDEX IF NOT EXISTS sites_by_trashed ON sites (account_id, trashed_ms, id)",
    "sites_by_display_name": (
        "CREATE INDEX IF NOT EXISTS sites_by_display_name ON sites (account_id, display_name, id)"
    ),
    "sites_by_folder": "CREATE INDEX IF NOT EXISTS sites_by_folder ON sites (account_id, folder_id)",
}
DATA_TABLES = ("sites", "folders")


@contextmanager
def bulk_insert(conn: sqlite3.Connection, rows: int) -> Iterator[None]:
    """Within a transaction: drop the site indexes around a large insert and build them after.

    Building an index once is about three times faster than growing it row by row.
    """
    existing = conn.execute("SELECT COUNT(*) FROM sites").fetchone()[0]
    rebuild = rows >= 10_000 and rows >= existing
    if rebuild:
        for name in SITE_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
    yield
    if rebuild:
        for statement in SITE_INDEXES.values():
            conn.execute(statement)


def _casefold(value: str | int | float | bytes | None) -> str | int | float | bytes | None:
    """Unicode-aware lower case for SQL (SQLite's lower() knows ASCII only)."""
    return value.lower() if isinstance(value, str) else value


class Store:
    """A SQLite database and the lock that serializes its use within this process."""

    def __init__(self, db: str | Path = ":memory:") -> None:
        self.path = str(db)
        self.in_memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        self._lock = threading.RLock()
        if not self.in_memory and not self.path.startswith("file:"):
            _owner_only(self.path)
        self._conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=30.0
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.create_function("casefold", 1, _casefold, deterministic=True)
        with self._lock:
            self._conn.execute("PRAGMA busy_timeout = 30000")
            if not self.in_memory:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
            # executescript commits implicitly: it runs outside any explicit transaction.
            self._conn.executescript(SCHEMA + ";\n".join(SITE_INDEXES.values()) + ";")
        self.vault = Vault(self.secret_key("api_key_hash_key"), self.secret_key("secret_seal_key"))
        self._migrate()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction (a consistent snapshot)."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            else:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def meta(self, key: str, make: str | None = None) -> str | None:
        """Read a meta value; store `make` first if the key is absent and `make` is given."""
        with self.write() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            if row is not None:
                return str(row[0])
            if make is None:
                return None
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, make))
            return make

    def secret_key(self, name: str) -> bytes:
        """A random per-database key (e.g. for cursor MACs), created on first use."""
        value = self.meta(name, secrets.token_hex(32))
        assert value is not None
        return bytes.fromhex(value)

    def _migrate(self) -> None:
        """Hash and seal the credentials a database of an earlier version kept in clear."""
        with self._lock:
            self._conn.execute("PRAGMA secure_delete = ON")  # dropped rows are zeroed on disk
        with self.write() as conn:
            tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
            if "api_keys" in tables:
                for key, account in conn.execute("SELECT api_key, account_id FROM api_keys"):
                    conn.execute(
                        "INSERT OR REPLACE INTO api_key_digests (digest, account_id) VALUES (?, ?)",
                        (self.vault.digest(str(key)), str(account)),
                    )
                conn.execute("DROP TABLE api_keys")
            if "apps" in tables:
                for app_id, secret in conn.execute("SELECT application_id, secret FROM apps"):
                    conn.execute(
                        "INSERT OR REPLACE INTO app_secrets (application_id, sealed) VALUES (?, ?)",
                        (str(app_id), self.vault.seal(str(secret))),
                    )
                conn.execute("DROP TABLE apps")
            row = conn.execute("SELECT value FROM meta WHERE key = 'default_api_key'").fetchone()
            if row is not None:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('default_api_key_sealed', ?)",
                    (self.vault.seal(str(row[0])),),
                )
                conn.execute("DELETE FROM meta WHERE key = 'default_api_key'")
        if "api_keys" in tables or "apps" in tables:
            with self._lock:
                try:
                    self._conn.execute("VACUUM")  # no free page keeps the old clear text
                    if not self.in_memory:
                        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.OperationalError:  # another process is using the file
                    pass  # secure_delete zeroed the rows already; VACUUM only compacts
        with self._lock:
            self._conn.execute("PRAGMA secure_delete = OFF")  # SQLite's default, cheaper writes

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _owner_only(path: str) -> None:
    """Create the database file readable by its owner only, or make an existing one so."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError:  # e.g. no such directory: sqlite3.connect says so in its own words
        return
    for name in (path, path + "-wal", path + "-shm"):
        try:
            os.chmod(name, 0o600)
        except FileNotFoundError:
            pass
        except PermissionError:  # another user's file: SQLite decides whether we may use it
            pass

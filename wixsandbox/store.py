"""The SQLite store: schema, connections and one transaction per request.

A file database is in WAL mode: one connection writes (behind a lock, ``BEGIN IMMEDIATE``, a busy
timeout, so several processes may share the file and a killed process leaves it usable) and a
pool of read-only connections reads, each request in its own snapshot, none waiting for another.
A ``:memory:`` database exists only in its one connection, shared behind the lock. Every request's
transaction has a time budget (see `Store`).
"""

from __future__ import annotations

import math
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from wixsandbox import search
from wixsandbox.dbfile import check_database_file
from wixsandbox.vault import Vault
from wixsandbox.webhooks.tables import WEBHOOK_TABLES

SCHEMA = (
    """
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
    account_id TEXT NOT NULL,
    site_id TEXT NOT NULL DEFAULT ''  -- the instance's site; '' for an instance of the account
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
CREATE TABLE IF NOT EXISTS account_relations (
    sub_account_id TEXT PRIMARY KEY,  -- one main account per sub-account
    main_account_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS account_relations_by_main ON account_relations (main_account_id);
"""
    + WEBHOOK_TABLES
)

# The indexes of sites. Keyset paging walks one per sortable field in order; within a folder, one
# per sortable field too (a folder is browsed in every order). They carry the columns of the
# equality filters, so a walk checks those in the index and reads only the rows of the page.
# Count Sites counts in covering indexes that start with the namespace (an unfiltered count has
# `namespace = 'WIX'`) and one of the equality filters; Query Sites does not use those (it walks
# its sort order instead: see wixsandbox/sites.py).
_SORT_COLUMNS = {
    "created": "created_ms",
    "updated": "updated_ms",
    "trashed": "trashed_ms",
    "display_name": "display_name",
}
_COUNTED = ("published", "editor_type", "domain_connected", "trashed_ms")
_CHECKED = ("namespace", "published", "premium", "editor_type", "domain_connected", "trashed_ms")


def _walked(*columns: str) -> list[str]:
    return [*columns, *(c for c in (*_CHECKED, "folder_id") if c not in columns)]


# name -> columns. The default order also carries the search text and the apps: a name search
# that walks it (a common pattern), or a filter on apps, checks each site in the index, not in the
# table.
INDEX_COLUMNS: dict[str, list[str]] = {
    "sites_by_id": ["account_id", "id"],
    **{
        f"sites_by_{name}": _walked("account_id", column, "id")
        + (["search", "app_ids"] if name == "created" else [])
        for name, column in _SORT_COLUMNS.items()
    },
    **{
        f"sites_in_folder_by_{name}": _walked("account_id", "folder_id", column, "id")
        for name, column in _SORT_COLUMNS.items()
    },
    **{
        f"sites_count_{column}": [
            "account_id",
            "namespace",
            column,
            *(other for other in _COUNTED if other != column),
        ]
        for column in _COUNTED
    },
}
SITE_INDEXES = {
    name: (
        f"CREATE {'UNIQUE ' if name == 'sites_by_id' else ''}INDEX IF NOT EXISTS {name} "
        f"ON sites ({', '.join(columns)})"
    )
    for name, columns in INDEX_COLUMNS.items()
}
# Indexes of earlier versions that no newer one replaces by name (dropped when a database opens).
_OLD_INDEXES = ("sites_by_folder",)
# The number of sites of each folder, kept by triggers, so that Query Folders' siteCount does not
# count a folder's sites per request.
FOLDER_COUNTS = """
CREATE TABLE IF NOT EXISTS folder_site_counts (
    account_id TEXT NOT NULL,
    folder_id TEXT NOT NULL,
    sites INTEGER NOT NULL,
    PRIMARY KEY (account_id, folder_id)
) WITHOUT ROWID
"""
_COUNT_UP = """INSERT INTO folder_site_counts (account_id, folder_id, sites)
        SELECT new.account_id, new.folder_id, 1 WHERE new.folder_id <> ''
        ON CONFLICT (account_id, folder_id) DO UPDATE SET sites = sites + 1;"""
_COUNT_DOWN = """UPDATE folder_site_counts SET sites = sites - 1
        WHERE account_id = old.account_id AND folder_id = old.folder_id AND old.folder_id <> '';"""
FOLDER_COUNT_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS sites_counted_insert AFTER INSERT ON sites BEGIN {_COUNT_UP} END",
    f"CREATE TRIGGER IF NOT EXISTS sites_counted_delete AFTER DELETE ON sites BEGIN {_COUNT_DOWN} END",
    "CREATE TRIGGER IF NOT EXISTS sites_counted_move AFTER UPDATE OF account_id, folder_id ON sites "
    f"BEGIN {_COUNT_DOWN} {_COUNT_UP} END",
)
FOLDER_COUNTS_POPULATE = (
    "INSERT INTO folder_site_counts (account_id, folder_id, sites) "
    "SELECT account_id, folder_id, COUNT(*) FROM sites WHERE folder_id <> '' "
    "GROUP BY account_id, folder_id"
)
DATA_TABLES = ("sites", "folders", "folder_site_counts")


def _triggers() -> list[str]:
    return [*FOLDER_COUNT_TRIGGERS, *(search.TRIGGERS if search.AVAILABLE else ())]


@contextmanager
def bulk_insert(conn: sqlite3.Connection, account_id: str, rows: int) -> Iterator[None]:
    """Within a transaction: insert many sites of one account fast.

    The triggers are off during the insert: the search index and the folder counts are brought up
    to date once after it. A large insert also drops the site indexes and builds them after
    (building an index once is about three times faster than growing it row by row).
    """
    existing, last_seq = conn.execute("SELECT COUNT(*), MAX(seq) FROM sites").fetchone()
    rebuild = rows >= 10_000 and rows >= existing
    for statement in _triggers():
        conn.execute(f"DROP TRIGGER IF EXISTS {statement.split()[5]}")
    if rebuild:
        for name in SITE_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
    yield
    if rebuild:
        # Sorting a million keys in memory rather than in 2 MB runs merged from disk.
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute("PRAGMA cache_size = -262144")
        for statement in SITE_INDEXES.values():
            conn.execute(statement)
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
    if search.AVAILABLE:
        conn.execute(f"{search.POPULATE} WHERE seq > ?", (last_seq or 0,))
    conn.execute("DELETE FROM folder_site_counts WHERE account_id = ?", (account_id,))
    conn.execute(
        "INSERT INTO folder_site_counts (account_id, folder_id, sites) SELECT account_id, "
        "folder_id, COUNT(*) FROM sites WHERE account_id = ? AND folder_id <> '' GROUP BY folder_id",
        (account_id,),
    )
    for statement in _triggers():
        conn.execute(statement)


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return found is not None


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring a database of any earlier version up to date (in a write transaction; idempotent)."""
    if "site_id" not in {str(row[1]) for row in conn.execute("PRAGMA table_info(instances)")}:
        conn.execute("ALTER TABLE instances ADD COLUMN site_id TEXT NOT NULL DEFAULT ''")
    for name in _OLD_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for name, columns in INDEX_COLUMNS.items():
        had = [str(row[2]) for row in conn.execute(f"PRAGMA index_info({name})")]
        if had and had != columns:  # an earlier version's index of that name
            conn.execute(f"DROP INDEX {name}")
        conn.execute(SITE_INDEXES[name])
    if not _exists(conn, "folder_site_counts"):
        conn.execute(FOLDER_COUNTS)
        conn.execute(FOLDER_COUNTS_POPULATE)
    for statement in FOLDER_COUNT_TRIGGERS:
        conn.execute(statement)
    if search.AVAILABLE:
        if not _exists(conn, search.TABLE):
            conn.execute(search.CREATE)
            conn.execute(search.POPULATE)
        for statement in search.TRIGGERS:
            conn.execute(statement)
    once = "SELECT 1 FROM meta WHERE key = ?"
    if conn.execute(once, (_TRASH_OUT_OF_FOLDERS,)).fetchone() is None:
        # Earlier versions let trashed sites into folders (seeded there, or moved there): a
        # trashed site is in the trash, at root. The triggers bring the folders' counts along.
        conn.execute("UPDATE sites SET folder_id = '' WHERE trashed_ms > 0 AND folder_id <> ''")
        conn.execute("INSERT INTO meta (key, value) VALUES (?, '1')", (_TRASH_OUT_OF_FOLDERS,))


_TRASH_OUT_OF_FOLDERS = "migrated: trashed sites out of folders"


def _casefold(value: str | int | float | bytes | None) -> str | int | float | bytes | None:
    """Unicode-aware lower case for SQL (SQLite's lower() knows ASCII only)."""
    return value.lower() if isinstance(value, str) else value


class BudgetExceeded(Exception):
    """A transaction ran past its time budget: SQLite stopped it, and nothing it did was kept."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the transaction ran past its budget of {seconds:g} s")
        self.seconds = seconds


# SQLite calls the progress handler every this many virtual-machine instructions (a few
# milliseconds of work): often enough to stop a statement soon after its budget, rarely enough
# that the handler (which takes the GIL) costs the other requests nothing.
PROGRESS_STEPS = 500_000


# A read that has worked this long is a long one: from then on it pauses, after each slice of
# work between two calls of the progress handler, for as long as the slice took, so that it takes
# at most half a core's time from the other requests. Its pauses do not count against its budget.
# Writes never pause: they hold the lock every other write waits for.
LONG_READ = 0.1


class _Connection:
    """One SQLite connection and the deadline of the transaction it runs (its progress handler
    interrupts any statement past it, and makes a long read yield)."""

    def __init__(self, path: str, *, reader: bool, in_memory: bool) -> None:
        self.deadline = math.inf
        self.yields = reader  # only pooled readers: in memory, a read holds the one lock
        self._started = self._tick = 0.0
        self.conn = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=30.0
        )
        self.conn.row_factory = sqlite3.Row
        self.conn.create_function("casefold", 1, _casefold, deterministic=True)
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if not in_memory:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # Reads of a large database go through the OS's page cache without copies.
            self.conn.execute("PRAGMA mmap_size = 2147418112")
        if reader:
            self.conn.execute("PRAGMA query_only = ON")
        self.conn.set_progress_handler(self._past_deadline, PROGRESS_STEPS)

    def _past_deadline(self) -> int:
        now = time.monotonic()
        if now > self.deadline:
            return 1
        if self.yields and now - self._started > LONG_READ:
            pause = min(now - self._tick, LONG_READ)
            time.sleep(pause)  # the GIL and the core go to the other requests meanwhile
            self.deadline += pause
            now = time.monotonic()
        self._tick = now
        return 0

    @contextmanager
    def transaction(self, begin: str, budget: float | None) -> Iterator[sqlite3.Connection]:
        """`begin`, then the block; committed when it ends, rolled back if it raises. Past
        `budget` seconds any statement stops, and the block's error is BudgetExceeded."""
        self._started = self._tick = time.monotonic()
        self.deadline = self._started + budget if budget else math.inf
        try:
            self.conn.execute(begin)
            yield self.conn
        except BaseException as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            stopped = isinstance(error, sqlite3.OperationalError) and "interrupt" in str(error)
            if budget and stopped and time.monotonic() > self.deadline:
                raise BudgetExceeded(budget) from None
            raise
        else:
            self.deadline = math.inf  # a commit is never stopped half-way
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
        finally:
            self.deadline = math.inf


class Store:
    """A SQLite database: one connection that writes, and connections that read.

    Every change is one write transaction (`write`), and there is exactly one place where it
    begins and commits: `_Connection.transaction`. Writes are serialized by a lock (SQLite writes
    one transaction at a time anyway) and start with ``BEGIN IMMEDIATE``, so several processes may
    share a file. A file database is in WAL mode, where readers never wait for one another nor for
    the writer: each `read` takes a connection of its own from a pool. An in-memory database
    exists only in its one connection, so there reads and writes take turns.

    `read` and `write` take a time budget: past it, SQLite stops the statement that runs, the
    transaction is rolled back, and the block raises `BudgetExceeded`.
    """

    def __init__(self, db: str | Path = ":memory:") -> None:
        self.path = str(db)
        self.in_memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        if not self.in_memory and not self.path.startswith("file:"):
            check_database_file(self.path)  # before anything touches it
            _owner_only(self.path)
        self._lock = threading.RLock()  # the writer's (and in memory, every transaction's)
        self._writer = _Connection(self.path, reader=False, in_memory=self.in_memory)
        self._pool_lock = threading.Lock()
        self._idle: list[_Connection] = []
        self._readers: list[_Connection] = []
        self._trace: Callable[[str], object] | None = None
        with self._lock:
            # executescript commits implicitly: it runs outside any explicit transaction.
            self._writer.conn.executescript(SCHEMA)
        with self.write() as conn:
            _migrate(conn)
        self.vault = Vault(self.secret_key("api_key_hash_key"), self.secret_key("secret_seal_key"))
        self._seal_credentials()

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._writer.conn

    def _take_reader(self) -> _Connection:
        with self._pool_lock:
            if self._idle:
                return self._idle.pop()
        reader = _Connection(self.path, reader=True, in_memory=False)
        reader.conn.set_trace_callback(self._trace)
        with self._pool_lock:
            self._readers.append(reader)
        return reader

    @contextmanager
    def read(self, budget: float | None = None) -> Iterator[sqlite3.Connection]:
        """A read transaction (a consistent snapshot), stopped after `budget` seconds if given."""
        if self.in_memory:
            with self._lock, self._writer.transaction("BEGIN", budget) as conn:
                yield conn
            return
        reader = self._take_reader()
        try:
            with reader.transaction("BEGIN", budget) as conn:
                yield conn
        finally:
            with self._pool_lock:
                self._idle.append(reader)

    @contextmanager
    def write(self, budget: float | None = None) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises (or runs
        past `budget` seconds, if given: then BudgetExceeded)."""
        with self._lock, self._writer.transaction("BEGIN IMMEDIATE", budget) as conn:
            yield conn

    def trace(self, callback: Callable[[str], object] | None) -> None:
        """Call `callback` with every SQL statement any connection runs (None: stop)."""
        self._trace = callback
        with self._pool_lock:
            connections = [self._writer, *self._readers]
        for connection in connections:
            connection.conn.set_trace_callback(callback)

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

    def _seal_credentials(self) -> None:
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
        with self._lock, self._pool_lock:
            for connection in [*self._readers, self._writer]:
                connection.conn.close()
            self._readers.clear()
            self._idle.clear()


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

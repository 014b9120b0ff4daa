"""Name search (`name`, `searchPhrase`) through an FTS5 trigram index of the sites' search text.

The index only narrows the candidates: every site it yields is still checked with the substring
match of the search column (``instr``), so matching is exactly what it is without the index. A
pattern shorter than three characters has no trigram and is matched by scanning; so is everything
when the SQLite library has no FTS5 trigram tokenizer (SQLite 3.34 and later have it).

The index holds one document per site, keyed by the site's rowid (``seq``): contentless (the text
is in `sites.search`) and without positions (``detail=none``), so a pattern is looked up as the
AND of its trigrams, and triggers keep it in step with the table.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from wixsandbox.accounts import user_tag

TABLE = "sites_fts"
CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "search, content='', detail=none, tokenize='trigram case_sensitive 1')"
)
TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS sites_fts_insert AFTER INSERT ON sites BEGIN
        INSERT INTO {TABLE} (rowid, search) VALUES (new.seq, new.search);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS sites_fts_delete AFTER DELETE ON sites BEGIN
        INSERT INTO {TABLE} ({TABLE}, rowid, search) VALUES ('delete', old.seq, old.search);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS sites_fts_update AFTER UPDATE OF search, seq ON sites BEGIN
        INSERT INTO {TABLE} ({TABLE}, rowid, search) VALUES ('delete', old.seq, old.search);
        INSERT INTO {TABLE} (rowid, search) VALUES (new.seq, new.search);
    END""",
)
POPULATE = f"INSERT INTO {TABLE} (rowid, search) SELECT seq, search FROM sites"
# A pattern of many characters is looked up by at most this many of its trigrams: the FTS5 AND
# of trigrams costs about the sum of their posting lists, so the rarest-looking few are chosen.
# Letters most frequent in names and addresses make a common trigram; digits alone make a rare
# one ("163"), and so does a word boundary between two letters ("h-d" of "fresh-design": the end
# of one word next to the start of another is rarer than either word), more than a word next to a
# number ("n-1", which every numbered name has). Overlapping trigrams narrow little more than one
# of them ("n-1", "-16", "163"), so the chosen ones are apart where they can be; and past
# _ENOUGH of them, only one of those two rarest kinds is worth its posting list.
MAX_TRIGRAMS = 3
_COMMON = frozenset("aeiourstnlcmdhpgb-./: w")
_ENOUGH = 2

# Query Sites: above some number of candidates, walking the sort order and checking each site
# finds a page sooner than fetching and sorting every candidate (Count Sites always uses the
# index). Fetching a candidate costs about as much as walking this many sites:
FETCH_COST = 8
# The share of the index sampled first to tell a common pattern from a rare one cheaply.
SAMPLE = 0.05
# An account of at most this many sites is searched site by site, without the index.
SCAN_SITES = 2000


def _trigram_tokenizer() -> bool:
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        with sqlite3.connect(":memory:") as probe:
            probe.execute(CREATE)
    except sqlite3.Error:  # built without FTS5
        return False
    return True


AVAILABLE = _trigram_tokenizer()


def _rank(gram: str) -> tuple[int, int]:
    """How common `gram` looks (lower is rarer): its class, then its common characters."""
    common = sum(c in _COMMON for c in gram)
    digit = any(c.isdigit() for c in gram)
    if digit and gram.isalnum():
        return 0, common
    if gram[0].isalnum() and gram[2].isalnum() and not gram[1].isalnum():
        return 1 if not digit else 2, common
    return 2 if digit else 3, common


def _rarest(text: str, shared: frozenset[str] = frozenset()) -> list[str]:
    """At most MAX_TRIGRAMS trigrams of `text` (none of `shared`), rarest-looking first, apart
    where they can be: among equals the later (an ending, like a number, tells more)."""
    first: dict[str, int] = {}
    for i in range(len(text) - 2):
        if text[i : i + 3] not in shared:
            first.setdefault(text[i : i + 3], i)
    ranked = sorted(first, key=lambda gram: (_rank(gram), -first[gram]))
    chosen: list[str] = []
    for apart in (True, False):
        for gram in ranked:
            if len(chosen) == MAX_TRIGRAMS or (len(chosen) >= _ENOUGH and _rank(gram)[0] >= 2):
                return chosen
            near = any(abs(first[gram] - first[other]) < 3 for other in chosen)
            if gram not in chosen and not (apart and near):
                chosen.append(gram)
    return chosen


def match_query(text: str, shared: frozenset[str] = frozenset()) -> str | None:
    """The FTS5 query for sites whose search text may contain `text`; None when it has no trigram
    that tells sites apart. `shared`: trigrams that every site of the account has (in its own
    address), which narrow nothing however rare they look among all accounts' sites."""
    if len(text) < 3 or "\x00" in text:
        return None
    grams = [
        g for g in dict.fromkeys(text[i : i + 3] for i in range(len(text) - 2)) if g not in shared
    ]
    if not grams:
        return None
    if len(grams) > MAX_TRIGRAMS:
        grams = _rarest(text, shared)
    return " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams)


@dataclass(frozen=True)
class SearchIndex:
    """Decides, per pattern, whether a query narrows the account's sites through the index.

    The index holds every account's sites, so the search is scoped to the caller's account
    first: an account of at most SCAN_SITES sites is searched by checking each of its own sites
    (a few thousand substring checks cost less than looking a pattern up among all the accounts'
    millions of sites), and a larger one never looks a pattern up by the trigrams that all its
    sites share (its address, ``user-<tag>.wixsite.com``).
    """

    conn: sqlite3.Connection
    account_id: str
    page: int | None = None  # the sites a page shows; None: always narrow when the pattern allows

    @cached_property
    def _small(self) -> bool:
        found = self.conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM sites WHERE account_id = ? LIMIT ?)",
            (self.account_id, SCAN_SITES + 1),
        ).fetchone()[0]
        return int(found) <= SCAN_SITES

    @cached_property
    def _shared(self) -> frozenset[str]:
        address = f"https://{user_tag(self.account_id)}.wixsite.com/"
        return frozenset(address[i : i + 3] for i in range(len(address) - 2))

    def _dense(self, query: str) -> int | None:
        """The number of candidates above which walking the sort order finds a page sooner; None
        when a sample of the index shows that `query` has more than that.

        With `m` candidates among `n` sites, a page of `p` is fetched and sorted in about
        FETCH_COST * m steps, or found by walking about p * n / m sites: equal at
        m = sqrt(p * n / FETCH_COST). The sample is the first SAMPLE of the index (by rowid): a
        pattern with twice its share of that there is taken as common without fetching more.
        """
        sites = self.conn.execute("SELECT MAX(seq) FROM sites").fetchone()[0] or 0
        dense = max(100, math.isqrt((self.page or 1) * sites // FETCH_COST))
        window = max(1, int(sites * SAMPLE))
        share = 2 * dense * window // max(1, sites)
        found = self.conn.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH ? "
            "AND rowid <= ? LIMIT ?)",
            (query, window, share + 1),
        ).fetchone()[0]
        return None if found > share else dense

    def candidates(self, text: str) -> tuple[str, Any] | None:
        """The condition "the site is a candidate for `text`" (its parameter's place is ``{}``)
        and its parameter; None to match `text` by checking each site instead."""
        if self._small:
            return None
        query = match_query(text, self._shared)
        if query is None:
            return None
        if self.page is None:
            return f"s.seq IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH {{}})", query
        dense = self._dense(query)
        if dense is None:
            return None
        found = [
            row[0]
            for row in self.conn.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? LIMIT ?", (query, dense)
            )
        ]
        if len(found) >= dense:
            return None
        # The candidates are at hand: the query takes them, rather than searching again.
        return "s.seq IN (SELECT value FROM json_each({}))", json.dumps(found)

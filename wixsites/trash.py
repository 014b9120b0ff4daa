"""Moving sites to the trash in bulk (Bulk Delete Site), with the exact report of a bulk move.

A trash is a bulk move whose target is the trash: it runs on the machinery of `bulk` (batches of
20, deduplicated ids, ids that are not GUIDs failing locally, progress, bounded concurrency,
partial reports on interruption) and returns a `MoveReport` whose `target` is `TRASH` and whose
`moved` are the trashed sites. Each site succeeds or fails on its own: Wix's per-item error
(``PREMIUM_NOT_PERMITTED``, ...) becomes that id's reason.

Trashing is meant as "make sure these sites are in the trash": a site found in the trash counts
as trashed. Outcomes that are not certain are settled by reading the sites (Query Sites): the
per-item errors Wix does not document as final, ids the answer leaves out, and a request that
failed in a way that may have been applied (a lost connection, a 5xx) after its retries. A site
the read shows in the trash is trashed; one it shows elsewhere failed with the error; when the
read itself fails, the id is `uncertain` (its reason starts with `UNCERTAIN`). A request that
never reached the server (a refused connection) trashed nothing: its ids fail ``not sent: ...``,
and so do the later batches. A site Wix does not find reads ``not found in this account`` and a
Premium one `reasons.PREMIUM`, as in every other report.
"""

from __future__ import annotations

from collections.abc import Sequence

from wixsites.actioncalls import ItemOutcome, bulk_delete_call, trashed_among_call
from wixsites.bulk import TRASH, BatchResult, MoveState, may_have_applied
from wixsites.errors import AuthenticationError, PermissionDenied, WixError
from wixsites.operations import Call
from wixsites.reasons import NOT_FOUND, PREMIUM, not_sent, unsettled
from wixsites.runner import Flow

__all__ = [
    "FINAL_CODES",
    "TRASH",
    "TRASH_BATCH",
    "UNCERTAIN",
    "trash_call",
    "trash_flow",
    "trashed_check",
]

TRASH_BATCH = 20  # Bulk Delete Site takes 1 to 20 ids
# Per-item errors that no retry or earlier attempt can explain: the site is not trashed.
FINAL_CODES = frozenset({"PREMIUM_NOT_PERMITTED", "NOT_FOUND", "SITE_NOT_FOUND"})
UNCERTAIN = "may have been applied"  # how the reason of every uncertain id starts
# The reason of a final per-item error, when its cause has one wording in every report.
_WORDING = {"PREMIUM_NOT_PERMITTED": PREMIUM, "NOT_FOUND": NOT_FOUND, "SITE_NOT_FOUND": NOT_FOUND}


def trashed_check(site_ids: Sequence[str], target: str) -> Flow[dict[str, bool]]:
    """The `check` of a trash: which of the ids are in the trash (a read of the sites)."""
    trashed = yield trashed_among_call(list(site_ids))
    return {i: i in trashed for i in site_ids}


def trash_call(site_ids: Sequence[str], target: str) -> Call[dict[str, ItemOutcome]]:
    """The `make_call` of a trash: Bulk Delete Site (the target is always the trash)."""
    return bulk_delete_call(site_ids)


def trash_flow(ids: list[str], shared: MoveState) -> Flow[BatchResult]:
    """One Bulk Delete Site request for `ids` (at most 20), settled to a certain outcome per id."""
    out = BatchResult(requests=1)
    unclear: dict[str, str] = {}
    try:
        outcomes = yield shared.make_call(ids, shared.target)
    except (AuthenticationError, PermissionDenied) as exc:
        out.abort = str(exc)
        out.failed.update((i, out.abort) for i in ids)
        return out
    except WixError as exc:
        if exc.never_sent:  # nothing reached the server: the next batches would not either
            out.abort = not_sent(str(exc))
            out.failed.update((i, out.abort) for i in ids)
            return out
        if not may_have_applied(exc):
            out.failed.update((i, str(exc)) for i in ids)
            return out
        unclear = dict.fromkeys(ids, str(exc))
    else:
        for item_id in ids:
            outcome = outcomes.get(item_id)
            if outcome is None:
                unclear[item_id] = "Wix's answer has no result for this site"
            elif outcome.success:
                out.moved.append(item_id)
            elif outcome.code in FINAL_CODES:
                out.failed[item_id] = _WORDING.get(outcome.code, outcome.reason)
            else:
                unclear[item_id] = outcome.reason
    if unclear:
        try:
            trashed = yield from shared.check(list(unclear), shared.target)
        except WixError as exc:
            out.uncertain.update((i, unsettled(why, exc)) for i, why in unclear.items())
        else:
            out.moved.extend(i for i in unclear if trashed.get(i))
            out.failed.update((i, why) for i, why in unclear.items() if not trashed.get(i))
    return out

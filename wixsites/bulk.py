"""Bulk moves of sites and folders, with an exact report: every id ends up moved or failed.

Ids are deduplicated (order kept); ids that are not GUIDs fail locally and are never sent. The
rest go in batches (500 sites or 1,000 folders a request). A 404 naming unknown ids
(``details.applicationError.data.unknownIds``) fails those ids and resends the batch without them;
a 404 naming none is bisected until the bad ids are isolated (after checking, once, that the
target folder exists). A 428 ``SITE_IN_TRASH`` (a site in the trash cannot move) is handled the
same way with ``data.trashedIds``: those ids fail with `IN_TRASH`, the rest are sent again.

Before a batch of sites is sent, a `Screen` reads which of them are in the trash (one Query Sites
that lists only trashed sites): they fail with `IN_TRASH` and are not sent, so a trashed site is
never reported moved even by a server that would accept it. The read is a safeguard: if it fails,
the batch is sent whole and the server's own refusal applies. Any other error fails its batch and the move carries on, except an
authentication or permission error, which stops: every id not yet moved fails with its reason.

A batch whose request may have been applied although it failed (a lost connection, a timeout, a
5xx, an unreadable 200, or an earlier attempt of that kind) is read back (see `placement`): each
id found in the target is reported moved, each other one failed. Only when that read fails too
are its ids reported `uncertain`, with a reason saying that they may have moved. A batch that
never reached the server (every attempt failed to connect: `WixError.never_sent`) did not
change: its ids fail ``not sent: ...``, and so do the later batches, which are not tried.

Every reason reads as `reasons` words it, and is made inert (redacted, control characters
stripped) by the client's `clean`: a reason may quote a server's text.

Interrupted (KeyboardInterrupt, or the task cancelled), a move still says exactly where it got:
the exception carries the partial `MoveReport` as its `report` attribute, where the ids whose
request was in flight are uncertain (`IN_FLIGHT`: they may have moved) and the rest fail with
`NOT_SENT`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wixsites.errors import (
    AuthenticationError,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    SiteInTrash,
    WixError,
)
from wixsites.ids import is_guid
from wixsites.operations import Call, query_folders_page
from wixsites.reasons import IN_FLIGHT, IN_TRASH, NOT_FOUND, NOT_SENT, not_sent, unsettled
from wixsites.runner import AsyncRunner, Flow, SyncRunner
from wixsites.serialize import to_json

__all__ = [
    "FOLDER_BATCH",
    "IN_FLIGHT",
    "IN_TRASH",
    "NOT_SENT",
    "SITE_BATCH",
    "TRASH",
    "BatchFlow",
    "BatchResult",
    "CheckPlacement",
    "MoveReport",
    "MoveState",
    "Progress",
    "Screen",
    "may_have_applied",
]

SITE_BATCH = 500
FOLDER_BATCH = 1000
TRASH = "trash"  # the `target` of a trash's MoveReport (a folder's id is a GUID: never this)

Progress = Callable[[int, int], None]
MakeCall = Callable[[Sequence[str], str], Call[Any]]
BatchFlow = Callable[
    [list[str], "MoveState"], "Flow[BatchResult]"
]  # one batch: _batch_flow, or trash's
# Where the given ids are: id -> whether it is in the target, for the ids the account has.
CheckPlacement = Callable[[Sequence[str], str], Flow[dict[str, bool]]]
# The ids of a batch that must not be sent, each with its reason (read before the batch is sent).
Screen = Callable[[Sequence[str]], Flow[dict[str, str]]]


@dataclass(slots=True)
class MoveReport:
    """What a bulk move did: `moved` (in the order given: each is in the target), `failed`
    (id -> reason: each is not), and `uncertain` (id -> reason: its request may have been applied
    and the SDK could not check; read it back, or move it again: moves are idempotent), which
    together hold every distinct id given exactly once; and the number of move `requests` sent.
    `ok` is true only when every id moved."""

    target: str
    moved: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    uncertain: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every id moved: none failed, none is uncertain."""
        return not self.failed and not self.uncertain

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data, with the API's field names, as the command line's
        ``--json`` writes it (docs/schemas/common.json, without the CLI's `kind` and
        `targetPath`): a move's `targetFolderId` (``""`` for root), `ok`, `moved`, `failed`,
        `uncertain` and `requests`; a trash's (`sites.trash`) has `trashed` for `moved`, and no
        target."""
        done = {"trashed" if self.target == TRASH else "moved": list(self.moved)}
        where = {} if self.target == TRASH else {"targetFolderId": self.target}
        return {
            **where,
            "ok": self.ok,
            **done,
            "failed": dict(self.failed),
            "uncertain": dict(self.uncertain),
            "requests": self.requests,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)

    def __str__(self) -> str:
        where = self.target or "root"
        unsure = f", {len(self.uncertain)} uncertain" if self.uncertain else ""
        return (
            f"moved {len(self.moved)} to {where}, {len(self.failed)} failed{unsure}, "
            f"{self.requests} request{'s' if self.requests != 1 else ''}"
        )


@dataclass(slots=True)
class _Plan:
    order: list[str]  # every distinct id, as first given
    invalid: dict[str, str]
    batches: list[list[str]]  # normalized (lower-case) ids
    spelling: dict[str, str]  # normalized -> as given


def _plan(ids: Iterable[object], size: int, kind: str) -> _Plan:
    if isinstance(ids, str):
        ids = [ids]  # one id, not its characters
    order: list[str] = []
    invalid: dict[str, str] = {}
    spelling: dict[str, str] = {}
    valid: list[str] = []
    seen: set[str] = set()
    for raw in ids:
        given = str(raw)
        key = given.lower()
        if key in seen:
            continue
        seen.add(key)
        order.append(given)
        if is_guid(given):
            spelling[key] = given
            valid.append(key)
        else:
            invalid[given] = f"not a valid {kind} id"
    batches = [valid[i : i + size] for i in range(0, len(valid), size)]
    return _Plan(order, invalid, batches, spelling)


@dataclass(slots=True)
class BatchResult:
    """What one batch of a bulk move did (a `BatchFlow`'s result)."""

    moved: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    uncertain: dict[str, str] = field(default_factory=dict)
    requests: int = 0
    abort: str | None = None  # a reason that stops the whole move


@dataclass(slots=True)
class MoveState:
    """What the batches of one bulk move share: the target, how to call and check, and whether
    the move must stop."""

    target: str
    make_call: MakeCall
    check: CheckPlacement
    screen: Screen | None = None
    target_missing: bool | None = None
    abort: str | None = None


def _named_ids(exc: WixError, key: str) -> set[str]:
    """The ids an error's ``data`` names under `key` (``unknownIds``, ``trashedIds``)."""
    raw = exc.data.get(key) if exc.data else None
    if isinstance(raw, list):
        return {str(x).lower() for x in raw}
    return set()


def _not_found(item: str, target: str) -> str:
    if item == target:
        return f"{NOT_FOUND} (it is the id of the target folder)"
    return NOT_FOUND


def _target_exists(target: str) -> Flow[bool]:
    page = yield query_folders_page(filter={"id": target}, sort=None, limit=1, offset=0)
    return any(str(f.id).lower() == target for f in page.items)


def _screened(ids: list[str], shared: MoveState, out: BatchResult) -> Flow[list[str]]:
    """The ids of the batch to send: those the screen refuses fail with its reason."""
    if shared.screen is None:
        return ids
    try:
        refused = yield from shared.screen(ids)
    except WixError:
        return ids  # a safeguard only: the server refuses what it must on its own
    out.failed.update((i, refused[i]) for i in ids if i in refused)
    return [i for i in ids if i not in refused]


def _batch_flow(ids: list[str], shared: MoveState) -> Flow[BatchResult]:
    out = BatchResult()
    ids = yield from _screened(ids, shared, out)
    pending: deque[list[str]] = deque([ids] if ids else [])
    target = shared.target
    while pending:
        part = pending.popleft()
        out.requests += 1
        try:
            yield shared.make_call(part, target)
        except SiteInTrash as exc:
            # like a 404's unknownIds: fail the ids named, send the rest again; bisect if none
            trashed = _named_ids(exc, "trashedIds") & set(part)
            if not trashed and len(part) == 1:
                trashed = set(part)
            if trashed:
                _fail_named(part, trashed, lambda _: IN_TRASH, out, pending)
            else:
                _bisect(part, pending)
        except NotFound as exc:
            unknown = _named_ids(exc, "unknownIds")
            # An id in the batch that is the target's own id (a folder id given as a site id)
            # is named as unknown too: that says nothing about the target.
            if target and target in unknown and target not in part:
                shared.target_missing = True
            elif unknown & set(part):
                _fail_named(part, unknown, lambda i: _not_found(i, target), out, pending)
                continue
            elif target and shared.target_missing is None:
                try:
                    shared.target_missing = not (yield from _target_exists(target))
                except WixError:
                    shared.target_missing = False  # cannot tell: isolate the ids instead
            if target and shared.target_missing:
                out.abort = f"target folder {target} not found in this account"
                out.failed.update((i, out.abort) for p in (part, *pending) for i in p)
                return out
            if len(part) == 1:
                out.failed[part[0]] = _not_found(part[0], target)
            else:
                _bisect(part, pending)
        except (AuthenticationError, PermissionDenied) as exc:
            out.abort = str(exc)
            out.failed.update((i, out.abort) for i in part)
            out.failed.update((i, not_sent(out.abort)) for p in pending for i in p)
            return out
        except WixError as exc:
            if exc.never_sent:  # nothing reached the server: the next batches would not either
                out.abort = not_sent(str(exc))
                out.failed.update((i, out.abort) for p in (part, *pending) for i in p)
                return out
            if may_have_applied(exc):
                yield from _settle(part, exc, shared, out)
            else:
                out.failed.update((i, str(exc)) for i in part)
        else:
            out.moved.extend(part)
    return out


def _fail_named(
    part: list[str],
    named: set[str],
    reason: Callable[[str], str],
    out: BatchResult,
    pending: deque[list[str]],
) -> None:
    """Fail the ids of `part` an answer named, each with its `reason`; the rest is sent next."""
    out.failed.update((i, reason(i)) for i in part if i in named)
    rest = [i for i in part if i not in named]
    if rest:
        pending.appendleft(rest)


def _bisect(part: list[str], pending: deque[list[str]]) -> None:
    """Send `part` again as two halves, the first half next: a refusal that named no id."""
    half = len(part) // 2
    pending.appendleft(part[half:])
    pending.appendleft(part[:half])


def may_have_applied(exc: WixError) -> bool:
    """Whether a failed move request may nonetheless have been applied: no answer, a 5xx, or an
    unreadable success (anything but a 4xx), or an earlier attempt of that kind; never when no
    attempt reached the server (`WixError.never_sent`)."""
    if exc.never_sent:
        return False
    status = exc.status
    return exc.earlier_attempt_uncertain or status is None or not 400 <= status < 500


def _settle(part: list[str], exc: WixError, shared: MoveState, out: BatchResult) -> Flow[None]:
    """Read back where the ids of a batch whose answer was lost are, and report them so."""
    try:
        placed = yield from shared.check(part, shared.target)
    except WixError as check_exc:
        out.uncertain.update((i, unsettled(exc, check_exc)) for i in part)
        return
    for i in part:
        if placed.get(i):
            out.moved.append(i)
        else:
            out.failed[i] = f"{exc} (read back afterwards: it is not in the target)"


def _report(
    plan: _Plan,
    target: str,
    results: list[BatchResult | None],
    abort: str | None,
    clean: Callable[[str], str],
    in_flight: frozenset[int] = frozenset(),
) -> MoveReport:
    moved: set[str] = set()
    failed: dict[str, str] = {}
    uncertain: dict[str, str] = {}
    requests = 0
    for index, (batch, result) in enumerate(zip(plan.batches, results, strict=True)):
        if index in in_flight:  # interrupted before its answer came
            uncertain.update((i, IN_FLIGHT) for i in batch)
            requests += 1
            continue
        if result is None:  # never sent: the move stopped before this batch
            why = not_sent(abort or "the move stopped before this batch")
            failed.update((i, why) for i in batch)
            continue
        moved.update(result.moved)
        failed.update(result.failed)
        uncertain.update(result.uncertain)
        requests += result.requests
    report = MoveReport(target=target, requests=requests)
    for given in plan.order:
        key = given.lower()
        if given in plan.invalid:
            report.failed[given] = plan.invalid[given]
        elif key in moved:
            report.moved.append(given)
        elif key in uncertain:
            report.uncertain[given] = clean(uncertain[key])
        else:
            report.failed[given] = clean(failed.get(key) or not_sent("the move stopped"))
    return report


def _attach(exc: BaseException, report: MoveReport) -> None:
    exc.report = report  # type: ignore[attr-defined]


def move_sync(
    runner: SyncRunner,
    ids: Iterable[object],
    target: str,
    *,
    kind: str,
    size: int,
    make_call: MakeCall,
    check: CheckPlacement,
    progress: Progress | None,
    flow: BatchFlow | None = None,
    screen: Screen | None = None,
) -> MoveReport:
    plan = _plan(ids, size, kind)
    shared = MoveState(target, make_call, check, screen)
    total = len(plan.order)
    done = len(plan.invalid)
    results: list[BatchResult | None] = [None] * len(plan.batches)
    index = 0
    try:
        for index, batch in enumerate(plan.batches):
            if shared.abort is not None:
                continue
            result = runner.drive((flow or _batch_flow)(batch, shared))
            results[index] = result
            shared.abort = shared.abort or result.abort
            done += len(batch)
            if progress is not None:
                progress(done, total)
    except KeyboardInterrupt as exc:
        in_flight = frozenset() if results[index] is not None else frozenset({index})
        partial = _report(plan, target, results, shared.abort or NOT_SENT, runner.redact, in_flight)
        _attach(exc, partial)
        raise
    if not plan.batches and progress is not None:
        progress(done, total)
    return _report(plan, target, results, shared.abort, runner.redact)


async def move_async(
    runner: AsyncRunner,
    ids: Iterable[object],
    target: str,
    *,
    kind: str,
    size: int,
    make_call: MakeCall,
    check: CheckPlacement,
    progress: Progress | None,
    max_concurrency: int,
    flow: BatchFlow | None = None,
    screen: Screen | None = None,
) -> MoveReport:
    if max_concurrency < 1:
        raise InvalidArgument("max_concurrency must be at least 1")
    plan = _plan(ids, size, kind)
    shared = MoveState(target, make_call, check, screen)
    total = len(plan.order)
    done = len(plan.invalid)
    import asyncio  # here: a program that never awaits need not load asyncio

    results: list[BatchResult | None] = [None] * len(plan.batches)
    in_flight: set[int] = set()
    gate = asyncio.Semaphore(max_concurrency)

    async def one(index: int, batch: list[str]) -> None:
        nonlocal done
        async with gate:
            if shared.abort is not None:
                return
            in_flight.add(index)
            result = await runner.drive((flow or _batch_flow)(batch, shared))
            in_flight.discard(index)
        results[index] = result
        shared.abort = shared.abort or result.abort
        done += len(batch)
        if progress is not None:
            progress(done, total)

    try:
        await asyncio.gather(*(one(i, b) for i, b in enumerate(plan.batches)))
    except (asyncio.CancelledError, KeyboardInterrupt) as exc:
        partial = _report(
            plan, target, results, shared.abort or NOT_SENT, runner.redact, frozenset(in_flight)
        )
        _attach(exc, partial)
        raise
    if not plan.batches and progress is not None:
        progress(done, total)
    return _report(plan, target, results, shared.abort, runner.redact)

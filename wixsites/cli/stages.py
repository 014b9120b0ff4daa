"""The workflow's stages, kept in the account itself: the folders inside the root folder
``Stages``, in the order they were created (then by id). Every teammate and machine reads the
same folders, so all see the same stages in the same order; nothing is stored locally.

A folder anywhere else is never a stage. `workflow init` controls the list and its order (a
folder's creation date cannot change, so putting a stage later means recreating its folder:
its sites and sub-folders move across and keep their ids). It also migrates the layout of
earlier versions, where the stages were the root folders Design, QA, Suspended and Live.

Every step of `init` leaves the account usable and is safe to repeat: while it works, a root
folder ``Stages (being set up)`` holds a stage whose folder is being recreated, and its presence
tells the next run that the work is unfinished. Run the same command again to finish it. A
teammate's `init` running at the same time can overtake this one's plan (a folder it was about to
create is there, one it was about to move or delete is gone): `init_stages` then reads the folders
again and carries out the plan made from them, as running the command again would.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wix_sites_api.models import Folder

from wixsites.cli.errors import CommandFailed, InputError, Interrupted
from wixsites.cli.folderindex import ROOT, FolderIndex
from wixsites.cli.models import value
from wixsites.cli.report import plural
from wixsites.errors import AlreadyExists, NotFound, WixError
from wixsites.tree import name_key

if TYPE_CHECKING:
    from wixsites import WixSites

__all__ = [
    "DEFAULT_STAGES",
    "SETTING_UP",
    "STAGES",
    "InitPlan",
    "StageLayout",
    "apply_plan",
    "children_in_order",
    "init_stages",
    "plan_init",
]

STAGES = "Stages"
SETTING_UP = "Stages (being set up)"
DEFAULT_STAGES = ("Design", "QA", "Suspended", "Live")
_ORDERED_CREATE_ATTEMPTS = 20
_RACE_ATTEMPTS = 3  # plans carried out when teammates' runs keep overtaking this one's
_LATEST = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def created_key(folder: Folder) -> tuple[datetime.datetime, str]:
    """The order of stages: creation date, then id (a folder without a date sorts last)."""
    date = folder.created_date
    if not isinstance(date, datetime.datetime):
        date = _LATEST
    elif date.tzinfo is None:
        date = date.replace(tzinfo=datetime.UTC)
    return date, FolderIndex.id_of(folder)


def children_in_order(index: FolderIndex, parent: str) -> list[Folder]:
    """A folder's sub-folders by name, except the stages: in their order."""
    layout_parent = index.child_named(ROOT, STAGES)
    if parent and layout_parent is not None and index.id_of(layout_parent) == parent:
        return sorted(index.children(parent), key=created_key)
    return index.children(parent)


@dataclass
class StageLayout:
    """Where the stages are in an account's folders."""

    index: FolderIndex
    parent: Folder | None = None  # the root folder Stages
    holding: Folder | None = None  # the root folder "Stages (being set up)"
    stages: list[Folder] = field(default_factory=list)
    in_transit: list[Folder] = field(default_factory=list)  # stages being recreated

    @classmethod
    def of(cls, index: FolderIndex) -> StageLayout:
        parent = index.child_named(ROOT, STAGES)
        holding = index.child_named(ROOT, SETTING_UP)

        def inside(folder: Folder | None) -> list[Folder]:
            if folder is None:
                return []
            return sorted(index.children(index.id_of(folder)), key=created_key)

        return cls(index, parent, holding, inside(parent), inside(holding))

    def names(self) -> list[str]:
        return [self.index.name_of(f) for f in self.stages]

    @property
    def migrating(self) -> bool:
        """No stage yet, or an `init` left unfinished: the stage list is then the default one,
        and root folders named like a stage are the layout of earlier versions, to migrate."""
        return not self.stages or self.holding is not None

    def _at_root(self, names: Sequence[str]) -> list[Folder]:
        """The root folders with these names, whatever their case (not Stages, nor the holding
        folder)."""
        own = {self.index.id_of(f) for f in (self.parent, self.holding) if f is not None}
        wanted = {_key(n) for n in names}
        return [
            f
            for f in self.index.children(ROOT)
            if _key(self.index.name_of(f)) in wanted and self.index.id_of(f) not in own
        ]

    def strays(self) -> list[Folder]:
        """Root folders named like a stage, outside a migration: not stages (an earlier
        wixsites may have made them), but a teammate may expect them to be."""
        return [] if self.migrating else self._at_root(self.names())

    def legacy(self, names: Sequence[str] = DEFAULT_STAGES) -> list[Folder]:
        """The root folders of the earlier layout, named like a stage (by default, like the
        default stages), while migrating."""
        return self._at_root(names) if self.migrating else []

    def first(self) -> Folder:
        if not self.stages:
            raise InputError(self.no_stages())
        return self.stages[0]

    def named(self, name: str) -> Folder:
        """The stage named `name` (names compared NFC-normalized, then case-insensitively)."""
        wanted = name.strip().strip("/")
        for folder in self.stages:
            if name_key(self.index.name_of(folder)) == name_key(wanted):
                return folder
        alike = [f for f in self.stages if self.index.name_of(f).lower() == wanted.lower()]
        if len(alike) == 1:
            return alike[0]
        if not self.stages:
            raise InputError(f"no stage {wanted!r}: {self.no_stages()}")
        raise InputError(
            f"no stage {wanted!r} (the stages are: {', '.join(self.names())}); add it with "
            f"`wixsites workflow init --stages {','.join([*self.names(), wanted])}`"
        )

    def no_stages(self) -> str:
        legacy = self.legacy()
        if legacy:
            names = ", ".join(self.index.name_of(f) for f in legacy)
            return (
                f"the stages are now kept in the root folder {STAGES}: run `wixsites workflow "
                f"init` to move {names} into it (their sites go with them)"
            )
        return "there are no stages yet: create them with `wixsites workflow init`"


# -- init: a plan of steps, then its execution ----------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One change `init` makes: `action` is one of create-parent, create-holding, keep, aside,
    create, merge, delete-holding."""

    action: str
    name: str = ""  # the stage concerned
    folders: tuple[str, ...] = ()  # folder ids: moved (keep, aside) or merged from (merge)
    after: str = ""  # create: the stage it must sort after ("" for the first)

    def describe(self, index: FolderIndex) -> str:
        paths = ", ".join(index.path(i) for i in self.folders)
        return {
            "create-parent": f"create the root folder {STAGES}",
            "create-holding": f"create the root folder {SETTING_UP!r} (while stages are set up)",
            "keep": f"move {paths} into {STAGES} (sites and sub-folders go with them)",
            "aside": f"set {paths} aside in {SETTING_UP!r}, to recreate it later in the order",
            "create": f"create the stage {STAGES}/{self.name}",
            "merge": f"move the sites and sub-folders of {paths} into {STAGES}/{self.name}, "
            "then delete it",
            "delete-holding": f"delete the root folder {SETTING_UP!r}",
        }[self.action]

    def to_dict(self, index: FolderIndex) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action}
        if self.name:
            out["stage"] = self.name
        if self.folders:
            out["folders"] = [{"id": i, "path": index.path(i)} for i in self.folders]
        return out


@dataclass
class InitPlan:
    stages: list[str]  # the stage list asked for, in order
    steps: list[Step]


def stage_list(text: str) -> list[str]:
    """``--stages Design,QA,Live`` as names, checked: not empty, no "/", no name twice."""
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise InputError("--stages needs at least one name, e.g. --stages Design,QA,Suspended,Live")
    if any("/" in n for n in names):
        raise InputError("a stage is a folder in Stages: its name cannot contain '/'")
    seen: set[str] = set()
    for name in names:
        if _key(name) in seen:
            raise InputError(f"--stages names {name!r} twice")
        seen.add(_key(name))
    return names


def _key(name: str) -> str:
    return name_key(name).lower()


def _increasing(keys: Sequence[Any]) -> bool:
    return all(a < b for a, b in itertools.pairwise(keys))


def _kept_prefix(wanted: list[str], found: dict[str, Folder], order: dict[str, Any]) -> int:
    """How many of the first stages asked for are found already in the order asked for."""
    count = 0
    while count < len(wanted) and _key(wanted[count]) in found:
        if not _increasing([order[_key(w)] for w in wanted[: count + 1]]):
            break
        count += 1
    return count


def plan_init(layout: StageLayout, wanted: list[str] | None) -> InitPlan:
    """The steps that make the stages exactly `wanted` (default: the stages there are, or the
    default ones when there are none or a migration is unfinished), in that order."""
    index = layout.index
    stages = wanted or (list(DEFAULT_STAGES) if layout.migrating else layout.names())
    keys = {_key(n) for n in stages}
    unlisted = [
        index.name_of(f)
        for f in [*layout.stages, *layout.in_transit]
        if _key(index.name_of(f)) not in keys
    ]
    if unlisted:
        every = list(
            dict.fromkeys([*layout.names(), *(index.name_of(f) for f in layout.in_transit)])
        )
        raise InputError(
            f"--stages leaves out the stage{'s' if len(unlisted) > 1 else ''} "
            f"{', '.join(unlisted)}: list every stage, in the order you want "
            f"(the stages are: {', '.join(every)}); to stop using a stage, move it out of "
            f"{STAGES} first (`wixsites folders move '{STAGES}/{unlisted[0]}' --to /`)"
        )
    current = {_key(index.name_of(f)): f for f in layout.stages}
    transit = {_key(index.name_of(f)): f for f in layout.in_transit}
    legacy = {_key(index.name_of(f)): f for f in layout.legacy(stages)}
    steps: list[Step] = []
    block: list[Folder] = []
    if layout.stages:
        position = {k: i for i, k in enumerate(current)}
        kept = _kept_prefix(stages, current, position)
    else:
        pool = {**legacy, **transit}
        kept = _kept_prefix(stages, pool, {k: created_key(f) for k, f in pool.items()})
        block = [pool[_key(n)] for n in stages[:kept]]
    body: list[Step] = []
    if block:
        body.append(Step("keep", folders=tuple(index.id_of(f) for f in block)))
    moved = {index.id_of(f) for f in block}
    for number, name in enumerate(stages):
        key = _key(name)
        recreate = number >= kept
        aside = transit.get(key)
        if recreate and key in current:
            if aside is not None:  # free the name in the holding folder first
                body.append(Step("merge", name, (index.id_of(aside),)))
                aside = None
            body.append(Step("aside", name, (index.id_of(current[key]),)))
            aside = current[key]
        if recreate:
            body.append(Step("create", name, after=stages[number - 1] if number else ""))
        for source in (aside, legacy.get(key)):
            if source is not None and index.id_of(source) not in moved:
                body.append(Step("merge", name, (index.id_of(source),)))
                moved.add(index.id_of(source))
    if layout.parent is None:
        steps.append(Step("create-parent"))
    if body or layout.holding is not None:
        if layout.holding is None:
            steps.append(Step("create-holding"))
        steps.extend(body)
        steps.append(Step("delete-holding"))
    return InitPlan(stages, steps)


class _Runner:
    """Carries out an `InitPlan`, step by step, on the account."""

    def __init__(self, client: WixSites, index: FolderIndex, result: InitResult) -> None:
        self.client = client
        self.index = index
        layout = StageLayout.of(index)
        self.parent = layout.parent
        self.holding = layout.holding
        self.created = result.created
        self.moved = result.moved
        self.done = result.done  # what was changed, in words

    def _remember(self, folder: Folder) -> Folder:
        self.index.folders[self.index.id_of(folder)] = folder
        return folder

    def _parent_id(self) -> str:
        assert self.parent is not None
        return self.index.id_of(self.parent)

    def _stage(self, name: str) -> Folder:
        for folder in self.index.children(self._parent_id()):
            if _key(self.index.name_of(folder)) == _key(name):
                return folder
        raise CommandFailed(f"the stage {name} is missing after it was created")

    def run(self, step: Step) -> None:
        action = step.action
        said = ""
        if action == "create-parent":
            self.parent = self._remember(self.client.folders.create(STAGES, parent=None))
            said = f"created {STAGES}"
        elif action == "create-holding":
            self.holding = self._remember(self.client.folders.create(SETTING_UP, parent=None))
            said = f"created {SETTING_UP}"
        elif action == "keep":
            self._move_folders(list(step.folders), self._parent_id())
            self.moved.extend(self.index.name_of(self.index.folders[i]) for i in step.folders)
            said = f"moved {', '.join(self.moved)} into {STAGES}"
        elif action == "aside":
            assert self.holding is not None
            self._move_folders(list(step.folders), self.index.id_of(self.holding))
            said = f"set {step.name} aside in {SETTING_UP}"
        elif action == "create":
            self._create_in_order(step.name, step.after)
            self.created.append(step.name)
            said = f"created {STAGES}/{step.name}"
        elif action == "merge":
            said = f"moved the content of {self.index.path(step.folders[0])} into {step.name}"
            self._merge(step.folders[0], self._stage(step.name))
        elif action == "delete-holding" and self.holding is not None:
            self.client.folders.delete(self.index.id_of(self.holding))
            self.index.folders.pop(self.index.id_of(self.holding), None)
            self.holding = None
            said = f"deleted {SETTING_UP}"
        if said:
            self.done.append(said)

    def _move_folders(self, ids: list[str], target: str) -> None:
        report = self.client.folders.move(ids, target)
        if not report.ok:
            reasons = "; ".join(
                f"{i}: {r}" for i, r in {**report.failed, **report.uncertain}.items()
            )
            raise CommandFailed(f"could not move {self.index.path(ids[0])}: {reasons}")
        for folder_id in ids:
            self.index.folders[folder_id].parent_id = target

    def _create_in_order(self, name: str, after: str) -> None:
        """Create the stage so that it sorts after the stage `after`. A clock that does not move
        between two creations gives them the same date, and the id then decides: such a stage is
        made again."""
        parent = self._parent_id()
        last = created_key(self._stage(after)) if after else None
        for _ in range(_ORDERED_CREATE_ATTEMPTS):
            folder = self.client.folders.create(name, parent=parent)
            if last is None or created_key(folder) > last:
                self._remember(folder)
                return
            self.client.folders.delete(self.index.id_of(folder))
        raise CommandFailed(
            f"could not create the stage {name} after the others (its creation date and id "
            "kept sorting it earlier); run the same command again"
        )

    def _merge(self, source_id: str, stage: Folder) -> None:
        """Move what `source_id` holds into the stage (sites keep their ids), then delete it."""
        target = self.index.id_of(stage)
        where = self.index.path(source_id)
        query = {"folderId": source_id, "state": "ACTIVE", "namespace": {"$exists": True}}
        sites = [str(value(s.id)) for s in self.client.sites.query(filter=query, page_size=100)]
        if sites:
            report = self.client.sites.move(sites, target)
            if not report.ok:
                left = {**report.failed, **report.uncertain}
                first, why = next(iter(left.items()))
                raise CommandFailed(
                    f"{plural(len(left), 'site')} of {where} did not move to "
                    f"{self.index.path(target)} (first: {first}: {why}); {where} was not deleted"
                )
        children = [self.index.id_of(f) for f in self.index.children(source_id)]
        if children:
            self._move_folders(children, target)
        self.client.folders.delete(source_id)
        self.index.folders.pop(source_id, None)


@dataclass
class InitResult:
    created: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # stage folders moved into Stages whole
    done: list[str] = field(default_factory=list)  # every change, in words


def apply_plan(
    client: WixSites, index: FolderIndex, plan: InitPlan, result: InitResult | None = None
) -> InitResult:
    """Carry out the plan (adding what it does to `result`); a failure says what was done so far
    (the same plan, made again from the account, finishes the work)."""
    result = InitResult() if result is None else result
    runner = _Runner(client, index, result)
    for step in plan.steps:
        try:
            runner.run(step)
        except (WixError, CommandFailed, KeyboardInterrupt) as error:
            done = ", ".join(runner.done) or "nothing changed"
            note = f"(done so far: {done}; run the same command again to finish)"
            if isinstance(error, KeyboardInterrupt):
                raise Interrupted(f"interrupted {note}") from None
            if isinstance(error, WixError):
                error.message = f"{error.message} {note}"
                error.args = (error.message,)
                raise
            raise CommandFailed(f"{error.message} {note}") from None
    return result


def init_stages(
    client: WixSites,
    index: FolderIndex,
    plan: InitPlan,
    wanted: list[str] | None,
    *,
    ask: Callable[[InitPlan, FolderIndex], None] | None = None,
) -> tuple[InitResult, FolderIndex]:
    """Carry out `plan`, made from `index`; the result, and the folders as they then are. When a
    teammate's run overtakes it (a 409: a folder to create is there already; a 404: a folder to
    move or delete is gone), read the folders again and carry out the plan made from them for
    the stages `wanted`, asking with `ask` first, as running the command again would."""
    result = InitResult()
    for attempt in range(_RACE_ATTEMPTS):
        try:
            apply_plan(client, index, plan, result)
            return result, index
        except (AlreadyExists, NotFound):
            if attempt == _RACE_ATTEMPTS - 1:
                raise
        index = FolderIndex.of(client.folders.query())
        plan = plan_init(StageLayout.of(index), wanted)
        if ask is not None:
            ask(plan, index)
    raise AssertionError("unreachable")

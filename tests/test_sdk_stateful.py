"""A hypothesis state machine driving folders and site moves through `WixSites` against the real
sandbox (in process), checking the account's invariants after every step against a small model:
each site is in exactly one folder, `siteCount` is the number of sites in the folder, no folder is
its own ancestor, and `path` follows the parent chain."""

from __future__ import annotations

from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
)
from wix_sites_api.models import Folder

from wixsandbox import Sandbox
from wixsites import AlreadyExists, InvalidArgument, WixSites
from wixsites.reasons import IN_TRASH

NAMES = st.sampled_from(["Clients", "Acme", "QA", "Archive"])
ROOT = ""
ACCOUNT = "11111111-2222-3333-4444-555555555555"
API_KEY = "stateful-test-key"


class Account(RuleBasedStateMachine):
    folders = Bundle("folders")

    def __init__(self) -> None:
        super().__init__()
        # A fixed account: the seeded data (and so every draw) is the same on every run.
        self.sandbox = Sandbox()
        self.sandbox.add_api_key(API_KEY, ACCOUNT)
        self.sandbox.seed(ACCOUNT, sites=12, folders=0, seed=0)
        self.wix = WixSites(
            api_key=API_KEY,
            account_id=ACCOUNT,
            base_url="http://sandbox",
            transport=self.sandbox.transport(),
            rate_limit=None,
        )
        self.site_ids = [str(s.id) for s in self.wix.sites.query()]
        # Sites in the trash never move (and stay out of folders).
        self.trashed = {str(s.id) for s in self.wix.sites.query({"state": "TRASHED"})}
        # The model: where each site is, each folder's parent and name.
        self.site_folder: dict[str, str] = dict.fromkeys(self.site_ids, ROOT)
        self.parent: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.order: list[str] = []  # folder ids by creation: draws must not depend on random ids

    def teardown(self) -> None:
        self.wix.close()
        self.sandbox.close()

    # -- the model's rules ------------------------------------------------------------------------

    def siblings(self, parent: str, but: str | None = None) -> set[str]:
        return {self.name[f] for f, p in self.parent.items() if p == parent and f != but}

    def ancestors(self, folder: str) -> list[str]:
        chain = []
        while folder != ROOT:
            chain.append(folder)
            folder = self.parent[folder]
        return chain

    # -- steps ------------------------------------------------------------------------------------

    @initialize()
    def start(self) -> None:
        assert self.site_ids

    @rule(target=folders, name=NAMES, data=st.data())
    def create(self, name: str, data: st.DataObject) -> Any:
        parent = data.draw(st.sampled_from([ROOT, *self.order]), label="parent")
        if name in self.siblings(parent):
            try:
                self.wix.folders.create(name, parent=parent or None)
            except AlreadyExists:
                return multiple()  # no new folder
            raise AssertionError("a sibling with this name exists: expected AlreadyExists")
        folder = self.wix.folders.create(name, parent=parent or None)
        fid = str(folder.id)
        assert folder.name == name
        assert (folder.parent_id or ROOT) == parent
        self.parent[fid] = parent
        self.name[fid] = name
        self.order.append(fid)
        return fid

    @rule(folder=folders, name=NAMES)
    def rename(self, folder: str, name: str) -> None:
        if folder not in self.parent:
            return
        clash = name in self.siblings(self.parent[folder], but=folder)
        try:
            renamed = self.wix.folders.rename(folder, name)
        except AlreadyExists:
            assert clash
            return
        assert not clash
        assert renamed.name == name
        self.name[folder] = name

    @rule(data=st.data())
    def move_sites(self, data: st.DataObject) -> None:
        sites = data.draw(st.lists(st.sampled_from(self.site_ids), max_size=6), label="sites")
        target = data.draw(st.sampled_from([ROOT, *self.order]), label="target")
        report = self.wix.sites.move(sites, target or None)
        assert report.failed == dict.fromkeys((s for s in sites if s in self.trashed), IN_TRASH)
        assert report.moved == [s for s in dict.fromkeys(sites) if s not in self.trashed]
        for site in report.moved:
            self.site_folder[site] = target

    @rule(folder=folders, data=st.data())
    def move_folder(self, folder: str, data: st.DataObject) -> None:
        if folder not in self.parent:
            return
        target = data.draw(st.sampled_from([ROOT, *self.order]), label="target")
        report = self.wix.folders.move([folder], target or None)
        cycle = folder in self.ancestors(target)
        clash = self.name[folder] in self.siblings(target, but=folder)
        if report.ok:
            assert not cycle
            assert not clash
            self.parent[folder] = target
        else:
            assert cycle or clash, report.failed

    @rule(folder=folders)
    def delete(self, folder: str) -> None:
        if folder not in self.parent:
            return
        parent = self.parent[folder]
        children = [f for f, p in self.parent.items() if p == folder]
        names = [self.name[c] for c in children]
        clash = len(set(names)) < len(names) or bool(set(names) & self.siblings(parent, but=folder))
        try:
            self.wix.folders.delete(folder)
        except AlreadyExists:
            assert clash
            return
        assert not clash
        del self.parent[folder], self.name[folder]
        self.order.remove(folder)
        for child in children:
            self.parent[child] = parent
        for site, where in self.site_folder.items():
            if where == folder:
                self.site_folder[site] = parent

    @rule(data=st.data())
    def where_is(self, data: st.DataObject) -> None:
        site = data.draw(st.sampled_from(self.site_ids), label="site")
        folder = self.wix.folders.of_site(site)
        assert (ROOT if folder is None else str(folder.id)) == self.site_folder[site]

    @rule()
    def empty_path_is_refused(self) -> None:
        try:
            self.wix.folders.find("")
        except InvalidArgument:
            return
        raise AssertionError("an empty path must raise InvalidArgument")

    # -- invariants -------------------------------------------------------------------------------

    @invariant()
    def account_matches_the_model(self) -> None:
        folders: dict[str, Folder] = {str(f.id): f for f in self.wix.folders.query()}
        assert set(folders) == set(self.parent)
        sites = {str(s.id): (s.folder_id or ROOT) for s in self.wix.sites.query(page_size=1000)}
        assert sites == self.site_folder  # each site in exactly one folder: the modelled one
        for fid, folder in folders.items():
            parent = folder.parent_id or ROOT
            assert parent == self.parent[fid]
            assert folder.name == self.name[fid]
            assert folder.site_count == sum(1 for f in sites.values() if f == fid)
            chain = self.ancestors(fid)  # also: no folder is its own ancestor
            assert len(chain) == len(set(chain))
            assert isinstance(folder.path, list)
            above = chain[:0:-1]  # Wix's path: the folders above this one, from root
            assert [str(p.id) for p in folder.path] == above
            assert [p.name for p in folder.path] == [self.name[c] for c in above]

    @invariant()
    def tree_agrees(self) -> None:
        tree = self.wix.folders.tree()
        assert len(tree) == len(self.parent)
        last = None
        for node in tree:
            assert list(node.path) == [self.name[c] for c in self.ancestors(node.id)[::-1]]
            assert node.site_count == sum(1 for f in self.site_folder.values() if f == node.id)
            last = node
        assert tree.root_site_count is not None
        assert tree.root_site_count >= sum(1 for f in self.site_folder.values() if f == ROOT)
        if last is not None:
            found = self.wix.folders.find(last.path_text)
            assert found is not None
            assert str(found.id) == last.id


# Examples as the loaded profile says (conftest: `ci` under CI=true); steps bounded.
Account.TestCase.settings = settings(stateful_step_count=20)
TestAccount = Account.TestCase

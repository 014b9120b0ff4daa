"""Fault mode: each kind of fault at about the right rate, and faults that change nothing."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    BASE_URL,
    FOLDERS,
    KEY,
    QUERY_FOLDERS,
    QUERY_SITES,
    client,
    make_sandbox,
    running_server,
)
from wixsandbox import Fault, FaultPlan


@pytest.fixture(autouse=True)
def quick_slow_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wixsandbox.transport.SLOW_SECONDS", 0.001)
    monkeypatch.setattr("wixsandbox.app.SLOW_SECONDS", 0.001)


def test_fault_plan_rates() -> None:
    plan = FaultPlan(0.3, seed=5)
    drawn = Counter(plan.draw() for _ in range(10_000))
    assert 2700 < 10_000 - drawn[None] < 3300
    for fault in Fault:
        assert 450 < drawn[fault] < 750, fault
    assert FaultPlan(0.0).draw() is None
    with pytest.raises(ValueError, match="fault_rate"):
        FaultPlan(1.5)


def test_faults_through_the_transport_change_nothing_but_drop_after() -> None:
    rate, seed, attempts = 0.5, 11, 300
    expected = FaultPlan(rate, seed)  # the same draws as the transport's plan
    with make_sandbox() as sandbox, client(sandbox, fault_rate=rate, fault_seed=seed) as http:
        outcomes: Counter[str] = Counter()
        should_exist: set[str] = set()
        for i in range(attempts):
            fault = expected.draw()
            name = f"folder {i}"
            try:
                response = http.post(FOLDERS, json={"folder": {"name": name}})
            except httpx.RemoteProtocolError:
                outcomes["dropped"] += 1
                assert fault in (Fault.DROP_BEFORE, Fault.DROP_AFTER)
                if fault is Fault.DROP_AFTER:
                    should_exist.add(name)
                continue
            outcomes[str(response.status_code)] += 1
            assert response.headers["x-wix-request-id"]
            if fault is Fault.RATE_LIMITED:
                assert response.status_code == 429
                assert response.headers["retry-after"] == "1"
                assert (
                    response.json()["details"]["applicationError"]["code"] == "RESOURCE_EXHAUSTED"
                )
            elif fault is Fault.UNAVAILABLE:
                assert response.status_code == 503
                assert response.json() == {"message": "", "details": {}}
            else:
                assert response.status_code == 200
                should_exist.add(name)
        with client(sandbox) as clean:
            names = {f["name"] for f in clean.post(QUERY_FOLDERS, json={}).json()["folders"]}
    assert names == should_exist
    share = attempts * rate / 5
    for key in ("429", "503"):
        assert share * 0.5 < outcomes[key] < share * 1.6, outcomes
    assert share < outcomes["dropped"] < share * 3.2, outcomes


async def test_async_transport_faults() -> None:
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=5)
        transport = sandbox.async_transport(fault_rate=1.0, fault_seed=3)
        kinds: Counter[str] = Counter()
        async with httpx.AsyncClient(
            transport=transport,
            base_url=BASE_URL,
            headers={"Authorization": KEY, "wix-account-id": ACCOUNT},
        ) as http:
            for _ in range(60):
                try:
                    kinds[str((await http.post(QUERY_SITES, json={})).status_code)] += 1
                except httpx.RemoteProtocolError:
                    kinds["dropped"] += 1
        assert set(kinds) == {"200", "429", "503", "dropped"}


@pytest.mark.slow
def test_faults_over_http(tmp_path: object) -> None:
    from pathlib import Path

    db = Path(str(tmp_path)) / "faults.db"
    with make_sandbox(db):
        pass
    with running_server(db, "--fault-rate", "0.6", "--fault-seed", "2") as url:
        kinds: Counter[str] = Counter()
        headers = {"Authorization": KEY, "wix-account-id": ACCOUNT}
        for _ in range(40):
            try:
                with httpx.Client(base_url=url, headers=headers, timeout=5) as http:
                    kinds[str(http.post(QUERY_SITES, json={}).status_code)] += 1
            except httpx.TransportError:
                kinds["dropped"] += 1
    assert {"200", "429", "503", "dropped"} <= set(kinds), kinds

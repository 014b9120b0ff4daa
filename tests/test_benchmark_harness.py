"""`python -m benchmarks`: every suite returns `Row`s, printed as one table and one JSON shape."""

from __future__ import annotations

import json
import sys
import types

import pytest

from benchmarks import __main__ as harness
from benchmarks.report import Row, rate_goal, timed_goal


def test_a_row_knows_its_ratio_and_whether_it_meets_its_goal() -> None:
    assert Row("x", 3.0, "us", 2.0, "base", **timed_goal(2.0)).met is True
    assert Row("x", 5.0, "us", 2.0, "base", **timed_goal(2.0)).met is False
    assert Row("x", 5.0, "us", 2.0).met is None  # no goal: reported only
    assert Row("x", 5.0, "us").ratio is None
    assert Row("x", 5.0, "us", 2.0).as_dict()["ratio"] == 2.5


def test_a_rate_goal_is_met_at_or_above_its_ratio() -> None:
    assert Row("x", 60.0, "req/s", 100.0, "floor", **rate_goal(0.6)).met is True
    assert Row("x", 59.0, "req/s", 100.0, "floor", **rate_goal(0.6)).met is False
    assert Row("x", 500.0, "req/s", 100.0, "sandbox", **rate_goal(5)).met is True


@pytest.fixture
def suites(monkeypatch: pytest.MonkeyPatch) -> None:
    good = types.ModuleType("benchmarks.good")
    good.run = lambda quick=False: [Row("good: a", 4.0, "us", 2.0, "b", **timed_goal(3.0))]  # type: ignore[attr-defined]
    bad = types.ModuleType("benchmarks.bad")
    bad.run = lambda quick=False: [{"name": "bad: a", "value": 1.0}]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "benchmarks.good", good)
    monkeypatch.setitem(sys.modules, "benchmarks.bad", bad)
    monkeypatch.setattr(harness, "SUITES", {"good": "a good suite", "bad": "a suite of dicts"})


@pytest.mark.usefixtures("suites")
def test_json_alone_prints_the_rows_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert harness.main(["--only", "good", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["rows"] == [
        {
            "name": "good: a",
            "value": 4.0,
            "unit": "us",
            "baseline": 2.0,
            "baseline_name": "b",
            "goal": "ratio <= 3 (3x the baseline at most)",
            "max_ratio": 3.0,
            "min_ratio": None,
            "max_value": None,
            "ratio": 2.0,
            "met": True,
        }
    ]


def test_a_row_with_an_absolute_goal_is_met_by_its_value_alone() -> None:
    within = Row("memory: a", 99.0, "bytes", goal="<= 100 bytes", max_value=100.0)
    over = Row("memory: b", 101.0, "bytes", goal="<= 100 bytes", max_value=100.0)
    assert (within.met, over.met, within.ratio) == (True, False, None)


@pytest.mark.usefixtures("suites")
def test_a_suite_that_returns_another_shape_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert harness.main(["--only", "good,bad", "--json"]) == 1
    out, err = capsys.readouterr()
    assert [row["name"] for row in json.loads(out)["rows"]] == ["good: a"]
    assert "benchmarks.bad.run returned" in err
    assert "not a Row" in err

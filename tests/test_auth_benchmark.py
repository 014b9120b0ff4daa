"""The signing benchmark measures what it says, and its rows have the harness's one shape."""

from __future__ import annotations

import itertools

from benchmarks import signing
from benchmarks.report import Row


def test_floor_and_wixauth_compute_the_same_signature() -> None:
    cases = signing.cases()
    assert cases[signing.FLOOR]() == cases[signing.SIGN]()


def test_measure_takes_the_median_of_interleaved_rounds() -> None:
    calls: list[str] = []
    seconds = signing.measure(
        {"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, rounds=3, target=1e-4
    )
    assert seconds.keys() == {"a", "b"}
    assert all(value > 0 for value in seconds.values())
    # calibration (a, then b), then three rounds that each run a, then b
    assert [name for name, _ in itertools.groupby(calls)] == ["a", "b"] * 4


def test_run_rows() -> None:
    rows = signing.run(quick=True)
    assert all(isinstance(row, Row) for row in rows)
    by_name = {row.name: row for row in rows}
    sign = by_name[f"signing: {signing.SIGN}"]
    assert sign.baseline == by_name[f"signing: {signing.FLOOR}"].value
    assert sign.baseline_name == signing.FLOOR
    assert sign.max_ratio == 3.0
    assert sign.ratio is not None
    assert sign.met is (sign.ratio <= 3.0)
    assert all(row.value > 0 and row.unit == "us" for row in rows)

"""The signing benchmark measures what it says, and its rows have the promised shape."""

from __future__ import annotations

from benchmarks import signing


def test_floor_and_wixauth_compute_the_same_signature() -> None:
    cases = signing.cases()
    assert cases[signing.FLOOR]() == cases[signing.SIGN]()


def test_run_rows() -> None:
    rows = signing.run(quick=True)
    by_name = {row["name"]: row for row in rows}
    assert {signing.FLOOR, signing.SIGN} <= by_name.keys()
    for row in rows:
        assert row["per_second"] > 0
        assert {"baseline", "baseline_name", "ratio", "slowdown", "unit", "goal"} <= row.keys()
    sign = by_name[signing.SIGN]
    assert sign["baseline_name"] == signing.FLOOR
    assert abs(sign["ratio"] * sign["slowdown"] - 1) < 1e-9
    assert signing.SIGN in signing.format_table(rows)

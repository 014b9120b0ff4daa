"""`python -m benchmarks`: every speed figure of the project in one table, each with its baseline
measured in the same run, written also as JSON.

    python -m benchmarks [--quick] [--only signing,client,sandbox,serve,scale,bulk,stall] [--json PATH]
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from benchmarks.report import ROOT, Row, print_rows, write_json

SUITES = {
    "signing": "signing: x-wix-signature vs the bare HMAC floor and botocore SigV4",
    "client": "client: WixSites vs raw httpx; iterating sites from the sandbox",
    "sandbox": "sandbox: Query Sites page 1000 vs page 1 on 100,000 sites",
    "serve": "serve: sandbox over uvicorn under wrk, against a floor app",
    "scale": "scale: page 1 of every documented query at 1M sites (100k --quick) vs 10k",
    "bulk": "bulk: moving 10,000 sites with and without concurrency",
    "stall": "stall: a small request while the largest body is rejected, vs idle",
}


def _as_row(suite: str, raw: dict[str, Any] | Row) -> Row:
    if isinstance(raw, Row):
        return raw
    if "per_second" in raw:  # the signing suite speaks in throughputs
        return Row(
            f"signing: {raw['name']}",
            raw["per_second"],
            "sig/s",
            raw.get("baseline"),
            raw.get("baseline_name", ""),
            raw.get("goal", ""),
        )
    if "baseline_name" in raw:
        return Row(
            raw["name"],
            raw["value"],
            raw["unit"],
            raw.get("baseline"),
            raw["baseline_name"],
            raw.get("goal", ""),
        )
    goal = "< 2" if raw.get("ratio") is not None and suite == "sandbox" else ""
    baseline_name = "page 1" if raw.get("baseline") is not None and suite == "sandbox" else ""
    return Row(
        f"{suite}: {raw['name']}",
        raw["value"],
        raw["unit"],
        raw.get("baseline"),
        baseline_name,
        goal,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller data and fewer repeats (a minute or so)"
    )
    parser.add_argument("--only", help=f"comma-separated suites, from: {', '.join(SUITES)}")
    parser.add_argument(
        "--json",
        type=Path,
        default=ROOT / "benchmarks" / "results" / "latest.json",
        help="where to write the JSON (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(SUITES)
    unknown = [s for s in chosen if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    rows: list[Row] = []
    failed = []
    for suite in chosen:
        print(f"running {SUITES[suite]} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{suite}")
            rows += [_as_row(suite, raw) for raw in module.run(quick=args.quick)]
        except Exception:  # one broken suite must not hide the others' figures
            failed.append(suite)
            traceback.print_exc()
        print(f"  {suite}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print_rows(rows)
    write_json(rows, args.json)
    print(f"\nwritten to {args.json}")
    if failed:
        print(f"failed suites: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`python -m benchmarks`: every speed figure of the project in one table, each with its baseline
measured in the same run, written also as JSON.

    python -m benchmarks [--quick] [--only SUITE,...] [--json [PATH]]

SUITE: signing, client, sandbox, serve, scale, bulk, stall, expensive, startup, webhooks.

Each suite is the module `benchmarks.<suite>`, whose `run(quick)` returns a list of
`benchmarks.report.Row`. `--json` alone prints the JSON on stdout (and the table on stderr);
`--json PATH` writes it to PATH; by default it goes to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from pathlib import Path

from benchmarks.report import ROOT, Row, as_json, print_rows, write_json

SUITES = {
    "signing": "signing: x-wix-signature vs the bare HMAC floor and botocore SigV4",
    "client": "client: WixSites vs raw httpx; iterating sites from the sandbox",
    "sandbox": "sandbox: Query Sites page 1000 vs page 1 on 100,000 sites",
    "serve": "serve: sandbox over uvicorn under wrk, against a floor app",
    "scale": "scale: page 1 of every documented query at 1M sites (100k --quick) vs 10k",
    "bulk": "bulk: moving 10,000 sites with and without concurrency",
    "stall": "stall: a small request while the largest body is rejected, vs idle",
    "expensive": "expensive: a small request while the most expensive query runs, vs idle",
    "startup": "startup: wixsites --version, sites count and import wixsites, vs bare processes",
    "webhooks": "webhooks: change-to-delivery latency of a served sandbox; its rate with an endpoint",
}


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
        nargs="?",
        const="-",
        default=str(ROOT / "benchmarks" / "results" / "latest.json"),
        help="where to write the JSON; alone: on stdout (default: %(default)s)",
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
            got = module.run(quick=args.quick)
            wrong = [r for r in got if not isinstance(r, Row)]
            if wrong:
                raise TypeError(f"benchmarks.{suite}.run returned {wrong[0]!r}, not a Row")
            rows += got
        except Exception:  # one broken suite must not hide the others' figures
            failed.append(suite)
            traceback.print_exc()
        print(f"  {suite}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if args.json == "-":
        print_rows(rows, file=sys.stderr)
        sys.stdout.write(as_json(rows))
    else:
        print_rows(rows)
        write_json(rows, Path(args.json))
        print(f"\nwritten to {args.json}")
    if failed:
        print(f"failed suites: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

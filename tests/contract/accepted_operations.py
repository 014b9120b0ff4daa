"""Fail unless the credentials of a schemathesis run got past authentication in every operation.

    python tests/contract/accepted_operations.py REPORT.har [LABEL]

Schemathesis counts 401 and 403 as acceptable answers, so a run whose credentials never worked would
pass. This reads the run's HAR report and requires, for every operation of openapi.yaml, at least
one answer that is neither 401 nor 403 (a 404 for an id that does not exist counts: the request was
authenticated first), and at least one 2xx in the run.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
METHODS = ("get", "put", "post", "delete", "patch")


def operations() -> dict[str, tuple[str, re.Pattern[str]]]:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    found = {}
    for path, item in spec["paths"].items():
        pattern = re.compile(re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)) + "$")
        for method in METHODS:
            if method in item:
                found[item[method]["operationId"]] = (method.upper(), pattern)
    return found


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    label = argv[1] if len(argv) > 1 else "the run"
    entries = json.loads(Path(argv[0]).read_text(encoding="utf-8"))["log"]["entries"]
    known = operations()
    authenticated = set()
    statuses = [entry["response"]["status"] for entry in entries]
    for entry, status in zip(entries, statuses, strict=True):
        method = entry["request"]["method"].upper()
        path = urlsplit(entry["request"]["url"]).path
        if status not in (401, 403):
            authenticated |= {op for op, (m, p) in known.items() if m == method and p.match(path)}
    never = sorted(set(known) - authenticated)
    if never:
        print(f"{label}: only 401/403 answers (were the credentials refused?): {', '.join(never)}")
        return 1
    if not any(200 <= status < 300 for status in statuses):
        print(f"{label}: not a single 2xx answer in {len(entries)} requests")
        return 1
    print(f"{label}: every operation got past authentication ({len(entries)} requests)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

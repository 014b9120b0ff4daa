"""The negative drill's prebuilt requests (tests/malformed.py) are distinct, deterministic, of every
kind, and each body that is a JSON object breaks its operation's schema."""

from __future__ import annotations

import json
from collections import Counter

from tests.malformed import _operations, _validator, malformed_requests


def test_the_prebuilt_requests_are_distinct_and_each_breaks_the_spec() -> None:
    requests = malformed_requests(400, seed=3)
    assert len({(r.method, r.path, r.content, r.headers) for r in requests}) == 400
    assert requests == malformed_requests(400, seed=3)
    documented = {(op.method, op.url()): op for op in _operations()}
    kinds: Counter[str] = Counter()
    for r in requests:
        op = documented.get((r.method, r.path))
        if r.headers:
            kinds["credentials"] += 1
        elif op is None:
            kinds["path"] += 1
        else:
            try:
                body = json.loads(r.content)
            except ValueError:
                kinds["not JSON"] += 1
                continue
            if not isinstance(body, dict):
                kinds["not an object"] += 1
                continue
            kinds["body"] += 1
            assert op.schema_pointer is not None
            assert not _validator(op.schema_pointer).is_valid(body), r.broken
    assert set(kinds) == {"credentials", "path", "not JSON", "body", "not an object"}, kinds

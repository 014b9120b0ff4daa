"""Compare `openapi.yaml` with Wix's service descriptions and print every difference.

    scripts/upstream-diff FOLDER                 the unexplained differences; exit 1 if any
    scripts/upstream-diff FOLDER --all           every difference, explained ones marked
    scripts/upstream-diff FOLDER --suggest       YAML entries for upstream-exceptions.yaml (TODO reasons)
    scripts/upstream-diff FOLDER --strict        also fail on an exception that explains nothing

FOLDER holds Wix's `*.service.json` (and `*-errors.md`). A difference is one line,
`<operation>: <kind>: <subject>: <detail>`, sorted. Kinds: operation-missing, operation-extra, method,
path, status, field-missing, field-extra, type, format, enum-missing, enum-extra, required-missing,
required-extra, limit-missing, limit-extra, limit-differs, permission-missing, permission-extra,
error-missing, error-extra ("missing": Wix has it and the spec does not; "extra": the other way).
Operations are paired by name (Wix's operation name = the spec's summary), else by method and path.

Deliberate differences are listed in `upstream-exceptions.yaml` (`--exceptions`), each with
`operation`, `kind`, `subject` (`*` matches any text) and a `reason`. Exit status: 0 when every
difference is explained, 1 when some are not, 2 on a usage error (a bad folder or file).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spec_operations import read_spec
from upstream_model import Field, InputError, Operation
from wix_service import read_folder

ROOT = Path(__file__).resolve().parent.parent
KINDS = (
    "operation-missing",
    "operation-extra",
    "method",
    "path",
    "status",
    "field-missing",
    "field-extra",
    "type",
    "format",
    "enum-missing",
    "enum-extra",
    "required-missing",
    "required-extra",
    "limit-missing",
    "limit-extra",
    "limit-differs",
    "permission-missing",
    "permission-extra",
    "error-missing",
    "error-extra",
)


@dataclass(frozen=True, order=True)
class Difference:
    operation: str
    kind: str
    subject: str
    detail: str
    hint: str = ""  # the spec's x-wixsites-extension reason, offered by --suggest

    def line(self) -> str:
        return f"{self.operation}: {self.kind}: {self.subject}: {self.detail}"


def _template(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def pair(
    upstream: list[Operation], spec: list[Operation]
) -> tuple[list[tuple[Operation, Operation]], list[Operation], list[Operation]]:
    """(upstream, spec) pairs, the upstream operations without a spec one, and the other way round."""
    pairs = []
    left = list(spec)
    unmatched = []
    for up in upstream:
        match = next((s for s in left if s.name == up.name), None) or next(
            (s for s in left if s.method == up.method and _template(s.path) == _template(up.path)),
            None,
        )
        if match is None:
            unmatched.append(up)
        else:
            left.remove(match)
            pairs.append((up, match))
    return pairs, unmatched, left


def _limits(fields: dict[str, Field], path: str, whole_subtree: bool) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for where, f in fields.items():
        if where == path or (whole_subtree and where.startswith((path + ".", path + "["))):
            for kind, value in f.limits:
                found.setdefault(kind, set()).add(value)
    return found


def _under(path: str, parents: Sequence[str]) -> bool:
    return any(path.startswith((p + ".", p + "[")) for p in parents)


def compare_fields(
    op: str,
    side: str,
    up: dict[str, Field],
    spec: dict[str, Field],
    notes: dict[str, str],
    bound: Sequence[str] = (),
) -> Iterator[Difference]:
    if side == "request":  # read-only fields are answers only, unless the URL's path binds them
        read_only = [p for p, f in up.items() if f.read_only and p not in bound]
        up = {p: f for p, f in up.items() if p not in read_only and not _under(p, read_only)}
    free = [p for p, f in up.items() if f.free_form]
    reported: list[str] = []  # a field reported whole: what it holds is not listed again
    for path in sorted(set(up) | set(spec)):
        subject = f"{side}.{path}" if path else side
        hint = notes.get(path, "")
        if _under(path, free) or _under(path, reported):
            continue  # the spec may describe what Wix leaves free-form; its limits count below
        u, s = up.get(path), spec.get(path)
        if s is None:
            if u is not None and u.type != "unknown":
                reported.append(path)
                yield Difference(
                    op, "field-missing", subject, f"Wix has it ({u.type}); the spec does not"
                )
            continue
        if u is None:
            reported.append(path)
            yield Difference(
                op, "field-extra", subject, f"the spec has it ({s.type}); Wix does not", hint
            )
            continue
        if u.type != "unknown" and s.type != u.type:
            reported.append(path)
            yield Difference(op, "type", subject, f"Wix {u.type}, spec {s.type}", hint)
            continue
        if s.format != u.format:
            yield Difference(
                op, "format", f"{subject} format={s.format or u.format}",
                f"Wix {u.format or 'none'}, spec {s.format or 'none'}", hint,
            )  # fmt: skip
        for value in sorted(set(u.enum or ()) - set(s.enum or ())):
            yield Difference(
                op, "enum-missing", f"{subject}={value}", "Wix lists it; the spec does not", hint
            )
        if u.enum is not None:
            for value in sorted(set(s.enum or ()) - set(u.enum)):
                yield Difference(
                    op, "enum-extra", f"{subject}={value}", "the spec lists it; Wix does not", hint
                )
        elif s.enum is not None:
            shown = ",".join(s.enum)
            yield Difference(
                op, "enum-extra", f"{subject}={shown}", "the spec restricts it; Wix does not", hint
            )
        yield from _compare_limits(op, subject, u, _limits(spec, path, u.free_form), hint)


def _compare_limits(
    op: str, subject: str, u: Field, spec_limits: dict[str, set[int]], hint: str
) -> Iterator[Difference]:
    documented: dict[str, set[int]] = {}
    for kind, value in u.limits:
        documented.setdefault(kind, set()).add(value)
    for kind in sorted(set(documented) | set(spec_limits)):
        wix, ours = documented.get(kind, set()), spec_limits.get(kind, set())
        if wix and not ours:
            for value in sorted(wix):
                yield Difference(
                    op,
                    "limit-missing",
                    f"{subject} {kind}={value}",
                    "documented by Wix; not in the spec",
                    hint,
                )
        elif ours and not wix:
            for value in sorted(ours):
                yield Difference(
                    op, "limit-extra", f"{subject} {kind}={value}", "not documented by Wix", hint
                )
        elif not wix & ours:
            yield Difference(
                op, "limit-differs", f"{subject} {kind}",
                f"Wix {sorted(wix)}, spec {sorted(ours)}", hint,
            )  # fmt: skip


def _sets(
    op: Operation, kind: str, wix: frozenset[Any], ours: frozenset[Any], show: Any = str
) -> Iterator[Difference]:
    for value in sorted(wix - ours):
        yield Difference(
            op.key, f"{kind}-missing", show(value), "Wix documents it; the spec does not"
        )
    for value in sorted(ours - wix):
        subject = show(value)
        yield Difference(
            op.key,
            f"{kind}-extra",
            subject,
            "the spec has it; Wix does not",
            op.notes.get(subject, ""),
        )


def _required(up: Operation, spec: Operation) -> Iterator[Difference]:
    free = [p for p, f in up.request.items() if f.free_form]
    wix = up.required
    bound = wix | set(up.path_params)  # Wix's path binds fields too: `{folder.id}`
    for path in sorted(wix - spec.required):
        yield Difference(
            spec.key, "required-missing", f"request.{path}", "Wix requires it; the spec does not"
        )
    for path in sorted(spec.required - wix):
        implied = any(w.startswith(path + ".") for w in bound)
        if not implied and not _under(path, free):
            yield Difference(
                spec.key,
                "required-extra",
                f"request.{path}",
                "the spec requires it; Wix does not",
                spec.notes.get(path, ""),
            )


def compare(upstream: list[Operation], spec: list[Operation]) -> list[Difference]:
    pairs, missing, extra = pair(upstream, spec)
    found: list[Difference] = []
    for up in missing:
        found.append(
            Difference(
                up.key,
                "operation-missing",
                f"{up.method} {up.path}",
                f"Wix's {up.name!r} is not in the spec",
            )
        )
    for s in extra:
        found.append(
            Difference(
                s.key,
                "operation-extra",
                f"{s.method} {s.path}",
                "Wix does not describe it",
                s.extension or "",
            )
        )
    for up, s in pairs:
        op = s.key
        if up.method != s.method:
            found.append(Difference(op, "method", s.method, f"Wix {up.method}, spec {s.method}"))
        if up.path != s.path:
            found.append(Difference(op, "path", s.path, f"Wix {up.path}, spec {s.path}"))
        if up.status != s.status:
            found.append(
                Difference(op, "status", s.status, f"Wix answers {up.status}, spec {s.status}")
            )
        found += compare_fields(op, "request", up.request, s.request, s.notes, up.path_params)
        found += compare_fields(op, "response", up.response, s.response, s.notes)
        found += _required(up, s)
        found += _sets(s, "permission", up.permissions, s.permissions)
        found += _sets(s, "error", up.errors, s.errors, lambda e: f"{e[0]} {e[1]}")
    return sorted(set(found))


@dataclass(frozen=True)
class Exception_:
    operation: re.Pattern[str]
    kind: re.Pattern[str]
    subject: re.Pattern[str]
    reason: str
    text: str  # the entry as written, for messages

    def explains(self, d: Difference) -> bool:
        return bool(
            self.operation.fullmatch(d.operation)
            and self.kind.fullmatch(d.kind)
            and self.subject.fullmatch(d.subject)
        )


def _glob(text: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in text.split("*")), re.DOTALL)


def read_exceptions(path: Path) -> list[Exception_]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise InputError(f"{path.name}: not YAML ({' '.join(str(error).split())})") from None
    entries = data.get("exceptions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"{path.name}: expected a mapping with a list under 'exceptions'")
    found = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("operation", "kind", "subject", "reason")
        ):
            raise InputError(
                f"{path.name}: entry {number} needs operation, kind, subject and reason (text)"
            )
        if not any(_glob(entry["kind"]).fullmatch(k) for k in KINDS):
            raise InputError(
                f"{path.name}: entry {number}: unknown kind {entry['kind']!r}; one of {', '.join(KINDS)}"
            )
        reason = entry["reason"].strip()
        if not reason or reason.upper().startswith("TODO"):
            raise InputError(
                f"{path.name}: entry {number} ({entry['operation']} {entry['subject']}): write its reason (it is empty or TODO)"
            )
        found.append(
            Exception_(
                _glob(entry["operation"]),
                _glob(entry["kind"]),
                _glob(entry["subject"]),
                reason,
                f"{entry['operation']}: {entry['kind']}: {entry['subject']}",
            )
        )
    return found


def suggestion(d: Difference) -> str:
    reason = d.hint or f"TODO: why? ({d.detail})"
    return "\n".join(
        [
            f"  - operation: {_yaml_str(d.operation)}",
            f"    kind: {d.kind}",
            f"    subject: {_yaml_str(d.subject)}",
            f"    reason: {_yaml_str(reason)}",
        ]
    )


def _yaml_str(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=10_000).strip().removesuffix("...").strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/upstream-diff",
        description="Print every difference between openapi.yaml and Wix's *.service.json descriptions.",
    )
    parser.add_argument("folder", type=Path, help="the folder of Wix's *.service.json files")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--exceptions", type=Path, default=ROOT / "upstream-exceptions.yaml")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--all", action="store_true", help="also print the explained differences")
    shown.add_argument("--suggest", action="store_true", help="print exception entries to review")
    parser.add_argument(
        "--strict", action="store_true", help="also fail on exceptions that explain nothing"
    )
    args = parser.parse_args(argv)
    try:
        exceptions = read_exceptions(args.exceptions)
        differences = compare(read_folder(args.folder), read_spec(args.spec))
    except (InputError, OSError) as error:
        print(f"upstream-diff: {error}", file=sys.stderr)
        return 2
    unexplained = []
    used: set[int] = set()
    for d in differences:
        why = next((i for i, e in enumerate(exceptions) if e.explains(d)), None)
        if why is None:
            unexplained.append(d)
        else:
            used.add(why)
        if args.all:
            print(d.line() + ("" if why is None else f"  [explained: {exceptions[why].reason}]"))
    if args.suggest:
        for d in unexplained:
            print(suggestion(d))
    elif not args.all:
        for d in unexplained:
            print(d.line())
    unused = [e for i, e in enumerate(exceptions) if i not in used]
    for e in unused:
        print(f"upstream-diff: unused exception (remove it): {e.text}", file=sys.stderr)
    print(
        f"upstream-diff: {len(differences)} differences, {len(differences) - len(unexplained)} "
        f"explained by {args.exceptions.name}, {len(unexplained)} unexplained",
        file=sys.stderr,
    )
    return 1 if unexplained or (args.strict and unused) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Regenerate `generated/wix_sites_api` from `openapi.yaml`, check that it is in sync, or watch.

    scripts/regenerate            validate the spec, regenerate, record the hashes
    scripts/regenerate --check    exit 1, naming the problem, if generated/ is stale or hand-edited
    scripts/regenerate --watch    regenerate whenever openapi.yaml, the config or a template changes

The generator runs with the custom templates of `templates/openapi-python-client/` (they override
its own templates of the same name), and the package gets a `py.typed` marker (PEP 561). The record (`generated/REGENERATED.json`) holds the SHA-256 of
the spec, of the generator configuration and of every custom template, the generator's version,
and the SHA-256 of every generated file. An invalid spec is reported with its file, line and
column, and leaves the previous `generated/` untouched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "openapi-python-client.yaml"
TEMPLATES = ROOT / "templates" / "openapi-python-client"
GENERATED = ROOT / "generated"
PACKAGE = "wix_sites_api"
RECORD = GENERATED / "REGENERATED.json"
GENERATOR = "openapi-python-client"


class SpecError(Exception):
    """The spec cannot be generated from; the message names the place."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _line_of(text: str, path: Sequence[str | int]) -> str:
    """'line L, column C' of the YAML node at `path`, or '' when it cannot be found."""
    try:
        node: yaml.Node | None = yaml.compose(text)
    except yaml.YAMLError:
        return ""
    best = node
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        best = node
    if best is None:
        return ""
    return f"line {best.start_mark.line + 1}, column {best.start_mark.column + 1}"


def load_spec(path: Path = SPEC) -> dict[str, Any]:
    """Parse and validate the spec, raising SpecError with the place of the first problem."""
    from openapi_spec_validator import validate
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot be read: {exc.strerror}") from exc
    try:
        spec = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(f"{path.name}: {where}invalid YAML: {problem}") from exc
    if not isinstance(spec, dict):
        raise SpecError(
            f"{path.name}: the document is not a mapping; an OpenAPI document starts with 'openapi: 3.1.0'"
        )
    try:
        validate(spec)
    except OpenAPIValidationError as exc:
        place = list(getattr(exc, "absolute_path", []) or [])
        dotted = "/".join(str(p) for p in place) or "(document root)"
        where = _line_of(text, place)
        first = str(exc.message).strip().splitlines()[0] if str(exc.message).strip() else "invalid"
        raise SpecError(
            f"{path.name}: {where + ': ' if where else ''}invalid OpenAPI at {dotted}: {first}"
        ) from exc
    return spec


def _files(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and ".ruff_cache" not in path.parts:
            yield path


def file_hashes(package: Path) -> dict[str, str]:
    return {p.relative_to(package).as_posix(): sha256(p.read_bytes()) for p in _files(package)}


def generator_version() -> str:
    return metadata.version(GENERATOR)


def inputs_record() -> dict[str, Any]:
    return {
        "spec_sha256": sha256(SPEC.read_bytes()),
        "config_sha256": sha256(CONFIG.read_bytes()),
        "templates_sha256": file_hashes(TEMPLATES),
        "generator": f"{GENERATOR} {generator_version()}",
    }


def generate_into(spec_path: Path, out: Path, *, templates: Path | None = TEMPLATES) -> Path:
    """Run the generator on the spec file itself into a fresh directory under `out`; return the
    package path. `templates=None` runs the generator with its own templates only."""
    package = out / PACKAGE
    env = dict(os.environ)
    # the generator's post hooks call `ruff`: use the one installed beside this interpreter
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(spec_path),
            "--config",
            str(CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(package),
            *(["--custom-template-path", str(templates)] if templates is not None else []),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or "Warning" in output or "Error" in output:
        raise SpecError(
            f"{GENERATOR} could not generate the whole client from {SPEC.name}:\n{output}"
        )
    shutil.rmtree(package / ".ruff_cache", ignore_errors=True)
    # PEP 561: the package's types are for type checkers too (the generator writes this marker only
    # beside the project metadata that `--meta none` leaves out)
    (package / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    return package


def regenerate() -> None:
    load_spec()
    with tempfile.TemporaryDirectory(prefix="regenerate-") as tmp:
        package = generate_into(SPEC, Path(tmp))
        inputs = inputs_record()
        record: dict[str, object] = {**inputs, "files": file_hashes(package)}
        GENERATED.mkdir(exist_ok=True)
        staged = GENERATED / f".{PACKAGE}.new"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(package, staged)
        target = GENERATED / PACKAGE
        old = GENERATED / f".{PACKAGE}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staged.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"regenerated {target.relative_to(ROOT)} from {SPEC.name} (sha256 {inputs['spec_sha256'][:12]})"
    )


def check() -> list[str]:
    """Every reason generated/ is out of date, each saying what to do; empty when in sync."""
    fix = "run scripts/regenerate"
    if not RECORD.exists():
        return [
            f"{RECORD.relative_to(ROOT)} is missing: generated/ was not written by scripts/regenerate; {fix}"
        ]
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    problems = []
    now = inputs_record()
    if record.get("spec_sha256") != now["spec_sha256"]:
        problems.append(
            f"generated/ is stale: {SPEC.name} changed since the last regeneration "
            f"(recorded sha256 {str(record.get('spec_sha256'))[:12]}, now {now['spec_sha256'][:12]}); {fix}"
        )
    if record.get("config_sha256") != now["config_sha256"]:
        problems.append(
            f"generated/ is stale: {CONFIG.name} changed since the last regeneration; {fix}"
        )
    recorded_templates: dict[str, str] = record.get("templates_sha256", {})
    changed = sorted(
        name
        for name in recorded_templates.keys() | now["templates_sha256"].keys()
        if recorded_templates.get(name) != now["templates_sha256"].get(name)
    )
    if changed:
        problems.append(
            f"generated/ is stale: the templates changed since the last regeneration "
            f"({', '.join(f'{TEMPLATES.relative_to(ROOT).as_posix()}/{n}' for n in changed)}); {fix}"
        )
    if record.get("generator") != now["generator"]:
        problems.append(
            f"generated/ was made by {record.get('generator')}, but {now['generator']} is installed; "
            f"install the version pinned in pyproject.toml, or {fix} after changing the pin"
        )
    recorded: dict[str, str] = record.get("files", {})
    package = GENERATED / PACKAGE
    actual = file_hashes(package) if package.exists() else {}
    for name in sorted(recorded.keys() | actual.keys()):
        where = f"generated/{PACKAGE}/{name}"
        if name not in actual:
            problems.append(f"{where} was deleted by hand; {fix}")
        elif name not in recorded:
            problems.append(
                f"{where} was added by hand (generated/ is written only by scripts/regenerate); {fix}"
            )
        elif recorded[name] != actual[name]:
            problems.append(
                f"{where} was edited by hand (generated/ is written only by scripts/regenerate); {fix}"
            )
    if problems:
        return problems
    # The record agrees; prove that the generator really makes these files from this spec.
    with tempfile.TemporaryDirectory(prefix="regenerate-check-") as tmp:
        load_spec()
        fresh = file_hashes(generate_into(SPEC, Path(tmp)))
    if fresh != actual:
        differ = sorted(n for n in fresh.keys() | actual.keys() if fresh.get(n) != actual.get(n))
        problems.append(
            f"generated/{PACKAGE} differs from what the generator makes from {SPEC.name} "
            f"({', '.join(differ[:5])}{' ...' if len(differ) > 5 else ''}); {fix}"
        )
    return problems


def watch(interval: float = 0.5) -> None:
    """Regenerate whenever the spec, the config or a template differs from what was last seen
    (polling by hash, which also catches editors that replace the file instead of writing it)."""
    print(f"watching {SPEC.name}, {CONFIG.name} and the templates; Ctrl-C to stop", flush=True)
    seen: object = None
    while True:
        try:
            now: object = (
                sha256(SPEC.read_bytes()),
                sha256(CONFIG.read_bytes()),
                file_hashes(TEMPLATES),
            )
        except OSError:
            now = seen  # mid-save: the file is briefly missing
        if now != seen:
            seen = now
            try:
                regenerate()
            except SpecError as exc:
                print(f"error: {exc}\ngenerated/ was left as it was.", file=sys.stderr, flush=True)
        time.sleep(interval)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/regenerate", description=__doc__.split("\n\n")[0]
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="fail if generated/ is stale or edited by hand"
    )
    mode.add_argument("--watch", action="store_true", help="regenerate whenever the spec changes")
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = check()
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            if not problems:
                print(f"generated/{PACKAGE} is in sync with {SPEC.name}")
            return 1 if problems else 0
        if args.watch:
            watch()
            return 0
        regenerate()
        return 0
    except SpecError as exc:
        print(f"error: {exc}\ngenerated/ was left as it was.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

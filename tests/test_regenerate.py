"""scripts/regenerate: --check notices a stale or hand-edited generated/, and a bad spec changes nothing.

Each test works on a copy of the repository's spec, config, scripts and generated/ in a temporary
directory, so the real tree is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for name in ("openapi.yaml", "openapi-python-client.yaml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(
        ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(
        ROOT / "generated", tmp_path / "generated", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(repo / "scripts" / "regenerate.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_check_passes_on_a_clean_tree(repo: Path) -> None:
    result = run(repo, "--check")
    assert result.returncode == 0, result.stderr
    assert "in sync" in result.stdout


def test_check_fails_after_a_one_character_change_to_the_spec(repo: Path) -> None:
    spec = repo / "openapi.yaml"
    text = spec.read_text()
    spec.write_text(text.replace("summary: Query Sites", "summary: Query Sitez", 1))
    result = run(repo, "--check")
    assert result.returncode == 1
    assert "openapi.yaml changed since the last regeneration" in result.stderr
    assert "run scripts/regenerate" in result.stderr


def test_check_fails_after_a_hand_edit_in_generated(repo: Path) -> None:
    model = repo / "generated" / "wix_sites_api" / "models" / "site.py"
    model.write_text(model.read_text().replace("class Site:", "class Site:  # tweaked", 1))
    result = run(repo, "--check")
    assert result.returncode == 1
    assert "generated/wix_sites_api/models/site.py was edited by hand" in result.stderr


def test_check_fails_after_a_template_changes(repo: Path) -> None:
    template = repo / "templates/openapi-python-client/property_templates/uuid_property.py.jinja"
    template.write_text(template.read_text() + "\n")
    result = run(repo, "--check")
    assert result.returncode == 1
    assert "the templates changed since the last regeneration" in result.stderr
    assert "property_templates/uuid_property.py.jinja" in result.stderr


def test_check_fails_when_a_file_is_added_to_generated(repo: Path) -> None:
    (repo / "generated" / "wix_sites_api" / "helpers.py").write_text("X = 1\n")
    result = run(repo, "--check")
    assert result.returncode == 1
    assert "helpers.py was added by hand" in result.stderr


def test_regenerating_after_a_spec_change_brings_generated_back_in_sync(repo: Path) -> None:
    spec = repo / "openapi.yaml"
    spec.write_text(spec.read_text().replace("summary: Count Sites", "summary: Count the sites", 1))
    assert run(repo).returncode == 0
    assert (
        "Count the sites" in (repo / "generated/wix_sites_api/api/sites/count_sites.py").read_text()
    )
    assert run(repo, "--check").returncode == 0


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda s: s.replace(
                "  /site-list/v2/sites/count:\n", "  /site-list/v2/sites/count\n", 1
            ),
            "invalid YAML",
        ),
        (
            lambda s: s.replace(
                "      operationId: countSites\n",
                "      operationId: countSites\n      responsez: 3\n",
                1,
            ),
            "invalid OpenAPI at paths//site-list/v2/sites/count/post",
        ),
        (lambda s: s.replace("openapi: 3.1.0", "openapi: 3.1.0\nfoo: [", 1), "invalid YAML"),
    ],
    ids=["yaml", "openapi", "unclosed"],
)
def test_an_invalid_spec_is_named_with_its_place_and_leaves_generated_untouched(
    repo: Path, edit: Callable[[str], str], expected: str
) -> None:
    before = snapshot(repo / "generated")
    spec = repo / "openapi.yaml"
    spec.write_text(edit(spec.read_text()))
    result = run(repo)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "line " in result.stderr
    assert "generated/ was left as it was" in result.stderr
    assert snapshot(repo / "generated") == before


def test_watch_regenerates_when_the_spec_changes(repo: Path) -> None:
    import selectors
    import time

    target = repo / "generated/wix_sites_api/api/sites/count_sites.py"
    proc = subprocess.Popen(
        [sys.executable, "-u", str(repo / "scripts" / "regenerate.py"), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert "watching" in proc.stdout.readline()
        assert "regenerated" in proc.stdout.readline()  # the initial run
        spec = repo / "openapi.yaml"
        spec.write_text(
            spec.read_text().replace("summary: Count Sites", "summary: Count watched sites", 1)
        )
        # wait for the watcher to say the run is over (the file changes before the run ends: a
        # check made earlier, under load, sees a half-written generated/)
        readable = selectors.DefaultSelector()
        readable.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 60
        line = ""
        while "regenerated" not in line and time.monotonic() < deadline:
            if readable.select(max(0, deadline - time.monotonic())):
                line = proc.stdout.readline()
        assert "regenerated" in line
        assert "Count watched sites" in target.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert run(repo, "--check").returncode == 0

"""The wheel as it is published: one version, the licence, the extras split, classifiers and URLs;
and a fresh `pip install` of it makes the three packages importable and finds the spec.

The wheel is built once per module, offline (`pip wheel --no-build-isolation --no-index`). The
fresh environment borrows this one's installed dependencies through a path entry, so no network is
needed; tests/test_install.py installs it with its real dependencies, from the registries.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import wixsites
from tests.wheels import ROOT, build_wheel, fresh_environment, outside_environment


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def metadata(wheel: Path) -> tuple[Message, list[str]]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (path,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(path).decode()), names


def requirements(meta: Message) -> dict[str | None, set[str]]:
    """Distribution names required, by extra (None: the bare install)."""
    by_extra: dict[str | None, set[str]] = {None: set()}
    for line in meta.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        marker = str(requirement.marker or "")
        extra = re.search(r'extra == "([^"]+)"', marker)
        by_extra.setdefault(extra.group(1) if extra else None, set()).add(
            requirement.name.lower().replace("_", "-")
        )
    return by_extra


def test_the_bare_install_is_the_sdk_and_the_rest_are_extras(wheel: Path) -> None:
    meta, _ = metadata(wheel)
    required = requirements(meta)
    assert required[None] == {"httpx", "attrs"}
    assert required["cli"] == {"click", "rich", "platformdirs", "keyring"}
    assert required["sandbox"] == {
        "starlette",
        "uvicorn",
        "httptools",
        "pyyaml",
        "jsonschema",
        "jsonschema-rs",
        "orjson",
        "rfc3339-validator",
        "pyjwt",
        "sniffio",
    }
    assert required["webhooks"] == {"pyjwt"}
    assert required["all"] == required["cli"] | required["sandbox"] | required["webhooks"]
    assert required["test"] >= required["all"] | required["docs"]
    assert set(meta.get_all("Provides-Extra") or []) >= {"cli", "sandbox", "webhooks", "all"}


def test_one_version_everywhere(wheel: Path) -> None:
    meta, _ = metadata(wheel)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d[^\]]*)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert meta["Version"] == wixsites.__version__ == released[0]
    assert wheel.name.startswith(f"wixsites-{wixsites.__version__}-")
    from wixsites.client import USER_AGENT

    assert f"wixsites-python/{wixsites.__version__}" == USER_AGENT


def test_the_wheel_carries_its_licence_classifiers_and_urls(wheel: Path) -> None:
    meta, names = metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(licence).decode()
    assert text.startswith("MIT License")
    assert "WITHOUT WARRANTY OF ANY KIND" in text
    classifiers = set(meta.get_all("Classifier") or [])
    assert {"Typing :: Typed", "Programming Language :: Python :: 3.11"} <= classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # the expression says it
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())


def test_the_wheel_installs_the_four_packages_and_no_examples(wheel: Path) -> None:
    _, names = metadata(wheel)
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {
        "wix_sites_api",
        "wixauth",
        "wixsites",
        "wixsandbox",
    }


def test_the_changelog_keeps_a_changelog() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "https://keepachangelog.com/en/1.1.0/" in text
    headings = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert headings[0] == "Unreleased"
    first = text.split(f"## [{wixsites.__version__}]")[1].split("\n## ")[0]
    assert "### Added" in first
    for version in headings:  # each heading links to its changes
        assert re.search(rf"^\[{re.escape(version)}\]: https://", text, re.M), version


def test_a_fresh_install_imports_all_three_packages_and_finds_the_spec(
    tmp_path: Path, wheel: Path
) -> None:
    env_dir = tmp_path / "venv"
    python = fresh_environment(env_dir) / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = outside_environment()
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    probe = (
        "import wix_sites_api, wixauth, wixsites, wixsandbox, pathlib, importlib.resources as r;"
        "print(*(pathlib.Path(m.__file__).parent.parent for m in (wix_sites_api, wixauth, wixsites, wixsandbox)));"
        "print(r.files('wixsandbox').joinpath('openapi.yaml').is_file())"
    )
    result = subprocess.run(
        [str(python), "-c", probe],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    locations, has_spec = result.stdout.splitlines()
    assert set(locations.split()) == {site}, (
        "the packages must come from the installed wheel, not the checkout"
    )
    assert has_spec == "True"
    assert sys.prefix != str(env_dir)

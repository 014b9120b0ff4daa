"""A fresh `pip install .` into a new virtual environment makes the three packages importable.

The new environment borrows this one's installed dependencies through a path entry (so no network
is needed), but gets the project itself only from the wheel that `pip install .` builds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_fresh_install_imports_all_three_packages_and_finds_the_spec(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            str(ROOT),
        ],
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

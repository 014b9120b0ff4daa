"""The package as a user's type checker sees it: `wix_sites_api` and `wixsites` ship `py.typed`, the
models' fields are `X | None`, and every public method has a precise return type.

`tests/typing/user_code.py` is checked by `mypy --strict` run the way a user runs it: from a
directory of its own, with no configuration, against the installed package. A mypy run takes a
while, so this is not in the default test run: `.ci/run` runs it (``pytest -m typing``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.typing

USER_CODE = Path(__file__).parent / "typing" / "user_code.py"


def mypy_strict(directory: Path, script: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            "",  # no configuration: not this repository's (mypy_path, overrides)
            "--python-executable",
            sys.executable,
            "--cache-dir",
            str(directory / ".mypy_cache"),
            script.name,
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_user_code_type_checks_under_mypy_strict(tmp_path: Path) -> None:
    shutil.copy(USER_CODE, tmp_path / USER_CODE.name)
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "from typing import assert_type\n"
        "from wix_sites_api.models import Site\n"
        "from wixsites import WixSites\n\n"
        "def check(wix: WixSites, site: Site) -> None:\n"
        "    assert_type(wix.sites.count(), str)\n"
        "    assert_type(site.name, str)\n",
        encoding="utf-8",
    )
    result = mypy_strict(tmp_path, tmp_path / USER_CODE.name)
    assert result.returncode == 0, result.stdout + result.stderr
    # the same check notices a wrong expectation (so the one above is not vacuous)
    refused = mypy_strict(tmp_path, wrong)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert 'Expression is of type "int", not "str"' in refused.stdout
    assert 'Expression is of type "str | None", not "str"' in refused.stdout

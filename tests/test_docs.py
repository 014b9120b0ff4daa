"""The documentation site's own checks (scripts/docs_hooks.py), which `mkdocs build --strict` runs
in CI (.ci/run): a public name without a docstring is found, and a click help's unwrapped
paragraphs become code blocks; and the maintainers' pages speak without issue numbers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# scripts/ is not a package: its modules import one another by their plain names (as mypy sees them)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from docs_hooks import ROOT, markdown_help, missing_docstrings

SEARCH = [str(ROOT), str(ROOT / "generated")]


def test_every_public_name_of_the_sdk_and_wixauth_has_a_docstring() -> None:
    assert missing_docstrings("wixsites", SEARCH) == []
    assert missing_docstrings("wixsites.webhooks", SEARCH) == []
    assert missing_docstrings("wixauth", SEARCH) == []


def test_a_public_name_without_a_docstring_is_found(tmp_path: Path) -> None:
    package = tmp_path / "demo_pkg"
    package.mkdir()
    (package / "__init__.py").write_text(
        '"""A package."""\n'
        "from demo_pkg.things import Thing, helper, undocumented\n"
        '__all__ = ["Thing", "helper", "undocumented"]\n'
    )
    (package / "things.py").write_text(
        '"""Things."""\n'
        "class Thing:\n"
        '    """A thing."""\n'
        "    def rename(self) -> None:\n"
        "        pass\n"
        "    def _private(self) -> None:\n"
        "        pass\n"
        "    @property\n"
        "    def size(self) -> int:\n"
        "        return 1\n"
        "def helper() -> None:\n"
        '    """Helps."""\n'
        "def undocumented() -> None:\n"
        "    pass\n"
    )
    assert sorted(missing_docstrings("demo_pkg", [str(tmp_path)])) == [
        "demo_pkg.things.Thing.rename",
        "demo_pkg.things.Thing.size",
        "demo_pkg.things.undocumented",
    ]


def test_a_paragraph_click_does_not_rewrap_becomes_a_code_block() -> None:
    help_text = """Move sites.

    Moves them all.

    \b
    Examples:
      wixsites sites move --to A x
      wixsites sites move --to B -

    The end.
    """
    assert markdown_help(help_text) == (
        "Move sites.\n\nMoves them all.\n\n"
        "```text\nExamples:\n  wixsites sites move --to A x\n  wixsites sites move --to B -\n```\n"
        "\nThe end."
    )


def test_the_documentation_speaks_without_issue_numbers() -> None:
    pages = [*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\bissues? #?\d", text, re.I), page
    assert not (ROOT / "docs" / "CONTRACTS.md").exists()


def test_the_sandbox_guide_example_runs_as_written() -> None:
    page = (ROOT / "docs" / "guides" / "sandbox.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```python\n(.*?)```", page, re.S)
    result = subprocess.run(
        [sys.executable, "-c", example], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert 0 < int(result.stdout) <= 20

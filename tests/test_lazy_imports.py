"""What starting up loads: the SDK never the command line's or the server's stack, `wixsites
--version` click alone, a completion only the commands it completes; and without an extra, the
command that needs it names the pip command that installs it.

Each check runs a fresh interpreter and reads its `sys.modules`. An absent extra is an import
hook that refuses that extra's modules exactly as Python refuses a module that is not installed
(tests/test_install.py does the same with real installs, in the `install` run).
"""

from __future__ import annotations

import json
import os
import pydoc
import subprocess
import sys
from pathlib import Path
from typing import get_type_hints

import pytest
from packaging.requirements import Requirement

import wixsites
from wixsites.cli.commands import COMMANDS, SUBCOMMANDS, load
from wixsites.cli.extras import EXTRA_OF_MODULE

# The command line's and the server's stacks: never loaded by the SDK.
CLI_AND_SERVER = {
    "click",
    "rich",
    "pygments",
    "keyring",
    "platformdirs",
    "starlette",
    "uvicorn",
    "httptools",
    "yaml",
    "jsonschema",
    "jsonschema_rs",
    "orjson",
    "jwt",
    "wixsandbox",
}

# Run main (or any code) and write the loaded modules to a file, whatever the exit.
PROBE = """
import json, sys
{absent}
try:
    {code}
finally:
    with open({out!r}, "w") as out:
        json.dump(sorted(sys.modules), out)
"""
ABSENT = """
class Absent:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {names!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Absent())
"""


def probe(
    code: str, tmp_path: Path, *, absent: frozenset[str] = frozenset(), **env: str
) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    environ |= {"WIXSITES_SANDBOX_DB": str(tmp_path / "sandbox.db"), **env}
    environ["WIXSITES_CONFIG_DIR"] = str(tmp_path / "config")
    hook = ABSENT.format(names=sorted(absent)) if absent else ""
    out = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(absent=hook, code=code, out=str(out))],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )
    return result, set(json.loads(out.read_text()))


def tops(modules: set[str]) -> set[str]:
    return {m.partition(".")[0] for m in modules}


def test_importing_the_sdk_loads_nothing_of_the_cli_or_the_server(tmp_path: Path) -> None:
    _, by_httpx = probe("import httpx", tmp_path)
    names = [n for n in wixsites.__all__ if n != "__version__"]
    _, by_sdk = probe(f"import wixsites; [getattr(wixsites, n) for n in {names!r}]", tmp_path)
    # httpx itself imports click and rich when they are installed (for its own command line)
    assert tops(by_sdk) & CLI_AND_SERVER <= tops(by_httpx)
    assert not {m for m in by_sdk if m.startswith("wixsites.cli.")}
    assert "wixsandbox" not in tops(by_sdk)


def test_import_wixsites_alone_loads_no_client(tmp_path: Path) -> None:
    _, modules = probe("import wixsites", tmp_path)
    assert {"httpx", "wix_sites_api", "wixauth"}.isdisjoint(tops(modules))
    assert modules & {f"wixsites.{m}" for m in ("client", "errors", "sites")} == set()


def test_the_sync_client_loads_neither_asyncio_nor_a_generated_model(tmp_path: Path) -> None:
    code = "import wixsites; wixsites.WixSites(api_key='k', account_id='a').close()"
    result, modules = probe(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "asyncio" not in modules
    # the endpoints and models are imported by the calls that use them
    assert not {m for m in modules if m.startswith(("wix_sites_api.models", "wix_sites_api.api"))}


def test_every_name_of_the_package_is_importable_and_listed() -> None:
    for name in wixsites.__all__:
        assert getattr(wixsites, name) is not None
    assert set(dir(wixsites)) >= set(wixsites.__all__)
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        _ = wixsites.Nothing


def test_sites_and_folders_are_importable_for_annotations() -> None:
    from wixsites import AsyncFolders, AsyncSites, Folders, Sites, WixSites

    assert get_type_hints(vars(WixSites)["sites"].fget)["return"] is Sites
    assert get_type_hints(vars(WixSites)["folders"].fget)["return"] is Folders
    assert {c.__name__ for c in (Sites, Folders, AsyncSites, AsyncFolders)} == {
        "Sites",
        "Folders",
        "AsyncSites",
        "AsyncFolders",
    }


@pytest.mark.parametrize(
    ("client", "sites", "folders"),
    [
        (wixsites.WixSites, wixsites.Sites, wixsites.Folders),
        (wixsites.AsyncWixSites, wixsites.AsyncSites, wixsites.AsyncFolders),
    ],
)
def test_help_of_the_client_names_every_method_of_sites_and_folders(
    client: type, sites: type, folders: type
) -> None:
    text = pydoc.plain(pydoc.render_doc(client))
    for attribute, group in (("sites", sites), ("folders", folders)):
        section = text.split(f"\n |  {attribute}\n", 1)[1].split("\n |  \n", 1)[0]
        for method in (m for m in dir(group) if not m.startswith("_")):
            assert f"``{method}``" in section, (attribute, method)


def test_version_loads_click_and_nothing_of_the_client(tmp_path: Path) -> None:
    result, modules = probe("from wixsites.cli import main; main(['--version'])", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wixsites {wixsites.__version__}\n"
    assert "click" in tops(modules)
    assert tops(modules) & {"httpx", "rich", "wix_sites_api", "wixauth", "platformdirs"} == set()
    assert {m for m in modules if m.startswith("wixsites.cli.")} <= {
        f"wixsites.cli.{m}"
        for m in ("app", "commands", "envvars", "errors", "exitcodes", "failures", "hoisting")
    }


@pytest.mark.parametrize(
    ("words", "expected", "loaded"),
    [
        ("wixsites s", ["sandbox", "sites"], set()),
        ("wixsites folders re", ["rename"], {"folders"}),
        ("wixsites sites tr", ["transfer", "trash"], {"sites", "lifecycle"}),
    ],
)
def test_completion_loads_only_the_commands_it_completes(
    tmp_path: Path, words: str, expected: list[str], loaded: set[str]
) -> None:
    result, modules = probe(
        "from wixsites.cli import main; main([])",
        tmp_path,
        _WIXSITES_COMPLETE="bash_complete",
        COMP_WORDS=words,
        COMP_CWORD=str(len(words.split()) - 1),
    )
    assert result.returncode == 0, result.stderr
    assert [line.split(",", 1)[1] for line in result.stdout.splitlines()] == expected
    command_modules = {r.partition(":")[0] for r, _ in COMMANDS.values()}
    command_modules |= {r.partition(":")[0] for refs in SUBCOMMANDS.values() for r in refs}
    command_modules -= {"wixsites.cli.completion"}  # also the completers every command uses
    assert modules & command_modules == {f"wixsites.cli.{m}" for m in loaded}


def test_the_help_lists_every_command_with_its_summary(tmp_path: Path) -> None:
    result, modules = probe("from wixsites.cli import main; main(['--help'])", tmp_path)
    assert result.returncode == 0, result.stderr
    for name, (reference, summary) in COMMANDS.items():
        assert f"  {name}" in result.stdout
        assert summary in result.stdout
        assert reference.partition(":")[0] not in modules
        assert load(reference).name == name


SANDBOX_MODULES = frozenset(m for m, extra in EXTRA_OF_MODULE.items() if extra == "sandbox")


@pytest.mark.parametrize(
    "args",
    [
        ["--sandbox", "sites", "count"],
        ["demo"],
        ["sandbox", "seed", "--sites", "3"],
    ],
)
def test_without_the_sandbox_extra_the_sandbox_says_what_to_install(
    tmp_path: Path, args: list[str]
) -> None:
    result, _ = probe(
        f"from wixsites.cli import main; main({args!r})", tmp_path, absent=SANDBOX_MODULES
    )
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "the embedded sandbox needs the 'sandbox' extra" in line
    assert line.endswith("is not installed: pip install 'wixsites[sandbox]'")


def test_without_the_cli_extra_the_command_line_says_what_to_install(tmp_path: Path) -> None:
    result, _ = probe(
        "from wixsites.cli import main; main(['sites', 'count'])",
        tmp_path,
        absent=frozenset({"click"}),
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "wixsites: the command line needs the 'cli' extra, and click is not installed: "
        "pip install 'wixsites[cli]'"
    )


def test_every_module_of_the_cli_and_sandbox_extras_is_known() -> None:
    from importlib.metadata import packages_distributions, requires

    extra_of_distribution: dict[str, str] = {}
    for line in requires("wixsites") or []:
        requirement = Requirement(line)
        for extra in ("cli", "sandbox"):
            if f'extra == "{extra}"' in str(requirement.marker):
                extra_of_distribution[requirement.name.lower().replace("_", "-")] = extra
    for module, dists in packages_distributions().items():
        for dist in dists:
            owner = extra_of_distribution.get(dist.lower().replace("_", "-"))
            if owner is not None and not module.startswith("_") and module.isidentifier():
                assert EXTRA_OF_MODULE.get(module) == owner, (module, dist)

"""Which extra of the ``wixsites`` package brings a module that could not be imported.

``pip install wixsites`` is the SDK alone; the command line needs ``wixsites[cli]`` and the
embedded sandbox ``wixsites[sandbox]`` (pyproject.toml lists what each brings).
"""

from __future__ import annotations

__all__ = ["EXTRA_OF_MODULE", "missing_extra", "missing_extra_message"]

# top-level module -> the extra that installs it
EXTRA_OF_MODULE = {
    "click": "cli",
    "rich": "cli",
    "platformdirs": "cli",
    "keyring": "cli",
    "starlette": "sandbox",
    "uvicorn": "sandbox",
    "httptools": "sandbox",
    "yaml": "sandbox",
    "jsonschema": "sandbox",
    "jsonschema_rs": "sandbox",
    "orjson": "sandbox",
    "rfc3339_validator": "sandbox",
    "jwt": "sandbox",
    "cryptography": "sandbox",
    "sniffio": "sandbox",
}


def missing_extra(error: ModuleNotFoundError) -> str | None:
    """The extra that would have installed the module `error` is about, or None."""
    return EXTRA_OF_MODULE.get((error.name or "").partition(".")[0])


_NEEDED_BY = {"cli": "the command line", "sandbox": "the embedded sandbox"}


def missing_extra_message(error: ModuleNotFoundError) -> str | None:
    """What to install, when `error` is about a module that an extra brings; else None."""
    extra = missing_extra(error)
    if extra is None:
        return None
    return (
        f"{_NEEDED_BY[extra]} needs the '{extra}' extra, and {error.name} is not installed: "
        f"pip install 'wixsites[{extra}]'"
    )

# Sourced by the contract scripts: PY, the Python that runs the tools, and BIN, the directory of
# its console scripts (schemathesis, wixsites). PY is $PYTHON, else the active virtual
# environment's python, else the checkout's .venv/bin/python, else python3; so a test run from any
# environment (tox, nox, an IDE) passes its own interpreter as PYTHON.
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then PY=$VIRTUAL_ENV/bin/python
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else PY=python3
fi
BIN=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')

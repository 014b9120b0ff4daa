"""Run the sandbox as an HTTP server with uvicorn."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from wixsandbox.guard import BODY_TIMEOUT, HEAD_TIMEOUT

if TYPE_CHECKING:
    from wixsandbox.service import Credentials, Sandbox


def banner(
    sandbox: Sandbox,
    host: str,
    port: int,
    fault_rate: float = 0.0,
    credentials: Credentials | None = None,
) -> str:
    """What `serve` prints: the address and the credentials to use (never an app secret)."""
    credentials = credentials or sandbox.default_credentials()
    lines = [
        f"Wix sandbox listening on http://{host}:{port} (database: {sandbox.store.path})",
        f"  WIX_API_KEY={credentials.api_key}",
        f"  WIX_ACCOUNT_ID={credentials.account_id}",
        f"  WIX_BASE_URL=http://{host}:{port}",
    ]
    if fault_rate:
        lines.append(f"  fault mode: {fault_rate:.0%} of requests fail")
    return "\n".join(lines)


def serve(
    sandbox: Sandbox,
    host: str = "127.0.0.1",
    port: int = 8787,
    fault_rate: float = 0.0,
    fault_seed: int = 0,
    *,
    out: TextIO | None = None,
    credentials: Credentials | None = None,
    head_timeout: float = HEAD_TIMEOUT,
    body_timeout: float = BODY_TIMEOUT,
    max_connections: int | None = None,
) -> None:
    """Serve `sandbox` over HTTP until interrupted; print the address and the credentials to use
    (`credentials`, or the sandbox's default ones) first.

    A connection whose request head takes more than `head_timeout` seconds, or whose body takes
    more than `body_timeout`, is cut; at most `max_connections` are open at once (default: from
    the file descriptor limit), see `wixsandbox.guard`."""
    import sys

    import uvicorn

    from wixsandbox.guard import backlog, default_max_connections, guarded_protocol

    # The event loop and the request threads share the GIL: a thread refusing a big body keeps it
    # for the whole switch interval (5 ms by default) each time the loop asks for it. A shorter
    # interval lets a small request through in time; this process does nothing else.
    sys.setswitchinterval(0.0005)
    app = sandbox.asgi_app(fault_rate=fault_rate, fault_seed=fault_seed, body_timeout=body_timeout)
    print(banner(sandbox, host, port, fault_rate, credentials), file=out or sys.stdout, flush=True)
    cap = max_connections or default_max_connections()
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",
        http=guarded_protocol(head_timeout, cap),
        backlog=backlog(cap),
    )
    uvicorn.Server(config).run()

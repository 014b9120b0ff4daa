"""The sandbox's webhooks: its endpoints, its key pair, its log, and the sending of its outbox.

`Sandbox.webhooks` is one of these. Changes record their events in the outbox (in their own
transaction); after the commit the sandbox calls `changed`, which wakes the dispatcher: the one
started with `start` (a served sandbox), or else one started then in a thread of this process
(the embedded sandbox), which `close` lets send what is due for up to two seconds. What is not
sent stays in the outbox, in the database file, for the next dispatcher of that file: a served
sandbox, a listener (``wixsites listen``), or the next command that changes something.
"""

from __future__ import annotations

import threading

from wixsandbox.store import Store
from wixsandbox.webhooks import endpoints, keys
from wixsandbox.webhooks.child import DispatcherProcess
from wixsandbox.webhooks.dispatcher import Dispatcher
from wixsandbox.webhooks.endpoints import Endpoint, LogEntry
from wixsandbox.webhooks.thread import DispatcherThread

__all__ = ["CLOSE_DRAIN", "Webhooks"]

#: seconds an embedded sandbox spends, when it closes, sending what its changes recorded
CLOSE_DRAIN = 2.0


class Webhooks:
    def __init__(self, store: Store, *, retry_base: float = 1.0, workers: int = 4) -> None:
        if not retry_base > 0 or workers < 1:
            raise ValueError("the retry base must be positive, and workers at least 1")
        self.store = store
        self.retry_base = retry_base
        self.workers = workers
        self._lock = threading.Lock()
        self._thread: DispatcherThread | DispatcherProcess | None = None
        self._in_child = False

    def __repr__(self) -> str:
        return f"Webhooks(db={self.store.path!r}, sending={self.sending})"

    # -- endpoints, key, log --------------------------------------------------------------------

    def add(self, url: str, account_id: str, events: list[str] | None = None) -> Endpoint:
        """Send the events of `account_id` (and of its sub-accounts) to `url`; `events` are
        short names (``site.created``, ``folder.*``) or event types, all by default."""
        keys.public_pem(self.store)  # the key pair, made now rather than at the first event
        return endpoints.add(self.store, url, account_id, events)

    def endpoints(self) -> list[Endpoint]:
        return endpoints.endpoints(self.store)

    def remove(self, id_or_url: str) -> list[Endpoint]:
        return endpoints.remove(self.store, id_or_url)

    def public_key(self) -> str:
        """The PEM that verifies this sandbox's webhooks (`wixsites.webhooks.parse`)."""
        return keys.public_pem(self.store)

    def log(
        self, *, limit: int = 50, event_id: str | None = None, endpoint: str | None = None
    ) -> list[LogEntry]:
        return endpoints.log(self.store, limit=limit, event_id=event_id, endpoint=endpoint)

    # -- sending --------------------------------------------------------------------------------

    @property
    def sending(self) -> bool:
        return self._thread is not None and self._thread.running

    def dispatcher(self) -> Dispatcher:
        return Dispatcher(self.store, retry_base=self.retry_base, workers=self.workers)

    def start(self, *, in_child: bool = False) -> None:
        """Send the outbox from now on, until `close`: in a thread, or (`in_child`, for a file
        database) in a child process of lower CPU priority (see `wixsandbox.webhooks.child`)."""
        with self._lock:
            self._in_child = in_child
            # a child process that died is replaced by its `DispatcherProcess` (a second one
            # made here would be left running)
            if self._thread is not None and (
                self._thread.running or isinstance(self._thread, DispatcherProcess)
            ):
                return
            if in_child and not self.store.in_memory:
                self._thread = DispatcherProcess(
                    self.store.path, retry_base=self.retry_base, workers=self.workers
                ).start()
            else:
                self._thread = DispatcherThread(self.dispatcher()).start()

    def changed(self) -> None:
        """A transaction that recorded events has committed."""
        thread = self._thread
        if thread is None or not thread.running:  # none yet, or it died: the outbox waits
            self.start(in_child=self._in_child)
            thread = self._thread
        if thread is not None:
            thread.wake()

    def close(self, drain: float = CLOSE_DRAIN) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.stop(drain)

"""The reasons a bulk report gives for an id: one wording per cause, in moves and trashes alike.

A reason says what happened to that id: ``not found in this account``; ``not sent: <why>`` for an
id whose request never left (a refused connection, an interrupted or stopped move: it did not
change); ``may have been applied: ...`` for one whose answer was lost and could not be read back.
"""

from __future__ import annotations

__all__ = [
    "IN_FLIGHT",
    "NOT_FOUND",
    "NOT_SENT",
    "PREMIUM",
    "not_sent",
    "unsettled",
]

NOT_FOUND = "not found in this account"
PREMIUM = "PREMIUM_NOT_PERMITTED: the site has a Premium plan, and Wix does not trash it"
IN_FLIGHT = "interrupted while its request was in flight: it may or may not have been applied"
_NOT_SENT = "not sent: "


def not_sent(why: str) -> str:
    """The reason of an id whose request was never sent (so it did not change), because of `why`."""
    return why if why.startswith(_NOT_SENT) else f"{_NOT_SENT}{why}"


NOT_SENT = not_sent("the move was interrupted")


def unsettled(error: object, check_error: object) -> str:
    """The reason of an id whose request may have been applied (its answer was lost: `error`) and
    whose read-back failed too (`check_error`)."""
    return f"may have been applied: {error}; reading it back failed too: {check_error}"

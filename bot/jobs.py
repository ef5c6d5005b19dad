"""One guard for every background loop: a round that raises is logged with the loop's own message, counted,
and never raised, so the loop goes on (the outbox worker, the feed polls, the digest check).

Cancellation is not an error: it passes through (a stop cancels what is still running).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

T = TypeVar("T")


class Guard:
    """Runs the rounds of one background loop; `failures` counts the rounds that failed in a row."""

    def __init__(self, logger: logging.Logger, message: str, *, count: bool = False) -> None:
        """`message` is logged with the traceback when a round raises; with `count`, the number of failures in a
        row is its last argument ("outbox drain failed (%d in a row)")."""
        self.logger = logger
        self.message = message
        self.count = count
        self.failures = 0

    async def run(
        self,
        round_: Awaitable[T],
        *args: object,
        extra: Mapping[str, object] | None = None,
        on_error: Callable[[], Awaitable[None]] | None = None,
    ) -> T | None:
        """The round's result, or None when it raised (logged; then `on_error`, such as handing back a lease)."""
        try:
            result = await round_
        except Exception:
            self.failures += 1
            self.logger.exception(self.message, *args, *((self.failures,) if self.count else ()), extra=extra)
            if on_error is not None:
                await on_error()
            return None
        self.failures = 0
        return result

"""Waiting in a test without sleeping a fixed time: poll a condition on the event loop, bounded."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


async def wait_until(predicate: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    """Poll until predicate() is truthy and return its value, or fail after `timeout` seconds saying `what`.

    The default is generous on purpose: it waits for servers and queues of a whole App on a loaded machine
    (the loop it replaced counted 500 sleeps of 10 ms, which take longer than 5 s there; 10 s was still too short
    once, for a web console test's app start while the whole suite ran at load average 8-10). A bound, not a wait:
    a condition that holds returns at once."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)

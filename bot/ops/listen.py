"""Listening on a local port, for every HTTP face of the bot (the ops server, Slack's HTTP mode).

One place turns "the port is taken" into a `ConfigError` that names the setting to change, and reads back the
port actually bound (a port of 0 asks the system for a free one, as tests do).
"""

from __future__ import annotations

import os

from aiohttp import web

from bot.errors import ConfigError


async def listen(
    app: web.Application, host: str, port: int, *, setting: str, what: str = ""
) -> tuple[web.AppRunner, int]:
    """Serve `app` on host:port; returns its runner (to `cleanup()` when done) and the bound port.

    A port that cannot be listened on is a ConfigError naming `setting` (the environment variable), with
    `what` (e.g. "Slack's HTTP endpoint") opening the message; nothing is left listening.
    """
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        why = os.strerror(exc.errno) if exc.errno else str(exc)
        subject = f"{what} cannot" if what else "cannot"
        raise ConfigError(
            f"{subject} listen on {host}:{port} ({why}); choose a free port or stop what uses it",
            file="environment",
            field=setting,
        ) from None
    bound = next(
        (int(address[1]) for address in runner.addresses if isinstance(address, tuple) and len(address) >= 2),
        port,
    )
    return runner, bound

"""The terminal adapter: the default channel, printing alerts and reading commands from stdin."""

from __future__ import annotations

import asyncio
import itertools
import logging
import sys
from typing import TYPE_CHECKING, TextIO

from adapters.terminal.render import render_alert, render_reply
from bot.models import Alert, Caller

if TYPE_CHECKING:
    from bot.commands.core import CommandCore
    from bot.settings import Settings

log = logging.getLogger(__name__)


class TerminalSink:
    """Prints alerts to a stream; message ids are local sequence numbers."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self._ids = itertools.count(1)

    def _write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    async def send(self, alert: Alert) -> str | None:
        """Print a new alert; returns its number."""
        message_id = str(next(self._ids))
        self._write(render_alert(alert, message_id))
        return message_id

    async def edit(self, alert: Alert, message_id: str) -> None:
        """Print the edited alert, marked as an edit of message `message_id`."""
        self._write(render_alert(alert, message_id))

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None:
        """Print a follow-up under message `message_id`."""
        self._write(render_alert(alert, message_id))
        return str(next(self._ids))


class TerminalAdapter:
    """The terminal face: a sink, and, on an interactive terminal, a command prompt on stdin."""

    prefix = "terminal"

    def __init__(self, core: CommandCore | None, stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self.core = core
        self.sink = TerminalSink(stream)
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start reading commands from stdin when it is a terminal."""
        if self.interactive and self.core is not None:
            self._task = asyncio.create_task(self._read_commands())

    async def stop(self) -> None:
        """Stop the command reader."""
        if self._task:
            self._task.cancel()

    async def _read_commands(self) -> None:
        loop = asyncio.get_running_loop()
        caller = Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")
        self.sink._write("Type a command (e.g. 'brief armenia', 'help'); Ctrl-C to stop.")
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                return
            if line.strip():
                assert self.core is not None
                reply = await self.core.run_text(line.strip(), caller, channel="terminal")
                self.sink._write(render_reply(reply))


def create(settings: Settings, core: CommandCore) -> TerminalAdapter | None:
    """The terminal adapter, unless DIPLOBOT_TERMINAL=0."""
    return TerminalAdapter(core) if settings.terminal else None

"""The terminal adapter: the default channel, printing alerts and reading commands from stdin."""

from __future__ import annotations

import asyncio
import codecs
import itertools
import logging
import os
import re
import sys
from typing import TYPE_CHECKING, TextIO

from adapters.terminal.render import render_alert, render_reply
from bot.models import Alert, Caller
from bot.ports import current_delivery_key

if TYPE_CHECKING:
    from bot.commands.core import CommandCore
    from bot.settings import Settings

log = logging.getLogger(__name__)


_MARKER = re.compile(r"^\[delivery (\S+) message (\S+)\]$", re.MULTILINE)


class TerminalSink:
    """Prints alerts to a stream; message ids are local sequence numbers.

    Each alert ends with a `[delivery KEY message ID]` marker line, so that after a crash
    `find_sent` can tell (from this process's memory, or by reading the output file when stdout
    is redirected to one) whether an interrupted delivery was already printed.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self._ids = itertools.count(1)
        self._sent: dict[str, str] = {}

    def _write(self, text: str, message_id: str | None = None) -> None:
        key = current_delivery_key()
        if key and message_id:
            text += f"\n[delivery {key} message {message_id}]"
            self._sent[key] = message_id
        self.stream.write(text + "\n")
        self.stream.flush()

    async def find_sent(self, alert: Alert, delivery_key: str, *, thread: str | None = None) -> str | None:
        """The message id printed for `delivery_key`, if this output already shows it."""
        if delivery_key in self._sent:
            return self._sent[delivery_key]
        path = getattr(self.stream, "name", None)
        if isinstance(path, str) and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                for marker in _MARKER.finditer(f.read()):
                    if marker[1] == delivery_key:
                        return marker[2]
        return None

    async def send(self, alert: Alert) -> str | None:
        """Print a new alert; returns its number."""
        message_id = str(next(self._ids))
        self._write(render_alert(alert, message_id), message_id)
        return message_id

    async def edit(self, alert: Alert, message_id: str) -> None:
        """Print the edited alert, marked as an edit of message `message_id`."""
        self._write(render_alert(alert, message_id))

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None:
        """Print a follow-up under message `message_id`."""
        reply_id = str(next(self._ids))
        self._write(render_alert(alert, message_id), reply_id)
        return reply_id


class TerminalAdapter:
    """The terminal face: a sink, and, on an interactive terminal, a command prompt on stdin.

    Stdin is watched by the event loop (`add_reader`), not read in a thread: a thread blocked in
    `readline` cannot be interrupted, and the loop's shutdown would wait for it until Enter.
    """

    prefix = "terminal"

    def __init__(self, core: CommandCore | None, stream: TextIO | None = None, interactive: bool | None = None) -> None:
        self.core = core
        self.sink = TerminalSink(stream)
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self._task: asyncio.Task[None] | None = None
        self._fd: int | None = None
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    async def start(self) -> None:
        """Start reading commands from stdin when it is a terminal."""
        if self.interactive and self.core is not None:
            self._fd = sys.stdin.fileno()
            asyncio.get_running_loop().add_reader(self._fd, self._on_input)
            self._task = asyncio.create_task(self._read_commands())

    async def stop(self) -> None:
        """Stop the command reader."""
        self._stop_reading()
        if self._task:
            self._task.cancel()

    def _stop_reading(self) -> None:
        if self._fd is not None:
            asyncio.get_running_loop().remove_reader(self._fd)
            self._fd = None

    def _on_input(self) -> None:
        """Stdin is readable: take what the terminal has (a line, in canonical mode) and queue whole lines."""
        assert self._fd is not None
        try:
            data = os.read(self._fd, 4096)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:  # the terminal went away (EIO): as end of input
            data = b""
        if not data:
            self._stop_reading()
            self._lines.put_nowait(None)
            return
        self._pending += self._decoder.decode(data)
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self._lines.put_nowait(line)

    async def _read_commands(self) -> None:
        caller = Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")
        self.sink._write("Type a command (e.g. 'brief armenia', 'help'); Ctrl-C to stop.")
        while True:
            line = await self._lines.get()
            if line is None:
                return
            if line.strip():
                assert self.core is not None
                reply = await self.core.run_text(line.strip(), caller, channel="terminal")
                self.sink._write(render_reply(reply))


def create(settings: Settings, core: CommandCore | None) -> TerminalAdapter | None:
    """The terminal adapter, unless DIPLOBOT_TERMINAL=0; without a core it only prints alerts."""
    return TerminalAdapter(core) if settings.terminal else None

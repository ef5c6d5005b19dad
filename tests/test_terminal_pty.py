"""`diplobot run` on a real pseudo-terminal, as `make run` leaves it: commands typed at the prompt, Ctrl-C stops."""

from __future__ import annotations

import os
import pty
import select
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

DIPLOBOT = Path(sys.executable).with_name("diplobot")  # the console script `make run` starts


class Terminal:
    """A process on the slave side of a pty; the test types on the master side and reads what it shows."""

    def __init__(self, argv: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the pty is its controlling terminal, as in a shell
            try:
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.output = b""
        self.status: int | None = None

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                data = b""
            self.output += data
            if not data:
                time.sleep(timeout)  # nothing more to read; do not spin while the child exits

    def _reap(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def expect(self, *texts: str, timeout: float) -> None:
        """Read until every text has been shown."""
        deadline = time.monotonic() + timeout
        while not all(t.encode() in self.output for t in texts):
            assert time.monotonic() < deadline, f"not shown within {timeout} s: {texts}\n{self.text[-3000:]}"
            assert not self._reap(), f"exited early ({self.status}):\n{self.text[-3000:]}"
            self._read(0.1)

    def type(self, data: bytes) -> None:
        """Type on the keyboard (b"\\x03" is Ctrl-C: the terminal sends SIGINT to the foreground process)."""
        os.write(self.fd, data)

    def wait_exit(self, timeout: float) -> float | None:
        """Seconds until the process exited (reading what it prints meanwhile), or None if still running."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if self._reap():
                return time.monotonic() - start
            self._read(0.02)
        return None

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", errors="replace")

    def kill(self) -> None:
        if not self._reap():
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """`diplobot run` on the embedded default (config/ and seeds/ copied), a fresh database, on a pty."""
    shutil.copytree(REPO / "config", tmp_path / "config")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    env.update(
        DIPLOBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'var' / 'diplobot.db'}",
        DIPLOBOT_CONFIG_DIR=str(tmp_path / "config"),
        TERM="xterm",
    )
    term = Terminal([str(DIPLOBOT), "run"], tmp_path, env)
    try:
        yield term
    finally:
        term.kill()


def _stop_limit() -> float:
    """Two seconds to stop after Ctrl-C on an idle machine; longer in proportion when other work loads every core
    (a CI runner or a developer's machine running other suites), at most 10 s: a stop that hangs or waits for a
    network timeout still fails."""
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    return min(10.0, 2.0 * max(1.0, load))


def test_first_ctrl_c_stops_within_two_seconds(terminal: Terminal) -> None:
    terminal.expect("[ALERT]", "Type a command", timeout=150)  # the seed alert: the bot is up and polling
    terminal.type(b"help\r")  # the prompt reads the terminal while the bot runs
    terminal.expect("diplobot commands", timeout=30)
    terminal.type(b"\x03")
    limit = _stop_limit()
    took = terminal.wait_exit(limit)
    assert took is not None, f"still running {limit:.1f} s after Ctrl-C:\n{terminal.text[-2000:]}"
    assert os.waitstatus_to_exitcode(terminal.status or 0) == 0
    assert "diplobot stopped." in terminal.text and "Traceback" not in terminal.text


def test_ctrl_c_while_starting_stops_quietly(terminal: Terminal) -> None:
    terminal.expect("diplobot running", timeout=60)
    terminal.type(b"\x03")
    limit = _stop_limit()
    took = terminal.wait_exit(limit)
    assert took is not None, f"still running {limit:.1f} s after Ctrl-C:\n{terminal.text[-2000:]}"
    assert "Traceback" not in terminal.text and "CancelledError" not in terminal.text

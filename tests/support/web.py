"""Helpers for the console's tests: a config with the seed story and one older story, a running App on loopback."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from bot.app import App
from bot.errors import DeliveryError
from bot.storage.tables import Subscription
from tests.conftest import REPO, SEEDS
from tests.support.delivery import RecordingAdapter, RecordingSink, settings_for
from tests.support.waiting import wait_until

SEED_HEADLINE = "Blinken hosts Armenia, Azerbaijan FMs in bid to boost peace"
SEED_TITLES = (
    "U.S. Sec. of State Antony Blinken hosted a trilateral meeting with foreign ministers from Armenia",
    SEED_HEADLINE,
)
OLDER_TITLE = "EU adopts new sanctions on Belarus over border crisis"
OLDER = {
    "title": OLDER_TITLE,
    "text": "BRUSSELS, Nov 21 (Reuters) - The European Union adopted new sanctions on Belarus on Saturday, freezing "
    "the assets of 17 officials over the border crisis with Poland, EU foreign ministers said in a statement. "
    "The sanctions target border guards and airline executives, the ministers said.",
    "url": "https://example.org/eu-belarus-sanctions",
    "outlet": "Example Wire",
    "published": "2026-11-21T09:00:00+00:00",
}


def console_config(root: Path) -> Path:
    """The default rules and one folder feed: the two seed articles (one story) and an older sanctions report."""
    cfg = root / "config"
    cfg.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "config" / "rules.yaml", cfg / "rules.yaml")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "900_older.json").write_text(json.dumps(OLDER), encoding="utf-8")
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: seeds\n    url: {seeds}\n    interval: 60\n    backfill: 50\n    outlet: Seed articles\n",
        encoding="utf-8",
    )
    return cfg


@dataclass
class Running:
    """A running App with its console: the printed line, its link, token and base URL."""

    app: App
    sink: RecordingSink
    line: str
    link: str
    token: str
    base: str


@asynccontextmanager
async def running_console(
    database_url: str, root: Path, clock: object, *, failures: Sequence[DeliveryError] = (), **settings: object
) -> AsyncIterator[Running]:
    """Ingest the seeds, then `App.run` with DIPLOBOT_HTTP_PORT=0 (an ephemeral port) until the block ends.

    The channel `rec:room` is subscribed to armenia-azerbaijan-peace, so the seed story has an alert (its
    first sends fail with `failures`); `settings` are more Settings fields (sign-in providers, say)."""
    sink = RecordingSink()
    sink.failures.extend(failures)
    lines: list[str] = []
    app = App(
        settings_for(database_url, console_config(root), http_port=0, **settings),
        clock=clock,  # type: ignore[arg-type]
        adapters=[RecordingAdapter(sink)],
        announce=lines.append,
    )
    await app.setup()
    async with app.services.db.session() as session:
        if not (await session.scalars(select(Subscription).where(Subscription.channel == "rec:room"))).first():
            session.add(
                Subscription(
                    tenant="local",
                    channel="rec:room",
                    rule="armenia-azerbaijan-peace",
                    mode="immediate",
                    created_at=app.clock.now(),  # type: ignore[attr-defined]
                )
            )
    await app.poll_all(force=True)
    task = asyncio.create_task(app.run())
    try:
        await wait_until(lambda: bool(lines), "the console line")
        if not failures:
            await wait_until(lambda: len(sink.posts) >= 1, "the seed story's alert")
        line = lines[0]
        link = line.removeprefix("console: ")
        parts = urlsplit(link)
        token = parse_qs(parts.query)["token"][0]
        yield Running(app, sink, line, link, token, f"{parts.scheme}://{parts.netloc}")
    finally:
        app.stop_event.set()
        await asyncio.wait_for(task, timeout=30)


@dataclass
class BotProcess:
    """`diplobot run` in a child process: the process, what it printed so far, and its console line."""

    proc: subprocess.Popen[str]
    lines: list[str]
    line: str

    @property
    def link(self) -> str:
        return self.line.removeprefix("console: ")

    @property
    def base(self) -> str:
        return self.link.split("/login", 1)[0]

    @property
    def token(self) -> str:
        return self.link.split("token=", 1)[1]


@contextmanager
def bot_process(root: Path, env: Mapping[str, str], *, seconds: float = 60) -> Iterator[BotProcess]:
    """Start `python -m bot run` in `root` with `env` (stdout and stderr read by a thread), wait for its one
    `console: ` line, and stop it with SIGINT (as Ctrl-C does) when the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=root,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    stdout = proc.stdout
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(stdout.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + seconds
        while not any(x.startswith("console: ") for x in lines) and proc.poll() is None:
            assert time.monotonic() < deadline, "diplobot run printed no console line in time:\n" + "".join(lines)
            time.sleep(0.05)
        found = [x.strip() for x in lines if x.startswith("console: ")]
        assert len(found) == 1, "diplobot run printed no single console line:\n" + "".join(lines)
        yield BotProcess(proc, lines, found[0])
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reader.join(timeout=15)  # the pipe ends with the process; then close our end of it
        stdout.close()

"""Chaos benchmark: 3 instances on PostgreSQL deliver 1,000 articles to a flaky platform while being SIGKILLed.

    .venv/bin/python bench/chaos.py [--articles 1000] [--instances 3] [--channels 2] [--kill-every 5]

A local platform endpoint (aiohttp on 127.0.0.1, ephemeral port) answers 20% of posts with 429 and
Retry-After, 10% with a 5xx, and keeps every accepted message with its delivery key; it can be
searched by key (like Slack message metadata), so the test sink implements `find_sent`. Articles
are written into local folder feeds over `--write-seconds`; the instances (`diplobot run` code:
`App.run` with a test adapter, one subprocess each) poll them on their schedules while one instance
at a time is SIGKILLed every few seconds and restarted (while articles arrive and `--chaos-after`
seconds longer; then the survivors settle, up to `--timeout`). At the end the script prints
deliveries expected, delivered, duplicated and lost, and first-sight-to-post latency (p50/p95),
with the share of it spent ingesting (from the instances' JSON logs).

Every loop is bounded (`--timeout`); everything listens on loopback only. PostgreSQL comes from
DIPLOBOT_CHAOS_POSTGRES_URL or DIPLOBOT_TEST_POSTGRES_URL (the `.ci/run` database); a fresh database
is created for the run and dropped afterwards. `--no-lookup` runs a sink without `find_sent` (an
id-less webhook) to measure the documented duplicate bound instead.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from aiohttp import ClientSession, ClientTimeout, web  # noqa: E402

DEFAULT_PG = "postgresql+asyncpg://diplobot:diplobot@127.0.0.1:5432/diplobot_test"
WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
    "romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dune ember fjord granite "
    "harbor island jasper kelp lagoon meadow nectar orchid pebble quartz river saffron tundra umber violet "
    "willow yarrow zephyr"
).split()


# --------------------------------------------------------------------------- the platform endpoint (parent)


class Platform:
    """A webhook-like chat platform on loopback that fails on purpose and remembers what it accepted."""

    def __init__(
        self, rng: random.Random, rate_limited: float = 0.2, server_errors: float = 0.1, retry_after: float = 1.0
    ) -> None:
        self.rng = rng
        self.rate_limited, self.server_errors, self.retry_after = rate_limited, server_errors, retry_after
        self.accepted: list[dict[str, Any]] = []
        self.by_key: dict[str, str] = {}
        self.answers: Counter[int] = Counter()

    def app(self) -> web.Application:
        """Routes: POST /post, POST /edit, GET /find?key=."""
        app = web.Application()
        app.router.add_post("/post", self.post)
        app.router.add_post("/edit", self.edit)
        app.router.add_get("/find", self.find)
        return app

    async def post(self, request: web.Request) -> web.Response:
        """Accept a message (70%), or answer 429 with Retry-After (20%) or 500/502/503 (10%)."""
        body = await request.json()
        roll = self.rng.random()
        if roll < self.rate_limited:
            self.answers[429] += 1
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": str(self.retry_after)}
            )
        if roll < self.rate_limited + self.server_errors:
            status = self.rng.choice((500, 502, 503))
            self.answers[status] += 1
            return web.json_response({"ok": False, "error": "server"}, status=status)
        message_id = f"msg-{len(self.accepted) + 1}"
        self.accepted.append({**body, "id": message_id, "at": time.time()})
        if body.get("key"):
            self.by_key.setdefault(body["key"], message_id)
        self.answers[200] += 1
        return web.json_response({"ok": True, "id": message_id})

    async def edit(self, request: web.Request) -> web.Response:
        """Edits always succeed (the bench's stories never change)."""
        return web.json_response({"ok": True})

    async def find(self, request: web.Request) -> web.Response:
        """The id of the message carrying `key`, or 404."""
        message_id = self.by_key.get(request.query.get("key", ""))
        return web.json_response({"id": message_id}, status=200 if message_id else 404)


# --------------------------------------------------------------------------- the sink inside each instance


class ChaosSink:
    """An AlertSink speaking to the bench platform; with `lookup`, also a SentLookup."""

    def __init__(self, base: str, lookup: bool = True) -> None:
        self.base = base
        self.lookup = lookup
        self._http: ClientSession | None = None

    async def _session(self) -> ClientSession:
        if self._http is None:
            self._http = ClientSession(timeout=ClientTimeout(total=10))
        return self._http

    async def _post(self, path: str, alert: Any, **extra: Any) -> str | None:
        from bot.errors import Retryable
        from bot.models import DigestAlert, NoticeAlert, alert_summaries
        from bot.ports import current_delivery_key

        stories = [s.story_id for s in alert_summaries(alert)]
        body = {
            "key": current_delivery_key(),
            "channel": alert.channel,
            "kind": alert.kind,
            "stories": stories,
            "text": alert.text
            if isinstance(alert, NoticeAlert)
            else alert.title
            if isinstance(alert, DigestAlert)
            else None,
            **extra,
        }
        try:
            async with (await self._session()).post(self.base + path, json=body) as resp:
                data = await resp.json()
                if resp.status == 429:
                    raise Retryable(
                        alert.channel, "rate limited", retry_after=float(resp.headers.get("Retry-After", 1))
                    )
                if resp.status >= 500:
                    raise Retryable(alert.channel, f"HTTP {resp.status}")
                return data.get("id")
        except (TimeoutError, OSError) as exc:
            raise Retryable(alert.channel, f"{type(exc).__name__}: {exc}") from exc

    async def send(self, alert: Any) -> str | None:
        """Post a new message."""
        return await self._post("/post", alert)

    async def edit(self, alert: Any, message_id: str) -> None:
        """Edit a message."""
        await self._post("/edit", alert, message_id=message_id)

    async def reply_in_thread(self, alert: Any, message_id: str) -> str | None:
        """Post in a thread."""
        return await self._post("/post", alert, thread=message_id)

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._http is not None:
            await self._http.close()


class LookupSink(ChaosSink):
    """ChaosSink plus `find_sent` (the platform can be searched by delivery key)."""

    async def find_sent(self, alert: Any, delivery_key: str, *, thread: str | None = None) -> str | None:
        """The message id carrying `delivery_key`, or None."""
        from bot.errors import Retryable

        try:
            async with (await self._session()).get(self.base + "/find", params={"key": delivery_key}) as resp:
                if resp.status == 404:
                    return None
                if resp.status != 200:
                    raise Retryable(alert.channel, f"lookup HTTP {resp.status}")
                return (await resp.json())["id"]
        except (TimeoutError, OSError) as exc:
            raise Retryable(alert.channel, f"lookup {type(exc).__name__}: {exc}") from exc


class ChaosAdapter:
    """The adapter for channels `chaos:...`."""

    prefix = "chaos"

    def __init__(self, sink: ChaosSink) -> None:
        self.sink = sink

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Close the sink's HTTP session."""
        await self.sink.close()


def instance_main(platform: str, lookup: bool, ready: Path | None = None) -> None:
    """One `diplobot run` instance: App.run with the chaos adapter until SIGTERM; touches `ready` once set up."""
    from bot.app import App
    from bot.cli import setup_logging
    from bot.settings import load_settings

    settings = load_settings()
    setup_logging(settings)

    async def main() -> None:
        sink = LookupSink(platform) if lookup else ChaosSink(platform)
        app = App(settings, adapters=[ChaosAdapter(sink)])
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGTERM, app.stop_event.set)
        await app.setup()
        if ready is not None:
            ready.touch()
        await app.run()

    asyncio.run(main())


def instance_process(platform: str, lookup: bool, env: dict[str, str], log_path: str, ready: str) -> None:
    """The target of each instance process: environment, output to a log file, then `instance_main`."""
    os.environ.update(env)
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    instance_main(platform, lookup, Path(ready))


# --------------------------------------------------------------------------- the conductor (parent)


def write_article(folder: Path, n: int, rng: random.Random) -> None:
    """One distinct ceasefire article (its own story) as a .txt file, written atomically."""
    words = rng.sample(WORDS, 16)
    token = f"Zx{n:05d}q"
    title = f"{token} {words[1]} {words[2]} ceasefire {words[3]}"
    body = (
        f"{token} said "
        + " ".join(f"{w}{n}{rng.randrange(10**6)}" for w in words)
        + f", the ceasefire {token.lower()}."
    )
    tmp = folder / f".{n:05d}.tmp"
    tmp.write_text(f"{title}\n{body}\n", encoding="utf-8")
    tmp.rename(folder / f"{n:05d}.txt")


async def create_database(url: str) -> str:
    """A fresh database on the server of `url`; returns its URL."""
    import asyncpg

    name = f"diplobot_chaos_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return url.rsplit("/", 1)[0] + "/" + name


async def drop_database(server_url: str, url: str) -> None:
    """Drop the run's database."""
    import asyncpg

    conn = await asyncpg.connect(server_url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    finally:
        await conn.close()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values; NaN when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered) + 0.5)) - 1))]


async def conduct(args: argparse.Namespace) -> int:
    """Run the whole benchmark; returns the exit status (0 when nothing was lost or duplicated)."""
    from sqlalchemy import select

    from bot.app import App
    from bot.settings import load_settings
    from bot.storage.tables import ArticleRow, Delivery, Subscription

    rng = random.Random(args.seed)
    server_url = os.environ.get("DIPLOBOT_CHAOS_POSTGRES_URL") or os.environ.get(
        "DIPLOBOT_TEST_POSTGRES_URL", DEFAULT_PG
    )
    db_url = await create_database(server_url)
    work = Path(tempfile.mkdtemp(prefix="diplobot-chaos-"))
    platform = Platform(random.Random(args.seed + 1))
    runner = web.AppRunner(platform.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"

    cfg = work / "config"
    cfg.mkdir()
    (cfg / "rules.yaml").write_text("rules:\n  - name: truce\n    query: ceasefire\n    severity: urgent\n")
    folders = [work / "feeds" / str(f) for f in range(args.feeds)]
    lines = ["feeds:"]
    for f, folder in enumerate(folders):
        folder.mkdir(parents=True)
        lines.append(
            f"  - name: feed{f}\n    url: {folder}\n    interval: {args.interval}\n    jitter: {args.jitter}\n"
            f"    backfill: 1000000\n    outlet: Outlet {f}"
        )
    (cfg / "feeds.yaml").write_text("\n".join(lines) + "\n")
    channels = [f"chaos:room{c}" for c in range(args.channels)]
    env = {
        **os.environ,
        "DIPLOBOT_DATABASE_URL": db_url,
        "DIPLOBOT_CONFIG_DIR": str(cfg),
        "DIPLOBOT_TERMINAL": "0",
        "DIPLOBOT_BURST_LIMIT": "100000000",
        "DIPLOBOT_ADMIN_CHANNEL": "chaos:admin",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
        "DIPLOBOT_LOG_JSON": "1",
        "DIPLOBOT_LOG_LEVEL": "INFO",
        "PYTHONPATH": str(REPO),
    }

    # Migrate and seed once, then subscribe the channels (instances started together would race to migrate).
    setup_app = App(load_settings(database_url=db_url, config_dir=cfg, terminal=False), adapters=[])
    await setup_app.setup()
    async with setup_app.services.db.session() as session:
        for channel in channels:
            session.add(
                Subscription(
                    tenant="local", channel=channel, rule="truce", mode="immediate", created_at=setup_app.clock.now()
                )
            )
    await setup_app.close()

    # The first articles are there before anyone starts, so every feed has items on its first poll.
    written: dict[int, float] = {}
    first = max(args.feeds, args.articles // 10)
    for n in range(first):
        write_article(folders[n % args.feeds], n, rng)
        written[n] = time.time()

    logs = work / "logs"
    logs.mkdir()
    # Instances are processes forked from a server that has already imported diplobot, so a restart
    # after SIGKILL takes a fraction of a second, as a restarted container with warm caches would.
    mp = multiprocessing.get_context("forkserver")
    mp.set_forkserver_preload(["bot.app", "bot.cli", "aiohttp"])
    procs: list[Any] = []
    starts = Counter[int]()

    def start(i: int) -> Any:
        starts[i] += 1
        name = f"instance{i}.{starts[i]}"
        proc = mp.Process(
            target=instance_process,
            daemon=True,
            args=(
                base,
                not args.no_lookup,
                {**env, "DIPLOBOT_INSTANCE_ID": f"i{i}-{starts[i]}"},
                str(logs / f"{name}.log"),
                str(logs / f"{name}.ready"),
            ),
        )
        proc.start()
        proc.ready = logs / f"{name}.ready"
        return proc

    for i in range(args.instances):
        procs.append(start(i))

    expected = args.articles * args.channels
    t0 = time.time()
    next_kill = t0 + args.kill_every
    kills = 0
    per_second = (args.articles - first) / max(1.0, args.write_seconds)
    next_n = first
    chaos_until = t0 + args.write_seconds + args.chaos_after
    deadline = t0 + args.write_seconds + args.timeout

    def delivered_pairs() -> set[tuple[str, str]]:
        return {(m["channel"], s) for m in platform.accepted if m["channel"] in channels for s in m["stories"]}

    while time.time() < deadline:
        now = time.time()
        due = min(args.articles, first + int((now - t0) * per_second))
        while next_n < due:
            write_article(folders[next_n % args.feeds], next_n, rng)
            written[next_n] = time.time()
            next_n += 1
        done_writing = next_n >= args.articles
        if done_writing and len(delivered_pairs()) >= expected:
            break
        if now >= next_kill and now < chaos_until:
            # One instance at a time, round robin, and only one that has come up since its last restart.
            victim = kills % args.instances
            if procs[victim].ready.exists():
                os.kill(procs[victim].pid, signal.SIGKILL)
                procs[victim].join()
                kills += 1
                procs[victim] = start(victim)
                next_kill = now + args.kill_every * rng.uniform(0.6, 1.4)
        await asyncio.sleep(0.05)
    elapsed = time.time() - t0

    # Graceful stop of the survivors: they finish what is in flight.
    for p in procs:
        p.terminate()
    for p in procs:
        p.join(timeout=40)
        if p.is_alive():
            p.kill()

    db_app = App(load_settings(database_url=db_url, config_dir=cfg, terminal=False), adapters=[])
    await db_app.setup()
    async with db_app.services.db.session() as session:
        posts = (
            await session.execute(
                select(
                    Delivery.channel, Delivery.payload, Delivery.first_seen, Delivery.status, Delivery.attempts
                ).where(Delivery.kind == "post")
            )
        ).all()
        statuses = Counter((await session.scalars(select(Delivery.status))).all())
        titles = (await session.execute(select(ArticleRow.story_id, ArticleRow.title))).all()
    await db_app.close()
    await runner.cleanup()

    first_seen = {(c, p["story_id"]): fs for c, p, fs, _s, _a in posts}
    stories = {p["story_id"] for _c, p, _fs, _s, _a in posts}
    messages = Counter((m["channel"], s) for m in platform.accepted if m["channel"] in channels for s in m["stories"])
    accepted_at: dict[tuple[str, str], float] = {}
    for m in platform.accepted:
        for s in m["stories"]:
            accepted_at.setdefault((m["channel"], s), m["at"])
    delivered = len(messages)
    duplicated = sum(n - 1 for n in messages.values())
    lost = expected - delivered
    latencies = [accepted_at[k] - fs.timestamp() for k, fs in first_seen.items() if k in accepted_at and fs]
    # From the moment the article file was written: adds the wait for the feed's next poll (interval + jitter).
    written_of = {sid: written[int(title.split()[0][2:7])] for sid, title in titles if title.startswith("Zx")}
    from_written = [at - written_of[s] for (_c, s), at in accepted_at.items() if s in written_of]
    # How much of that is ingestion (fetch -> detect -> stories -> outbox rows committed), from the JSON logs.
    ingest = []
    for log_file in logs.glob("*.log"):
        for line in log_file.read_text(errors="replace").splitlines():
            if '"ingest_seconds"' in line:
                try:
                    ingest.append(float(json.loads(line)["ingest_seconds"]))
                except (ValueError, KeyError):
                    pass
    report = {
        "instances": args.instances,
        "articles": args.articles,
        "channels": args.channels,
        "stories_ingested": len(stories),
        "kills": kills,
        "seconds": round(elapsed, 1),
        "platform_answers": dict(sorted(platform.answers.items())),
        "deliveries_expected": expected,
        "delivered": delivered,
        "duplicated": duplicated,
        "lost": lost,
        "latency_p50_s": round(percentile(latencies, 50), 2),
        "latency_p95_s": round(percentile(latencies, 95), 2),
        "latency_max_s": round(max(latencies), 2) if latencies else None,
        "written_to_post_p50_s": round(percentile(from_written, 50), 2),
        "written_to_post_p95_s": round(percentile(from_written, 95), 2),
        "outbox": dict(statuses),
        "lookup": not args.no_lookup,
        "poll_interval_s": args.interval,
        "ingest_per_poll_p50_s": round(percentile(ingest, 50), 2),
        "ingest_per_poll_p95_s": round(percentile(ingest, 95), 2),
        "polls_with_articles": len(ingest),
    }
    print(f"deliveries expected  {expected}")
    print(f"delivered            {delivered}")
    print(f"duplicated           {duplicated}")
    print(f"lost                 {lost}")
    print(f"latency p50          {report['latency_p50_s']} s  (first sight of the article -> its post)")
    print(f"latency p95          {report['latency_p95_s']} s  (max {report['latency_max_s']} s)")
    print(
        f"written -> post      p50 {report['written_to_post_p50_s']} s, p95 {report['written_to_post_p95_s']} s  "
        f"(includes waiting for the feed's next poll: every {args.interval} s + up to {args.jitter} s jitter)"
    )
    print(f"articles ingested    {len(stories)} of {args.articles}; outbox at the end {dict(statuses)}")
    print(
        f"of which ingestion  p50 {report['ingest_per_poll_p50_s']} s, p95 {report['ingest_per_poll_p95_s']} s per poll "
        f"({len(ingest)} polls with new articles; first sight is the start of the poll's ingestion)"
    )
    print(
        f"instances {args.instances}, SIGKILLs {kills}, {elapsed:.0f} s, platform answers "
        f"{report['platform_answers']}, outbox {report['outbox']}"
    )
    print(json.dumps(report))
    if not args.keep:
        await drop_database(server_url, db_url)
    else:
        print(f"kept database {db_url} and logs in {logs}")
    return 0 if lost == 0 and (duplicated == 0 or args.no_lookup) else 1


def main() -> None:
    """Parse arguments and run the conductor, or one instance when --instance is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--platform", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--channels", type=int, default=2)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--interval", type=int, default=60, help="feed poll interval (s; at least 60)")
    parser.add_argument("--jitter", type=int, default=20)
    parser.add_argument("--write-seconds", type=float, default=90.0, help="articles arrive over this long")
    parser.add_argument("--kill-every", type=float, default=5.0, help="mean seconds between SIGKILLs")
    parser.add_argument(
        "--chaos-after",
        type=float,
        default=30.0,
        help="keep killing this long after the last article is written, then let the survivors settle",
    )
    parser.add_argument("--timeout", type=float, default=420.0, help="give up this long after the last article")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--no-lookup", action="store_true", help="a sink without find_sent (id-less webhook)")
    parser.add_argument("--keep", action="store_true", help="keep the database and logs")
    args = parser.parse_args()
    if args.instance:  # one instance by hand, e.g. to watch its log
        instance_main(args.platform, lookup=not args.no_lookup)
        return
    sys.exit(asyncio.run(conduct(args)))


if __name__ == "__main__":
    main()

"""Hostile-feed benchmark: 3 feeds near the caps beside 50 normal ones; does one feed stall the rest?

Run: .venv/bin/python bench/hostile_feeds.py [--hostile 3] [--normal 50] [--items 30000] [--bytes 4700000]
     [--timeout 150] [--code DIR] [--skip-baseline]

A loopback HTTP server (in this process) serves `--hostile` RSS documents of `--bytes` bytes with
`--items` items each (within the 5 MB body cap) and `--normal` feeds of 20 articles each, spread
over ten loopback addresses. The real app (`python -m bot run`, SQLite, /healthz on a free port)
polls them all at once. Meanwhile /healthz is asked every 100 ms on a fixed schedule (a slow answer
does not delay the next question). The run ends when every feed has been polled once and nothing
is in flight, or after `--timeout` seconds, then the app is stopped with SIGINT.

Printed per run: /healthz p50/p99/max and answers over 1 s; normal feeds whose poll failed (the
feeds table, plus the app's "database is locked" and unexpected-failure log lines); how long until
every feed had been polled; articles stored per hostile feed and its note; the app's peak memory
(its process, and with any parser worker). The first
run has only the normal feeds (the baseline); the second adds the hostile ones, and the ratios
compare the two.

`--code DIR` runs the app from another source tree, e.g. the code before the bounded poll:
`mkdir /tmp/old && git archive <commit> | tar -x -C /tmp/old`, then `--code /tmp/old`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout, web

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import make_feed  # noqa: E402

HOSTS = [f"127.0.0.{i}" for i in range(2, 12)]
PORT = 0  # chosen at start: one free port, on every loopback host
WORDS = (
    "ceasefire talks minister border troops agreement sanctions envoy summit delegation capital officials "
    "region peace statement president council security armenia azerbaijan killed clashes"
).split()


def hostile_feed(index: int, items: int, size: int) -> bytes:
    """An RSS document of about `size` bytes with `items` short, dated items (newest first)."""
    rnd = random.Random(1000 + index)
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile {index}</title>'
        f"<link>https://h{index}.example/</link>"
    )
    parts, used = [head], len(head) + 20
    for i in range(items):
        title = " ".join(rnd.choice(WORDS) for _ in range(3))
        start = (
            f"<item><title>{title}</title><link>https://h{index}.example/{i}</link>"
            f"<pubDate>{formatdate(1_790_000_000 - i * 60, usegmt=True)}</pubDate>"
        )
        room = (size - used) // (items - i) - len(start) - len("<description></description></item>")
        text = ""
        while len(text) < room:
            text += rnd.choice(WORDS) + " "
        parts.append(start + (f"<description>{text[:room]}</description>" if room > 0 else "") + "</item>")
        used += len(parts[-1])
    parts.append("</channel></rss>")
    return "".join(parts).encode()


async def serve(docs: dict[str, bytes]) -> list[web.AppRunner]:
    """Serve each document at /NAME.xml on every loopback host; returns the runners to clean up."""

    async def handler(request: web.Request) -> web.Response:
        body = docs.get(request.match_info["name"])
        if body is None:
            raise web.HTTPNotFound()
        return web.Response(body=body, content_type="application/rss+xml")

    runners = []
    for host in HOSTS:
        app = web.Application()
        app.router.add_get("/{name}.xml", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host, PORT).start()
        runners.append(runner)
    return runners


def free_port() -> int:
    """A port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """(RSS of `pid`, RSS of `pid` and all its descendants) in kB."""

    def rss(p: int) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def children(p: int) -> list[int]:
        out: list[int] = []
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                out.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
        return out

    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss(p)
        stack.extend(children(p))
    return rss(pid), total


def pct(values: list[float], q: float) -> float:
    """The q-quantile of `values` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def one_run(label: str, feeds: list[tuple[str, str]], hostile: set[str], args: argparse.Namespace) -> dict:
    """Start the app on a fresh SQLite database with `feeds` (name, url), measure, stop it; returns figures."""
    work = Path(tempfile.mkdtemp(prefix="hostile-bench-"))
    config = work / "config"
    config.mkdir()
    shutil.copy(REPO / "config" / "rules.yaml", config / "rules.yaml")
    lines = ["feeds:"]
    for name, url in feeds:
        lines += [f"  - name: {name}", f"    url: {url}", "    interval: 60", "    jitter: 0"]
    (config / "feeds.yaml").write_text("\n".join(lines) + "\n")
    db = work / "bench.db"
    port = free_port()
    code = Path(args.code).resolve() if args.code else REPO
    env = {
        **os.environ,
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{db}",
        "DIPLOBOT_CONFIG_DIR": str(config),
        "DIPLOBOT_HTTP_PORT": str(port),
        "DIPLOBOT_TERMINAL": "0",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
        "DIPLOBOT_LOG_JSON": "1",
        "PYTHONPATH": str(code),
    }
    log_path = work / "app.log"
    with open(log_path, "wb") as log_file:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=str(code), env=env, stdout=log_file, stderr=log_file
        )
    latencies: list[float] = []
    failed_checks = 0
    peak_main = peak_tree = 0
    probes: set[asyncio.Task[None]] = set()
    async with ClientSession(timeout=ClientTimeout(total=120)) as http:
        # Wait for /healthz to answer: start-up (migrations, seeding, rules) is not what is measured.
        while True:
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.returncode is not None:
                raise SystemExit(f"{label}: the app exited at start-up; see {log_path}")
            await asyncio.sleep(0.2)
        started = time.monotonic()

        async def probe() -> None:
            nonlocal failed_checks
            t0 = time.monotonic()
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                    await r.read()
                    if r.status != 200:
                        failed_checks += 1
            except Exception:
                failed_checks += 1
            latencies.append(time.monotonic() - t0)

        ended = False
        while not ended:
            for _ in range(10):  # one question every 100 ms, whatever the answers take
                task = asyncio.create_task(probe())
                probes.add(task)
                task.add_done_callback(probes.discard)
                main, tree = tree_rss_kb(proc.pid)
                peak_main, peak_tree = max(peak_main, main), max(peak_tree, tree)
                await asyncio.sleep(0.1)
            polled, leased = (
                sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                .execute("SELECT count(last_poll), count(lease_owner) FROM feeds")
                .fetchone()
            )
            elapsed = time.monotonic() - started
            ended = (polled == len(feeds) and leased == 0) or elapsed > args.timeout
        duration = time.monotonic() - started
        if probes:
            await asyncio.wait(probes, timeout=130)
    proc.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(proc.wait(), timeout=60)
    except TimeoutError:
        proc.kill()
        await proc.wait()
    con = sqlite3.connect(str(db))
    columns = {r[1] for r in con.execute("PRAGMA table_info(feeds)")}
    warning = "last_warning" if "last_warning" in columns else "NULL"
    rows = con.execute(
        f"SELECT id, name, last_success, consecutive_failures, last_error_kind, {warning} FROM feeds"
    ).fetchall()
    counts = dict(con.execute("SELECT feed_id, count(*) FROM articles GROUP BY feed_id").fetchall())
    con.close()
    locked = unexpected = 0
    for line in log_path.read_text(errors="replace").splitlines():
        locked += "database is locked" in line
        try:
            record = json.loads(line)
        except ValueError:
            continue
        unexpected += "failed unexpectedly" in str(record.get("message", ""))
    normal_rows = [r for r in rows if r[1] not in hostile]
    failed = [r[1] for r in normal_rows if r[2] is None or r[3]]
    shutil.rmtree(work, ignore_errors=True)
    return {
        "label": label,
        "duration": duration,
        "checks": len(latencies),
        "failed_checks": failed_checks,
        "p50": pct(latencies, 0.5),
        "p99": pct(latencies, 0.99),
        "max": max(latencies, default=float("nan")),
        "over_1s": sum(x > 1.0 for x in latencies),
        "normal_failed": failed,
        "locked": locked,
        "unexpected": unexpected,
        "peak_main_mb": peak_main / 1024,
        "peak_tree_mb": peak_tree / 1024,
        "hostile": [(r[1], counts.get(r[0], 0), r[4], r[5]) for r in rows if r[1] in hostile],
        "normal_articles": sum(counts.get(r[0], 0) for r in normal_rows),
    }


def show(run: dict) -> None:
    """Print one run's figures."""
    print(f"\n== {run['label']} ({run['duration']:.0f} s, {run['checks']} health checks)")
    print(
        f"/healthz p50 {run['p50'] * 1000:.0f} ms, p99 {run['p99'] * 1000:.0f} ms, max {run['max'] * 1000:.0f} ms, "
        f"{run['over_1s']} over 1 s, {run['failed_checks']} failed"
    )
    print(
        f"normal feeds failed: {len(run['normal_failed'])} {run['normal_failed'][:5]}; normal articles stored: "
        f"{run['normal_articles']}; 'database is locked' log lines: {run['locked']}; unexpected poll failures: "
        f"{run['unexpected']}"
    )
    for name, stored, error, note in run["hostile"]:
        print(
            f"hostile {name}: {stored} articles stored"
            + (f", error {error}" if error else "")
            + (f", note: {note}" if note else "")
        )
    print(f"peak memory: app {run['peak_main_mb']:.0f} MB, app + workers {run['peak_tree_mb']:.0f} MB")


async def main() -> None:
    """Serve the feeds, run the baseline and the hostile run, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hostile", type=int, default=3)
    parser.add_argument("--normal", type=int, default=50)
    parser.add_argument("--items", type=int, default=30_000)
    parser.add_argument("--bytes", type=int, default=4_700_000)
    parser.add_argument("--timeout", type=float, default=150.0)
    parser.add_argument("--code", help="run the app from this source tree (default: this checkout)")
    parser.add_argument("--skip-baseline", action="store_true", help="only the run with the hostile feeds")
    args = parser.parse_args()

    docs = {f"normal{i}": make_feed(i, 20) for i in range(args.normal)}
    docs.update({f"hostile{i}": hostile_feed(i, args.items, args.bytes) for i in range(args.hostile)})
    sizes = [len(docs[f"hostile{i}"]) for i in range(args.hostile)]
    print(
        f"{args.hostile} hostile feeds of {args.items:,} items ({min(sizes or [0]):,}-{max(sizes or [0]):,} bytes), "
        f"{args.normal} normal feeds of 20 items; app from {args.code or REPO}"
    )
    global PORT
    PORT = free_port()
    runners = await serve(docs)
    try:

        def url(name: str, n: int) -> str:
            return f"http://{HOSTS[n % len(HOSTS)]}:{PORT}/{name}.xml"

        normal = [(f"normal{i}", url(f"normal{i}", i)) for i in range(args.normal)]
        hostile = [(f"hostile{i}", url(f"hostile{i}", i)) for i in range(args.hostile)]
        runs = []
        if not args.skip_baseline:
            runs.append(await one_run("baseline: normal feeds only", normal, set(), args))
            show(runs[-1])
        # The hostile feeds come first, so their polls start before the others'.
        runs.append(await one_run("with the hostile feeds", hostile + normal, {n for n, _ in hostile}, args))
        show(runs[-1])
        if len(runs) == 2:
            base, hot = runs
            print(
                f"\nratio hostile/baseline: /healthz p50 x{hot['p50'] / base['p50']:.1f}, "
                f"p99 x{hot['p99'] / base['p99']:.1f}; peak memory x{hot['peak_tree_mb'] / base['peak_tree_mb']:.1f}"
            )
    finally:
        for runner in runners:
            await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())

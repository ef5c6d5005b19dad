"""`diplobot run --once` end to end, as a newcomer runs it: seeds -> one alert with both sources."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web

from tests.conftest import SEEDS

# A newcomer's first run migrates an empty database (not a copy of the suite's migrated template).
pytestmark = pytest.mark.empty_database


def run_cli(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real CLI in a subprocess with the given environment."""
    full_env = {**os.environ, "DIPLOBOT_TERMINAL": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=env.get("CWD"),
    )


def alerts_in(stdout: str) -> list[str]:
    """The [ALERT] blocks printed to the terminal."""
    return [block for block in stdout.split("=" * 78) if "[ALERT]" in block]


def test_run_once_alerts_once_with_both_sources_then_never_again(database_url: str, config_dir: Path) -> None:
    env = {"DIPLOBOT_DATABASE_URL": database_url, "DIPLOBOT_CONFIG_DIR": str(config_dir)}
    first = run_cli("run", "--once", env=env)
    assert first.returncode == 0, first.stderr
    blocks = alerts_in(first.stdout)
    assert len(blocks) == 1, first.stdout
    alert = blocks[0]
    assert "Sources (2):" in alert
    for seed in sorted(SEEDS.iterdir()):
        assert "file://" in alert and seed.name in alert
    assert "donation" not in alert.lower() and "your support" not in alert.lower()
    facts = next(line for line in alert.splitlines() if "Facts:" in line)
    assert "ceasefire:" in facts and "200" in facts and "Armenia" in facts and "Azerbaijan" in facts
    assert "Antony Blinken" in facts
    assert "Rules:" in alert
    assert "[EDITED" not in first.stdout  # both sources arrive in the first post, not as an edit

    second = run_cli("run", "--once", env=env)
    assert second.returncode == 0, second.stderr
    assert alerts_in(second.stdout) == [], second.stdout


def test_invalid_config_stops_startup_with_one_message(database_url: str, config_dir: Path) -> None:
    (config_dir / "feeds.yaml").write_text("feeds:\n  - name: broken\n    url: ftp://example.org/feed\n")
    result = run_cli(
        "run", "--once", env={"DIPLOBOT_DATABASE_URL": database_url, "DIPLOBOT_CONFIG_DIR": str(config_dir)}
    )
    assert result.returncode == 2
    message = result.stderr.strip()
    assert "feeds.yaml" in message and "broken" in message and "url" in message
    assert "Traceback" not in result.stderr


def test_invalid_setting_names_the_variable(tmp_path: Path, config_dir: Path) -> None:
    result = run_cli(
        "run", "--once", env={"DIPLOBOT_DATABASE_URL": "mysql://x", "DIPLOBOT_CONFIG_DIR": str(config_dir)}
    )
    assert result.returncode == 2
    assert "DIPLOBOT_DATABASE_URL" in result.stderr and "mysql://x" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_rule_file_names_file_entry_and_field(database_url: str, config_dir: Path) -> None:
    (config_dir / "rules.yaml").write_text("rules:\n  - name: bad\n    severity: apocalyptic\n    query: ceasefire\n")
    result = run_cli(
        "run", "--once", env={"DIPLOBOT_DATABASE_URL": database_url, "DIPLOBOT_CONFIG_DIR": str(config_dir)}
    )
    assert result.returncode == 2
    assert "rules.yaml" in result.stderr and "bad" in result.stderr and "severity" in result.stderr
    assert "apocalyptic" in result.stderr


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback World News</title><link>{base}/</link>
<item><title>Ceasefire agreed between Armenia and Azerbaijan after talks</title>
<link>{base}/a/ceasefire-agreed?utm_source=rss</link><guid>loop-1</guid>
<pubDate>{published}</pubDate>
<description>Armenia and Azerbaijan agreed a ceasefire on Tuesday after talks in Geneva, Foreign Minister Ararat Mirzoyan said. Shelling in the border region killed at least 15 soldiers last week.</description></item>
</channel></rss>"""


async def test_rss_feed_over_loopback_http_alerts(
    database_url: str, config_dir: Path, unused_tcp_port_factory=None
) -> None:
    app = web.Application()

    async def feed(request: web.Request) -> web.Response:
        base = f"http://{request.host}"
        # Published an hour ago: an item older than the story window is stored but is not news.
        published = format_datetime(datetime.now(UTC) - timedelta(hours=1), usegmt=True)
        return web.Response(
            body=RSS.format(base=base, published=published).encode(), content_type="application/rss+xml"
        )

    app.router.add_get("/rss.xml", feed)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        (config_dir / "feeds.yaml").write_text(
            f"feeds:\n  - name: loopback\n    url: http://127.0.0.1:{port}/rss.xml\n    backfill: 5\n    outlet: Loopback News\n"
        )
        import io

        from adapters.terminal import TerminalAdapter
        from bot.app import App
        from bot.settings import load_settings

        out = io.StringIO()
        settings = load_settings(
            DIPLOBOT_DATABASE_URL=database_url,
            DIPLOBOT_CONFIG_DIR=str(config_dir),
            DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True,
        )
        bot = App(settings, adapters=[TerminalAdapter(None, stream=out, interactive=False)])
        await bot.run_once()
    finally:
        await runner.cleanup()
    text = out.getvalue()
    assert text.count("[ALERT]") == 1, text
    assert "Loopback News" in text
    assert f"http://127.0.0.1:{port}/a/ceasefire-agreed" in text and "utm_source" not in text
    assert re.search(r"ceasefire: agreed", text)

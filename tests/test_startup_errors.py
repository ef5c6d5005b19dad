"""`diplobot run` that cannot start says why in one message, never a traceback, and leaves the database as it was.

Each case runs the real CLI in a subprocess with a temporary config folder and database: a bad log
level, PostgreSQL unreachable, a SQLite file that is no database, damaged or locked by another
process, the ops port in use or out of range, Slack refusing the token or unreachable. And a Slack
request signed correctly over a timestamp that is not a number gets 401, as any bad signature does.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from slack_sdk.signature import SignatureVerifier

from tests.conftest import REPO
from tests.support.slack_server import BOT_TOKEN, TEAM, FakeSlack

SECRET = "test-signing-secret-0123456789abcdef"


def environment(tmp_path: Path, config_dir: Path, **env: str) -> dict[str, str]:
    """The process environment of one run: no settings inherited from the caller's shell."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    return {
        **base,
        "DIPLOBOT_TERMINAL": "1",
        "DIPLOBOT_CONFIG_DIR": str(config_dir),
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}",
        **env,
    }


async def run_bot(env: dict[str, str], timeout: float = 90) -> tuple[int, str]:
    """`diplobot run` in a subprocess (the test's event loop keeps serving the fake Slack meanwhile)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout)
    except TimeoutError:
        proc.kill()
        await proc.wait()
        raise AssertionError("diplobot run did not stop on its own") from None
    assert proc.returncode is not None
    return proc.returncode, err.decode()


async def cli(*args: str, env: dict[str, str]) -> int:
    """Another diplobot command, e.g. one that creates and seeds the database."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    return await proc.wait()


def one_message(code: int, stderr: str, *words: str) -> str:
    """The single `Error:` line; no traceback, exit status 2."""
    assert "Traceback" not in stderr and '  File "' not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, stderr
    assert code == 2, stderr
    for word in words:
        assert word in errors[0], errors[0]
    assert "SchedulerNotRunningError" not in stderr
    return errors[0]


def no_leftovers(db: Path) -> None:
    """SQLite leaves no -wal/-shm beside the file when diplobot gives up."""
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists(), list(db.parent.iterdir())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_an_unknown_log_level_is_one_message(tmp_path: Path, config_dir: Path) -> None:
    code, err = await run_bot(environment(tmp_path, config_dir, DIPLOBOT_LOG_LEVEL="LOUD"))
    one_message(code, err, "DIPLOBOT_LOG_LEVEL", "LOUD", "DEBUG, INFO, WARNING")


async def test_an_unreachable_postgresql_is_one_message_without_the_password(tmp_path: Path, config_dir: Path) -> None:
    url = f"postgresql+asyncpg://diplobot:s3cret-pw@127.0.0.1:{free_port()}/diplobot"
    code, err = await run_bot(environment(tmp_path, config_dir, DIPLOBOT_DATABASE_URL=url))
    one_message(code, err, "PostgreSQL", "DIPLOBOT_DATABASE_URL", "ConnectionRefusedError")
    assert "s3cret-pw" not in err


@pytest.mark.parametrize("damage", ["text", "pages", "truncated"])
async def test_a_sqlite_file_that_is_no_database_or_damaged_is_left_as_it_was(
    tmp_path: Path, config_dir: Path, damage: str
) -> None:
    db = tmp_path / "diplobot.db"
    if damage == "text":
        db.write_text("my notes, not a database\n" * 100)
    else:  # a real diplobot database, then damaged
        assert await cli("feeds", "list", env=environment(tmp_path, config_dir)) == 0
        data = bytearray(db.read_bytes())
        if damage == "pages":
            data[4096:] = b"\xff" * (len(data) - 8192)
        else:
            del data[len(data) // 3 :]
        db.write_bytes(bytes(data))
    before = db.read_bytes()
    code, err = await run_bot(environment(tmp_path, config_dir))
    one_message(code, err, str(db), "not a usable SQLite database", "DIPLOBOT_DATABASE_URL")
    assert db.read_bytes() == before
    no_leftovers(db)


async def test_a_sqlite_file_locked_by_another_process_is_one_message(tmp_path: Path, config_dir: Path) -> None:
    env = environment(tmp_path, config_dir)
    db = tmp_path / "diplobot.db"
    assert await cli("feeds", "list", env=env) == 0  # migrated and seeded
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # as a backup tool or a sqlite3 shell in a transaction would
    try:
        started = time.monotonic()
        code, err = await run_bot(env)
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    one_message(code, err, str(db), "locked by another process")
    assert waited < 30, waited


async def test_the_ops_port_in_use_is_one_message(tmp_path: Path, config_dir: Path) -> None:
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = await run_bot(environment(tmp_path, config_dir, DIPLOBOT_HTTP_PORT=str(port)))
    one_message(code, err, "DIPLOBOT_HTTP_PORT", str(port), "in use")
    no_leftovers(tmp_path / "diplobot.db")


async def test_an_ops_port_out_of_range_is_one_message(tmp_path: Path, config_dir: Path) -> None:
    code, err = await run_bot(environment(tmp_path, config_dir, DIPLOBOT_HTTP_PORT="99999"))
    one_message(code, err, "DIPLOBOT_HTTP_PORT", "99999", "65535")


async def test_slack_refusing_the_token_is_one_message(tmp_path: Path, config_dir: Path, slack_fake: FakeSlack) -> None:
    code, err = await run_bot(
        environment(
            tmp_path,
            config_dir,
            SLACK_BOT_TOKEN="xoxb-revoked",
            SLACK_APP_TOKEN="xapp-x",
            SLACK_API_URL=slack_fake.api_url,
        )
    )
    one_message(code, err, "SLACK_BOT_TOKEN", "invalid_auth")
    no_leftovers(tmp_path / "diplobot.db")


async def test_slack_unreachable_is_one_message(tmp_path: Path, config_dir: Path) -> None:
    api = f"http://127.0.0.1:{free_port()}/api/"
    code, err = await run_bot(
        environment(tmp_path, config_dir, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=api)
    )
    one_message(code, err, "cannot reach Slack", api)
    no_leftovers(tmp_path / "diplobot.db")


async def test_slacks_http_port_in_use_is_one_message(tmp_path: Path, config_dir: Path, slack_fake: FakeSlack) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, err = await run_bot(
            environment(
                tmp_path,
                config_dir,
                SLACK_BOT_TOKEN=BOT_TOKEN,
                SLACK_SIGNING_SECRET=SECRET,
                SLACK_API_URL=slack_fake.api_url,
                SLACK_HOST="127.0.0.1",
                SLACK_PORT=str(port),
            )
        )
    one_message(code, err, "SLACK_PORT", str(port), "in use")


async def test_a_signed_request_over_a_non_numeric_timestamp_gets_401(
    tmp_path: Path, config_dir: Path, slack_fake: FakeSlack
) -> None:
    port = free_port()
    env = environment(
        tmp_path,
        config_dir,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack_fake.api_url,
        SLACK_HOST="127.0.0.1",
        SLACK_PORT=str(port),
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/slack/events"
    body = (
        f"team_id={TEAM}&channel_id=C1&user_id=UADMIN&user_name=ada&command=%2Fdiplobot&text=help"
        f"&response_url={slack_fake.new_response_url()}&trigger_id=1.2.3"
    )
    try:
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 90
            while True:  # until the endpoint listens
                try:
                    async with http.post(url, data=b"") as response:
                        break
                except aiohttp.ClientConnectionError:
                    assert proc.returncode is None and time.monotonic() < deadline, "diplobot did not start"
                    await asyncio.sleep(0.3)
            statuses = {}
            for stamp in ("not-a-number", "1e9", "", str(int(time.time())) + "x"):
                signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)
                headers = {
                    "X-Slack-Request-Timestamp": stamp,
                    "X-Slack-Signature": signature or "",
                    "Content-Type": "application/x-www-form-urlencoded",
                }
                async with http.post(url, data=body.encode(), headers=headers) as response:
                    statuses[stamp] = response.status
            stamp = str(int(time.time()))
            headers = {
                "X-Slack-Request-Timestamp": stamp,
                "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body) or "",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            async with http.post(url, data=body.encode(), headers=headers) as response:
                good = response.status
    finally:
        proc.terminate()
        _, err = await proc.communicate()
    assert statuses == dict.fromkeys(statuses, 401), statuses
    assert good == 200
    assert "Traceback" not in err.decode()

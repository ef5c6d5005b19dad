"""The clean-up of databases that killed test runs leave on the PostgreSQL server (tests/support/databases.py)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from tests.conftest import PG_URL
from tests.support import databases

_NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def _ago(**kw: float) -> datetime:
    return _NOW - timedelta(**kw)


def test_only_our_old_unused_databases_are_stale() -> None:
    rows = [
        ("diplobot_t_0123456789ab", _ago(hours=3), 0),  # a test's database left by a killed run
        ("diplobot_tbuild_0123456789ab", _ago(hours=2), 0),  # a template build cut short
        ("diplobot_tmpl_oldmigrations00", _ago(days=3), 0),  # the template of other migrations
        ("diplobot_tmpl_current0000000", _ago(days=9), 0),  # the current template: kept at any age
        ("diplobot_t_fedcba987654", _ago(minutes=5), 0),  # a running test's, between its connections
        ("diplobot_t_aaaaaaaaaaaa", _ago(hours=5), 1),  # someone is connected
        ("diplobot_t_bbbbbbbbbbbb", None, 0),  # age unknown
        ("diplobot_tmpl_recent00000000", _ago(hours=3), 0),  # another checkout's template, built today
        ("diplobot_test", _ago(days=30), 0),  # the database of the test URL itself
        ("someone_elses", _ago(days=30), 0),
    ]
    assert databases.stale_names(rows, "diplobot_tmpl_current0000000", _NOW) == [
        "diplobot_t_0123456789ab",
        "diplobot_tbuild_0123456789ab",
        "diplobot_tmpl_oldmigrations00",
    ]


def test_a_server_that_does_not_answer_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="tests.support.databases"):
        dropped = asyncio.run(databases.drop_stale("postgresql+asyncpg://nobody:x@127.0.0.1:1/none", "keep"))
    assert dropped == []
    assert "stale test databases not checked" in caplog.text


async def _names(url: str) -> set[str]:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        return {r["datname"] for r in await conn.fetch("SELECT datname FROM pg_database")}
    finally:
        await conn.close()


@pytest.mark.parametrize("server", [url for url in [PG_URL] if url])
def test_the_clean_up_keeps_the_template_and_a_fresh_test_database(server: str, postgres_template: str) -> None:
    fresh = asyncio.run(databases.create_postgres(server, postgres_template))
    try:
        dropped = asyncio.run(databases.drop_stale(server, postgres_template))
        assert postgres_template not in dropped and fresh.rsplit("/", 1)[1] not in dropped
        assert {postgres_template, fresh.rsplit("/", 1)[1]} <= asyncio.run(_names(server))
    finally:
        asyncio.run(databases.drop_postgres(server, fresh))

"""Shared fixtures: database URLs (SQLite always, PostgreSQL when reachable), settings, a fake clock."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.shared import shared_dir
from bot.detect import Detector, RuleSpec, compile_rules
from bot.model.events import RULES_ONLY
from tests.support import databases

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CORPUS = REPO / "corpus" / "articles"  # the labelled articles, kept in the repository with their attribution

# The shared fakes and fixtures (tests/support/); the repository root is importable through pytest's
# `pythonpath` setting (pyproject.toml), so helpers are imported as `tests.support.<module>`.
pytest_plugins = [
    "tests.support.slack_server",
    "tests.support.discord_server",
    "tests.support.commands",
    "tests.support.lifecycle",
    "tests.support.slack_requests",
]

SHARED = shared_dir()  # ../shared (eval-dev, feeds), also found from a clone in a temporary folder

os.environ.setdefault("DIPLOBOT_ALLOW_PRIVATE_NETWORKS", "1")

_PG_DEFAULT = "postgresql+asyncpg://diplobot:diplobot@127.0.0.1:5432/diplobot_test"


def _postgres_url() -> tuple[str | None, str]:
    """The PostgreSQL test URL if a server answers, and a sentence saying what was found."""
    url = os.environ.get("DIPLOBOT_TEST_POSTGRES_URL", _PG_DEFAULT)

    async def probe() -> None:
        import asyncpg

        conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"), timeout=3)
        await conn.close()

    try:
        asyncio.run(probe())
    except Exception as exc:
        return None, f"PostgreSQL not reachable at {url} ({type(exc).__name__}): database tests run on SQLite only"
    return url, f"PostgreSQL reachable at {url}: database tests run on SQLite and PostgreSQL"


PG_URL, PG_STATUS = _postgres_url()
DB_BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


FEEDS = SHARED / "feeds"
# The saved real feeds are not ours to redistribute: tests marked `shared_feeds` need them beside the
# checkout (or at $DIPLOBOT_SHARED_DIR/feeds). Without them, those tests are left out and the run says so
# once; on CI (CI=true), where the folder is always laid, a missing folder fails the run instead.
FEEDS_STATUS = (
    f"saved feeds found at {FEEDS}: the tests that read them run"
    if FEEDS.is_dir()
    else f"saved feeds not found at {FEEDS}: the tests that read them are left out; set DIPLOBOT_SHARED_DIR to the "
    "folder that holds feeds/ (the project's shared/ folder) to run them"
)


# The console's browser tests drive Debian's chromium through its chromedriver (`apt-get install chromium
# chromium-driver`; .ci/run installs them). Where they are missing those tests are left out, saying so once;
# on CI a missing browser fails the run instead.
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
BROWSER_READY = CHROMIUM.exists() and CHROMEDRIVER.exists()
BROWSER_STATUS = (
    f"chromium and chromedriver found ({CHROMIUM}, {CHROMEDRIVER}): the console's browser tests run"
    if BROWSER_READY
    else f"chromium or chromedriver not found at {CHROMIUM}, {CHROMEDRIVER}: the console's browser tests are left "
    "out; install them with 'apt-get install chromium chromium-driver' to run them"
)


# How many collected tests were left out, by reason ("no_feeds", "no_browser").
LEFT_OUT = pytest.StashKey[dict[str, int]]()


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Say clearly whether the PostgreSQL half of the suite, the saved-feed and the browser tests run."""
    return [PG_STATUS, FEEDS_STATUS, BROWSER_STATUS]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the tests that read the saved feeds, or need a browser, when those are absent. On CI (CI=true),
    where both are always laid, those tests fail instead, each saying what is missing: under pytest-xdist this hook
    runs in the workers, where a UsageError would end the run without its message."""
    absent: list[tuple[str, str, str]] = []  # (why, the tests' marker, what is missing)
    if not BROWSER_READY:
        absent.append(("no_browser", "browser", f"chromium and chromedriver ({CHROMIUM}, {CHROMEDRIVER})"))
    if not FEEDS.is_dir():
        absent.append(
            ("no_feeds", "shared_feeds", f"the saved feeds ({FEEDS}; DIPLOBOT_SHARED_DIR names their folder)")
        )
    for why, marker, missing in absent:
        needing = [item for item in items if item.get_closest_marker(marker)]
        if os.environ.get("CI"):
            for item in needing:
                item.stash[MISSING_ON_CI] = missing
            continue
        if needing:
            config.hook.pytest_deselected(items=needing)
            items[:] = [item for item in items if not item.get_closest_marker(marker)]
            _left_out(config, why, len(needing))


MISSING_ON_CI = pytest.StashKey[str]()


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are set up
def pytest_runtest_setup(item: pytest.Item) -> None:
    """On CI a test whose saved feeds or browser are missing fails, saying which."""
    if MISSING_ON_CI in item.stash:
        pytest.fail(f"CI run without {item.stash[MISSING_ON_CI]}", pytrace=False)


def _left_out(config: pytest.Config, why: str, count: int) -> None:
    """Count the tests left out for `why`. Under pytest-xdist (`make test`) the workers collect, and the controller,
    which prints the summary, never does: a worker hands its counts over in `workeroutput` (read below)."""
    config.stash.setdefault(LEFT_OUT, {})[why] = count
    workeroutput = getattr(config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[f"diplobot_left_out_{why}"] = count


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: called on the controller as each worker ends
def pytest_testnodedown(node: Any, error: object | None) -> None:
    """Take a finished worker's left-out counts. Every worker collects the whole suite, so they all report the same
    counts: the largest is kept, not the sum (a worker that crashed reports none)."""
    counts = node.config.stash.setdefault(LEFT_OUT, {})
    for key, count in getattr(node, "workeroutput", {}).items():
        if key.startswith("diplobot_left_out_"):
            why = key.removeprefix("diplobot_left_out_")
            counts[why] = max(count, counts.get(why, 0))


@pytest.hookimpl(tryfirst=True)  # before the marks are read: pytest then gives this one precedence over the params
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Modules marked `sqlite_only` test a face, not the database: their `database_url` is SQLite alone."""
    if "database_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.definition.add_marker(pytest.mark.parametrize("database_url", ["sqlite"], indirect=True))


@pytest.fixture(scope="session")
def rules_detector() -> Detector:
    """The detector's rules alone (`RULES_ONLY`: no learned event model correcting the types on top), as the class
    tests of the detection rules read a line; built once per worker."""
    return Detector(events=RULES_ONLY)


@pytest.fixture(scope="session")
def dealings_detector() -> Detector:
    """A detector with one rule asking for dealings between states (`relation: true`): a headline relation, talks or a
    visit ahead, a state holding another's national (`Findings.dealings`); built once per worker."""
    compiled, errors = compile_rules([RuleSpec(name="dealings", relation=True)])
    assert not errors
    return Detector(compiled)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest revision once per session; tests get copies."""
    return databases.migrated_sqlite(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def postgres_template() -> str:
    """The migrated PostgreSQL template database (tests/support/databases.py), built if the server lacks it."""
    assert PG_URL is not None
    return asyncio.run(databases.postgres_template(PG_URL))


@pytest.fixture(params=DB_BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL at the newest schema: a copy of the migrated SQLite file in tmp_path, or a new
    PostgreSQL database cloned from the migrated template (dropped after). Tests marked `empty_database`
    get an empty one instead (the migrations' own tests)."""
    empty = request.node.get_closest_marker("empty_database") is not None
    if request.param == "postgresql":
        assert PG_URL is not None
        template = None if empty else request.getfixturevalue("postgres_template")
        url = asyncio.run(databases.create_postgres(PG_URL, template))
        try:
            yield url
        finally:
            asyncio.run(databases.drop_postgres(PG_URL, url))
        return
    if empty:
        yield f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}"
        return
    yield databases.sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path)


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A copy of config/ whose feeds.yaml lists only a temporary copy of the seeds folder."""
    cfg = tmp_path / "config"
    cfg.mkdir()
    shutil.copy(REPO / "config" / "rules.yaml", cfg / "rules.yaml")
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: seeds\n    url: {seeds}\n    interval: 60\n    backfill: 50\n    outlet: Seeds\n",
        encoding="utf-8",
    )
    return cfg


class FakeClock:
    """An injected clock: tests move time with `advance` instead of sleeping."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        """The fake current time."""
        return self.current

    def advance(self, **kwargs: float) -> None:
        """Move time forward."""
        self.current += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at 2026-11-24 12:00 UTC."""
    return FakeClock()


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new PostgreSQL database at the newest schema (dropped after); the test is skipped, saying why, without a
    server."""
    if PG_URL is None:
        pytest.skip(PG_STATUS)
    url = asyncio.run(databases.create_postgres(PG_URL, request.getfixturevalue("postgres_template")))
    try:
        yield url
    finally:
        asyncio.run(databases.drop_postgres(PG_URL, url))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Repeat the PostgreSQL status after the results, where `-q` runs (make test) still show it, and say which
    tests were left out; once, by the process that prints the results (the controller under pytest-xdist)."""
    if hasattr(terminalreporter.config, "workerinput"):
        return  # an xdist worker: the controller says it
    terminalreporter.write_line(("" if PG_URL else "NOTE: ") + PG_STATUS)
    counts = terminalreporter.config.stash.get(LEFT_OUT, {})
    for why, status in (("no_feeds", FEEDS_STATUS), ("no_browser", BROWSER_STATUS)):
        if counts.get(why):
            terminalreporter.write_line(f"NOTE: {counts[why]} tests left out: {status}")

"""feeds.yaml: the shipped file loads; invalid files fail with a ConfigError naming file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.errors import ConfigError
from bot.ingest.feeds import FeedSpec, load_feeds_file

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    path = folder / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_feeds_file_loads() -> None:
    specs = load_feeds_file(REPO / "config" / "feeds.yaml")
    by_name = {s.name: s for s in specs}
    seeds = by_name["seeds"]
    assert seeds.kind == "folder" and Path(seeds.url) == (REPO / "seeds").resolve()
    assert seeds.backfill >= 2
    http = [s for s in specs if s.kind == "http"]
    assert len(http) >= 8 and all(s.url.startswith("https://") for s in http)
    assert all(s.backfill == 0 for s in http)
    assert len(by_name) == len(specs)


def test_defaults_and_durations(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feeds:\n  - {name: a, url: 'https://x.example/rss', interval: 5m, jitter: 10s}\n"
        "  - {name: b, url: 'https://y.example/rss'}\n  - {name: c, url: articles, interval: '300'}\n",
    )
    a, b, c = load_feeds_file(path)
    assert (a.interval, a.jitter, a.enabled, a.backfill, a.fulltext, a.outlet) == (300, 10, True, 0, False, None)
    assert b.interval == 300 and b.jitter == 30 and b.kind == "http"
    assert Path(c.url) == (tmp_path / "articles").resolve() and c.kind == "file"  # missing path: a poll error later
    (tmp_path / "articles").mkdir()
    assert c.kind == "folder"


@pytest.mark.parametrize(
    ("entry", "field", "entry_label", "found"),
    [
        ("{name: bad, url: 'https://x.example/', interval: 30}", "interval", "#1 (bad)", 30),
        ("{name: bad, url: 'https://x.example/', interval: soon}", "interval", "#1 (bad)", "soon"),
        ("{name: bad, url: 'ftp://x.example/feed'}", "url", "#1 (bad)", "ftp://x.example/feed"),
        ("{name: bad, url: 'https:///nohost'}", "url", "#1 (bad)", "https:///nohost"),
        ("{url: 'https://x.example/'}", "name", "#1", None),
        ("{name: bad, url: 'https://x.example/', backfill: -1}", "backfill", "#1 (bad)", -1),
        ("{name: bad, url: 'https://x.example/', enabled: maybe}", "enabled", "#1 (bad)", "maybe"),
        ("{name: bad, url: 'https://x.example/', colour: red}", "colour", "#1 (bad)", None),
    ],
)
def test_invalid_entries_name_file_entry_field(
    tmp_path: Path, entry: str, field: str, entry_label: str, found: object
) -> None:
    path = write(tmp_path, f"feeds:\n  - {entry}\n")
    with pytest.raises(ConfigError) as info:
        load_feeds_file(path)
    err = info.value
    assert err.file == str(path) and err.entry == entry_label and err.field == field
    assert err.found == found
    assert str(path) in str(err) and field in str(err)
    if field != "colour":
        assert err.expected
    else:
        assert "one of name, url" in str(err)


def test_second_entry_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feeds:\n  - {name: ok, url: 'https://x.example/'}\n  - {name: two, url: 'https://y.example/', jitter: -5}\n",
    )
    with pytest.raises(ConfigError) as info:
        load_feeds_file(path)
    assert info.value.entry == "#2 (two)" and info.value.field == "jitter"


def test_duplicate_names(tmp_path: Path) -> None:
    path = write(
        tmp_path, "feeds:\n  - {name: a, url: 'https://x.example/'}\n  - {name: a, url: 'https://y.example/'}\n"
    )
    with pytest.raises(ConfigError) as info:
        load_feeds_file(path)
    assert info.value.field == "name" and info.value.entry == "#2 (a)" and "duplicate" in str(info.value)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("feeds: [\n", "invalid YAML at line"),
        ("- a\n- b\n", "no top-level `feeds:`"),
        ("feeds: {a: 1}\n", "must be a list"),
        ("feeds:\n  - just-a-string\n", "must be a mapping"),
        ("feeds: []\nfoo: 1\n", "unknown top-level key"),
    ],
)
def test_file_level_errors(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_feeds_file(path)
    assert needle in str(info.value) and info.value.file == str(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_feeds_file(tmp_path / "nope.yaml")
    assert "not found" in str(info.value)


def test_feedspec_is_frozen_and_kind() -> None:
    spec = FeedSpec(name="x", url="https://x.example/rss")
    with pytest.raises(ValidationError):
        spec.name = "y"  # type: ignore[misc]
    assert spec.kind == "http"
    assert FeedSpec(name="f", url="file:///tmp").kind == "folder"

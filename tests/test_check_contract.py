"""`diplobot check` is the detector's public contract: its JSON shape and the seed findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.detect.casualties import CAUSES
from bot.models import CASUALTY_KINDS, CEASEFIRE_STATUSES, EVENT_TYPES, QUALIFIERS
from tests.conftest import REPO, SEEDS
from tests.support.check import check_json
from tests.support.cli import diplobot

KEYS = {"path", "title", "events", "casualties", "people", "countries", "matches", "story"}
# Keys added since, documented in the README: a consumer of the contract may ignore them.
EXTRA_KEYS = {"language", "relevance", "story_why"}


def test_json_contract_shape_and_order(tmp_path: Path) -> None:
    out = check_json(SEEDS)
    assert [Path(o["path"]).name for o in out] == sorted(p.name for p in SEEDS.iterdir())
    for obj in out:
        assert set(obj) == KEYS | EXTRA_KEYS and obj["language"] == "en"
        for e in obj["events"]:
            assert set(e) == {"type", "status", "evidence"} and e["type"] in EVENT_TYPES and e["evidence"]
            assert e["status"] is None or (e["type"] == "ceasefire" and e["status"] in CEASEFIRE_STATUSES)
        for c in obj["casualties"]:
            assert set(c) == {"count", "qualifier", "kind", "who", "current", "cause", "evidence"}
            assert isinstance(c["count"], int) and c["qualifier"] in QUALIFIERS and c["kind"] in CASUALTY_KINDS
            assert c["cause"] is None or c["cause"] in CAUSES
            assert isinstance(c["current"], bool) and c["evidence"]
        for p in obj["people"]:
            assert set(p) == {"name", "title", "country"}
        assert all(isinstance(c, str) for c in obj["countries"])
        for m in obj["matches"]:
            assert set(m) == {"rule", "reason"} and m["reason"]
        assert isinstance(obj["story"], str) and obj["story"]


def test_each_story_member_says_which_member_it_joins_and_what_they_share() -> None:
    a, b = check_json(SEEDS)
    assert a["story"] == b["story"] and a["story_why"] is None  # the first report starts the story
    why = b["story_why"]
    assert why["with"] == a["path"], why
    reasons = "; ".join(why["reasons"])
    assert "same parties: Antony Blinken" in reasons and "Armenia" in reasons, reasons
    assert "same event: " in reasons and "ceasefire" in reasons and "same toll: 200 killed" in reasons, reasons


def test_the_text_output_says_why_a_member_is_in_its_story() -> None:
    result = diplobot("check", str(SEEDS), cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "  with " in result.stdout and "same parties: Antony Blinken" in result.stdout, result.stdout[:2000]


def test_seed_findings() -> None:
    a, b = check_json(SEEDS)
    assert a["story"] == b["story"]
    for obj in (a, b):
        types = {e["type"] for e in obj["events"]}
        assert {"ceasefire", "talks"} <= types, obj["events"]
        assert {"Armenia", "Azerbaijan", "United States"} <= set(obj["countries"])
    people = {p["name"] for obj in (a, b) for p in obj["people"]}
    assert {"Antony Blinken", "Ararat Mirzoyan", "Jeyhun Bayramov", "Nikol Pashinyan", "Ilham Aliyev"} <= people
    figures = [c for obj in (a, b) for c in obj["casualties"]]
    assert any(c["count"] == 200 and c["current"] and c["kind"] == "killed" for c in figures), figures
    assert any(c["count"] == 6700 and not c["current"] for c in figures), figures
    assert not any(c["count"] == 6700 and c["current"] for c in figures)


def test_text_output_shows_evidence_and_rule_reasons() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(SEEDS)], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert "events:" in result.stdout and "MATCH" in result.stdout and '"' in result.stdout


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_unreadable_file_is_reported_and_the_others_still_checked(tmp_path: Path) -> None:
    for seed in SEEDS.iterdir():
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "broken.json").write_text('{"title": 3, "text": "x"}')
    (tmp_path / "untitled.json").write_text(
        '{"title": null, "text": "Russia and Ukraine agreed a ceasefire on Monday."}'
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "broken.json: skipped" in result.stderr and "Traceback" not in result.stderr
    out = json.loads(result.stdout)
    assert [Path(o["path"]).name for o in out] == sorted(p.name for p in SEEDS.iterdir()) + ["untitled.json"]
    assert out[-1]["title"] == "" and {"Russia", "Ukraine"} <= set(out[-1]["countries"])

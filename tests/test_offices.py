"""Offices in watch rules: `people: ["US Secretary of State"]` matches whoever held the office on the article's
date (issue 18), through the detector and through `diplobot check` as an analyst runs it; the table's refresh
script rewrites the table from a Wikidata export."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml

from bot.data import refresh_offices
from bot.detect import Detector, compile_rules
from bot.detect.offices import office_like, parse, table
from bot.detect.rules import RuleSpec
from tests.conftest import REPO, SEEDS
from tests.support.check import check_json

RULES = """\
rules:
  - name: secstate
    people: ["US Secretary of State"]
"""
# Real wording, short excerpts: the 2010 and 2016 items are in the style of the wires of those years.
CLINTON_2010 = (
    "Clinton urges restraint on Korean peninsula",
    "SEOUL, May 26 (Reuters) - U.S. Secretary of State Hillary Clinton said on Wednesday that the sinking of a "
    "South Korean warship was an unacceptable provocation by North Korea, and called on China to work with "
    "Washington to keep the peace on the Korean peninsula.",
)
CLINTON_2016 = (
    "Clinton says Trump would embolden Russia",
    "Democratic presidential candidate Hillary Clinton, a former secretary of state, said on Thursday that her "
    "Republican rival's praise for Russian President Vladimir Putin would embolden Moscow.",
)
GEORGIA = (
    "Georgia certifies presidential election results after recount",
    "Georgia's Secretary of State Brad Raffensperger certified the state's presidential election results on "
    "Friday after a hand recount. Georgia Secretary of State Brad Raffensperger said the numbers reflected the "
    "verdict of the people.",
)


def _rules(*people: str):
    compiled, errors = compile_rules([RuleSpec.model_validate({"name": "watch", "people": list(people)})])
    return compiled, errors


def _seed_items() -> list[tuple[str, str]]:
    out = []
    for path in sorted(SEEDS.iterdir()):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        out.append((title, text))
    return out


def test_an_office_matches_whoever_held_it_on_the_articles_date() -> None:
    compiled, errors = _rules("US Secretary of State")
    assert not errors
    detector = Detector(compiled)
    # The seed articles: Blinken's meeting with the Armenian and Azerbaijani ministers, 19 September 2022.
    for title, text in _seed_items():
        found = detector.detect(title, text, datetime(2022, 9, 19, 14, tzinfo=UTC)).matches
        assert [m.rule for m in found] == ["watch"], title
        assert "Antony Blinken (US Secretary of State on 2022-09-19)" in found[0].reason
    spoke = detector.detect(*CLINTON_2010, datetime(2010, 5, 26, tzinfo=UTC)).matches
    assert spoke and "Hillary Clinton (US Secretary of State on 2010-05-26)" in spoke[0].reason
    assert detector.detect(*CLINTON_2016, datetime(2016, 9, 8, tzinfo=UTC)).matches == ()
    assert detector.detect(*GEORGIA, datetime(2020, 11, 20, tzinfo=UTC)).matches == ()
    # The same seed read in 2026 names a former secretary: the reason says who held the office then.
    ((_, ok, why),) = detector.explain(*_seed_items()[0], datetime(2026, 12, 1, tzinfo=UTC))
    assert not ok and "US Secretary of State (Marco Rubio on 2026-12-01)" in why


def test_a_named_person_matches_whatever_office_they_hold() -> None:
    compiled, errors = _rules("Hillary Clinton")
    assert not errors
    detector = Detector(compiled)
    assert detector.detect(*CLINTON_2010, datetime(2010, 5, 26, tzinfo=UTC)).matches
    assert detector.detect(*CLINTON_2016, datetime(2016, 9, 8, tzinfo=UTC)).matches


@pytest.mark.parametrize(
    ("written", "office"),
    [
        ("US Secretary of State", "US Secretary of State"),
        ("Secretary of State of the United States", "US Secretary of State"),
        ("U.S. Secretary of State", "US Secretary of State"),
        ("Russian Foreign Minister", "Russian Foreign Minister"),
        ("UN Secretary-General", "UN Secretary-General"),
        ("the U.N. Secretary General", "UN Secretary-General"),
        ("NATO Secretary General", "NATO Secretary General"),
        ("british prime minister", "UK Prime Minister"),
        ("President of Ukraine", "Ukrainian President"),
        ("Germany's Chancellor", "German Chancellor"),
    ],
)
def test_the_names_an_analyst_types_find_the_office(written: str, office: str) -> None:
    found = table().find(written)
    assert found is not None and found.name == office


def test_an_unknown_office_is_refused_with_the_nearest_offices() -> None:
    _compiled, errors = _rules("Secretary of State")
    (error,) = errors
    assert "unknown office 'Secretary of State'" in str(error)
    assert "did you mean US Secretary of State?" in str(error) and "name the country" in str(error)
    _compiled, errors = _rules("Russian Foreign Ministr")
    assert "did you mean Russian Foreign Minister" in str(errors[0])
    assert not office_like("Nikol Pashinyan") and office_like("Foreign Minister")
    # A US state's official is no office of the table; a title with a name is a person, as before.
    _compiled, errors = _rules("Georgia's Secretary of State")
    assert 'unknown office "Georgia\'s Secretary of State"' in str(errors[0])
    assert office_like("Georgia Secretary of State") and not office_like("General Burhan")
    _compiled, errors = _rules("General Burhan", "President Macron")
    assert not errors


def test_the_table_holds_the_offices_from_2000_to_its_date_without_gaps_of_more_than_a_month() -> None:
    shipped = table()
    assert shipped.updated == "2026-12-04"
    day = date(2000, 1, 1)
    for office in shipped.offices:
        terms = office.terms
        assert terms[0].start <= day, office.id
        assert terms[-1].end is None, office.id
        for before, after in zip(terms, terms[1:], strict=False):
            assert before.end is not None and (after.start - before.end).days <= 31, (office.id, after)
    ids = {o.id for o in shipped.offices}
    assert {
        "us-president",
        "russia-president",
        "uk-foreign-secretary",
        "china-foreign-minister",
        "india-prime-minister",
    } <= ids
    assert shipped.find("US Secretary of State").holders_on(date(2013, 2, 1)) == ("Hillary Clinton", "John Kerry")


def test_check_cli_with_a_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    items = tmp_path / "items"
    items.mkdir()
    for i, (title, text) in enumerate(_seed_items()):
        data = {"title": title, "text": text, "published": "2022-09-19T15:00:00Z"}
        (items / f"seed{i}.json").write_text(json.dumps(data), encoding="utf-8")
    for name, (title, text), published in [
        ("clinton2010", CLINTON_2010, "2010-05-26T08:00:00Z"),
        ("clinton2016", CLINTON_2016, "2016-09-08T20:00:00Z"),
        ("georgia", GEORGIA, "2020-11-20T22:00:00Z"),
    ]:
        data = {"title": title, "text": text, "published": published}
        (items / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    out = check_json(items, extra=("--rules", str(rules)))
    matched = {Path(o["path"]).stem: [m["rule"] for m in o["matches"]] for o in out}
    assert matched == {
        "clinton2010": ["secstate"],
        "clinton2016": [],
        "georgia": [],
        "seed0": ["secstate"],
        "seed1": ["secstate"],
    }


def _binding(office: str, name: str, start: str | None = None, end: str | None = None) -> dict[str, dict[str, str]]:
    """One row of a SPARQL JSON result, as query.wikidata.org writes it."""
    row = {
        "office": {"type": "uri", "value": f"http://www.wikidata.org/entity/{office}"},
        "personLabel": {"type": "literal", "value": name},
    }
    row.update({k: {"type": "literal", "value": f"{v}T00:00:00Z"} for k, v in (("start", start), ("end", end)) if v})
    return row


EXPORT = {
    "head": {"vars": ["office", "person", "personLabel", "start", "end"]},
    "results": {
        "bindings": [
            _binding("Q14213", "Hillary Clinton", "2009-01-21", "2013-02-01"),
            _binding("Q14213", "John Kerry", "2013-02-01"),
            _binding("Q14213", "Someone Undated"),
            _binding("Q99999999", "Not Asked For", "2001-01-01"),
        ]
    },
}


def test_the_refresh_script_rewrites_the_table_from_a_wikidata_export(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(EXPORT), encoding="utf-8")
    out = tmp_path / "offices.yaml"
    query = subprocess.run(
        [sys.executable, "-m", "bot.data.refresh_offices", "--query"], capture_output=True, text=True, cwd=REPO
    )
    assert query.returncode == 0 and "wd:Q14213" in query.stdout and "pq:P580" in query.stdout
    result = subprocess.run(
        [sys.executable, "-m", "bot.data.refresh_offices", str(export), "--out", str(out), "--updated", "2027-01-05"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "us-secretary-of-state: 2 terms (1 statements without a start left out)" in result.stdout
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert written["updated"] == "2027-01-05"
    assert written["offices"]["us-secretary-of-state"]["holders"] == [
        {"name": "Hillary Clinton", "start": "2009-01-21", "end": "2013-02-01"},
        {"name": "John Kerry", "start": "2013-02-01"},
    ]
    shipped = yaml.safe_load(refresh_offices.TABLE.read_text(encoding="utf-8"))
    # Offices the export does not cover (no Wikidata id, or no row) are kept as they were.
    assert written["offices"]["russia-foreign-minister"] == shipped["offices"]["russia-foreign-minister"]
    assert written["offices"]["us-president"] == shipped["offices"]["us-president"]
    assert "Sources: Wikidata (P39" in out.read_text(encoding="utf-8")
    refreshed = parse(written)
    assert refreshed.find("Secretary of State of the United States").holders_on(date(2020, 1, 1)) == ("John Kerry",)
    # The shipped table is what the script writes: refreshing with an empty export changes nothing.
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"head": {"vars": []}, "results": {"bindings": []}}), encoding="utf-8")
    again = tmp_path / "again.yaml"
    subprocess.run(
        [sys.executable, "-m", "bot.data.refresh_offices", str(empty), "--out", str(again), "--updated", "2026-12-04"],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    assert again.read_text(encoding="utf-8") == refresh_offices.TABLE.read_text(encoding="utf-8")

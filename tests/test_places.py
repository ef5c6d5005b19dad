"""Regions and groups in rules (issue 18, item 1), as a user meets them: rules added through the CLI and
checked on seed-like reports with `diplobot check`, the `places` command, the refusal of an unknown place."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.detect import groups as place_groups
from tests.support.cli import diplobot

# Seed-like reports (the shape of the saved feeds' items): a title line, a blank line, the body.
REPORTS = {
    "sudan.txt": "Drone strike on El Fasher market kills at least 40, Sudanese doctors say\n\n"
    "At least 40 people were killed when a drone struck a crowded market in El Fasher, the capital of "
    "North Darfur, on Sunday, the Sudan Doctors Network said. The group blamed the paramilitary Rapid "
    "Support Forces, which have besieged the city for more than a year.\n",
    "france.txt": "Three killed in Marseille shooting, French police say\n\n"
    "At least three people were killed in a shooting in the northern districts of Marseille late on "
    "Saturday, French police said. The interior minister said the attack was linked to drug trafficking.\n",
    "gaza.txt": "Ceasefire takes hold in Gaza after mediators announce deal\n\n"
    "A ceasefire took effect in Gaza on Sunday morning after mediators announced that the warring sides "
    "had agreed to halt fighting. Residents of Khan Younis returned to their streets as the truce held.\n",
    "darfur.txt": "Fighting in Darfur kills at least 25 civilians\n\n"
    "At least 25 civilians were killed in fighting around Nyala in South Darfur this week, a local "
    "rights group said on Tuesday. Residents described shelling of homes and a hospital.\n",
}


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess as the local operator."""
    return diplobot(*args, env=env)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A database of its own (the commands create it) and the reports on disk."""
    root = tmp_path_factory.mktemp("places")
    for name, text in REPORTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return {"DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{root / 'diplobot.db'}", "REPORTS": str(root)}


def matched(env: dict[str, str], rules: str | None = None) -> dict[str, set[str]]:
    """`diplobot check --json` over the reports: file name -> the rules that matched it."""
    source = ["--rules", rules] if rules else ["--rules-from-db"]
    out = cli("check", "--json", *source, env["REPORTS"], env=env)
    assert out.returncode == 0, out.stderr
    return {Path(o["path"]).name: {m["rule"] for m in o["matches"]} for o in json.loads(out.stdout)}


def test_region_and_grouping_rules_added_through_the_cli(env: dict[str, str]) -> None:
    for args in (
        ["africa-deaths", "--places", "Africa", "--events", "casualties"],
        ["mideast-truce", "--places", "Middle East", "--events", "ceasefire"],
    ):
        added = cli("watch", "add", *args, "--yes", env=env)
        assert added.returncode == 0 and "added" in added.stdout, added.stderr
    found = matched(env)
    assert "africa-deaths" in found["sudan.txt"] and "africa-deaths" not in found["france.txt"]
    assert "africa-deaths" in found["darfur.txt"]  # a place inside Sudan, no country named
    assert "mideast-truce" in found["gaza.txt"] and "mideast-truce" not in found["sudan.txt"]
    shown = cli("check", "--rules-from-db", env["REPORTS"] + "/sudan.txt", env=env)
    assert "places: Sudan (in Africa)" in shown.stdout


def test_a_places_only_rule_matches_a_place_inside_its_countries(env: dict[str, str], tmp_path: Path) -> None:
    """No event to file the rule under: it must still be tried when the article names only Darfur or Gaza."""
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n  - name: in-africa\n    places: [Sub-Saharan Africa, Northern Africa]\n"
        "  - name: arab-league\n    places: [Arab League]\n  - name: nato\n    places: [NATO]\n",
        encoding="utf-8",
    )
    found = matched(env, str(rules))
    assert found["darfur.txt"] == {"in-africa", "arab-league"}
    assert found["gaza.txt"] == {"arab-league"} and found["france.txt"] == {"nato"}


def test_sub_national_places_resolve_to_their_countries() -> None:
    for name, country in [
        ("Nagorno-Karabakh", "Azerbaijan"),
        ("Donetsk", "Ukraine"),
        ("Luhansk", "Ukraine"),
        ("Gaza", "Palestine"),
        ("West Bank", "Palestine"),
        ("Darfur", "Sudan"),
        ("Tigray", "Ethiopia"),
        ("Crimea", "Ukraine"),
        ("Kashmir", "India"),
        ("Idlib", "Syria"),
        ("Kurdistan region", "Iraq"),
        ("Transnistria", "Moldova"),
        ("Abkhazia", "Georgia"),
        ("South Ossetia", "Georgia"),
        ("Western Sahara", "Morocco"),
    ]:
        countries, regions, _ = place_groups.resolve(name)
        assert country in countries | {c for r in regions for c in place_groups.inside().get(r, ())}, name


def test_unknown_place_is_refused_with_the_nearest_names(env: dict[str, str]) -> None:
    out = cli("watch", "add", "bad", "--places", "Afrika", "--yes", env=env)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "unknown place 'Afrika'" in out.stderr and "did you mean Africa" in out.stderr
    assert "diplobot places" in out.stderr


def test_places_lists_groups_with_members_and_shows_one(env: dict[str, str]) -> None:
    listing = cli("places", env=env)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    for name in (
        "Africa",
        "Sub-Saharan Africa",
        "Western Asia",
        "Eastern Europe",
        "Middle East",
        "Sahel",
        "Horn of Africa",
        "Caucasus",
        "Balkans",
        "Central Asia",
        "Gulf",
        "EU",
        "NATO",
        "African Union",
        "ASEAN",
        "G7",
        "G20",
        "Arab League",
        "BRICS",
    ):
        assert any(line.startswith(f"{name} (") for line in lines), name
    africa = cli("places", "africa", env=env)
    assert africa.stdout.startswith("Africa: continent") and "Sudan" in africa.stdout and "France" not in africa.stdout
    gaza = cli("places", "gaza", env=env)
    assert "Gaza: a place in Palestine" in gaza.stdout and "Middle East" in gaza.stdout
    wrong = cli("places", "middle est", env=env)
    assert wrong.returncode == 1 and "did you mean Middle East" in wrong.stderr


def test_the_tables_are_complete_and_read_without_pandas() -> None:
    table = place_groups.groups()
    assert {"Sudan", "Egypt", "Nigeria"} <= set(table.find("Africa").members)  # type: ignore[union-attr]
    assert "Sudan" not in table.find("Sub-Saharan Africa").members  # type: ignore[union-attr]  # M49: Northern Africa
    assert len(table.find("NATO").members) == 32 and len(table.find("African Union").members) == 55  # type: ignore[union-attr]
    assert table.find("Australia") is None and table.find("AU") is None  # AU stays Australia's code
    assert all(g.source for g in table.groups)
    # In a fresh interpreter: other test modules (scikit-learn's) load pandas into this one at collection.
    probe = "import sys; from bot.detect import groups; groups.groups(); print('pandas' in sys.modules)"
    fresh = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert fresh.returncode == 0 and fresh.stdout.strip() == "False", fresh.stdout + fresh.stderr

"""Items in another language are tagged with it and never read by the English detector's patterns."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.codec import detection_from_dict, detection_to_dict
from bot.detect import Detector, compile_rules, load_rules_file
from bot.detect.language import language_of
from tests.conftest import REPO

RULES = REPO / "config" / "rules.yaml"

# Real-world shapes of the feed items that produced English-rule junk: a headline and a teaser.
FOREIGN = [
    (
        "pt",
        "Mãe de utente é a nova presidente da Raríssimas",
        "A associação elegeu uma nova direção depois da polémica sobre a gestão de Paula Brito e Costa.",
    ),
    (
        "uk",
        "Торгівля між Росією та Китаєм у 2023 році перевищила 200 млрд доларів",
        "Про це повідомила митна служба Китаю, передає Суспільне.",
    ),
    ("zh", "萨达姆之墓在反伊斯兰国战事中被毁", "伊拉克官员说，萨达姆侯赛因的墓在提克里特的战斗中被摧毁。"),
    (
        "fr",
        "Coronavirus en Belgique: 200 cas détectés au total",
        "Le nombre de cas confirmés continue d'augmenter, selon les autorités sanitaires.",
    ),
    (
        "es",
        "Ataques aéreos israelíes matan a 38 palestinos en Gaza",
        "Los bombardeos alcanzaron varias zonas del territorio durante la noche, según funcionarios de salud.",
    ),
    ("ru", "Россия и Украина договорились о перемирии", "Стороны согласовали прекращение огня на 30 дней."),
    ("ar", "وزير الخارجية يلتقي نظيره الأمريكي في القاهرة", "بحث الجانبان وقف إطلاق النار في غزة."),
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(compile_rules(load_rules_file(RULES))[0])


# What each FOREIGN item says, as its own language's lexicon reads it (bot/detect/multilingual.py): countries
# and event types. The English patterns found junk on these (a country from a stray word); they no longer run.
READ = {
    "pt": (set(), set()),
    "uk": ({"Russia", "China"}, set()),
    "zh": ({"Iraq"}, {"clash"}),
    "fr": ({"Belgium"}, set()),
    "es": ({"Israel", "Palestine"}, {"clash", "casualties"}),
    "ru": ({"Russia", "Ukraine"}, {"ceasefire", "agreement"}),
    "ar": ({"United States", "Egypt", "Palestine"}, {"talks", "ceasefire"}),
}


@pytest.mark.parametrize(("code", "title", "text"), FOREIGN)
def test_a_foreign_item_is_tagged_and_read_in_its_language(
    detector: Detector, code: str, title: str, text: str
) -> None:
    det = detector.detect(title, text)
    assert det.language == code
    countries, events = READ[code]
    assert set(det.countries) == countries
    assert {e.type for e in det.events} == events


@pytest.mark.parametrize(
    "title",
    [
        "Russia and Ukraine agreed on Tuesday to a 30-day ceasefire",
        "Ron Johnson Loses It on 'Meet the Press'",
        "Hamas",  # too short to tell: stays English
        "",
    ],
)
def test_english_and_undecidable_items_are_read_as_english(title: str) -> None:
    assert language_of(title, "") == "en"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Envoy welcomes the detente", "Ambassador Francois Gouyette welcomes the rapprochement with Bamako."),
        (
            "Minister regrets the coup",
            "Minister Jean-Baptiste Lemoyne comments on the coup d'etat of Colonel Doumbouya.",
        ),
        ("Ambassador on the detente", "Ambassador Gouyette: rapprochement with Bamako a priority."),
    ],
)
def test_english_with_a_borrowed_phrase_stays_english(title: str, text: str) -> None:
    """Two English function words beside French names and a borrowed phrase: lingua alone (even in
    high-accuracy mode) calls such a short item French."""
    assert language_of(title, text) == "en"


@pytest.mark.parametrize(
    ("code", "title", "text"),
    [
        (
            "fr",
            "Le ministre condamne le coup d'etat",
            "Selon The Guardian, le chef of staff a fui vers la frontiere avec sa famille.",
        ),
        (
            "es",
            "El presidente viaja a Washington para una reunion",
            "Se reunira con el Secretary of State en la sede del gobierno, segun el portavoz de la presidencia.",
        ),
    ],
)
def test_a_foreign_text_quoting_english_names_is_not_english(code: str, title: str, text: str) -> None:
    """The English words a quoted name brings ("The Guardian", "Secretary of State") do not make unaccented
    French or Spanish English."""
    assert language_of(title, text) == code


def test_english_with_foreign_names_stays_english(detector: Detector) -> None:
    det = detector.detect(
        "Secretary Blinken meets Mexican Foreign Secretary Ebrard in Ciudad de México",
        "The two discussed migration, fentanyl and security cooperation.",
    )
    assert det.language == "en" and "Mexico" in det.countries


def test_language_survives_storage() -> None:
    det = Detector().detect("Mãe de utente é a nova presidente da Raríssimas", "A associação elegeu uma nova direção.")
    assert detection_from_dict(json.loads(json.dumps(detection_to_dict(det)))).language == "pt"
    assert detection_from_dict({}).language == "en"  # rows stored before the field existed


def test_check_shows_the_language(tmp_path: Path) -> None:
    (tmp_path / "pt.json").write_text(json.dumps({"title": FOREIGN[0][1], "text": FOREIGN[0][2]}), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path)], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert out.returncode == 0, out.stderr
    assert "language: pt (Portuguese: read by its language's lexicon)" in out.stdout
    data = json.loads(
        subprocess.run(
            [sys.executable, "-m", "bot", "check", "--json", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
        ).stdout
    )
    assert data[0]["language"] == "pt" and data[0]["countries"] == []


async def test_app_start_loads_the_language_models_before_serving(database_url: str, tmp_path: Path) -> None:
    """Models loaded on first need held the interpreter lock inside a poll, stalling /healthz 2-6 s."""
    from bot.detect import language
    from tests.conftest import FakeClock
    from tests.support.delivery import RecordingSink, make_app, make_config

    language._detector.cache_clear()  # what earlier tests in this process built does not count
    app = await make_app(database_url, make_config(tmp_path), FakeClock(), RecordingSink(), http_port=0)
    task = asyncio.create_task(app.run())
    try:
        for _ in range(3000):
            if app.ops is not None or task.done():
                break
            await asyncio.sleep(0.01)
        assert app.ops is not None, "the ops server did not start"
        assert language.models_loaded(), "the ops server serves before the language models are loaded"
        started = time.monotonic()
        assert language_of("Coronavirus en Belgique: 200 cas détectés au total", "") == "fr"
        first = time.monotonic() - started
    finally:
        app.stop_event.set()
        await asyncio.wait_for(task, timeout=30)
    assert first < 0.5, f"the first French detection took {first:.2f} s: models loaded on first need"

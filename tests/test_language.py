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


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Envoy travels to Saudi Arabia, Egypt and Türkiye",
            "The special envoy will travel to Riyadh, Cairo and Ankara next week to continue efforts to end the war.",
        ),
        (
            "Joint statement on strategic stability",
            "sabato 12 marzo 2022\n\nThe two presidents said that they will hold talks on arms control and that the "
            "treaty has been extended.",
        ),
        (
            "Minister to visit Bogotá",
            "Foreign Minister Gabriel Morales will travel to Bogotá, Lima and Quito, starting on March 4, to continue "
            "regional consultations.",
        ),
    ],
)
def test_english_with_a_letter_or_two_beyond_ascii_stays_english(title: str, text: str) -> None:
    """A place in its own spelling or a republisher's date line in its language leaves an English headline and lead
    English: lingua reads such an item as French or Italian."""
    assert language_of(title, text) == "en"


@pytest.mark.parametrize(
    ("code", "title", "text"),
    [
        (
            "es",
            "El canciller se reunió con el Secretary of State",
            "Según el portavoz, la reunión fue 'the start of a new chapter' y se trató la situación de la frontera.",
        ),
        (
            "fr",
            "Le ministre condamne l'attaque",
            "Le ministre des Affaires etrangeres a condamne l'attaque de vendredi contre la base, selon un communiqué "
            "publié samedi.",
        ),
    ],
)
def test_accented_text_with_english_words_or_few_accents_keeps_its_language(code: str, title: str, text: str) -> None:
    """Spanish quoting English writes more accented letters than an English item naming a place; French with two
    accents uses no English function word."""
    assert language_of(title, text) == code


_ENGLISH_BODY = (
    "Rescue teams searched the collapsed market through the night after a car bomb exploded near the main gate on"
    " Friday, the provincial governor said. At least 14 people were killed and more than 30 were wounded, and the"
    " toll was expected to rise as the search went on. No group has claimed the attack, which came a week after"
    " the army withdrew from the district. The governor said the wounded had been taken to the city hospital.\n\n"
    "Traders said the market had reopened only last month, after repairs to the roof and the stalls that had been"
    " damaged in the fighting of the spring. Many of the victims were farmers who had come in from the villages to"
    " sell their crops before the holiday, and several families were still waiting outside the hospital for news"
    " of relatives on Saturday morning. The interior ministry said it had sent more police to guard the roads into"
    " the town and that checkpoints would stay in place until the end of the week. Officials from the aid agencies"
    " working in the province said they were sending medicine and blood to the hospital, which has only two"
    " surgeons and was already short of beds before the attack."
)


@pytest.mark.parametrize(
    "chrome",
    [
        "首页 新闻 听力 阅读 论坛 英语学习 慢速英语 常速英语 英语视频 英语演讲\n慢速英语:市场汽车炸弹爆炸导致十四人死亡三十多人受伤\n"
        "发布时间 2017年 已有人浏览 增大字体 减小字体\n欢迎您,请点击播放按钮开始播放\n",
        "ホーム ニュース 英語学習 リスニング 初級 中級 上級 単語帳 動画で学ぶ英語\n市場で自動車爆弾が爆発、十四人死亡、三十人以上負傷\n"
        "公開日 閲覧数 文字サイズ 大きく 小さく\n再生ボタンを押して音声を聞いてください\n",
        "الرئيسية أخبار تعلم الإنجليزية دروس الاستماع المفردات الفيديو\nانفجار سيارة مفخخة في سوق يقتل أربعة عشر شخصا ويصيب أكثر من"
        " ثلاثين\nتاريخ النشر حجم الخط تكبير تصغير\nاضغط على زر التشغيل للاستماع\n",
    ],
)
def test_english_under_another_scripts_page_chrome_stays_english(chrome: str) -> None:
    """A republisher's menu or a translated title in Chinese, Japanese or Arabic above an English article: the
    first 200 characters look foreign, the article is English."""
    assert language_of("", chrome + _ENGLISH_BODY) == "en"


def test_a_chinese_text_quoting_english_is_still_chinese() -> None:
    """A Chinese article that quotes an English sentence is mostly Chinese letters: not English."""
    text = (
        '美国国务院发言人周二表示,双方在日内瓦举行了会谈。发言人说:"The talks were useful and we will meet again."'
        "他还表示,双方同意继续就停火问题进行磋商,并将在下周再次会面。外交部长当天也与对方通了电话,讨论了人道主义援助问题。"
    )
    assert language_of("双方在日内瓦举行会谈", text) == "zh"


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


def test_warm_up_gives_up_between_two_languages_once_a_stop_is_asked() -> None:
    """Each language's models load in their own step, and the warm-up looks at the stop before each one."""
    from bot.detect import language

    language._detector.cache_clear()
    asked: list[int] = []

    def stopped() -> bool:
        asked.append(1)
        return len(asked) > 3  # asked after three languages' models are in

    assert language.warm_up(stopped) is False
    assert len(asked) == 4 and not language.models_loaded()
    assert language.warm_up() is True and language.models_loaded()


async def test_a_stop_while_the_language_models_load_starts_nothing_else(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during start-up: the load gives up after the language in hand; nothing is served, polled or warmed."""
    from bot.detect import language
    from tests.conftest import FakeClock
    from tests.support.delivery import RecordingSink, make_app, make_config

    language._detector.cache_clear()
    app = await make_app(database_url, make_config(tmp_path), FakeClock(), RecordingSink(), http_port=0)
    loop = asyncio.get_running_loop()
    built: list[tuple[str, ...]] = []
    real_build = language._build

    def build_then_stop(names: tuple[str, ...], confirm: bool) -> object:
        built.append(names)
        loop.call_soon_threadsafe(app.stop_event.set)  # as the Ctrl-C handler does, from outside the loop
        for _ in range(500):
            if app.stop_event.is_set():
                break
            time.sleep(0.01)
        return real_build(names, confirm)

    monkeypatch.setattr(language, "_build", build_then_stop)
    warmed: list[bool] = []
    monkeypatch.setattr(app, "warm_up", lambda: asyncio.sleep(0, warmed.append(True)))
    await asyncio.wait_for(app.run(grace=0.1), timeout=60)
    assert len(built) == 1, f"the warm-up went on after the stop: {len(built)} languages loaded"
    assert app.console is None and not warmed and not language.models_loaded()

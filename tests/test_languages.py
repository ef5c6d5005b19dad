"""News in other languages read by their own lexicons (bot/detect/multilingual.py, issue 18).

Sentences written for these tests (not corpus items), one or more per language, read through the Detector as
the pipeline does; then a rule matching French and Arabic items end to end through `diplobot check`, and an
alert that names the item's language beside its original headline.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.terminal.render import render_summary
from bot.codec import detection_to_dict
from bot.detect import Detector
from bot.detect.multilingual import LANGUAGES, lexicon, read
from bot.models import Article
from bot.repo.stories import build_view
from bot.storage.tables import ArticleRow
from bot.stories.summarize import summarize
from tests.support.check import check_json

# (language, headline, lead, countries, event types, first casualty (count, kind) or None, people)
CASES = [
    (
        "fr",
        "Soudan : au moins 40 morts dans des frappes aériennes sur Khartoum",
        "L'armée soudanaise et les paramilitaires s'affrontent depuis avril, selon des médecins.",
        {"Sudan"},
        {"clash", "casualties"},
        (40, "killed"),
        set(),
    ),
    (
        "fr",
        "Le ministre russe Sergueï Lavrov rencontre son homologue turc à Ankara",
        "Les deux ministres ont évoqué les négociations sur l'Ukraine.",
        {"Russia", "Turkey", "Ukraine"},
        {"talks"},
        None,
        {"Sergey Lavrov"},
    ),
    (
        "es",
        "Estados Unidos anuncia nuevas sanciones contra Irán",
        "El Departamento del Tesoro sancionó a cinco empresas iraníes por su programa de misiles.",
        {"United States", "Iran"},
        {"sanctions"},  # a missile programme is no fighting (twentieth batch, below)
        None,
        set(),
    ),
    (
        "pt",
        "Israel e Hamas chegaram a um acordo de cessar-fogo em Gaza",
        "A trégua entra em vigor no domingo, anunciou o mediador do Catar.",
        {"Israel", "Palestine", "Qatar"},
        {"ceasefire", "agreement"},
        None,
        set(),
    ),
    (
        "uk",
        "Внаслідок російського обстрілу Харкова загинули 7 людей",
        "Ще 20 людей поранені, повідомив голова обласної адміністрації.",
        {"Russia"},
        {"clash", "casualties"},
        (7, "killed"),
        set(),
    ),
    (
        "uk",
        "Зеленський провів переговори з президентом Франції",
        "Сторони обговорили нові санкції проти Росії.",
        {"France", "Russia"},
        {"talks", "sanctions"},
        None,
        {"Volodymyr Zelenskyy"},
    ),
    (
        "ru",
        "Лавров и Ван И провели переговоры в Пекине",
        "Министры обсудили ситуацию в Сирии и отношения с Соединёнными Штатами.",
        {"China", "Syria", "United States"},
        {"talks"},
        None,
        {"Sergey Lavrov", "Wang Yi"},
    ),
    (
        "ru",
        "Стороны договорились о прекращении огня в Нагорном Карабахе",
        "Армения и Азербайджан подписали заявление в Москве.",
        {"Armenia", "Azerbaijan", "Russia"},
        {"ceasefire", "agreement"},
        None,
        set(),
    ),
    (
        "ar",
        "مقتل 12 شخصا في غارة جوية على مدينة حلب السورية",
        "وأدان الأمين العام للأمم المتحدة غوتيريش الهجوم ودعا إلى وقف إطلاق النار.",
        {"Syria"},
        {"clash", "casualties", "ceasefire"},
        (12, "killed"),
        {"António Guterres"},
    ),
    (
        "ar",
        "وزير الخارجية المصري يبحث مع نظيره الأردني العقوبات على إيران",
        "جرت المحادثات في عمّان يوم الأحد.",
        {"Egypt", "Jordan", "Iran"},
        {"talks", "sanctions"},
        None,
        set(),
    ),
    (
        "fa",
        "دست کم ۱۵ نفر در حمله پهپادی در یمن کشته شدند",
        "عربستان سعودی این حمله را محکوم کرد.",
        {"Yemen", "Saudi Arabia"},
        {"clash", "casualties"},
        (15, "killed"),
        set(),
    ),
    (
        "fa",
        "پوتین و اردوغان درباره آتش‌بس در سوریه مذاکره کردند",
        "دو رئیس‌جمهور در سوچی دیدار کردند.",
        {"Syria"},
        {"ceasefire", "talks"},
        None,
        {"Vladimir Putin", "Recep Tayyip Erdoğan"},
    ),
    (
        "zh",
        "以色列空袭加沙地带造成至少25人死亡",
        "巴勒斯坦卫生部门说，另有数十人受伤。",
        {"Israel", "Palestine"},
        {"clash", "casualties"},
        (25, "killed"),
        set(),
    ),
    (
        "zh",
        "习近平与普京在莫斯科举行会谈",
        "双方讨论了美国对俄罗斯的制裁。",
        {"Russia", "United States"},
        {"talks", "sanctions"},
        None,
        {"Xi Jinping", "Vladimir Putin"},
    ),
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(
    ("lang", "title", "text", "countries", "events", "casualty", "people"), CASES, ids=[c[0] for c in CASES]
)
def test_an_item_is_read_in_its_language(
    detector: Detector,
    lang: str,
    title: str,
    text: str,
    countries: set[str],
    events: set[str],
    casualty: tuple[int, str] | None,
    people: set[str],
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert set(det.countries) >= countries
    assert {e.type for e in det.events} == events
    if casualty is None:
        assert not any(c.kind == "killed" for c in det.casualties)
    else:
        assert (det.casualties[0].count, det.casualties[0].kind) == casualty
    assert {p.name for p in det.people} == people
    # The lexicons judge relevance: an item with a core event is relevant, so rules asking it can match.
    assert det.relevance is not None and det.relevance.relevant


def test_every_language_of_the_issue_has_cases_and_its_officials_are_known() -> None:
    assert {c[0] for c in CASES} == set(LANGUAGES)
    for lang in LANGUAGES:  # a lexicon naming someone people.yaml lacks fails to build
        assert lexicon(lang).people


@pytest.mark.parametrize(
    ("lang", "title", "text"),
    [
        ("fr", "La Belgique bat la France en finale de la Coupe du monde de rugby", "Un match serré à Paris."),
        ("ru", "Цены на бензин в Москве выросли на 3 процента", "Аналитики ждут роста и в декабре."),
        ("zh", "上海股市周一小幅上涨", "投资者关注央行的利率决定。"),
    ],
)
def test_everyday_news_has_no_event(detector: Detector, lang: str, title: str, text: str) -> None:
    det = detector.detect(title, text)
    assert det.language == lang and det.events == ()
    assert det.relevance is not None and not det.relevance.relevant


def test_a_word_inside_a_longer_word_is_no_country(detector: Detector) -> None:
    # "Оман" (Oman) in "оманливий" (deceptive); "Гана" (Ghana) in "Гани" (Ashraf Ghani's name).
    det = detector.detect("Оманливі заяви Кремля про перемир'я", "Ашраф Гані прокоментував заяву.")
    assert "Oman" not in det.countries and "Ghana" not in det.countries and "Russia" in det.countries


RULES = """
rules:
  - name: africa-casualties
    events: [casualties]
    places: [Sudan, Chad]
    severity: urgent
  - name: gaza-ceasefire
    events: [ceasefire]
    places: [Palestine]
    severity: flash
"""


def test_rules_match_french_and_arabic_items_through_check(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    fr = tmp_path / "fr.txt"
    fr.write_text(
        "Tchad : au moins 23 morts dans une attaque contre un camp militaire\n"
        "Les assaillants ont été repoussés après plusieurs heures de combats, selon l'armée tchadienne.\n",
        encoding="utf-8",
    )
    ar = tmp_path / "ar.txt"
    ar.write_text(
        "اتفاق على وقف إطلاق النار في غزة يدخل حيز التنفيذ مساء اليوم\n"
        "أعلن الوسطاء أن الهدنة ستبدأ عند الساعة الثامنة مساء بالتوقيت المحلي.\n",
        encoding="utf-8",
    )
    en = tmp_path / "en.txt"
    en.write_text("Stocks rose in Paris on Monday\nInvestors welcomed the figures.\n", encoding="utf-8")
    out = {Path(o["path"]).name: o for o in check_json(fr, ar, en, extra=("--rules", str(rules)))}
    assert out["fr.txt"]["language"] == "fr" and "Chad" in out["fr.txt"]["countries"]
    assert [m["rule"] for m in out["fr.txt"]["matches"]] == ["africa-casualties"]
    assert out["fr.txt"]["casualties"][0]["count"] == 23
    assert out["ar.txt"]["language"] == "ar" and "Palestine" in out["ar.txt"]["countries"]
    assert [m["rule"] for m in out["ar.txt"]["matches"]] == ["gaza-ceasefire"]
    assert out["en.txt"]["matches"] == []
    # The human-readable output says the language too (tests/test_language.py).


def test_an_alert_says_the_language_and_shows_the_original_headline(detector: Detector) -> None:
    title = "Tchad : au moins 23 morts dans une attaque contre un camp militaire"
    article = Article(
        id="a1",
        url="https://example.org/tchad",
        title=title,
        text="Les assaillants ont été repoussés, selon l'armée tchadienne.",
        outlet="Exemple",
        feed="exemple",
        published=datetime(2026, 3, 1, 12, tzinfo=UTC),
        seen_at=datetime(2026, 3, 1, 12, 5, tzinfo=UTC),
    )
    det = detector.detect(article.title, article.text)
    summary = summarize("s1", [article], [det])
    assert summary.headline == title and summary.language == "fr"
    lines = render_summary(summary)
    assert lines[0].endswith(f"{title} (in French)")
    assert any(f"Exemple: {title} (in French)" in line for line in lines)


def test_a_stored_story_keeps_each_source_language(detector: Detector) -> None:
    # Briefs, digests and the console build stories from stored rows: the source still says "(in French)".
    title = "Tchad : au moins 23 morts dans une attaque contre un camp militaire"
    when = datetime(2026, 3, 1, 12, tzinfo=UTC)
    row = ArticleRow(
        id="a1",
        url="https://example.org/tchad",
        title=title,
        text="Les assaillants ont été repoussés, selon l'armée tchadienne.",
        outlet="Exemple",
        feed_id=None,
        published=when,
        seen_at=when,
        event_at=when,
        dated="published",
        guid=None,
        detection=detection_to_dict(detector.detect(title, "Les assaillants ont été repoussés.")),
    )
    view = build_view(None, [row], "a1", "local", reasons=False)
    assert [s.language for s in view.summary.sources] == ["fr"]
    assert any(f"Exemple: {title} (in French)" in line for line in render_summary(view.summary))


# Classes found on the development items of the second batch (issue 18): a truce extended or holding, a status
# named after the first mention, a ceasefire or deal sought (talks, no agreement), sanctions and talks only
# intended or sought, phrases that hold a cue without being the event, a verb and its "with" a few words apart,
# an initial that ends no sentence, short names that inflect, capitals that stand for their state.
# (language, headline, lead, event types, ceasefire status, countries at least)
CLASSES = [
    (
        "ar",
        "الأطراف اليمنية توافق على تمديد الهدنة لمدة شهرين",
        "رحبت الأمم المتحدة بهذه الخطوة.",
        {"ceasefire"},
        "extended",
        {"Yemen"},
    ),
    (
        "ru",
        "Стороны продлили перемирие в Судане ещё на неделю",
        "Об этом сообщили в армии Судана.",
        {"ceasefire"},
        "extended",
        {"Sudan"},
    ),
    ("zh", "双方同意将停火延长两周", "联合国对此表示欢迎。", {"ceasefire"}, "extended", set()),
    (
        "uk",
        "Перемир'я на сході України дотримується вже третій день",
        "Про це повідомили спостерігачі ОБСЄ.",
        {"ceasefire"},
        "holding",
        {"Ukraine"},
    ),
    (
        "fr",
        "Soudan : un cessez-le-feu est possible au Darfour",
        "Le gouvernement et les rebelles ont conclu un accord de cessez-le-feu de trente jours.",
        {"ceasefire", "agreement"},
        "agreed",
        {"Sudan"},
    ),
    (
        "es",
        "Estados Unidos apoya los esfuerzos para alcanzar un acuerdo de alto el fuego en el Líbano",
        "El secretario de Estado viajará a la región la próxima semana.",
        {"ceasefire"},
        "talks",
        {"United States", "Lebanon"},
    ),
    (
        "uk",
        "ЄС має намір запровадити нові санкції проти Росії",
        "Рішення ухвалять наступного місяця.",
        set(),
        None,
        {"Russia"},
    ),
    (
        "ar",
        "واشنطن تهدد بفرض عقوبات جديدة على طهران بسبب برنامجها النووي",
        "وقال المتحدث إن القرار لم يتخذ بعد.",
        set(),
        None,
        {"Iran"},
    ),
    ("zh", "美国改变立场寻求与伊朗谈判", "分析人士认为这是一个重要信号。", set(), None, {"United States", "Iran"}),
    ("zh", "两架新型战斗机在珠海航展上进行飞行表演", "吸引了大批观众。", set(), None, set()),
    (
        "ar",
        "الوزير يدعو إلى تهدئة التوترات في المنطقة بعد الانتخابات",
        "وأكد على أهمية الوحدة الوطنية.",
        set(),
        None,
        set(),
    ),
    (
        "ar",
        "تحدث وزير الخارجية أنطوني ج. بلينكن اليوم مع رئيس الوزراء العراقي",
        "وناقش الجانبان التعاون الأمني.",
        {"talks"},
        None,
        {"Iraq"},
    ),
    (
        "ru",
        "Министры Ирана и Ирака провели переговоры в Брюсселе",
        "Встреча продлилась два часа.",
        {"talks"},
        None,
        {"Iran", "Iraq", "Belgium"},
    ),
    ("zh", "伊拉克军队对摩苏尔发起新一轮攻势", "当地居民说，城内枪声不断。", {"clash"}, None, {"Iraq"}),
    ("zh", "克里米亚大桥附近发生爆炸", "当局正在调查原因。", {"clash"}, None, {"Ukraine"}),
    (
        "fa",
        "رئیس جمهور درباره راههای پایان دادن به جنگ در یمن سخنرانی کرد",
        "او این سخنان را در پارلمان بیان کرد.",
        set(),
        None,
        {"Yemen"},
    ),
    (
        "fa",
        "وزیران خارجه دو کشور در ابوظبی دیدار کردند",
        "آنها درباره همکاری اقتصادی گفتگو کردند.",
        {"talks"},
        None,
        {"United Arab Emirates"},
    ),
    (
        "fr",
        "Des casques bleus tués dans une attaque en RDC",
        "La mission de l'ONU a condamné l'attaque de dimanche.",
        {"clash"},
        None,
        {"DR Congo"},
    ),
    # "الاجتماعية" (social) is no meeting; Portugal's own tax (IRS) and municipal units name it.
    (
        "ar",
        "الحكومة تعلن خطة لتحسين الأوضاع الاجتماعية والاقتصادية",
        "وقال الوزير إن الخطة تشمل دعم الأسر.",
        set(),
        None,
        set(),
    ),
    (
        "pt",
        "Publicadas as novas tabelas de retenção na fonte de IRS",
        "O rendimento isento sobe para 632 euros brutos por mês, anunciou o Governo.",
        set(),
        None,
        {"Portugal"},
    ),
    (
        "pt",
        "Incêndio destrói armazém no concelho de Ourém",
        "Os bombeiros estiveram no local durante a noite.",
        set(),
        None,
        {"Portugal"},
    ),
]


@pytest.mark.parametrize(("lang", "title", "text", "events", "status", "countries"), CLASSES)
def test_classes_of_the_second_batch(
    detector: Detector, lang: str, title: str, text: str, events: set[str], status: str | None, countries: set[str]
) -> None:
    _reads_as(detector, (lang, title, text), events, status, countries, set())


def _reads_as(
    detector: Detector,
    item: tuple[str, str, str],
    events: set[str],
    status: str | None,
    countries: set[str],
    not_countries: set[str],
) -> None:
    lang, title, text = item
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events
    assert next((e.status for e in det.events if e.type == "ceasefire"), None) == status
    assert set(det.countries) >= countries
    assert not set(det.countries) & not_countries


@pytest.mark.parametrize(
    "title",
    [
        "Marcelo Rebelo de Sousa recebe o Presidente de Angola em Belém",
        "Presidente Marcelo promulga diploma e pede consenso aos partidos",
        "Rebelo de Sousa veta a lei e devolve-a à Assembleia",
    ],
)
def test_the_portuguese_president_is_named_in_portuguese(detector: Detector, title: str) -> None:
    # Portuguese papers call the President "Marcelo" or "Rebelo de Sousa"; his name alone names no country
    # (corpus/README.md, convention 6).
    det = detector.detect(title, "")
    assert det.language == "pt"
    assert "Marcelo Rebelo de Sousa" in {p.name for p in det.people}
    assert "Portugal" not in det.countries


@pytest.mark.parametrize(
    ("title", "who"),
    [
        ("El secretario Blinken se reunió con el canciller de Perú en Lima", "Antony Blinken"),
        ("Le président Trump reçoit le roi de Jordanie à Washington", "Donald Trump"),
        ("Obama telefona ao presidente de Angola sobre a crise", "Barack Obama"),
        ("Daniel Ortega asume un nuevo mandato en Managua", "Daniel Ortega"),
        ("Guaidó convoca a los venezolanos a marchar el sábado", "Juan Guaidó"),
        ("گوایدو خواستار انتخابات تازه در ونزوئلا شد", "Juan Guaidó"),
    ],
)
def test_officials_are_named_as_each_language_writes_them(detector: Detector, title: str, who: str) -> None:
    # Spanish, French and Portuguese write American officials' names unchanged; Latin American leaders in
    # Spanish and Persian script: the lexicons name them.
    det = detector.detect(title, "")
    assert who in {p.name for p in det.people}


# Classes found on the development items of the third batch (5 December): cities name their country (CLDR's
# exemplar cities, not words that merely look like one), a meeting still to come is no talks, "the death of
# four" is a toll, Dari's words for killed, a welcomed truce is agreed, prepared attacks are no attacks.
# (language, headline, lead, event types, ceasefire status, countries at least, countries never)
THIRD_BATCH = [
    (
        "fr",
        "Les ministres des Finances se retrouvent à Paris",
        "Ils parleront de la dette.",
        set(),
        None,
        {"France"},
        set(),
    ),
    ("es", "Los presidentes conversan en París sobre el clima", "No hubo anuncios.", set(), None, {"France"}, set()),
    ("uk", "У Цюріху відкрився економічний форум", "Його відвідали банкіри.", set(), None, {"Switzerland"}, set()),
    ("ru", "В Багдаде прошла выставка книг", "Ее посетили тысячи человек.", set(), None, {"Iraq"}, set()),
    ("zh", "维也纳举办新年音乐会", "门票早已售罄。", set(), None, {"Austria"}, set()),
    (
        "fa",
        "نمایشگاه کتاب روز دوشنبه در بغداد گشایش یافت",
        "هزاران نفر از آن دیدن کردند.",
        set(),
        None,
        {"Iraq"},
        {"Tajikistan"},
    ),
    ("zh", "政府承诺维护自由市场秩序", "专家表示欢迎。", set(), None, set(), {"Sierra Leone"}),
    (
        "es",
        "Los cancilleres de Chile y Perú se reunirán la próxima semana",
        "La cita fue anunciada por ambos gobiernos.",
        set(),
        None,
        {"Chile", "Peru"},
        set(),
    ),
    (
        "uk",
        "Міністри зустрінуться в Багдаді наступного тижня",
        "Дату оголосили в понеділок.",
        set(),
        None,
        {"Iraq"},
        set(),
    ),
    ("ru", "Лавров и Блинкен встретятся в Женеве", "Об этом сообщили в МИД.", set(), None, set(), set()),
    ("ru", "Идет подготовка к встрече лидеров двух стран", "Дата пока не названа.", set(), None, set(), set()),
    (
        "es",
        "Confirman la muerte de tres periodistas en un bombardeo",
        "El ataque ocurrió en la madrugada.",
        {"clash", "casualties"},
        None,
        set(),
        set(),
    ),
    (
        "fa",
        "حمله انتحاری در کابل پنج نفر را هلاک ساخت",
        "مامورین این خبر را تایید کردند.",
        {"clash", "casualties"},
        None,
        {"Afghanistan"},
        set(),
    ),
    (
        "fa",
        "ایالات متحده از اعلام آتش بس در سودان استقبال میکند",
        "این اعلام پس از هفته ها جنگ صورت گرفت.",
        {"ceasefire"},
        "agreed",
        {"Sudan"},
        set(),
    ),
    (
        "fr",
        "Washington dénonce les préparatifs d'une attaque chimique",
        "Aucune arme n'a été utilisée.",
        set(),
        None,
        set(),
        set(),
    ),
]


@pytest.mark.parametrize(("lang", "title", "text", "events", "status", "countries", "not_countries"), THIRD_BATCH)
def test_classes_of_the_third_batch(
    detector: Detector,
    lang: str,
    title: str,
    text: str,
    events: set[str],
    status: str | None,
    countries: set[str],
    not_countries: set[str],
) -> None:
    _reads_as(detector, (lang, title, text), events, status, countries, not_countries)


@pytest.mark.parametrize(
    ("title", "who"),
    [
        ("Керрі прибув до Києва з неоголошеним візитом", "John Kerry"),
        ("Обама підписав указ про нові санкції", "Barack Obama"),
        ("Нуланд заявила о поддержке реформ", "Victoria Nuland"),
        ("Тиллерсон прибыл в Анкару", "Rex Tillerson"),
        ("هنیه در غزه سخنرانی کرد", "Ismail Haniyeh"),
        ("کارین ژان پییر به پرسش خبرنگاران پاسخ داد", "Karine Jean-Pierre"),
    ],
)
def test_officials_of_the_third_batch_are_named(detector: Detector, title: str, who: str) -> None:
    assert who in {p.name for p in detector.detect(title, "").people}


def test_countries_are_named_as_the_gazetteer_names_them(detector: Detector) -> None:
    # The lexicons' "Cape Verde" and CLDR's "Cabo Verde" are one country, named as the gazetteer (and rules) name it.
    det = detector.detect("Governo cabo-verdiano aprova novo orçamento", "O documento segue para o parlamento.")
    assert "Cabo Verde" in det.countries
    assert "Cape Verde" not in det.countries


# (language, headline, lead, event types, countries at least, countries never, relevant)
FOURTH_BATCH = [
    # A meeting still to come in the headline or first sentence: the item's later meeting words name it.
    (
        "es",
        "Los presidentes de Perú y Chile se reunirán en Lima el jueves",
        "Será la primera cumbre entre ambos desde 2019. La reunión tratará de comercio.",
        set(),
        {"Peru", "Chile"},
        set(),
        True,
    ),
    (
        "fr",
        "Forum de Dakar : un entretien avec l'organisateur",
        "Les ministres de la Défense africains se retrouvent à partir de lundi à Dakar. Le sommet durera deux jours.",
        set(),
        {"Senegal"},
        set(),
        True,
    ),
    (
        "pt",
        "Ministro angolano visita Moçambique no próximo mês",
        "O encontro com o Presidente moçambicano ainda não tem data.",
        set(),
        {"Angola", "Mozambique"},
        set(),
        True,
    ),
    (
        "ru",
        "Министры иностранных дел Турции и Ирана встретятся в Анкаре",
        "Переговоры будут посвящены Сирии.",
        set(),
        {"Turkey", "Iran"},
        set(),
        True,
    ),
    # ... but a telephone call beside it is talks held.
    (
        "uk",
        "Міністри Польщі та Литви зустрінуться у Вільнюсі",
        "Дату зустрічі погодили під час телефонної розмови у вівторок.",
        {"talks"},
        {"Poland", "Lithuania"},
        set(),
        True,
    ),
    (
        "es",
        "Los cancilleres de México y Guatemala se reunirán en la frontera",
        "La fecha se fijó en una conversación telefónica el lunes.",
        {"talks"},
        {"Mexico", "Guatemala"},
        set(),
        True,
    ),
    # A language's name is no country: acronyms "in English", texts "in Ukrainian"; a title in 《》 is no place.
    (
        "pt",
        "Relatório da ONU sobre a seca em Angola",
        "O programa, conhecido pela sigla inglesa WFP, distribuiu alimentos.",
        set(),
        {"Angola"},
        {"United Kingdom"},
        False,
    ),
    (
        "fr",
        "Un festival de cinéma s'ouvre à Dakar",
        "Les films sont sous-titrés en anglais et en espagnol.",
        set(),
        {"Senegal"},
        {"United Kingdom", "Spain"},
        False,
    ),
    (
        "es",
        "Una feria del libro abre en Ecuador",
        "Hay títulos en inglés y en francés.",
        set(),
        {"Ecuador"},
        {"United Kingdom", "France"},
        False,
    ),
    (
        "uk",
        "У Львові видали словник",
        "Книжку видано українською мовою та англійською мовою.",
        set(),
        set(),
        {"United Kingdom"},
        False,
    ),
    ("zh", "《新苏黎世报》评论经济前景", "文章认为增长将放缓。", set(), set(), {"Switzerland"}, False),
    ("zh", "《维也纳日报》关注能源价格", "报道称电价上涨。", set(), set(), {"Austria"}, False),
]


@pytest.mark.parametrize(("lang", "title", "text", "events", "countries", "not_countries", "relevant"), FOURTH_BATCH)
def test_classes_of_the_fourth_batch(
    detector: Detector,
    lang: str,
    title: str,
    text: str,
    events: set[str],
    countries: set[str],
    not_countries: set[str],
    relevant: bool,
) -> None:
    _reads_as(detector, (lang, title, text), events, None, countries, not_countries)
    # An announced meeting is still relevant (README: an upcoming visit is relevant with no event type).
    det = detector.detect(title, text)
    assert det.relevance is not None and det.relevance.relevant is relevant


def test_a_country_named_outside_a_title_is_still_found(detector: Detector) -> None:
    det = detector.detect("《新苏黎世报》报道美国总统访问维也纳", "两国领导人举行了会谈。")
    assert {"United States", "Austria"} <= set(det.countries)
    assert "Switzerland" not in det.countries


@pytest.mark.parametrize(
    ("lang", "title", "text", "countries", "not_countries"),
    [
        # An accord named after a city is no place: the Minsk agreements name no Belarus.
        (
            "uk",
            "Канцлер закликала виконати Мінські домовленості",
            "Німеччина готова допомогти.",
            {"Germany"},
            {"Belarus"},
        ),
        ("ru", "Париж призвал соблюдать Минские соглашения", "Об этом заявил министр.", {"France"}, {"Belarus"}),
        (
            "fr",
            "Berlin veut sauver les accords de Minsk",
            "La chancelière s'exprimait lundi.",
            {"Germany"},
            {"Belarus"},
        ),
        ("es", "Madrid pide cumplir los acuerdos de Minsk", "Lo dijo el ministro.", {"Spain"}, {"Belarus"}),
        ("zh", "法国呼吁落实明斯克协议", "外长周一表示。", {"France"}, {"Belarus"}),
        # ... but the city itself is: talks held in Minsk.
        ("uk", "Переговори в Мінську тривали до ночі", "Сторони не дійшли згоди.", {"Belarus"}, set()),
        # "Pro-Russian" separatists name Russia, as the English labels read "pro-Russian".
        ("uk", "Проросійські бойовики обстріляли позиції біля Маріуполя", "Поранено двох бійців.", {"Russia"}, set()),
        ("ru", "Пророссийские сепаратисты обстреляли позиции", "Ранены двое военных.", {"Russia"}, set()),
    ],
)
def test_an_accord_named_after_a_city_is_no_place(
    detector: Detector, lang: str, title: str, text: str, countries: set[str], not_countries: set[str]
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert set(det.countries) >= countries
    assert not set(det.countries) & not_countries


@pytest.mark.parametrize(
    ("lang", "title", "text", "relevant"),
    [
        # A disaster's or an accident's toll is no conflict news: not relevant on its own.
        ("pt", "Acidente de comboio faz nove mortos na Índia", "Outras 30 pessoas ficaram feridas.", False),
        ("es", "Un terremoto deja 25 muertos en el sur de México", "Los rescatistas buscan sobrevivientes.", False),
        ("zh", "强烈地震造成30人死亡", "救援人员正在搜寻幸存者。", False),
        ("uk", "Землетрус у Туреччині забрав життя 12 людей", "Рятувальники шукають постраждалих.", False),
        # ... while a toll of fighting still is.
        ("pt", "Ataque de insurgentes faz nove mortos em Moçambique", "A polícia confirmou o balanço.", True),
        ("zh", "空袭造成30人死亡", "医院官员证实了死亡人数。", True),
    ],
)
def test_a_disaster_toll_alone_is_not_relevant(
    detector: Detector, lang: str, title: str, text: str, relevant: bool
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert det.relevance is not None and det.relevance.relevant is relevant


@pytest.mark.parametrize(
    ("lang", "title", "text", "events"),
    [
        # The police and protesters in one sentence: policing, not fighting (no clash).
        ("es", "La policía ataca una marcha de estudiantes en Caracas", "Los manifestantes fueron dispersados.", set()),
        ("fr", "La police attaque des manifestants à Minsk", "Des dizaines de personnes ont été arrêtées.", set()),
        ("pt", "Polícia ataca manifestantes em Luanda", "Vários jovens foram detidos.", set()),
        ("uk", "Поліція атакувала протестувальників у Тбілісі", "Затримано кількох людей.", set()),
        ("ru", "Полиция атаковала протестующих в Ереване", "Задержаны несколько человек.", set()),
        # ... while an attack without them is still a clash.
        ("es", "Un ataque con drones alcanza una base en Siria", "No hubo heridos.", {"clash"}),
        ("uk", "Ракетна атака на Одесу", "Пошкоджено порт.", {"clash"}),
    ],
)
def test_the_police_against_protesters_is_no_clash(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


@pytest.mark.parametrize(
    ("lang", "title", "text", "count"),
    [
        # "Lost their lives" with a possessive is a toll too ("perdieron su vida", "perderam as suas vidas").
        ("es", "Homenaje en Bogotá", "Se recordó a las 45 personas que perdieron su vida en el atentado.", 45),
        ("pt", "Cerimónia em Maputo", "Foram lembrados os 12 soldados que perderam as suas vidas no ataque.", 12),
        ("fr", "Hommage à Bamako", "Les 17 soldats qui ont perdu leur vie dans l'embuscade ont été honorés.", 17),
    ],
)
def test_lives_lost_give_a_toll(detector: Detector, lang: str, title: str, text: str, count: int) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert any(c.count == count and c.kind == "killed" for c in det.casualties)


@pytest.mark.parametrize(
    ("lang", "title", "text", "events"),
    [
        # A call to respect (observe, implement) an agreement, or its violation, is no agreement reached.
        ("zh", "联合国呼吁双方遵守停火协议", "秘书长对局势表示关切。", {"ceasefire"}),
        (
            "es",
            "La ONU pide a las partes respetar el acuerdo de alto el fuego",
            "El enviado viajará a la región.",
            {"ceasefire"},
        ),
        (
            "fr",
            "L'ONU appelle à respecter l'accord de cessez-le-feu",
            "L'envoyé spécial se rendra sur place.",
            {"ceasefire"},
        ),
        (
            "pt",
            "ONU pede às partes para respeitar o acordo de cessar-fogo",
            "O enviado deve chegar amanhã.",
            {"ceasefire"},
        ),
        # ... while an agreement reached still is one.
        ("zh", "双方达成停火协议", "停火将于周一生效。", {"ceasefire", "agreement"}),
        (
            "es",
            "Las partes firmaron un acuerdo de alto el fuego",
            "Entrará en vigor el lunes.",
            {"ceasefire", "agreement"},
        ),
    ],
)
def test_an_agreement_to_respect_is_no_agreement_reached(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


@pytest.mark.parametrize(
    ("title", "text", "named", "unnamed"),
    [
        # The holder's name or a bare office: the reader is told of no country.
        ("Госсекретарь Блинкен провёл телефонный разговор с министром Кулебой", "", set(), {"United States"}),
        ("Le président Macron a appelé Volodymyr Zelensky", "", set(), {"France", "Ukraine"}),
        ("بيان الرئيس بايدن بشأن تمديد الهدنة", "أرحب بالإعلان اليوم عن مواصلة الهدنة.", set(), {"United States"}),
        # The office written with the country's adjective or name does name it.
        ("Le ministre russe des Affaires étrangères a appelé son homologue", "", {"Russia"}, set()),
        ("Держсекретар США Ентоні Блінкен прибув до Києва", "", {"United States", "Ukraine"}, set()),
        ("El secretario de Estado de EE. UU. habló con la prensa", "", {"United States"}, set()),
    ],
)
def test_an_official_names_a_country_only_through_the_countrys_own_words(
    detector: Detector, title: str, text: str, named: set[str], unnamed: set[str]
) -> None:
    det = detector.detect(title, text)
    assert named <= set(det.countries)
    assert not unnamed & set(det.countries)


FIFTH_BATCH = [
    # A speaker's own "I spoke with" is talks held, in the first person and the plural too.
    ("fr", "Déclaration du ministre", "Je me suis entretenu ce matin avec mon homologue égyptien.", {"talks"}, None),
    ("fr", "Communiqué commun", "Nous nous sommes entretenus longuement avec les dirigeants kényans.", {"talks"}, None),
    # "Dans le prolongement de" (following on from) extends no truce; "prolongé" does.
    (
        "fr",
        "Trêve",
        "Dans le prolongement de nos échanges, les camps respectent un cessez-le-feu.",
        {"ceasefire"},
        None,
    ),
    ("fr", "Trêve au Yémen", "Le cessez-le-feu a été prolongé de deux mois.", {"ceasefire"}, "extended"),
    # Being in contact with a counterpart is talks.
    ("es", "Declaración del canciller", "He estado en contacto permanente con el ministro de Chile.", {"talks"}, None),
    ("pt", "Nota do ministério", "O ministro esteve em contacto com o seu homólogo angolano.", {"talks"}, None),
    # Receiving envoys "to discuss" a war is a meeting held (scored as talks).
    ("pt", "Enviados em Lisboa", "O governo recebeu enviados da Etiópia para discutir o conflito.", {"talks"}, None),
]


# An official's government ("the Obama administration", "the Maduro government") names the official's state; the
# headline is neutral, the lead holds the phrase.
GOVERNMENTS = {
    "es": ("La administración Obama revisó su postura hacia La Habana.", "United States"),
    "pt": ("O governo de Nicolás Maduro expulsou o encarregado de negócios.", "Venezuela"),
    "fr": ("L'administration du président Trump a salué la décision.", "United States"),
    "uk": ("Адміністрація Байдена готує новий пакет допомоги.", "United States"),
    "ru": ("Администрация Байдена подготовила новые меры.", "United States"),
    "ar": ("قالت إدارة بايدن إنها ستواصل الجهود الدبلوماسية.", "United States"),
    "fa": ("دولت بایدن از این توافق حمایت کرد.", "United States"),
    "zh": ("拜登政府周二宣布了新的出口限制。", "United States"),
}


@pytest.mark.parametrize("lang", sorted(GOVERNMENTS))
def test_an_officials_government_names_the_officials_state(detector: Detector, lang: str) -> None:
    lead, state = GOVERNMENTS[lang]
    det = detector.detect(lead, "")
    assert det.language == lang
    assert state in det.countries


def test_the_arabic_dual_of_a_demonym_names_the_state(detector: Detector) -> None:
    # "الأمريكيتان": the two American ministries (feminine dual of the nisba adjective).
    det = detector.detect("عقوبات جديدة", "أعلنت الوزارتان الأمريكيتان اليوم فرض قيود على شركتين.")
    assert "United States" in det.countries
    # The plural of "مالي" (financial) is still no Mali.
    assert "Mali" not in detector.detect("عقوبات", "استهدفت العقوبات الداعمين الماليين للنظام.").countries


# Sixth batch (issue 18, parts 3-4): classes found on the development items in es, pt and uk.
SIXTH_BATCH = [
    # Mediation named as a truce's broker is no talks held ("за посередництва", "con la mediación de").
    ("uk", "Перемир'я на півдні", "Перемир'я, укладене за посередництва ОБСЄ, дотримується.", {"ceasefire"}, "holding"),
    ("es", "Tregua en el sur", "La tregua, lograda con la mediación de Egipto, se mantiene.", {"ceasefire"}, "holding"),
    ("pt", "Trégua no sul", "A trégua, obtida com a mediação de Angola, mantém-se.", {"ceasefire"}, "holding"),
    # Attacks someone is asked to stop are no attack reported.
    ("es", "Declaración", "Exigimos que el régimen cese los bombardeos contra la población.", set(), None),
    ("pt", "Declaração", "Esperamos que as milícias cessem os ataques contra civis.", set(), None),
    ("uk", "Заява", "Ми закликаємо негайно припинити атаки на цивільних.", set(), None),
    # Sanctions still to come, by a future verb before them or a word after them in the sentence.
    ("es", "Nuevas medidas", "Las nuevas sanciones contra la empresa se anunciarán próximamente.", set(), None),
    ("pt", "Novas medidas", "O governo vai impor sanções aos responsáveis.", set(), None),
    ("uk", "Нові заходи", "Новий пакет санкцій буде оголошено найближчим часом.", set(), None),
    # De-escalation zones are a truce; "announced ... an agreement" an agreement reached; a truce announced is agreed.
    (
        "pt",
        "Reunião em Sochi",
        "Os três governos anunciaram ontem, depois da reunião, um acordo sobre zonas de desescalada.",
        {"ceasefire", "agreement", "talks"},
        "agreed",
    ),
    (
        "es",
        "Comunicado",
        "Los ministros anunciaron un acuerdo para crear zonas de desescalada.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    ("uk", "Домовленість", "Сторони оголосили про угоду щодо зон деескалації.", {"ceasefire", "agreement"}, "agreed"),
    ("es", "Tregua anunciada por el gobierno en el norte", "", {"ceasefire"}, "agreed"),
    ("uk", "Оголошене перемир'я почало діяти", "", {"ceasefire"}, "agreed"),
]


@pytest.mark.parametrize(
    ("lang", "title", "text", "countries"),
    [
        # A headline all in lower case (a URL's words) names its countries without their capitals...
        ("es", "los estados unidos imponen nuevas sanciones a rusia", "", {"United States", "Russia"}),
        (
            "pt",
            "nota do governo sobre a crise no sudao do sul",
            "O ministério não deu mais pormenores.",
            {"South Sudan"},
        ),
        ("uk", "сша запровадили нові санкції проти росії", "", {"United States", "Russia"}),
        # ...demonyms and capitals the lexicons lacked (not CLDR's exemplar cities).
        ("es", "Mediación", "Los diplomáticos omaníes llegaron con una propuesta.", {"Oman"}),
        ("es", "Reunión", "Los cancilleres se reunieron en Astana.", {"Kazakhstan"}),
        ("pt", "Reunião", "Os ministros reuniram-se em Astana com os negociadores.", {"Kazakhstan"}),
        ("pt", "Mediação", "Os mediadores cataris e egípcios chegaram ao Cairo.", {"Qatar", "Egypt"}),
        ("uk", "Переговори", "Делегації зустрілися в Анкарі.", {"Turkey"}),
        ("uk", "Посередники", "Катарські та йорданські посередники прибули до столиці.", {"Qatar", "Jordan"}),
    ],
)
def test_lower_case_headlines_demonyms_and_capitals_name_countries(
    detector: Detector, lang: str, title: str, text: str, countries: set[str]
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert set(det.countries) >= countries


def test_a_capitalised_sentence_still_needs_the_names_capital(detector: Detector) -> None:
    # "granada" (a grenade) in an ordinary sentence is no Grenada: only an all-lower-case line is caseless.
    det = detector.detect("Ataque en Madrid", "El hombre lanzó una granada contra el cuartel de la policía.")
    assert det.language == "es"
    assert "Grenada" not in det.countries


@pytest.mark.parametrize(
    ("lang", "title", "text", "count"),
    [
        ("es", "Ataque en el mercado", "El atacante mató a 12 personas en el mercado central.", 12),
        ("uk", "Удар по Херсону", "Російський дрон вбив 2 людей у Херсоні.", 2),
        # Eleventh batch: "the death of three" (a noun for death before a number in the genitive) is a toll too.
        ("uk", "Сутички в столиці", "Сутички на вулицях призвели до смерті трьох людей.", 3),
        ("ru", "Столкновения в столице", "Столкновения на улицах привели к смерти двух человек.", 2),
    ],
)
def test_a_singular_past_killed_gives_a_toll(detector: Detector, lang: str, title: str, text: str, count: int) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert [(c.count, c.kind) for c in det.casualties][:1] == [(count, "killed")]


@pytest.mark.parametrize(
    ("lang", "title", "text", "relevant"),
    [
        # An official's trip still to come, in the headline or lead, is relevant as an announced visit, no event type.
        ("uk", "Міністр закордонних справ розпочинає турне Африкою", "Він проведе в дорозі тиждень.", True),
        ("es", "La canciller iniciará una gira por Asia", "El recorrido durará una semana.", True),
        ("pt", "O ministro vai visitar Moçambique e a Tanzânia", "A deslocação dura quatro dias.", True),
        # ... and a trip told only later in the item, or none, leaves a quiet item not relevant.
        (
            "es",
            "Informe anual del ministerio",
            "El documento repasa el presupuesto. El próximo viaje será en mayo.",
            False,
        ),
    ],
)
def test_an_announced_trip_is_relevant(detector: Detector, lang: str, title: str, text: str, relevant: bool) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert not det.events
    assert det.relevance is not None and det.relevance.relevant is relevant


# Seventh batch (issue 18, parts 3-4, evening of 5 December): classes found on the development items in es and uk.
SEVENTH_BATCH = [
    # A call named "una llamada con" or "conversó con", "conversou com": talks held.
    (
        "es",
        "Contacto entre cancilleres",
        "El ministro conversó con su homólogo de Chile durante una hora.",
        {"talks"},
        None,
    ),
    ("es", "Diplomacia", "El secretario habló durante una llamada con el nuevo canciller de Perú.", {"talks"}, None),
    ("pt", "Contacto diplomático", "O ministro conversou com o seu homólogo de Angola por uma hora.", {"talks"}, None),
    ("pt", "Diplomacia", "O chanceler telefonou ao colega da Argentina na segunda-feira.", {"talks"}, None),
    # A counteroffensive a visit is "to discuss" is a topic, not fighting reported.
    (
        "uk",
        "Візит до Києва",
        "Міністр прибув до Києва, щоб обговорити контрнаступ і відбудову енергетики.",
        {"talks"},
        None,
    ),
]


@pytest.mark.parametrize(
    ("lang", "title", "text", "events"),
    [
        # Talks one side proposes are not talks held (the Korean hotline item, development).
        (
            "pt",
            "Resposta de Pyongyang",
            "O Norte respondeu à proposta do Sul para realizar negociações militares.",
            set(),
        ),
        (
            "es",
            "Respuesta de Caracas",
            "El gobierno rechazó la propuesta de la oposición de abrir negociaciones.",
            set(),
        ),
        # ...while talks held are still talks.
        ("pt", "Encontro em Genebra", "As duas delegações retomaram as negociações na quinta-feira.", {"talks"}),
    ],
)
def test_talks_proposed_are_not_talks_held(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    _reads_as(detector, (lang, title, text), events, None, set(), set())


@pytest.mark.parametrize(
    ("title", "text", "countries", "not_countries"),
    [
        # A Portuguese district capital names Portugal (found on "Edifício dos CTT na Baixa do Porto", development)...
        (
            "Edifício histórico vai ser hotel",
            "O imóvel fica na Baixa do Porto, junto aos Aliados.",
            {"Portugal"},
            set(),
        ),
        ("Cheias no centro", "A Proteção Civil retirou famílias em Coimbra e em Leiria.", {"Portugal"}, set()),
        # ...and the Brazilian and other cities named Porto do not.
        ("Chuvas no Sul", "As chuvas alagaram bairros de Porto Alegre durante a noite.", set(), {"Portugal"}),
    ],
)
def test_a_states_own_cities_name_it(
    detector: Detector, title: str, text: str, countries: set[str], not_countries: set[str]
) -> None:
    _reads_as(detector, ("pt", title, text), set(), None, countries, not_countries)


# Eighth batch (issue 18): classes found on the development items added on 6 December (pt-019, pt-020, uk-027).
EIGHTH_BATCH = [
    # Blocking a government's property, or freezing its assets, is sanctions.
    (
        "pt",
        "Novas medidas contra o regime",
        "O presidente assinou um decreto bloqueando todas as propriedades do governo do país nos Estados Unidos.",
        {"sanctions"},
    ),
    (
        "es",
        "Nuevas medidas",
        "El Tesoro ordenó el congelamiento de activos de tres ministros del régimen.",
        {"sanctions"},
    ),
    # An armed group doing violence is a clash, as 'rebels killed' is in English...
    ("pt", "Notícias do norte", "Os insurgentes raptaram dez pessoas numa aldeia da província.", {"clash"}),
    ("es", "Violencia en la frontera", "Hombres armados asesinaron a un líder comunitario en la región.", {"clash"}),
    # ...and the verb alone is not: crime and accidents kill too.
    ("pt", "Crime em Lisboa", "O suspeito matou o vizinho depois de uma discussão.", set()),
    # Talks rejected, talks only possible, or talks a statement is about are no talks held.
    ("uk", "Позиція Києва", "Уряд відкидає можливість переговорів із агресором.", set()),
    ("uk", "Заява", "Партнери не мають зважати на заяви Москви щодо переговорного процесу.", set()),
    ("ru", "Позиция", "Правительство отвергает возможность переговоров.", set()),
    # ...while talks held are still talks.
    ("uk", "Зустріч у Стамбулі", "Делегації провели переговори в Стамбулі.", {"talks"}),
]


@pytest.mark.parametrize(("lang", "title", "text", "events"), EIGHTH_BATCH)
def test_classes_of_the_eighth_batch(detector: Detector, lang: str, title: str, text: str, events: set[str]) -> None:
    _reads_as(detector, (lang, title, text), events, None, set(), set())


@pytest.mark.parametrize(
    ("lang", "title", "text", "events", "status"),
    [
        # Chinese: the aspect particle inside the verb-object phrase ("通了电话") is a call made (zh-003).
        ("zh", "外长消息", "两国外长昨天通了电话，讨论地区局势。", {"talks"}, None),
        # Farsi: a truce announced is agreed (fa-030), a truce an official stresses is proposed (fa-027)...
        ("fa", "اعلام آتش بس", "ارتش امروز یک آتش بس یک جانبه در منطقه را اعلام کرد.", {"ceasefire"}, "agreed"),
        ("fa", "بیانیه وزارت خارجه", "وزیر بر ضرورت آتش بس فوری در کشور تاکید کرد.", {"ceasefire"}, "proposed"),
        # ...and attacks a group says it will stop are no attack reported (the verb comes last: fa-029).
        ("fa", "بیانیه گروه", "رهبران گروه گفتند که حملات خود را متوقف خواهند کرد.", set(), None),
        ("fa", "حمله هوایی", "یک حمله هوایی دیروز به شهر انجام شد.", {"clash"}, None),
    ],
)
def test_calls_and_truce_statuses_in_chinese_and_farsi(
    detector: Detector, lang: str, title: str, text: str, events: set[str], status: str | None
) -> None:
    _reads_as(detector, (lang, title, text), events, status, set(), set())


# Ninth batch (issue 18): classes of Ukrainian, Russian, Spanish and Portuguese found on the development items of
# 6 December (uk-029, pt-028) and named in the issue's notes; sentences written for these tests.
NINTH_BATCH_PLACES = [
    # A city written as the adjective of a name ("Копенгагенський саміт") is a place inside it, like the city itself.
    ("uk", "Виступ генсека", "Він виступив на Копенгагенському саміті в понеділок.", {"Denmark"}, set()),
    ("ru", "Выступление министра", "Министр выступил на Берлинской конференции во вторник.", {"Germany"}, set()),
    # ...but not a treaty named after the city (as "мінські угоди" is not Belarus).
    ("uk", "Дипломати", "Посольство послалося на Віденську конвенцію.", set(), {"Austria"}),
    ("ru", "Дипломаты", "Посольство сослалось на Венскую конвенцию.", set(), {"Austria"}),
    # A vowel-final name's stem alone is another word: "Дані" is data, not Denmark ("Данії" is Denmark)...
    ("uk", "Економіка", "Дані свідчать про зростання цін у країні.", set(), {"Denmark"}),
    ("uk", "Візит", "Прем'єр Данії прибула до Києва.", {"Denmark", "Ukraine"}, set()),
    # ...Togo's name is also the pronoun "того" (that), written with a capital at a sentence's start...
    ("uk", "Бюджет", "Того ж дня уряд ухвалив бюджет.", set(), {"Togo"}),
    ("ru", "Бюджет", "Того же дня правительство приняло бюджет.", set(), {"Togo"}),
    # ...and a capital that is also a first name, followed by a surname, is a person ("Софія Ротару").
    ("uk", "Концерт", "Софія Ротару виступила з концертом у Києві.", {"Ukraine"}, {"Bulgaria"}),
    ("uk", "Зустріч", "У Софії відбулася зустріч міністрів.", {"Bulgaria"}, set()),
    # A state's first-level region, as pycountry writes it in the language, names the state.
    ("uk", "Тривога", "У Тернопільській області оголосили повітряну тривогу.", {"Ukraine"}, set()),
    ("ru", "Учения", "В Павлодарской области прошли учения.", {"Kazakhstan"}, set()),
    # ...and Ukrainian's one-word names of its regions, made from the region's adjective ("Київська" -> "Київщина").
    ("uk", "Атака дронів", "На Київщині уламки дрона пошкодили будинок.", {"Ukraine"}, set()),
    ("uk", "Нічна атака", "Ворог атакував Черкащину та Вінниччину вночі.", {"Ukraine"}, set()),
    # A longer place name holding a shorter one names only its own country ("Porto Príncipe" is Haiti, not Porto).
    ("pt", "Tiroteio na capital", "Houve disparos em Porto Príncipe durante a noite.", {"Haiti"}, {"Portugal"}),
    ("pt", "Cheias no norte", "As chuvas alagaram ruas do Porto durante a noite.", {"Portugal"}, set()),
]


# Tenth batch (issue 18 parts 3-4): classes of the development errors of 6 December (es-050, uk-029) and of places
# a state's own press names (Brazil's states and cities, Ukraine's regional centres).
TENTH_BATCH_EVENTS = [
    # A contact kept up now is liaison, not talks held...
    ("es", "Un consulado cerrado", "Estamos en contacto con la policía local para aclarar lo ocurrido.", set(), None),
    ("pt", "Um consulado fechado", "Estamos em contacto com as autoridades locais sobre o incidente.", set(), None),
    # ...while a contact that took place is talks.
    (
        "es",
        "Diplomacia",
        "La ministra ha estado en contacto con su homólogo francés durante la semana.",
        {"talks"},
        None,
    ),
    # A summit named as where a speech was made, or during which something happened, is not the talks reported...
    (
        "uk",
        "Генсек про оборону",
        "Про це генсек сказав у своєму виступі на Празькому безпековому саміті в четвер.",
        set(),
        None,
    ),
    (
        "ru",
        "Генсек об обороне",
        "Об этом генсек сказал в своем выступлении на Пражском саммите в четверг.",
        set(),
        None,
    ),
    # ...while leaders meeting at a summit is.
    ("uk", "Саміт у Празі", "Лідери двох країн провели зустріч на саміті в Празі.", {"talks"}, None),
    # Sanctions eased in exchange for something are a term of a deal still sought, not sanctions lifted...
    ("uk", "Позиція Тегерана", "Уряд готовий обмежити програму в обмін на зняття санкцій.", set(), None),
    ("es", "Programa nuclear", "El gobierno limitaría el programa a cambio del alivio de sanciones.", set(), None),
    ("pt", "Programa nuclear", "O governo limitaria o programa em troca do alívio das sanções.", set(), None),
    ("ru", "Позиция Тегерана", "Правительство ограничит программу в обмен на смягчение санкций.", set(), None),
    # ...while sanctions imposed still are.
    ("uk", "Нові обмеження", "Уряд запровадив нові санкції проти трьох компаній.", {"sanctions"}, None),
    # An agreement announced with an adjective before its noun is an agreement.
    ("es", "Entendimiento", "Ambos gobiernos anunciaron un importante acuerdo fronterizo.", {"agreement"}, None),
    ("pt", "Entendimento", "Os dois governos anunciaram um novo acordo fronteiriço.", {"agreement"}, None),
]

TENTH_BATCH_PLACES = [
    # Brazil's states and its cities in Portuguese name Brazil; Mozambique's provinces Mozambique...
    ("pt", "Chuvas no norte", "As cheias deixaram bairros de Manaus debaixo de água.", {"Brazil"}, set()),
    ("pt", "Operação policial", "A polícia prendeu doze suspeitos em Minas Gerais e no Paraná.", {"Brazil"}, set()),
    ("pt", "Ajuda", "Chegou ajuda humanitária a distritos de Cabo Delgado.", {"Mozambique"}, set()),
    # ...but a region's name that is an ordinary word, a guard or a place of another state does not.
    ("pt", "Irão", "A Guarda Revolucionária do Irão fez exercícios no golfo.", {"Iran"}, {"Portugal"}),
    ("pt", "Notícias", "Para o governo, a reforma é urgente.", set(), {"Brazil"}),
    # Ukraine's regional centres name Ukraine, in their cases.
    ("uk", "Світло", "Вночі у Дніпрі та Кривому Розі вимикали світло.", {"Ukraine"}, set()),
    ("uk", "Новини регіону", "У Черкасах відкрили новий міст.", {"Ukraine"}, set()),
    # The one-word name of the United Kingdom, a name whose "-ень" loses its vowel before an ending, and CLDR's
    # apostrophe typed as the press types it.
    ("uk", "Візит міністра", "Міністр прибув до Великобританії у вівторок.", {"United Kingdom"}, set()),
    ("uk", "Конференція", "Делегації зібралися у Відні на конференцію.", {"Austria"}, set()),
    ("uk", "Візит міністра", "Міністр прибув до Об'єднаних Арабських Еміратів.", {"United Arab Emirates"}, set()),
    # Geneva, where talks are held, names Switzerland in every language (CLDR's Swiss city is Zurich)...
    (
        "es",
        "Diplomacia",
        "Las dos delegaciones conversaron en Ginebra durante el fin de semana.",
        {"Switzerland"},
        set(),
    ),
    ("pt", "Diplomacia", "As duas delegações conversaram em Genebra durante o fim de semana.", {"Switzerland"}, set()),
    ("uk", "Дипломатія", "Дві делегації працювали в Женеві всі вихідні.", {"Switzerland"}, set()),
    ("zh", "外交", "两国代表团周末在日内瓦工作。", {"Switzerland"}, set()),
    # ...but not the conventions named after it.
    ("es", "Derecho", "El fiscal citó las Convenciones de Ginebra sobre los prisioneros.", set(), {"Switzerland"}),
    ("fr", "Droit", "Le procureur a cité les conventions de Genève sur les prisonniers.", set(), {"Switzerland"}),
    ("ru", "Право", "Прокурор сослался на Женевские конвенции о пленных.", set(), {"Switzerland"}),
]


@pytest.mark.parametrize(
    ("lang", "title", "text", "countries", "not_countries"), [*NINTH_BATCH_PLACES, *TENTH_BATCH_PLACES]
)
def test_places_of_the_later_batches(
    detector: Detector, lang: str, title: str, text: str, countries: set[str], not_countries: set[str]
) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert set(det.countries) >= countries
    assert not set(det.countries) & not_countries


NINTH_BATCH_EVENTS = [
    # A meeting named by its month ("the July summit") is a dated reference, not the meeting the item reports.
    ("uk", "Заява генсека", "Під час липневого саміту союзники надішлють сигнал підтримки.", set(), None),
    ("ru", "Заявление", "На июльском саммите союзники примут новое решение.", set(), None),
    ("uk", "Саміт у Вільнюсі", "Лідери зустрілися на саміті у Вільнюсі.", {"talks"}, None),
    # Parties that agreed or signed a truce have reached an agreement (convention 5), in Spanish and Portuguese.
    (
        "es",
        "Acuerdo en la región",
        "Las partes acordaron un alto el fuego en la región.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    ("es", "Firma en Doha", "Los dos gobiernos firmaron la tregua en Doha.", {"ceasefire", "agreement"}, "agreed"),
    ("pt", "Acordo na região", "As partes acordaram um cessar-fogo na região.", {"ceasefire", "agreement"}, "agreed"),
    ("pt", "Assinatura", "Os dois governos assinaram a trégua em Doha.", {"ceasefire", "agreement"}, "agreed"),
    # ...while agreeing to meet, or a truce only called for, is neither.
    ("es", "Próxima cita", "Los ministros acordaron reunirse en marzo.", set(), None),
    ("es", "Llamado", "El enviado pidió una tregua en la región.", {"ceasefire"}, "proposed"),
]


# Ninth batch, second part: forms missing from the paradigms of verbs and nouns the lexicons already hold (the
# issue's notes: Spanish event verbs), written for these tests.
NINTH_BATCH_FORMS = [
    # Plural and reflexive past forms of "to meet" with another party, as the singular ones already are ("se reunió",
    # "reuniu-se")...
    ("es", "Noticias de Madrid", "Los cancilleres se reunieron el lunes con sus homólogos en Madrid.", {"talks"}, None),
    (
        "pt",
        "Notícias de Brasília",
        "Os chanceleres se reuniram com os seus homólogos na segunda-feira.",
        {"talks"},
        None,
    ),
    ("pt", "Notícias de Luanda", "O ministro se encontrou com o presidente na segunda-feira.", {"talks"}, None),
    ("uk", "Новини з Берліна", "Міністерка зустрілася з колегою у Берліні.", {"talks"}, None),
    # ...while one side's officials meeting among themselves hold no talks (es-028: a state's own ambassadors)...
    (
        "es",
        "Noticias",
        "Los gobernadores del país se reunieron en la capital para hablar de sus presupuestos.",
        set(),
        None,
    ),
    # ...an agreement signed with words between the verb and its object...
    (
        "es",
        "Firma en Lima",
        "Los dos gobiernos firmaron este lunes en Lima un acuerdo de cooperación.",
        {"agreement"},
        None,
    ),
    (
        "pt",
        "Assinatura em Maputo",
        "Os dois governos assinaram nesta segunda-feira um acordo de cooperação.",
        {"agreement"},
        None,
    ),
    ("uk", "Підписання", "Сторони підписали в понеділок угоду про співпрацю.", {"agreement"}, None),
    ("ru", "Подписание", "Стороны подписали в понедельник соглашение о сотрудничестве.", {"agreement"}, None),
    # ...a strike in the genitive, the commonest case after "as a result of" ("внаслідок удару")...
    ("uk", "Наслідки", "Внаслідок удару по місту пошкоджено школу.", {"clash"}, None),
    ("ru", "Последствия", "В результате удара по городу повреждена школа.", {"clash"}, None),
]
NINTH_BATCH_TOLLS = [
    # A toll as the copula's subject, with an aside after its number (pt-027: "São cinco, agora, os ... mortos")...
    ("pt", "Conflito no sul", "São sete, até agora, os soldados mortos na ofensiva.", 7, "killed"),
    (
        "es",
        "Conflicto en el norte",
        "Son ya doce, según el ejército, los civiles muertos en los ataques.",
        12,
        "killed",
    ),
    # ...and the injured as "постраждали" (were hurt), and numbers in the genitive ("двох", "трьох").
    ("uk", "Обстріл міста", "Внаслідок обстрілу п'ятеро людей постраждали.", 5, "wounded"),
    ("uk", "Обстріл міста", "Внаслідок обстрілу поранено двох людей.", 2, "wounded"),
    ("ru", "Обстрел города", "В результате обстрела ранены трех человек.", 3, "wounded"),
]


# The batches whose items are read for their events and ceasefire status only: one test over all of them.
@pytest.mark.parametrize(
    ("lang", "title", "text", "events", "status"),
    [*FIFTH_BATCH, *SIXTH_BATCH, *SEVENTH_BATCH, *NINTH_BATCH_EVENTS, *NINTH_BATCH_FORMS, *TENTH_BATCH_EVENTS],
)
def test_events_and_status_of_the_later_batches(
    detector: Detector, lang: str, title: str, text: str, events: set[str], status: str | None
) -> None:
    _reads_as(detector, (lang, title, text), events, status, set(), set())


@pytest.mark.parametrize(("lang", "title", "text", "count", "kind"), NINTH_BATCH_TOLLS)
def test_tolls_of_the_ninth_batch(detector: Detector, lang: str, title: str, text: str, count: int, kind: str) -> None:
    det = detector.detect(title, text)
    assert det.language == lang
    assert [(c.count, c.kind) for c in det.casualties][:1] == [(count, kind)]


def test_a_chinese_toll_with_a_vague_second_kind_gives_the_number_once(detector: Detector) -> None:
    # "N dead, many injured": the number belongs to the dead only; a headline repeated in the body counts once.
    head = "北部城市发生爆炸导致15人遇难多人受伤"
    found = detector.detect(head, head + "。" + head + "。").casualties
    assert [(c.count, c.kind) for c in found] == [(15, "killed")]


def test_a_chinese_toll_with_two_numbers_keeps_both(detector: Detector) -> None:
    found = detector.detect("北部城市发生爆炸导致15人遇难40人受伤", "").casualties
    assert sorted((c.count, c.kind) for c in found) == [(15, "killed"), (40, "wounded")]


# Eleventh batch (issue 18, development items in Ukrainian and Spanish), in sentences of our own: an abbreviation
# written with full stops is no sentence end ("EE.UU.", "EE. UU."); regional CLDR forms (Latin-American Spanish,
# European Portuguese); a Cyrillic name's case ending is a short one, so that a longer word sharing its stem is no
# name (Палата is no Палау, Індіана no Індія); an attack or sanctions dated earlier just after the word is
# background; sanctions postponed or planned, a missile programme, a meeting with the press are not the event; an
# agreement written object first; a death toll as "the death of two"; Lviv in the cases whose stem is Львов-.
ELEVENTH_BATCH = [
    (
        "es",
        "Visita a Santiago",
        "El canciller de EE.UU. se reunió con su homólogo de Chile en la capital.",
        {"talks"},
        {"United States", "Chile"},
        set(),
    ),
    (
        "es",
        "Medidas contra funcionarios",
        "La embajada de EE. UU. en Lima anunció nuevas sanciones contra varios funcionarios.",
        {"sanctions"},
        {"United States", "Peru"},
        set(),
    ),
    (
        "es",
        "Gira del ministro",
        "El ministro viajó a Arabia Saudita para conversaciones sobre el petróleo.",
        {"talks"},
        {"Saudi Arabia"},
        set(),
    ),
    (
        "pt",
        "Diplomacia",
        "O ministro recebeu em Lisboa os embaixadores do Irão e do Quénia.",
        set(),
        {"Iran", "Kenya"},
        set(),
    ),
    (
        "uk",
        "Бюджет штату",
        "Палата представників штату Індіана ухвалила бюджет на наступний рік.",
        set(),
        set(),
        {"Palau", "India"},
    ),
    ("ru", "Торговля", "Палата общин обсудила торговлю с Индией и Китаем.", set(), {"India", "China"}, {"Palau"}),
    (
        "uk",
        "Посли",
        "Посол Сполучених Штатів відвідав виставку разом зі Сполученими Штатами й Китаєм.",
        set(),
        {"United States", "China"},
        set(),
    ),
    ("uk", "Звіт слідчих", "Слідчі ООН оприлюднили звіт про атаку минулого місяця в Сирії.", set(), {"Syria"}, set()),
    (
        "es",
        "Homenaje",
        "El presidente recordó a las víctimas del atentado hace dos años en la capital de Perú.",
        set(),
        {"Peru"},
        set(),
    ),
    (
        "pt",
        "Homenagem",
        "O governo lembrou as vítimas do atentado do ano passado na capital de Moçambique.",
        set(),
        {"Mozambique"},
        set(),
    ),
    ("ru", "Отчёт", "Эксперты рассказали о теракте в прошлом году в столице Ирака.", set(), {"Iraq"}, set()),
    (
        "es",
        "Ataque en la capital",
        "El atentado de esta mañana en la capital de Perú dejó tres muertos.",
        {"clash", "casualties"},
        {"Peru"},
        set(),
    ),
    ("uk", "Рішення уряду", "Уряд відклав нові санкції проти Ірану до наступного року.", set(), {"Iran"}, set()),
    (
        "ru",
        "Решение правительства",
        "Правительство отложило новые санкции против Ирана до следующего года.",
        set(),
        {"Iran"},
        set(),
    ),
    (
        "es",
        "Decisión del gobierno",
        "El gobierno aplazó las nuevas sanciones contra Irán hasta el próximo año.",
        set(),
        {"Iran"},
        set(),
    ),
    (
        "pt",
        "Decisão do governo",
        "O governo adiou as novas sanções contra o Irão até ao próximo ano.",
        set(),
        {"Iran"},
        set(),
    ),
    ("uk", "Експерти", "Експерти обговорили ракетну програму Ірану на конференції.", set(), {"Iran"}, set()),
    ("ru", "Эксперты", "Эксперты обсудили ракетную программу Ирана на конференции.", set(), {"Iran"}, set()),
    ("uk", "Міністр", "Міністр провів зустріч з журналістами у Львові.", set(), {"Ukraine"}, set()),
    ("es", "El ministro", "El ministro tuvo un encuentro con periodistas en Bogotá.", set(), {"Colombia"}, set()),
    ("uk", "Енергетика", "Міністри двох країн угоду підписали у вівторок у Варшаві.", {"agreement"}, {"Poland"}, set()),
    (
        "ru",
        "Энергетика",
        "Соглашение было подписано во вторник в Баку после долгих споров.",
        {"agreement"},
        {"Azerbaijan"},
        set(),
    ),
    # A ceremony in honour of an attack's victims in the lead is a remembrance, as an anniversary is: no fighting.
    (
        "es",
        "Recuerdan a los caídos",
        "El alcalde encabezó un homenaje a las víctimas del atentado contra el tren en la capital de Chile.",
        set(),
        {"Chile"},
        set(),
    ),
    # Visa restrictions on a state's officials are sanctions (corpus: es-051, es-054, es-069).
    (
        "es",
        "Medidas de Washington",
        "El gobierno anunció restricciones de visa a doce funcionarios de Nicaragua.",
        {"sanctions"},
        {"Nicaragua"},
        set(),
    ),
    (
        "pt",
        "Medidas de Washington",
        "O governo anunciou restrições de vistos a doze funcionários da Nicarágua.",
        {"sanctions"},
        {"Nicaragua"},
        set(),
    ),
    (
        "uk",
        "Рішення Вашингтона",
        "Уряд запровадив візові обмеження для дванадцяти посадовців Нікарагуа.",
        {"sanctions"},
        {"Nicaragua"},
        set(),
    ),
    (
        "ru",
        "Решение Вашингтона",
        "Правительство ввело визовые ограничения для двенадцати чиновников Никарагуа.",
        {"sanctions"},
        {"Nicaragua"},
        set(),
    ),
]


# Twelfth batch (issue 18, new development items in Ukrainian and Spanish), in sentences of our own: a strike that
# a force could deliver, threatens or has the means for is no fighting reported, while a military operation under
# way is; the making, supply or control of drones is no attack; a state's willingness to negotiate is no talks held;
# a city's name that is also a phrase ("la paz", peace) in a headline without capitals names no city when a body is
# there to write the name with its capital.
TWELFTH_BATCH = [
    (
        "uk",
        "Генерал погрожує сусідам",
        "Генерал заявив, що армія може знищити супротивника одним ударом.",
        set(),
        set(),
        set(),
    ),
    (
        "uk",
        "Нова загроза",
        "Міністр говорив про неминучість ракетного удару по столиці сусідньої держави.",
        set(),
        set(),
        set(),
    ),
    (
        "uk",
        "Операція на півночі",
        "Військова операція проти угруповань на півночі Малі триває вже другий тиждень.",
        {"clash"},
        {"Mali"},
        set(),
    ),
    (
        "uk",
        "Нове рішення уряду",
        "Завод збільшив виробництво ударних дронів для армії, повідомило міністерство.",
        set(),
        set(),
        set(),
    ),
    (
        "es",
        "Nuevas medidas económicas",
        "El acuerdo depende de la voluntad de ambos gobiernos de negociar sin condiciones previas.",
        set(),
        set(),
        set(),
    ),
    (
        "es",
        "sanciones a empresas por su falta de compromiso con la paz en la region",
        "El gobierno anunció sanciones contra tres empresas que venden armas a las milicias.",
        {"sanctions"},
        set(),
        {"Bolivia"},
    ),
    (
        "es",
        "cumbre de presidentes en la paz",
        "Los presidentes de Perú y Chile llegaron el lunes a La Paz.",
        {"talks"},
        {"Bolivia", "Peru", "Chile"},
        set(),
    ),
]


# Thirteenth batch (issue 18): classes of language the batch's first-sight errors and probes in our own words showed.
THIRTEENTH_BATCH = [
    # Ukrainian place names change their stem as they decline or take a suffix: the last syllable's і becomes о or е
    # and ї becomes є (Миколаїв -> у Миколаєві, Тернопіль -> Тернополя), г/ж/з become з before -ський (Запоріжжя ->
    # запорізький, even written in lower case), the region takes -щина (Одеса -> Одещина, Вінниця -> Вінниччина).
    ("uk", "Нічна тривога", "Біля Миколаєва сили оборони збили два дрони.", {"clash"}, {"Ukraine"}, set()),
    ("uk", "Ранок у місті", "У Тернополі після нічних вибухів відновили світло.", {"clash"}, {"Ukraine"}, set()),
    ("uk", "Зведення штабу", "На запорізькому напрямку відбито чотири штурми.", {"clash"}, {"Ukraine"}, set()),
    ("uk", "Громади області", "Одещина і Вінниччина отримали нові генератори.", set(), {"Ukraine"}, set()),
    ("uk", "Візит до столиці", "Делегація з Люксембургу зустрілася з київською владою.", {"talks"}, {"Ukraine"}, set()),
    ("uk", "Конференція в Європі", "Люксембурзький міністр виступив на форумі.", set(), {"Luxembourg"}, set()),
    # A state's forces doing violence are fighting, in every tense a report uses; a thief's attack is not.
    (
        "pt",
        "Noite de ataques",
        "As tropas sírias atacaram posições rebeldes perto de Alepo.",
        {"clash"},
        {"Syria"},
        set(),
    ),
    ("pt", "Crime na cidade", "Dois homens atacaram uma farmácia e fugiram com o dinheiro.", set(), set(), set()),
    (
        "es",
        "Ofensiva en el este",
        "Las fuerzas rusas atacaban las posiciones ucranianas.",
        {"clash"},
        {"Russia"},
        set(),
    ),
    ("es", "Frontera tensa", "Soldados venezolanos abrieron fuego contra una lancha.", {"clash"}, {"Venezuela"}, set()),
    # Security forces against protesters are policing, as the police are (README: domestic unrest).
    ("es", "Protestas", "Las fuerzas de seguridad atacaron a los manifestantes en la plaza.", set(), set(), set()),
    # A toll given as a vague quantity is a toll (no figure); a single death with its number word is one.
    (
        "es",
        "Atentado en el mercado",
        "Murieron decenas de personas tras la explosión.",
        {"clash", "casualties"},
        set(),
        set(),
    ),
    ("pt", "Bombardeio no norte", "O bombardeio deixou centenas de feridos.", {"clash", "casualties"}, set(), set()),
    ("uk", "Удар по місту", "Внаслідок удару загинули десятки людей.", {"clash", "casualties"}, set(), set()),
    ("es", "Frontera", "Un soldado murió en un tiroteo en la frontera.", {"clash", "casualties"}, set(), set()),
    ("pt", "Patrulha atacada", "Um militar morreu numa emboscada.", {"clash", "casualties"}, set(), set()),
    # An age is no toll ("a los 90 años", "45-річний").
    ("es", "Obituario", "Murió a los 90 años el célebre pintor de la ciudad.", set(), set(), set()),
    ("pt", "Despedida", "Morreu aos 85 anos o antigo presidente do clube.", set(), set(), set()),
    ("uk", "Пам'ять", "Помер 80-річний поет, автор збірок про рідне місто.", set(), set(), set()),
]


@pytest.mark.parametrize("case", ELEVENTH_BATCH + TWELFTH_BATCH + THIRTEENTH_BATCH)
def test_classes_of_the_eleventh_to_thirteenth_batches(
    detector: Detector, case: tuple[str, str, str, set[str], set[str], set[str]]
) -> None:
    lang, title, text, events, countries, not_countries = case
    _reads_as(detector, (lang, title, text), events, None, countries, not_countries)


def test_a_lower_case_headline_alone_still_names_its_city(detector: Detector) -> None:
    # With no body to read, the headline's words are all there is: its cities still name their states.
    det = detector.detect("los presidentes de la region llegan a la paz para la cumbre", "")
    assert det.language == "es"
    assert "Bolivia" in det.countries


def test_a_vague_toll_gives_no_figure(detector: Detector) -> None:
    # "Dozens" is never a figure (as in English): the item reports casualties with no count.
    det = detector.detect("Ataque no mercado", "Dezenas de mortos no ataque de ontem à noite.")
    assert "casualties" in {e.type for e in det.events}
    assert not det.casualties


def test_an_age_is_no_figure_beside_a_toll(detector: Detector) -> None:
    det = detector.detect("Atentado", "Un hombre de 45 años murió en el atentado; otras tres personas murieron.")
    counts = [c.count for c in det.casualties if c.kind == "killed"]
    assert 45 not in counts
    assert counts[0] == 1


# Fourteenth batch (issue 18): classes of language the batch's first-sight errors showed, in our own words.
FOURTEENTH_BATCH = [
    # A truce agreement named as such is an agreement, as "acordo de cessar-fogo" already was: the same noun with
    # the language's other words for a truce or ceasefire.
    (
        "pt",
        "Trégua no norte",
        "O acordo de trégua entre o exército e os rebeldes foi assinado ontem.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    (
        "pt",
        "Pausa renovada",
        "O acordo de tréguas entre as duas partes vai durar mais um mês.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    (
        "es",
        "Pacto en la frontera",
        "Las milicias y el gobierno firmaron el acuerdo de tregua en la capital.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    (
        "es",
        "Firma en la selva",
        "El acuerdo de cese al fuego entre las dos guerrillas fue suscrito el viernes.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    (
        "uk",
        "Домовленість на півдні",
        "Делегації схвалили угоду про перемир'я після трьох днів переговорів.",
        {"ceasefire", "agreement", "talks"},
        "agreed",
    ),
    # ...but a truce agreement broken or violated, in any person or case, is no agreement made (a violation).
    (
        "uk",
        "Взаємні звинувачення",
        "Сторони звинуватили одна одну в порушенні угоди про перемир'я.",
        {"ceasefire"},
        "violated",
    ),
    (
        "es",
        "Denuncia del ejército",
        "Los rebeldes violaron el acuerdo de tregua en dos aldeas.",
        {"ceasefire"},
        "violated",
    ),
    ("pt", "Denúncia do governo", "Os rebeldes violaram o acordo de trégua na província.", {"ceasefire"}, "violated"),
    # An agreement that must be made, or should be signed, is a call for one, not an agreement (as one to reach).
    ("uk", "Заява посла", "Дипломат сказав, що між сторонами має бути укладена мирна угода.", set(), None),
    ("es", "Opinión del canciller", "El canciller dijo que las partes deben firmar un acuerdo de paz.", set(), None),
    ("pt", "Apelo do ministro", "O ministro disse que é preciso assinar um acordo de paz.", set(), None),
    ("es", "Firma en la capital", "Las partes firmaron un acuerdo de paz el martes.", {"agreement"}, None),
    # Sanctions in a bill still before a legislature are not sanctions imposed.
    ("uk", "Голосування в парламенті", "Депутати розглянуть законопроєкт про нові санкції проти Ірану.", set(), None),
    ("es", "Debate en el Senado", "El Senado debatirá un proyecto de ley de sanciones contra Irán.", set(), None),
    ("pt", "Votação no Congresso", "Os deputados votam o projeto de lei que amplia as sanções ao Irão.", set(), None),
    ("uk", "Нові обмеження", "Уряд запровадив санкції проти трьох іранських банків.", {"sanctions"}, None),
]


@pytest.mark.parametrize("case", FOURTEENTH_BATCH)
def test_classes_of_the_fourteenth_batch(detector: Detector, case: tuple[str, str, str, set[str], str | None]) -> None:
    lang, title, text, events, status = case
    _reads_as(detector, (lang, title, text), events, status, set(), set())


# Capitals that are no time-zone exemplar city in CLDR (Quito, Brasília, San Salvador, Bogotá in Ukrainian) still name
# their state; a common word sharing the stem of a Cyrillic one does not (кіт, a cat, is no Кіто).
@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("es", "Los cancilleres de la región se reunieron en Quito.", "Ecuador"),
        ("es", "El presidente viajó a Brasilia para la cumbre.", "Brazil"),
        ("es", "Los ministros llegaron el lunes a San Salvador.", "El Salvador"),
        ("pt", "Os chanceleres reuniram-se em Quito para discutir o comércio.", "Ecuador"),
        ("uk", "Міністри зустрілися в Кіто для розмови про торгівлю.", "Ecuador"),
        ("uk", "Делегація прибула до Боготи на переговори.", "Colombia"),
    ],
)
def test_capitals_outside_the_zone_cities_name_their_state(
    detector: Detector, lang: str, text: str, country: str
) -> None:
    _names_state(detector, lang, text, country)


def _names_state(detector: Detector, lang: str, text: str, country: str) -> None:
    det = detector.detect("", text)
    assert det.language == lang
    assert country in det.countries


def test_a_word_sharing_a_capitals_stem_names_no_state(detector: Detector) -> None:
    assert "Ecuador" not in detector.detect("Новини дня", "Наш кіт і собака живуть разом у квартирі.").countries


# Ways of writing a toll the lexicons missed: a toll that "claimed the lives of" N, a count of the dead that "rose to"
# N a few words on, victims who "became" N, one killed written with the Ukrainian number word after its verb; and a
# wounded count that is the number next to its own word, not the killed count before it.
@pytest.mark.parametrize(
    ("lang", "text", "tolls"),
    [
        ("es", "El bombardeo se cobró la vida de 6 civiles en el mercado.", [(6, "killed")]),
        ("es", "La cifra de muertos por las explosiones subió a 18 el domingo.", [(18, "killed")]),
        ("pt", "O número de mortos nos confrontos da semana subiu para 27.", [(27, "killed")]),
        ("pt", "Não houve sobreviventes: a emboscada ceifou a vida de 5 militares.", [(5, "killed")]),
        ("uk", "Кількість загиблих після нічного обстрілу зросла до 11.", [(11, "killed")]),
        ("uk", "Ракетний удар забрав життя 4 людей.", [(4, "killed")]),
        ("uk", "Жертвами обстрілу стали 6 мирних жителів.", [(6, "killed")]),
        ("uk", "Унаслідок атаки загинув один військовий, ще троє поранені.", [(1, "killed"), (3, "wounded")]),
        ("es", "En la emboscada murieron 3 policías y otros 9 resultaron heridos.", [(3, "killed"), (9, "wounded")]),
        ("pt", "No atentado morreram 7 pessoas e 20 ficaram feridas.", [(7, "killed"), (20, "wounded")]),
        ("uk", "Після удару загинули 5 людей, ще 14 поранені.", [(5, "killed"), (14, "wounded")]),
        # A number word after a Romance verb is still an article there, and one inside the gap does not block a toll.
        ("es", "Murió un hombre en el accidente de tráfico.", []),
        ("es", "Tres soldados de una patrulla murieron en el ataque.", [(3, "killed")]),
        # A Romance "one" before the verb is the subject's article when the verb has a figure of its own.
        ("es", "Un bombardeo mató a 14 civiles cerca de la frontera.", [(14, "killed")]),
        ("es", "Una emboscada dejó muertos a 6 soldados en la carretera.", [(6, "killed")]),
        ("pt", "Um ataque de drones matou 9 pessoas na cidade.", [(9, "killed")]),
        ("pt", "Uma emboscada matou 4 soldados na estrada.", [(4, "killed")]),
        # Without a figure after the verb, the "one" before it is still the toll.
        ("es", "Un soldado murió en el ataque contra el puesto.", [(1, "killed")]),
        # An active verb of wounding gives a wounded figure, as a verb of killing gives a killed one.
        ("es", "El bombardeo hirió a 17 civiles en el barrio.", [(17, "wounded")]),
        (
            "es",
            "Los disparos de artillería mataron a 3 soldados e hirieron a 11 más.",
            [(3, "killed"), (11, "wounded")],
        ),
        ("pt", "O ataque com drones feriu 23 pessoas no mercado.", [(23, "wounded")]),
        ("pt", "Os bombardeios mataram 4 civis e feriram 19 no domingo.", [(4, "killed"), (19, "wounded")]),
        ("uk", "Російський обстріл поранив 8 людей у Харкові.", [(8, "wounded")]),
        ("ru", "Обстрел ранил 6 человек в Белгороде.", [(6, "wounded")]),
        # A figure after the other verb is that verb's, unless another figure stands between them.
        ("uk", "Внаслідок обстрілу загинули 5, ще 14 поранені.", [(5, "killed"), (14, "wounded")]),
    ],
)
def test_more_ways_of_writing_a_toll(detector: Detector, lang: str, text: str, tolls: list[tuple[int, str]]) -> None:
    det = detector.detect("", text)
    assert det.language == lang
    assert [(c.count, c.kind) for c in det.casualties] == tolls


# Fifteenth batch (issue 18): classes of language the batch's first-sight errors showed, in our own words. A party that
# accepted the other side's truce made an agreement (corpus convention 5), one that refused it left a truce put forward
# (proposed), and one that only accepted to negotiate one is in talks; a deal still under discussion is proposed and no
# agreement made; talks named as what a truce is for are not talks held; an official who talked with journalists gave
# a press conference; "EE.UU" without its last stop is still the United States.
FIFTEENTH_BATCH = [
    (
        "es",
        "Pausa en el norte",
        "Los rebeldes aceptaron la tregua de cuatro días anunciada por el ejército.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    (
        "es",
        "Sin pausa en el norte",
        "Los rebeldes no aceptaron la tregua de cuatro días del ejército.",
        {"ceasefire"},
        "proposed",
    ),
    (
        "es",
        "Gestos en la capital",
        "La guerrilla aceptó negociar una tregua con el gobierno.",
        {"ceasefire", "talks"},
        "talks",
    ),
    ("es", "Rueda de prensa", "El portavoz conversó con periodistas sobre la situación en la frontera.", set(), None),
    (
        "es",
        "Una pausa breve",
        "El cese el fuego de marzo se declaró para facilitar las conversaciones entre las partes.",
        {"ceasefire"},
        None,
    ),
    (
        "pt",
        "Trégua aceite",
        "O grupo armado aceitou o cessar-fogo anunciado pelo governo.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    ("pt", "Entrevista coletiva", "O ministro conversou com jornalistas depois da cerimónia.", set(), None),
    (
        "pt",
        "Apoio ao plano",
        "Os governos apoiam o acordo de cessar-fogo que está em discussão entre as partes.",
        {"ceasefire"},
        "proposed",
    ),
    ("pt", "Pausa humanitária", "A trégua foi declarada para facilitar as negociações de paz.", {"ceasefire"}, None),
    (
        "uk",
        "Перемир'я на сході",
        "Повстанці погодилися на перемир'я, яке оголосила армія.",
        {"ceasefire", "agreement"},
        "agreed",
    ),
    ("uk", "Без перемир'я", "Повстанці не погодилися на перемир'я, яке пропонувала армія.", {"ceasefire"}, "proposed"),
    ("uk", "Пресконференція", "Посол у розмові з журналістами розповів про допомогу.", set(), None),
    ("uk", "Тиша на фронті", "Режим тиші оголосили, щоб сприяти переговорам між сторонами.", {"ceasefire"}, "agreed"),
]


@pytest.mark.parametrize("case", FIFTEENTH_BATCH)
def test_classes_of_the_fifteenth_batch(detector: Detector, case: tuple[str, str, str, set[str], str | None]) -> None:
    lang, title, text, events, status = case
    _reads_as(detector, (lang, title, text), events, status, set(), set())


def test_the_united_states_abbreviated_without_its_last_stop(detector: Detector) -> None:
    det = detector.detect("Visita del enviado", "El enviado de EE.UU llegó el lunes a la capital.")
    assert det.language == "es"
    assert "United States" in det.countries


# Probes in our own words after the fifteenth batch: states named by their people or an adjective the lexicons lacked
# (Ukrainian plural demonyms and adjectives, Spanish and Portuguese demonyms of Europe, Asia, Africa and the Americas),
# a seat or spelling standing for a state (Kremlin, Kyiv, Washington), and a name whose vowel drops in its cases
# (Єгипет -> Єгипту).
@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("uk", "Вчора палестинці вийшли на вулиці міста.", "Palestine"),
        ("uk", "Польські фермери знову перекрили дороги, а поляки чекають рішення.", "Poland"),
        ("uk", "Італійський міністр приїхав з коротким візитом.", "Italy"),
        ("uk", "Делегація прибула до Єгипту в понеділок.", "Egypt"),
        ("uk", "Азербайджанські військові відвели техніку від кордону.", "Azerbaijan"),
        ("uk", "Чеський уряд схвалив нову програму допомоги.", "Czech Republic"),
        (
            "es",
            "El primer ministro polaco visitó ayer la frontera con los ministros de Defensa y del Interior.",
            "Poland",
        ),
        ("es", "Los cascos azules noruegos llegaron a la base.", "Norway"),
        ("es", "El gobierno keniano anunció nuevas medidas.", "Kenya"),
        ("es", "El Kremlin respondió a las críticas por la tarde.", "Russia"),
        ("pt", "O primeiro-ministro grego chegou ontem à cimeira.", "Greece"),
        ("pt", "O presidente colombiano recebeu a delegação no palácio.", "Colombia"),
        ("pt", "Washington anunciou novas medidas contra o regime.", "United States"),
        ("pt", "O governo birmanês libertou vários presos políticos.", "Myanmar"),
    ],
)
def test_demonyms_and_seats_name_their_state(detector: Detector, lang: str, text: str, country: str) -> None:
    _names_state(detector, lang, text, country)


# ...and fighting and tolls written in words the lexicons lacked: a European Portuguese bombing ("bombardeamento"),
# armed clashes ("choques entre", "сутички"), an ambush in its locative ("засідці", к -> ц), "убив" beside "вбив", and
# the Ukrainian collective and genitive numbers (десятеро, сімох).
@pytest.mark.parametrize(
    ("lang", "text", "events", "count"),
    [
        ("pt", "Pelo menos 25 pessoas morreram num bombardeamento da aviação na cidade.", {"clash", "casualties"}, 25),
        (
            "es",
            "Los choques entre la policía militar y los milicianos dejaron 12 muertos.",
            {"clash", "casualties"},
            12,
        ),
        ("uk", "Сутички між армією та повстанцями забрали життя 12 людей.", {"clash", "casualties"}, 12),
        ("uk", "Десятеро військових загинули в засідці на півночі країни.", {"clash", "casualties"}, 10),
        ("uk", "Бойовики напали на конвой і убили сімох солдатів.", {"clash", "casualties"}, 7),
    ],
)
def test_more_words_for_fighting_and_tolls(
    detector: Detector, lang: str, text: str, events: set[str], count: int
) -> None:
    det = detector.detect("", text)
    assert det.language == lang
    assert {e.type for e in det.events} == events
    assert det.casualties[0].count == count


# Twelfth batch (declension): every case of a country's name names it. Ukrainian stems in к, г, х take ц, з, с before
# the -і of the dative and locative (Мексика -> у Мексиці, Прага -> у Празі, Авдіївка -> в Авдіївці); a four-letter
# name in -а takes its case endings (Куба -> на Кубі, Кубою; Кубы, Кубе), as does the adjective of a two-word name
# (Нова Зеландія -> Нової Зеландії; Новая Зеландия -> Новой Зеландии).
@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("uk", "Посол прибув до Мексики у вівторок.", "Mexico"),
        ("uk", "Переговори про мігрантів пройшли в Мексиці.", "Mexico"),
        ("uk", "Місія спостерігачів працювала на Шрі-Ланці два тижні.", "Sri Lanka"),
        ("uk", "Міністр зустрівся з колегою у Празі.", "Czech Republic"),
        ("uk", "Вибори на Кубі минули спокійно.", "Cuba"),
        ("uk", "Уряд Куби відповів на заяву.", "Cuba"),
        ("uk", "Переговори з Кубою тривали до ночі.", "Cuba"),
        ("uk", "Літак приземлився в Південно-Африканській Республіці.", "South Africa"),
        ("uk", "Посольство в Центральноафриканській Республіці закрили.", "Central African Republic"),
        ("uk", "Судно прямує до Нової Зеландії.", "New Zealand"),
        ("uk", "Уряд співпрацює з Новою Зеландією.", "New Zealand"),
        ("uk", "Обстріли не вщухають в Авдіївці.", "Ukraine"),
        ("uk", "Суд засідав у Гаазі.", "Netherlands"),
        ("uk", "Допомогу Ямайці надали сусіди.", "Jamaica"),
        ("ru", "Посол прибыл на Кубу в понедельник.", "Cuba"),
        ("ru", "Правительство Кубы ответило на заявление.", "Cuba"),
        ("ru", "Судно направляется к берегам Новой Зеландии.", "New Zealand"),
        ("ru", "Министр подписал соглашение с Новой Зеландией.", "New Zealand"),
    ],
)
def test_every_case_of_a_name_names_its_state(lang: str, text: str, country: str) -> None:
    assert country in read(lang, "", text).countries


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("uk", "Президент Гані виступив із промовою.", "Ghana"),  # Ghani, the surname, in the locative of Гана
        ("uk", "Ганна Маляр прокоментувала новини.", "Ghana"),
        ("uk", "Кубок світу відбудеться влітку.", "Cuba"),
        ("ru", "Кубок страны разыграют летом.", "Cuba"),
        ("uk", "Нова пошта відкрила відділення.", "New Zealand"),
    ],
)
def test_a_declined_short_name_leaves_other_words(lang: str, text: str, country: str) -> None:
    assert country not in read(lang, "", text).countries


# The regular adjective of every one-word country name, in lower case inside a sentence, names the state: -ія gives
# -ійськ/-ийск, a consonant takes the suffix, -і takes -йськ (Болівія -> болівійський, Судан -> суданський, Чилі ->
# чилійський; Танзания -> танзанийский).
@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("uk", "Уряд направив болівійським колегам лист.", "Bolivia"),
        ("uk", "На кордоні стояли суданські військові.", "Sudan"),
        ("uk", "Делегацію очолив чилійський дипломат.", "Chile"),
        ("uk", "Про це повідомили угандійські ЗМІ.", "Uganda"),
        ("ru", "Делегацию возглавил танзанийский министр.", "Tanzania"),
        ("ru", "Об этом сообщили камерунские власти.", "Cameroon"),
    ],
)
def test_a_regular_adjective_names_its_state(lang: str, text: str, country: str) -> None:
    assert country in read(lang, "", text).countries


# Sixteenth batch (7 December, helper langs): the European Union's word for its sanctions, "restrictive measures"
# against a state or its officials (es-090), is sanctions; the same words for a pandemic's or a city's rules are not.
SIXTEENTH_BATCH = [
    (
        "es",
        "Bruselas y Minsk",
        "Los ministros renovaron las medidas restrictivas contra Bielorrusia por un año.",
        {"sanctions"},
    ),
    (
        "es",
        "Consejo de la UE",
        "Entran en vigor las medidas restrictivas económicas contra tres bancos iraníes.",
        {"sanctions"},
    ),
    (
        "es",
        "Decisión en Bruselas",
        "El Consejo amplió las medidas restrictivas de la UE a otras doce personas.",
        {"sanctions"},
    ),
    ("es", "Salud pública", "La región prorroga las medidas restrictivas contra la pandemia hasta marzo.", set()),
    ("es", "Centro urbano", "El ayuntamiento anunció medidas restrictivas de tráfico para el domingo.", set()),
    (
        "pt",
        "Decisão do Conselho",
        "O Conselho prorrogou as medidas restritivas contra a Síria por mais um ano.",
        {"sanctions"},
    ),
    ("pt", "Novas listas", "Foram adotadas medidas restritivas da UE contra dirigentes do regime.", {"sanctions"}),
    ("pt", "Saúde", "O município mantém as medidas restritivas contra a covid-19 até ao fim do mês.", set()),
    ("uk", "Рішення Ради ЄС", "Рада ЄС продовжила обмежувальні заходи проти Ірану ще на рік.", {"sanctions"}),
    ("uk", "Нові списки", "Обмежувальні заходи ЄС тепер діють ще проти восьми посадовців режиму.", {"sanctions"}),
    ("uk", "Карантин", "Місто продовжило обмежувальні заходи проти поширення коронавірусу до кінця місяця.", set()),
]


# In Portuguese "comemorar" is also to celebrate news ("comemorou o anúncio", pt-038): no anniversary, so the fighting
# the item reports stays fighting; a commemoration, or years counted since an attack, is still an anniversary.
CELEBRATED_NEWS = [
    (
        "pt",
        "Reação em Brasília",
        "O governo comemorou o anúncio da trégua, mas houve novos confrontos na fronteira no domingo.",
        {"ceasefire", "clash"},
    ),
    (
        "pt",
        "Festa em Luanda",
        "A população comemorou o acordo de paz assinado ontem, apesar de disparos na periferia da cidade.",
        {"agreement", "clash"},
    ),
    ("pt", "Data histórica", "O país comemora os 30 anos do ataque ao quartel com uma cerimónia.", set()),
    ("pt", "Cerimónia em Buenos Aires", "Comemoração do atentado de 1994 junta sobreviventes na capital.", set()),
    ("pt", "Memória", "Cerimónia comemorativa do bombardeamento da cidade decorre hoje.", set()),
]


@pytest.mark.parametrize("case", SIXTEENTH_BATCH + CELEBRATED_NEWS)
def test_classes_of_the_sixteenth_batch(detector: Detector, case: tuple[str, str, str, set[str]]) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


# Seventeenth batch (issue 18), development errors read by class; sentences of our own.
# Ukrainian: an attack at the end of a list of topics after a verb of discussing ("обговорили перемовини, гарантії
# безпеки та російські удари", uk-074) was discussed, not made; a clause opened after the verb ("після того, як", "що",
# "а") or a new sentence reports the attack again; sanctions discussed stay sanctions (as right after the verb).
DISCUSSED_TOPICS = [
    (
        "uk",
        "Телефонна розмова президентів",
        "Президенти обговорили перемовини, гарантії безпеки та російські удари по енергетиці.",
        {"talks"},
    ),
    (
        "uk",
        "Зустріч у Брюсселі",
        "Міністри обговорили енергетику, торгівлю та нові санкції проти Росії.",
        {"talks", "sanctions"},
    ),
    (
        "uk",
        "Засідання уряду",
        "Міністри обговорили ситуацію після того, як російські удари зруйнували міст у Харкові.",
        {"clash"},
    ),
    (
        "uk",
        "Розмова лідерів",
        "Лідери обговорили гарантії безпеки. Російські удари по Харкову тривали всю ніч.",
        {"clash", "talks"},
    ),
    ("uk", "Нарада в Києві", "Міністри обговорили торгівлю, а ЄС запровадив санкції проти Росії.", {"sanctions"}),
]


# Spanish: a truce under threat ("amenazas al frágil cese al fuego", es-062; "pone en peligro la tregua") is violated,
# as English "threatens" and "jeopardizes"; a threat of something else beside a truce changes nothing.
THREATENED_TRUCES = [
    ("es", "Yemen", "Nuevos combates amenazan la frágil tregua en el puerto de Hodeida.", "violated"),
    ("es", "Siria", "La violencia pone en peligro el alto el fuego acordado la semana pasada.", "violated"),
    (
        "es",
        "Amenazas al cese al fuego en Libia",
        "Las milicias siguen movilizando tropas cerca de Trípoli.",
        "violated",
    ),
    (
        "es",
        "Colombia",
        "El gobierno y la guerrilla acordaron un alto el fuego ante la amenaza de la temporada de lluvias.",
        "agreed",
    ),
    ("es", "Gaza", "La tregua entró en vigor pese a la amenaza terrorista en la región.", "agreed"),
]


# European Portuguese names the dead after "a morte a" ("provocou a morte a uma jovem", a development feed item): a
# figure there is the toll, "um" and "uma" one killed; "condenou à morte a" and a natural death give none.
DEATHS_CAUSED = [
    ("pt", "Acidente em Braga", "A colisão provocou a morte a um homem de 40 anos.", (1, "killed")),
    ("pt", "Ataque no norte", "O ataque dos insurgentes causou a morte a três civis na aldeia.", (3, "killed")),
    ("pt", "Explosão em fábrica", "A explosão provocou a morte de dois operários.", (2, "killed")),
    ("pt", "Tribunal", "O tribunal condenou à morte a três homens acusados de terrorismo.", None),
    ("pt", "Obituário", "O escritor morreu aos 90 anos em Lisboa.", None),
]


# Eighteenth batch (issue 18), development errors read by class; sentences of our own.
# Spanish names the dead after "dar muerte a" ("ha dado muerte a 12 personas", es-102): its finite forms and the gerund
# take the figure after them, "un", "una" there is one killed; the infinitive (a threat, a plot) and a death sentence
# ("condenó a muerte a") give none.
GIVEN_DEATH = [
    ("es", "Ataque en Kabul", "Un comando talibán dio muerte a siete policías en un puesto de control.", (7, "killed")),
    (
        "es",
        "Emboscada en el Cauca",
        "Los guerrilleros dieron muerte a tres soldados durante la emboscada.",
        (3, "killed"),
    ),
    (
        "es",
        "Atentado en Bagdad",
        "La explosión, según las autoridades, ha dado muerte a 25 personas en el mercado.",
        (25, "killed"),
    ),
    ("es", "Ofensiva en el norte", "Los insurgentes atacaron la base, dando muerte a cinco militares.", (5, "killed")),
    (
        "es",
        "Ataque contra una patrulla",
        "Un francotirador dio muerte a un soldado cerca de la frontera.",
        (1, "killed"),
    ),
    ("es", "Ataque a un convoy", "Los rebeldes habían dado muerte a 14 civiles antes de huir.", (14, "killed")),
    (
        "es",
        "Amenaza",
        "Los secuestradores amenazaron con dar muerte a dos rehenes si no se pagaba el rescate.",
        None,
    ),
    ("es", "Juicio", "Un tribunal militar condenó a muerte a tres opositores.", None),
    ("es", "Intento", "La policía frustró un plan para dar muerte al presidente.", None),
    ("es", "Condena", "El juez sentenció a muerte a un hombre de 30 años.", None),
]


# Ukrainian writes watched officials in its own spelling and cases (Заріфом, Заріфа; Каддафі and Мурсі do not decline;
# Кім Чен Ина): they name the person; a namesake or another member of a family does not.
UKRAINIAN_OFFICIALS = [
    (
        "Переговори у Відні",
        "Глава МЗС Ірану Мохаммад Джавад Заріф зустрівся з колегами з Європи.",
        ["Mohammad Javad Zarif"],
    ),
    ("Переговори у Відні", "Міністри говорили із Заріфом понад три години.", ["Mohammad Javad Zarif"]),
    ("Лівія", "Сили, вірні Муаммару Каддафі, обстрілювали місто.", ["Muammar Gaddafi"]),
    ("Єгипет", "Суд виніс вирок колишньому президентові Мурсі.", ["Mohamed Morsi"]),
    ("КНДР", "Вашингтон застеріг Кім Чен Ина від нових випробувань.", ["Kim Jong Un"]),
    ("Санкції", "Міністр фінансів США Стівен Мнучін оголосив нові обмеження.", ["Steven Mnuchin"]),
    ("ООН", "Генеральний секретар ООН Пан Ґі Мун закликав до стриманості.", ["Ban Ki-moon"]),
    ("Колумбія", "Президент Колумбії Ґуставо Петро прибув до Мадрида.", ["Gustavo Petro"]),
    ("Культура", "Письменник Петро Мідянка отримав премію.", []),
    ("КНДР", "Кім Чен Ір помер у грудні 2011 року.", []),
    ("Музика", "Пан Мун виступив на фестивалі у Львові.", []),
]


@pytest.mark.parametrize("case", DISCUSSED_TOPICS)
def test_an_attack_listed_as_a_topic_discussed_is_none(
    detector: Detector, case: tuple[str, str, str, set[str]]
) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


@pytest.mark.parametrize("case", THREATENED_TRUCES)
def test_a_truce_under_threat_is_violated(detector: Detector, case: tuple[str, str, str, str]) -> None:
    lang, title, text, status = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert [e.status for e in det.events if e.type == "ceasefire"] == [status]


@pytest.mark.parametrize("case", DEATHS_CAUSED + GIVEN_DEATH)
def test_the_dead_named_after_a_death_caused(
    detector: Detector, case: tuple[str, str, str, tuple[int, str] | None]
) -> None:
    lang, title, text, first = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert ((det.casualties[0].count, det.casualties[0].kind) if det.casualties else None) == first


# Nineteenth batch (issue 18, helper langs): three classes read from development errors, in sentences of our own.
# Spanish names a vague toll as the subject of a compound tense ("decenas de civiles inocentes han muerto"): the
# auxiliary lets the subject's phrase be a word longer; a noun for the dead after other words stays no toll.
VAGUE_SUBJECTS = [
    ("es", "Explosión en el mercado", "Decenas de civiles inocentes han muerto en la explosión.", True),
    ("es", "Combates en el norte", "Cientos de soldados fueron heridos en los combates de la última semana.", True),
    ("es", "Campo de refugiados", "Según la ONU, decenas de personas desplazadas habían muerto en el bombardeo.", True),
    ("es", "Balance", "Miles de combatientes han resultado heridos desde enero en la región.", True),
    ("es", "Marcha", "Cientos de familiares de los muertos marcharon por el centro de la ciudad.", False),
    ("es", "Funeral", "Decenas de periodistas han cubierto el funeral de los asesinados.", False),
    ("es", "Memoria", "Miles de personas han recordado a los muertos de la guerra civil.", False),
]
# A contact to be kept up (subjunctive, infinitive: "que se mantenga en contacto", "seguir en contacto") is liaison
# promised or asked for, as one kept up now ("estamos en contacto") is: no talks held; contact held in the past still is.
KEPT_IN_CONTACT = [
    ("es", "Crisis", "El presidente pidió a su equipo que se mantenga en contacto con las autoridades locales.", set()),
    ("es", "Crisis", "Los diplomáticos prometieron seguir en contacto con sus socios europeos.", set()),
    ("es", "Consulado", "La embajada recomendó a los ciudadanos permanecer en contacto con el consulado.", set()),
    ("es", "Crisis", "El canciller se mantuvo en contacto con su homólogo turco durante la crisis.", {"talks"}),
    ("es", "Crisis", "El canciller ha estado en contacto con su homólogo turco.", {"talks"}),
]
# Ukrainian writes the UN Secretary-General "Гутерріш" as well as "Гутерреш", in every case.
GUTERRES = [
    ("ООН", "Генеральний секретар ООН Антоніу Гутерріш закликав сторони до діалогу.", ["António Guterres"]),
    ("Розмова", "Президент обговорив з Антоніу Гутеррішем гуманітарну ситуацію.", ["António Guterres"]),
    ("ООН", "Лист Гутерріша передали Раді Безпеки.", ["António Guterres"]),
    ("ООН", "Антоніу Гутерреш прибув до Женеви.", ["António Guterres"]),
]


@pytest.mark.parametrize("case", VAGUE_SUBJECTS)
def test_a_vague_subject_of_a_compound_tense_is_a_toll(detector: Detector, case: tuple[str, str, str, bool]) -> None:
    lang, title, text, toll = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert ("casualties" in {e.type for e in det.events}) is toll
    assert not det.casualties  # a vague quantity is never a figure


@pytest.mark.parametrize("case", KEPT_IN_CONTACT)
def test_a_contact_to_be_kept_up_is_no_talks(detector: Detector, case: tuple[str, str, str, set[str]]) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


@pytest.mark.parametrize("case", UKRAINIAN_OFFICIALS + GUTERRES)
def test_ukrainian_spelling_and_cases_name_the_official(detector: Detector, case: tuple[str, str, list[str]]) -> None:
    title, text, people = case
    det = detector.detect(title, text)
    assert det.language == "uk"
    assert [p.name for p in det.people] == people


# Twentieth batch (issue 18, helper langs): two classes read from development errors, in sentences of our own.
# Ukrainian spells out figures beyond ten and names one killed in the oblique cases ("Дванадцять людей отримали
# поранення", "загибель однієї людини"); "one of" a group before a verb with its own figure is no toll of one.
UKRAINIAN_FIGURES = [
    ("Удар по місту", "Поки що відомо про загибель однієї людини, ще вісім отримали поранення.", (1, "killed")),
    ("Обстріл", "Дванадцять людей отримали поранення внаслідок обстрілу.", (12, "wounded")),
    ("Обстріл", "Внаслідок обстрілу загинули тринадцять мирних жителів.", (13, "killed")),
    ("Атака", "Щонайменше п'ятнадцять людей загинули в Одесі.", (15, "killed")),
    ("Ракетний удар", "Російська ракета вбила тридцять людей у центрі міста.", (30, "killed")),
    ("Обстріл", "Поранення отримали одинадцять цивільних.", (11, "wounded")),
    ("Удар", "Внаслідок влучання в одну з багатоповерхівок загинули троє людей.", (3, "killed")),
    ("Удар", "Одна з ракет влучила в будинок, загинули двоє людей.", (2, "killed")),
    # near misses: no word for killed or wounded, an ordinal date, an age, a figure after "one of"
    ("Заява", "Дванадцять країн підписали спільну заяву щодо миру.", None),
    ("Пам'ять", "Дванадцятого травня вшанували пам'ять загиблих.", None),
    ("Пам'ять", "Дванадцять років тому загинули його батьки.", None),
    ("Удар", "В одному з будинків загинули п'ятеро мешканців.", (5, "killed")),
]
# Spanish names missiles as a weapon to have, build or test ("una capacidad de lanzamiento de misiles", "su programa
# de misiles", "una prueba de misiles"): no fighting; missiles fired at a place still are.
MISSILES_HELD = [
    ("Irán", "Washington quiere evitar que Irán obtenga una capacidad de lanzamiento de misiles balísticos.", False),
    ("Pyongyang", "Corea del Norte realizó una nueva prueba de misiles de largo alcance.", False),
    ("Irán", "Teherán anunció el ensayo de misiles balísticos de medio alcance.", False),
    ("Acuerdo", "El acuerdo limita la producción de misiles en la región.", False),
    ("Kiev", "Rusia lanzó 40 misiles contra Kiev durante la noche.", True),
    ("Gaza", "Hamás lanzó decenas de misiles contra el sur de Israel.", True),
    ("Ofensiva", "En una prueba de fuerza, Rusia lanzó misiles contra varias ciudades ucranianas.", True),
    ("Mar Rojo", "Los hutíes dispararon misiles contra un buque en el mar Rojo.", True),
]


@pytest.mark.parametrize("case", UKRAINIAN_FIGURES)
def test_ukrainian_figures_in_words(detector: Detector, case: tuple[str, str, tuple[int, str] | None]) -> None:
    title, text, first = case
    det = detector.detect(title, text)
    assert det.language == "uk"
    assert ((det.casualties[0].count, det.casualties[0].kind) if det.casualties else None) == first


@pytest.mark.parametrize("case", MISSILES_HELD)
def test_missiles_held_or_tested_are_no_clash(detector: Detector, case: tuple[str, str, bool]) -> None:
    title, text, clash = case
    det = detector.detect(title, text)
    assert det.language == "es"
    assert ("clash" in {e.type for e in det.events}) is clash


# Issue 18 (helper langs3): one state threatening another in a Ukrainian or Russian headline is news between states,
# as the English relation rule reads "North Korea threatens South Korea" (rule state-relations, routine): a threat
# made ("погрожує", "пригрозив", "погрози на адресу", "угрожает") and two states in the headline, named or through a
# watched official's state. Sentences of our own; near misses after them: a danger, not a threat made ("загроза"),
# threats within one state, and a threat word in the body only.
@pytest.fixture(scope="module")
def with_default_rules() -> Detector:
    from tests.test_default_rules import default_rules

    return Detector(default_rules())


THREATS_BETWEEN_STATES = [
    ("uk", "Польща погрожує Білорусі закриттям кордону", "Варшава вимагає припинити провокації на кордоні.", True),
    ("uk", "Трамп пригрозив Ірану новими заходами", "Президент виступив у Білому домі в понеділок.", True),
    ("uk", "Китай відповів погрозами на адресу Японії", "Пекін висловив протест через заяви прем'єра.", True),
    ("ru", "Иран пригрозил Израилю ответом", "Заявление сделал представитель МИД в Тегеране.", True),
    ("ru", "Китай угрожает Тайваню", "Пекин провел заявление после визита делегации.", True),
    ("uk", "Загроза повеней у Польщі та Чехії", "Рівень води в річках піднімається другу добу.", False),
    ("uk", "Мер Львова отримав погрози від невідомих", "Поліція відкрила провадження щодо листів.", False),
    ("ru", "Угроза засухи в Казахстане и Узбекистане", "Синоптики ожидают жаркое лето в регионе.", False),
    ("uk", "Польща і Литва обговорили торгівлю", "Міністр назвав погрози на адресу Литви неприйнятними.", False),
]


@pytest.mark.parametrize("case", THREATS_BETWEEN_STATES)
def test_one_state_threatening_another_alerts_through_the_relation(
    with_default_rules: Detector, case: tuple[str, str, str, bool]
) -> None:
    lang, title, text, related = case
    det = with_default_rules.detect(title, text)
    assert det.language == lang
    assert ("state-relations" in [m.rule for m in det.matches]) is related, [(m.rule, m.reason) for m in det.matches]


# Issue 18 (helper langs2): a missile named is a weapon, not fighting (corpus convention 1: a missile test is no
# clash). Fighting is told by an attack, strike or shelling word, or by missiles fired at a place, hitting, falling
# or shot down; missiles shown, supplied, stockpiled, launched from somewhere or in a nickname are none. Sentences of
# our own; the last of each language are near misses that stay a clash.
MISSILES_NAMED = [
    ("es", "Desfile", "El país exhibió sus nuevos misiles en un desfile militar.", False),
    (
        "es",
        "Frontera",
        "Queremos evitar una situación en la que los milicianos sigan lanzando misiles desde allí.",
        False,
    ),
    ("pt", "Desfile", "O governo exibiu os novos mísseis num grande desfile militar.", False),
    ("fr", "Défilé", "Le pays a présenté ses nouveaux missiles lors d'un défilé militaire.", False),
    ("uk", "Виступ", "Президент знову назвав лідера країни «людиною-ракетою» під час виступу.", False),
    ("uk", "Допомога", "Партнери передали Україні нові ракети для систем протиповітряної оборони.", False),
    ("ru", "Парад", "Страна показала новые ракеты на военном параде.", False),
    ("es", "Járkov", "Dos misiles impactaron en un edificio residencial de Járkov.", True),
    ("pt", "Kharkiv", "Dois mísseis atingiram um prédio residencial em Kharkiv.", True),
    ("pt", "Kiev", "A Rússia lançou mísseis contra Kiev durante a noite.", True),
    ("fr", "Kharkiv", "Deux missiles sont tombés sur un immeuble d'habitation à Kharkiv.", True),
    ("fr", "Kiev", "La Russie a tiré des missiles contre Kiev pendant la nuit.", True),
    ("uk", "Харків", "Дві ракети влучили в житловий будинок у Харкові.", True),
    ("uk", "Київ", "Сили протиповітряної оборони збили двадцять ракет над Києвом.", True),
    ("uk", "Київ", "Росія вночі випустила ракети по Києву.", True),
    ("ru", "Харьков", "Две ракеты попали в жилой дом в Харькове.", True),
    ("ru", "Киев", "Силы ПВО сбили пятнадцать ракет над Киевом.", True),
]


@pytest.mark.parametrize("case", MISSILES_NAMED)
def test_a_missile_named_is_no_fighting_unless_fired_at_a_place(
    detector: Detector, case: tuple[str, str, str, bool]
) -> None:
    lang, title, text, clash = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert ("clash" in {e.type for e in det.events}) is clash


# Twenty-first batch (issue 18, helper langs5): a development error read by class; sentences of our own. Sanctions or an
# attack at the end of a list of an agenda's or a text's subjects ("una directiva que aborda temas como ... sanciones a
# más funcionarios", es-122; "такі питання, як", "на порядку денному") are subjects named, not sanctions imposed or
# fighting; the item stays relevant through the sanctions (a measure between states in the making, as planned sanctions
# are labelled). Sanctions imposed in a clause after the list, in the next sentence or before it stay sanctions.
AGENDA_SUBJECTS = [
    (
        "es",
        "Nueva política hacia Venezuela",
        "La directiva aborda temas como el comercio, los viajes y sanciones a más funcionarios venezolanos.",
        set(),
    ),
    (
        "es",
        "Agenda regional",
        "En la agenda figuran el comercio, la migración y las sanciones contra Nicaragua.",
        set(),
    ),
    (
        "es",
        "Consejo de ministros",
        "Los ministros analizaron cuestiones como la energía y los ataques con drones contra la red eléctrica.",
        set(),
    ),
    (
        "uk",
        "Політика США",
        "Документ охоплює такі питання, як торгівля, подорожі та санкції проти посадовців.",
        set(),
    ),
    ("uk", "Засідання ради", "На порядку денному енергетика, торгівля та санкції проти Росії.", set()),
    ("es", "Sanciones a Cuba", "Estados Unidos impuso hoy sanciones a diez funcionarios cubanos.", {"sanctions"}),
    (
        "es",
        "Política hacia Cuba",
        "La directiva aborda temas como los viajes, después de que el Tesoro impuso sanciones a funcionarios cubanos.",
        {"sanctions"},
    ),
    (
        "es",
        "Política hacia Rusia",
        "La directiva aborda temas como el comercio. El Tesoro anunció sanciones contra Rusia.",
        {"sanctions"},
    ),
    (
        "es",
        "Ataque en Kiev",
        "Un ataque con drones golpeó Kiev mientras el gobierno trataba temas como la energía.",
        {"clash"},
    ),
    ("uk", "Санкції", "ЄС запровадив нові санкції проти Росії.", {"sanctions"}),
    (
        "uk",
        "Нарада в Брюсселі",
        "Серед питань була торгівля, а ЄС того ж дня запровадив санкції проти Росії.",
        {"sanctions"},
    ),
]


@pytest.mark.parametrize("case", AGENDA_SUBJECTS)
def test_sanctions_and_attacks_named_on_an_agenda_are_no_event(
    detector: Detector, case: tuple[str, str, str, set[str]]
) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events
    if "sanciones" in text or "санкції" in text:
        assert det.relevance.score >= det.relevance.threshold  # a measure between states: still relevant


# An attack dated before the news by a written day (a day and month, with or without its year) is background: no
# clash, the item still relevant. (language, headline, text, the item's date or None, event types)
DATED_ATTACKS = [
    (
        "fr",
        "Syrie : mise en garde de Washington",
        "Les activités observées ressemblent à celles qui ont précédé l'attaque chimique du 4 avril 2017 à Idleb.",
        None,
        set(),
    ),
    (
        "es",
        "Informe sobre Siria",
        "Los inspectores presentaron pruebas sobre el ataque del 21 de agosto de 2013 cerca de Damasco.",
        None,
        set(),
    ),
    (
        "pt",
        "Relatório sobre a Síria",
        "Os inspetores apresentaram provas sobre o ataque de 21 de agosto perto de Damasco.",
        datetime(2013, 9, 16, tzinfo=UTC),
        set(),
    ),
    (
        "uk",
        "Звіт про Сирію",
        "Інспектори надали докази щодо атаки 21 серпня у передмісті Дамаска.",
        datetime(2013, 9, 16, tzinfo=UTC),
        set(),
    ),
    (
        "ru",
        "Доклад о Сирии",
        "Инспекторы представили доказательства по атаке 21 августа 2013 года в пригороде Дамаска.",
        datetime(2013, 9, 16, tzinfo=UTC),
        set(),
    ),
    # Near misses: today's attack, dated today or yesterday, by a weekday, or with no date known for a day and month.
    (
        "uk",
        "Атака на Дамаск",
        "Інспектори зібрали докази щодо атаки 21 серпня у передмісті Дамаска.",
        datetime(2013, 8, 22, tzinfo=UTC),
        {"clash"},
    ),
    (
        "ru",
        "Атака на Дамаск",
        "Инспекторы собирают доказательства по атаке 21 августа в пригороде Дамаска.",
        datetime(2013, 8, 21, tzinfo=UTC),
        {"clash"},
    ),
    (
        "es",
        "Ataque en Idlib",
        "Los inspectores estudian el ataque del lunes cerca de Idlib.",
        datetime(2017, 4, 5, tzinfo=UTC),
        {"clash"},
    ),
    ("uk", "Атака на Дамаск", "Інспектори зібрали докази щодо атаки 21 серпня у передмісті Дамаска.", None, {"clash"}),
    (
        "fr",
        "Attaque à Idleb",
        "L'attaque chimique du 4 avril 2017 a visé la ville de Khan Cheikhoun, selon les secours.",
        datetime(2017, 4, 5, tzinfo=UTC),
        {"clash"},
    ),
]


@pytest.mark.parametrize("case", DATED_ATTACKS)
def test_an_attack_dated_before_the_news_is_background(
    detector: Detector, case: tuple[str, str, str, datetime | None, set[str]]
) -> None:
    lang, title, text, when, events = case
    det = detector.detect(title, text, when)
    assert det.language == lang
    assert {e.type for e in det.events} == events
    assert det.relevance.score >= det.relevance.threshold  # conflict recalled beside the news: still relevant


# A meeting told in the first person or a perfect tense, as a visitor's own remarks tell it ("me he encontrado con",
# "nos reunimos con", to "ver al presidente" of the country visited), is talks as the third person's "se reunió con"
# is; near misses keep their reading: "encontrarse con" a problem or a difficulty, a crowd come to see a president, a
# meeting hoped for or still to come, a meeting with the press. (language, headline, text, event types)
MEETINGS_IN_OTHER_PERSONS = [
    (
        "es",
        "Visita a Panamá",
        "El canciller dijo: me reuní con el presidente Cortizo esta mañana en el palacio.",
        {"talks"},
    ),
    (
        "es",
        "Gira regional",
        "Ayer nos reunimos con el primer ministro y con su equipo de gobierno en la capital.",
        {"talks"},
    ),
    (
        "es",
        "Declaraciones del enviado",
        "En dos días me he encontrado con el canciller, con el presidente y con varios ministros.",
        {"talks"},
    ),
    ("es", "Viaje a Quito", "Vine a Quito para ver al presidente Noboa y hablar de seguridad.", {"talks"}),
    ("es", "Lima", "La ministra se ha reunido con el canciller peruano esta mañana.", {"talks"}),
    ("es", "Frontera", "Nos encontramos con un problema en la frontera.", set()),
    ("es", "Proyecto", "En el proyecto nos hemos encontrado con muchas dificultades.", set()),
    ("es", "Frontera", "Me he encontrado con una situación muy difícil en la frontera.", set()),
    ("es", "Plaza", "Miles de simpatizantes salieron a la plaza para ver al presidente.", set()),
    ("es", "Puerto", "La multitud esperó horas para ver a la presidenta en el puerto.", set()),
    ("es", "Agenda", "El canciller espera ver al presidente la próxima semana.", set()),
    ("es", "Viaje", "El canciller se reunirá con el presidente la próxima semana.", set()),
    ("es", "Plan", "Nos reunimos con periodistas de toda la región para explicar el plan.", set()),
]


@pytest.mark.parametrize("case", MEETINGS_IN_OTHER_PERSONS)
def test_a_meeting_told_in_another_person_or_tense_is_talks(
    detector: Detector, case: tuple[str, str, str, set[str]]
) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events


# Issue 18 (helper langs23): each Spanish event in every form a news text writes, not only the one a report happened to
# use (a dictionary's paradigm, not read off any item): the truce as "cese del fuego", "pausa humanitaria", "cesar el
# fuego"; fighting as plural offensives, a reflexive "se enfrentaron", "en combate", rockets fired at a place, a car bomb,
# an armed group "atacando"; a meeting in the present ("se reúne con"), the infinitive and participle ("tras reunirse
# con", "reunido con"), plural nouns with their counterpart ("reuniones entre"), negotiating and dialogue in every tense,
# "se entrevistó con", "pláticas", a phone call; assets frozen by a verb; an agreement signed, sealed or reached in other
# tenses and objects ("firmaron el acuerdo", "llegaron a un acuerdo", "sellaron un pacto", "acuerdan una tregua").
# Sentences of our own; near misses after them: a truce in a strike, a film "La tregua", a football attack, a heart
# attack, a residents' or a board meeting, a meeting told with its days ahead ("que se celebra ... del 3 al 5 de junio",
# future and periphrastic future), a sports body's sanction, peace talks not yet an agreement.
SPANISH_FORMS = [
    ("Sudán", "Las partes anunciaron un cese del fuego en la región de Darfur.", "ceasefire", True),
    ("Gaza", "La ONU pidió una pausa humanitaria en Gaza para llevar alimentos.", "ceasefire", True),
    ("Libia", "El gobierno y los rebeldes libios acordaron cesar el fuego a partir del lunes.", "ceasefire", True),
    ("Siria", "Rusia y Turquía anunciaron la suspensión de las hostilidades en Idlib.", "ceasefire", True),
    ("Ucrania", "Las tropas rusas lanzaron ofensivas en el este de Ucrania.", "clash", True),
    ("Sudán", "Los dos ejércitos se enfrentaron en las afueras de Jartum.", "clash", True),
    ("Mali", "Un soldado murió en combate con yihadistas en el norte de Mali.", "clash", True),
    ("Líbano", "Hezbolá lanzó cohetes contra el norte de Israel.", "clash", True),
    ("Colombia", "Un coche bomba estalló frente a una base militar en Cúcuta, Colombia.", "clash", True),
    ("Sudán", "Los paramilitares siguen atacando los barrios del sur de Jartum.", "clash", True),
    ("Rabat", "El canciller español se reúne hoy con su homólogo marroquí en Rabat.", "talks", True),
    ("Quito", "Tras reunirse con el presidente de Ecuador, el canciller peruano regresó a Lima.", "talks", True),
    ("Perú", "Las reuniones entre los cancilleres de Perú y Ecuador terminaron sin acuerdo.", "talks", True),
    ("Caracas", "Los negociadores de Colombia y el ELN negociaron durante tres días en Caracas.", "talks", True),
    ("Oslo", "Los delegados de Venezuela dialogaron durante dos días en Oslo.", "talks", True),
    ("Pekín", "El canciller se entrevistó con su homólogo chino Wang Yi en Pekín.", "talks", True),
    ("Frontera", "Estados Unidos y México iniciaron pláticas sobre seguridad fronteriza.", "talks", True),
    ("Llamada", "Sánchez mantuvo una llamada telefónica con Zelenski en la que abordaron la guerra.", "talks", True),
    (
        "Visita",
        "El canciller se reunió con su homólogo y anunció que la cumbre se celebrará en mayo.",
        "talks",
        True,
    ),
    ("Rusia", "El Tesoro congeló los activos de cinco oligarcas rusos.", "sanctions", True),
    ("Frontera", "Perú y Ecuador firmaron el acuerdo de límites en Brasilia.", "agreement", True),
    ("Gaza", "Israel y Hamás acuerdan una tregua de cuatro días.", "agreement", True),
    ("Gaza", "Israel y Hamás llegaron a un acuerdo de alto el fuego.", "agreement", True),
    ("Caracas", "Colombia y Venezuela firmaron acuerdos de cooperación en Caracas.", "agreement", True),
    ("Washington", "Armenia y Azerbaiyán sellaron un pacto de paz en Washington.", "agreement", True),
    ("Cine", "La película La tregua, de Sergio Renán, vuelve a los cines de Buenos Aires.", "ceasefire", False),
    ("Huelga", "El sindicato y la empresa pactaron una tregua en la huelga del metro de Madrid.", "ceasefire", False),
    ("Fútbol", "El ataque del Real Madrid no encontró la portería del Barcelona.", "clash", False),
    ("Salud", "El ministro de Chile sufrió un ataque al corazón en Santiago.", "clash", False),
    ("Salud", "El gobierno de Perú combate la corrupción y el dengue.", "clash", False),
    ("Vecinos", "La reunión de vecinos del barrio de Salamanca terminó sin acuerdo.", "talks", False),
    ("Empresa", "La reunión del consejo de administración de Telefónica aprobó los resultados.", "talks", False),
    ("Vecinos", "Los vecinos se reúnen cada martes en la plaza del pueblo de Sevilla.", "talks", False),
    (
        "OEA",
        "Habló de la asamblea de la OEA y de la reunión que se celebra en Lima del 3 al 5 de junio.",
        "talks",
        False,
    ),
    ("OTAN", "El ministro dijo que la cumbre de la OTAN se celebrará en Madrid a finales de junio.", "talks", False),
    ("Viaje", "El canciller de Chile va a reunirse con su homólogo de Argentina en Mendoza.", "talks", False),
    ("Fútbol", "La FIFA sancionó al club argentino con una multa.", "sanctions", False),
    ("Paz", "El gobierno colombiano y el ELN negocian en La Habana un acuerdo de paz.", "agreement", False),
]


@pytest.mark.parametrize("case", SPANISH_FORMS)
def test_spanish_events_in_every_form(detector: Detector, case: tuple[str, str, str, bool]) -> None:
    title, text, etype, present = case
    det = detector.detect(title, text)
    assert det.language == "es"
    assert (etype in {e.type for e in det.events}) is present, [(e.type, e.cue) for e in det.events]


# The same for tolls: number words beyond twelve, deaths as "muertes" and "matando a", the wounded as "lesionados",
# lives "cobrado"; a near miss: an age in the new number words.
SPANISH_TOLLS = [
    ("Emboscada", "Dieciocho soldados murieron en la emboscada del martes en Mali.", (18, "killed")),
    ("Bombardeo", "Veinticinco personas resultaron lesionadas en el bombardeo de Járkov.", (25, "wounded")),
    ("Bombardeo", "El bombardeo causó 30 muertes, según el ministerio de salud de Gaza.", (30, "killed")),
    ("Mercado", "La explosión sacudió el mercado de Kabul, matando a 14 civiles.", (14, "killed")),
    ("Gaza", "Los bombardeos se han cobrado la vida de 200 civiles en Gaza.", (200, "killed")),
    ("Medalla", "El soldado, de diecinueve años, recibió una medalla en Madrid.", None),
]


@pytest.mark.parametrize("case", SPANISH_TOLLS)
def test_spanish_tolls_in_every_form(detector: Detector, case: tuple[str, str, tuple[int, str] | None]) -> None:
    title, text, first = case
    det = detector.detect(title, text)
    assert det.language == "es"
    assert ((det.casualties[0].count, det.casualties[0].kind) if det.casualties else None) == first


# Issue 18 (helper langs27; the look-alike part of helper langs25's try, decided alone): Ukrainian look-alikes of its
# event words read no event of that type. Sport in the headline or lead (a match, a championship, boxing), football's
# shot ("удар з пенальті", "штрафний удар", "удар по воротах"), a film's title («Атака», «Перемир'я»), an economy, a
# budget or prices "hit" ("удар по російській економіці"), a parents', pupils' or voters' meeting, a truce of trade,
# patents or a family, an agreement not reached or not signed; and, passing before and after, look-alikes of forms the
# lexicon does not read ("вдарили по економіці", "загинув у бою" at a funeral, "перемовини" still to come).
# (headline, text, event type that must not be found)
UKRAINIAN_LOOK_ALIKES = [
    ("Футбол", "Атака Динамо завершилася голом у матчі з Шахтарем.", "clash"),
    ("Фінал", "Вирішальний удар з пенальті приніс перемогу у фіналі чемпіонату.", "clash"),
    ("Гол", "Нападник вдарив по воротах з двадцяти метрів.", "clash"),
    ("Бокс", "Усик проведе бій за титул чемпіона світу з боксу у травні.", "clash"),
    ("Ліга чемпіонів", "Атака господарів тривала до останньої хвилини матчу.", "clash"),
    ("Перемога", "Штрафний удар Мудрика приніс команді перемогу.", "clash"),
    ("Гол", "Кутовий удар завершився голом на останній хвилині.", "clash"),
    ("Перший тайм", "Удар по воротах з двадцяти метрів став єдиним за тайм.", "clash"),
    ("Прем'єра", "Фільм «Атака» вийшов у прокат цього тижня.", "clash"),
    ("Мита", "Нові мита стали ударом по російській економіці.", "clash"),
    ("Нафта", "Падіння цін на нафту завдало удару по державному бюджету.", "clash"),
    ("Економіка", "Санкції вдарили по російській економіці.", "clash"),
    ("Ціни", "Інфляція боляче вдарила по гаманцях українців.", "clash"),
    ("Крути", "Україна відзначає 107-му річницю бою під Крутами.", "clash"),
    ("Львів", "У Львові попрощалися з військовим, який загинув у бою.", "clash"),
    ("Допомога", "Україна отримала 100 безпілотників від партнерів.", "clash"),
    ("Школа", "У школі відбулася зустріч батьків з учителями.", "talks"),
    ("Школа", "Директор провів зустріч з батьками учнів.", "talks"),
    ("Гімназія", "Директор гімназії провів зустріч з учнями та батьками.", "talks"),
    ("Вибори", "Кандидат провів зустріч з виборцями в Житомирі.", "talks"),
    ("Засідання", "Міністр поговорив з журналістами після засідання уряду.", "talks"),
    ("Здоров'я", "Пацієнти отримали консультації лікарів у новому центрі.", "talks"),
    ("Женева", "Наступного тижня відбудуться перемовини у Женеві.", "talks"),
    ("Патенти", "Дві компанії уклали перемир'я у патентній війні.", "ceasefire"),
    ("Мита", "США і Китай продовжили торговельне перемир'я на 90 днів.", "ceasefire"),
    ("Торгівля", "Вашингтон і Пекін оголосили тарифне перемир'я.", "ceasefire"),
    ("Родина", "Після сварки в родині настало перемир'я між братами.", "ceasefire"),
    ("Кіно", "Фільм «Перемир'я» отримав приз на кінофестивалі.", "ceasefire"),
    ("Кінофестиваль", "Стрічка «Перемир'я» вийде на екрани восени.", "ceasefire"),
    ("Обмін", "Сторони не досягли угоди про обмін полоненими.", "agreement"),
    ("Полонені", "Сторони не досягли домовленості про обмін полоненими.", "agreement"),
    ("Газ", "Сторони так і не підписали угоду про постачання газу.", "agreement"),
    ("Збір", "Мешканці жертвували 100 гривень на потреби армії.", "casualties"),
    ("Шахраї", "Кількість жертв шахрайства зросла до 40 за рік.", "casualties"),
]


@pytest.mark.parametrize("case", UKRAINIAN_LOOK_ALIKES)
def test_ukrainian_look_alikes_of_event_words_read_no_event(detector: Detector, case: tuple[str, str, str]) -> None:
    title, text, etype = case
    det = detector.detect(title, text)
    assert det.language == "uk"
    assert etype not in {e.type for e in det.events}, [(e.type, e.cue) for e in det.events]


# ...and the events beside them are still read: a strike on an economic site or a business centre (a place struck), a
# drone attack during a film's showing, a truce between warring parties, an agreement reached or signed, a minister's
# meeting. (headline, text, event type found)
UKRAINIAN_EVENTS_BESIDE_LOOK_ALIKES = [
    ("Новини", "Росія завдала ракетного удару по об'єкту економічної інфраструктури Харкова.", "clash"),
    ("Новини", "Унаслідок удару по бізнес-центру в Харкові пошкоджено будівлю.", "clash"),
    ("Ніч", "Росія завдала удару по енергетиці країни вночі.", "clash"),
    ("Ніч", "Під час показу фільму в Одесі росіяни атакували місто дронами.", "clash"),
    ("Новини", "Удар по Одесі завдав шкоди порту і залізниці.", "clash"),
    ("Газа", "Ізраїль і ХАМАС продовжили перемир'я ще на два дні.", "ceasefire"),
    ("Полонені", "Сторони досягли домовленості про обмін полоненими.", "agreement"),
    ("Газ", "Україна і Польща підписали угоду про постачання газу.", "agreement"),
    ("Анкара", "Міністр провів зустріч з колегою з Туреччини.", "talks"),
    ("Вашингтон", "Президент провів зустріч з лідерами країн НАТО.", "talks"),
]


@pytest.mark.parametrize("case", UKRAINIAN_EVENTS_BESIDE_LOOK_ALIKES)
def test_ukrainian_events_beside_their_look_alikes_are_read(detector: Detector, case: tuple[str, str, str]) -> None:
    title, text, etype = case
    det = detector.detect(title, text)
    assert det.language == "uk"
    assert etype in {e.type for e in det.events}, [(e.type, e.cue) for e in det.events]


# Issue 18 (helper langs31): talks still to come are no talks held, in Spanish and Ukrainian as in English (README: an
# upcoming visit has no event type). A future verb holding the talks ("entablará conversaciones", "проведе переговори"),
# or a future after the talks word ("las negociaciones ... se reanudarán", "переговори ... відновляться"); in the
# headline or lead, with an official leading a delegation, an announced meeting, relevant with no type.
# (language, headline, text, relevant or None when not asked)
TALKS_TO_COME = [
    ("es", "Agenda", "El canciller viajó a Lima y entablará conversaciones con su homólogo peruano el martes.", True),
    ("es", "Bruselas", "La ministra mantendrá conversaciones con los socios europeos sobre el conflicto.", True),
    ("es", "Diplomacia", "Ambos gobiernos celebrarán negociaciones sobre la frontera en Ginebra.", True),
    ("es", "Agenda", "El presidente tendrá una reunión con el primer ministro japonés en Tokio.", True),
    ("es", "Caracas", "Los delegados reanudarán el diálogo con la oposición en México.", True),
    ("es", "Ginebra", "Las negociaciones entre ambos países se reanudarán el próximo lunes.", None),
    (
        "es",
        "Nueva York",
        "La vicepresidenta encabezará la delegación en la Asamblea General y se reunirá con líderes.",
        True,
    ),
    (
        "es",
        "OEA",
        "El secretario liderará la delegación; sostendremos reuniones con los cancilleres de la región.",
        True,
    ),
    ("uk", "Анкара", "Міністр закордонних справ проведе переговори з турецьким колегою у вівторок.", True),
    ("uk", "Брюссель", "Прем'єр-міністр матиме зустріч з головою Єврокомісії.", True),
    ("uk", "Варшава", "Президент очолить делегацію на саміті, де візьме участь у переговорах щодо безпеки.", True),
    ("uk", "Стамбул", "Завтра розпочнуться переговори між делегаціями двох країн.", True),
    ("uk", "Женева", "Переговори між сторонами відновляться наступного тижня у Женеві.", True),
    ("uk", "Кишинів", "Саміт лідерів країн регіону відбудеться у червні в Кишиневі.", True),
]


def _no_talks(detector: Detector, lang: str, title: str, text: str, relevant: bool | None) -> None:
    """The item is read in `lang` with no talks; relevant as asked (None: not asked)."""
    det = detector.detect(title, text)
    assert det.language == lang
    assert "talks" not in {e.type for e in det.events}, [(e.type, e.cue) for e in det.events]
    if relevant is not None:
        assert det.relevance.relevant is relevant


def _exactly(detector: Detector, lang: str, title: str, text: str, events: set[str]) -> None:
    """The item is read in `lang` with exactly these event types, and not relevant when it has none."""
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} == events, [(e.type, e.cue) for e in det.events]
    if not events:
        assert not det.relevance.relevant


@pytest.mark.parametrize(("lang", "title", "text", "relevant"), TALKS_TO_COME)
def test_talks_still_to_come_are_no_talks_held(
    detector: Detector, lang: str, title: str, text: str, relevant: bool | None
) -> None:
    _no_talks(detector, lang, title, text, relevant)


# ...while talks held in the past tense, or beside another future verb in an earlier sentence, are still talks; and a
# future verb of sport, business or culture reads no event. (language, headline, text, event types)
TALKS_HELD_AND_NEAR_MISSES = [
    ("es", "Lima", "El canciller entabló conversaciones con su homólogo peruano en Lima.", {"talks"}),
    ("es", "Bruselas", "La ministra mantuvo conversaciones con los socios europeos sobre el conflicto.", {"talks"}),
    ("es", "Tokio", "El presidente tuvo una reunión con el primer ministro japonés.", {"talks"}),
    ("es", "Caracas", "Los delegados reanudaron el diálogo con la oposición en México.", {"talks"}),
    (
        "es",
        "Sanciones",
        "Washington mantendrá las sanciones contra el régimen, dijo el vocero. Ayer el secretario se reunió con el "
        "canciller ruso en Viena.",
        {"sanctions", "talks"},
    ),
    ("uk", "Анкара", "Міністр закордонних справ провів переговори з турецьким колегою у вівторок.", {"talks"}),
    ("uk", "Брюссель", "Прем'єр-міністр мав зустріч з головою Єврокомісії.", {"talks"}),
    ("uk", "Стамбул", "Вчора розпочалися переговори між делегаціями двох країн.", {"talks"}),
    (
        "uk",
        "Київ",
        "Україна матиме нові системи ППО до зими, заявив міністр оборони. Він провів зустріч з міністром оборони "
        "Німеччини.",
        {"talks"},
    ),
    ("es", "Fútbol", "El equipo celebrará el título con sus aficionados en la plaza mayor.", set()),
    ("es", "Empresa", "La compañía celebrará su junta de accionistas el próximo jueves.", set()),
    ("es", "Cultura", "La orquesta iniciará una temporada de conciertos en el teatro municipal.", set()),
    ("es", "Economía", "El banco central mantendrá los tipos de interés sin cambios hasta junio.", set()),
    ("uk", "Футбол", "Збірна проведе товариський матч з командою Польщі у Варшаві.", set()),
    ("uk", "Бізнес", "Компанія проведе збори акціонерів наступного місяця.", set()),
    ("uk", "Культура", "Театр проведе прем'єру нової вистави у суботу.", set()),
    ("uk", "Економіка", "Національний банк матиме нові повноваження щодо нагляду за страховиками.", set()),
]


@pytest.mark.parametrize(("lang", "title", "text", "events"), TALKS_HELD_AND_NEAR_MISSES)
def test_talks_held_and_near_misses_of_talks_to_come(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    _exactly(detector, lang, title, text, events)


# Issue 18 (helper langs33): an outlet's or a journalist's interview or conversation with an official is no talks in
# Spanish and Ukrainian (talks need two states' sides; a broadcaster, a newspaper or a reporter is none), and the eve
# of a visit announces it (relevant, no event type). (language, headline, text, relevant or None when not asked)
INTERVIEWS = [
    (
        "es",
        "Entrevista",
        "La Voz de América conversó con la canciller de Colombia sobre la migración en la frontera.",
        None,
    ),
    ("es", "Ucrania", "El ministro de Defensa dialogó con la VOA sobre la ayuda militar a Kiev.", None),
    (
        "es",
        "Caracas",
        "Nuestra corresponsal conversó con el embajador de Francia en Caracas sobre las elecciones.",
        None,
    ),
    (
        "es",
        "Washington",
        "El secretario de Estado se entrevistó con el periodista en su despacho del Departamento.",
        None,
    ),
    (
        "es",
        "Agenda",
        "En vísperas de la visita del primer ministro de Japón a Brasilia, el diario conversó con el embajador japonés.",
        True,
    ),
    ("uk", "Інтерв'ю", "Посол України в розмові з кореспондентом «Голосу Америки» розповів про допомогу США.", None),
    ("uk", "Польща", "У розмові з Голосом Америки міністр закордонних справ Польщі пояснив позицію Варшави.", None),
    ("uk", "Ефір", "Речник Пентагону під час зустрічі з телеканалом відповів на питання про постачання зброї.", None),
]


@pytest.mark.parametrize(("lang", "title", "text", "relevant"), INTERVIEWS)
def test_an_interview_with_an_official_is_no_talks(
    detector: Detector, lang: str, title: str, text: str, relevant: bool | None
) -> None:
    _no_talks(detector, lang, title, text, relevant)


# ...while an official's conversation with a counterpart or an envoy is talks, told by a reporter or not; and an eve
# that is no visit's announces nothing. (language, headline, text, event types)
INTERVIEW_NEAR_MISSES = [
    ("es", "Diplomacia", "El canciller conversó con su homólogo ruso sobre el conflicto en Ucrania.", {"talks"}),
    (
        "es",
        "Pekín",
        "El corresponsal informó que el ministro conversó con su homólogo chino durante dos horas.",
        {"talks"},
    ),
    (
        "es",
        "Brasilia",
        "En diálogo con la Voz de América, el vicecanciller dijo que se reunió con el canciller de Brasil.",
        {"talks"},
    ),
    ("uk", "Дипломатія", "Міністр провів розмову з послом Німеччини щодо безпеки в регіоні.", {"talks"}),
    (
        "uk",
        "Київ",
        "У розмові з журналістами міністр повідомив, що провів зустріч з послом США у понеділок.",
        {"talks"},
    ),
    ("es", "Fiestas", "En la víspera de Navidad, las familias llenaron las plazas del centro de Madrid.", set()),
]


@pytest.mark.parametrize(("lang", "title", "text", "events"), INTERVIEW_NEAR_MISSES)
def test_talks_beside_an_interview_stay_talks(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    _exactly(detector, lang, title, text, events)


# Issue 18 (helper langs35): a host welcoming or receiving a visiting official is a meeting held (talks), in Spanish
# and Ukrainian as in English ("welcomes the Prime Minister", "received the visiting emir"): the host's own words
# ("darle la bienvenida", "le damos la bienvenida"), the report's ("dio la bienvenida al presidente", "recibió a su
# homólogo") and a welcome on arrival or at the airport ("привітав ... з прибуттям", "привітали ... президента в
# аеропорту"). Sentences of our own. (language, headline, text, event types)
WELCOMES = [
    (
        "es",
        "Visita",
        "Es un honor para mí darle la bienvenida a la Casa Blanca a mi amigo, el primer ministro de Italia.",
        {"talks"},
    ),
    ("es", "Palacio", "El rey le dio la bienvenida en el palacio real al mandatario chileno.", {"talks"}),
    ("es", "Madrid", "El presidente del Gobierno recibió al presidente de Argentina en la Moncloa.", {"talks"}),
    ("es", "Bogotá", "La canciller recibe a su homólogo brasileño en el palacio de San Carlos.", {"talks"}),
    ("es", "Roma", "El primer ministro dio la bienvenida al presidente francés a su llegada a Roma.", {"talks"}),
    ("uk", "Варшава", "Прем’єр-міністр Польщі привітав канцлера Німеччини в аеропорту Варшави.", {"talks"}),
    ("uk", "Вашингтон", "Президент привітав гостя з прибуттям до Білого дому.", {"talks"}),
]

# ...and near misses that stay as they were: a welcome of a decision, a proposal or an agreement (a statement), of the
# press, of refugees or of a programme's audience, a welcome still hoped for; in Ukrainian "привітати" as
# congratulating (on a victory, on a holiday), a ceasefire welcomed, and fans welcoming a team at the airport.
WELCOME_NEAR_MISSES = [
    ("es", "Oslo", "El gobierno dio la bienvenida a la decisión del parlamento sobre el presupuesto.", set()),
    ("es", "Propuesta", "La cancillería da la bienvenida a la propuesta de reforma educativa.", set()),
    ("es", "Prensa", "Le damos la bienvenida a todos los periodistas que han llamado desde la región.", set()),
    ("es", "Futuro", "Esperamos darle la bienvenida en Madrid el próximo año, dijo el alcalde.", set()),
    ("es", "Pueblo", "Los vecinos del pueblo dieron la bienvenida a los refugiados con comida y mantas.", set()),
    ("es", "Radio", "Le damos la bienvenida a nuestra audiencia de esta noche en la radio.", set()),
    ("es", "Premio", "El escritor recibió el premio nacional de literatura en una ceremonia en Madrid.", set()),
    ("uk", "Вибори", "Президент привітав новообраного президента Польщі з перемогою на виборах.", set()),
    ("uk", "Свято", "Президент привітав українців з Днем Незалежності.", set()),
    ("uk", "Футбол", "Уболівальники привітали збірну в аеропорту Борисполя після матчу.", set()),
    ("uk", "Перемир'я", "Держдеп привітав припинення вогню на сході України.", {"ceasefire"}),
]


@pytest.mark.parametrize(("lang", "title", "text", "events"), WELCOMES + WELCOME_NEAR_MISSES)
def test_a_host_welcoming_a_visiting_official_is_talks(
    detector: Detector, lang: str, title: str, text: str, events: set[str]
) -> None:
    _exactly(detector, lang, title, text, events)


# Sanctions only in prospect or threatened (a noun of threat or prospect before the sanctions word) are no sanctions;
# sanctions imposed or signed stay sanctions. (language, headline, text, event types)
SANCTIONS_IN_PROSPECT = [
    ("uk", "Заява Києва", "Міністр заявив, що перспектива нових санкцій змусить Москву думати.", set()),
    ("uk", "Заява Києва", "Посол нагадав про загрозу нових санкцій проти банків країни.", set()),
    ("ru", "Заявление Киева", "Министр сказал, что перспектива новых санкций заставит Москву задуматься.", set()),
    ("es", "Declaración de Kiev", "El ministro dijo que la perspectiva de nuevas sanciones presiona a Moscú.", set()),
    ("uk", "Санкції", "Уряд сьогодні запровадила санкції проти трьох компаній Росії.", {"sanctions"}),
    ("uk", "Санкції", "Рада ЄС ввела нові санкції проти Росії.", {"sanctions"}),
    ("uk", "Санкції", "Президент підписав рішення про санкції проти російських банків.", {"sanctions"}),
]


@pytest.mark.parametrize("case", SANCTIONS_IN_PROSPECT)
def test_sanctions_in_prospect_are_no_sanctions(detector: Detector, case: tuple[str, str, str, set[str]]) -> None:
    lang, title, text, events = case
    det = detector.detect(title, text)
    assert det.language == lang
    assert {e.type for e in det.events} & {"sanctions"} == events

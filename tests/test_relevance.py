"""The relevance model and the `relevant:` rule condition: conflict and diplomacy alert, the rest does not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.codec import detection_from_dict, detection_to_dict
from bot.detect import Detector, compile_rules
from bot.detect.rules import rules_from_data
from bot.errors import ConfigError
from bot.model.relevance import WEIGHTS, model, model_text, terms_of
from tests.conftest import REPO

WANTED = [
    ("Israeli airstrikes kill 38 Palestinians in Gaza", ""),
    ("Russia and Ukraine agree to a 30-day ceasefire after talks in Riyadh", ""),
    ("Foreign ministers of Armenia and Azerbaijan meet in Washington for peace talks", ""),
    ("EU imposes new sanctions on Iran over drone transfers to Russia", ""),
]
UNWANTED = [
    ("Why serial killers kill", "A psychologist explains what drives people to murder again and again."),
    ("Ferry capsizes on Lake Kariba, more than 40 dead", "Rescuers searched the lake for survivors on Sunday."),
    ("Emma Navarro beats defending Wimbledon champion in straight sets", ""),
    ("Tropical Storm Chantal forecast to bring heavy rain to the Carolinas", ""),
]


def rules(**extra: object) -> Detector:
    spec = {"name": "conflict-or-diplomacy", "relevant": True, **extra}
    compiled, errors = compile_rules(rules_from_data({"rules": [spec]}))
    assert not errors
    return Detector(compiled)


@pytest.mark.parametrize(("title", "text"), WANTED)
def test_conflict_and_diplomacy_items_are_relevant(title: str, text: str) -> None:
    det = rules().detect(title, text)
    assert det.relevance is not None and det.relevance.relevant, det.relevance
    assert [m.rule for m in det.matches] == ["conflict-or-diplomacy"]
    assert "about conflict or diplomacy: relevance" in det.matches[0].reason


@pytest.mark.parametrize(("title", "text"), UNWANTED)
def test_crime_disaster_sport_and_weather_are_not(title: str, text: str) -> None:
    detector = rules()
    det = detector.detect(title, text)
    assert det.relevance is not None and not det.relevance.relevant, det.relevance
    assert det.matches == ()
    (why,) = [why for name, matched, why in detector.explain(title, text)]
    assert why.startswith("not about armed conflict or diplomacy: relevance ") and "<" in why


def test_relevant_combines_with_other_conditions() -> None:
    detector = rules(events=["casualties"])
    assert detector.detect("Israeli airstrikes kill 38 Palestinians in Gaza", "").matches
    assert not detector.detect("Ferry capsizes on Lake Kariba, more than 40 dead", "").matches


def test_a_foreign_item_is_judged_by_its_language_lexicon() -> None:
    # Spanish has a lexicon (bot/detect/multilingual.py): a core event makes the item relevant.
    det = rules().detect("Ataques aéreos israelíes matan a 38 palestinos en Gaza", "Los bombardeos siguieron.")
    assert det.language == "es" and det.relevance is not None and det.relevance.relevant and det.matches
    quiet = rules().detect("La bolsa de Madrid sube un 2 por ciento", "Los inversores celebran los resultados.")
    assert quiet.language == "es" and quiet.relevance is not None and not quiet.relevance.relevant
    assert quiet.matches == ()
    # German has none: not judged, so a `relevant` rule does not match.
    other = rules().detect(
        "Israelische Luftangriffe töten 38 Palästinenser im Gazastreifen", "Die Angriffe gingen weiter."
    )
    assert other.language == "de" and other.relevance is None and other.matches == ()


def test_unknown_field_names_relevant_among_the_allowed() -> None:
    with pytest.raises(ConfigError) as info:
        rules_from_data({"rules": [{"name": "x", "relevent": True}]})
    assert "relevant" in str(info.value)


def test_relevance_is_stored_and_shown_by_check(tmp_path) -> None:
    det = Detector().detect(*WANTED[0])
    again = detection_from_dict(json.loads(json.dumps(detection_to_dict(det))))
    assert again.relevance == det.relevance
    (tmp_path / "a.json").write_text(json.dumps({"title": WANTED[0][0], "text": ""}), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path)], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert "relevance: " in out.stdout and "about conflict or diplomacy" in out.stdout


def test_the_shipped_model_is_plain_data_read_without_scikit_learn() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert 0.0 < data["threshold"] < 1.0 and data["terms"]
    code = "import sys; from bot.model.relevance import model; model(); sys.exit('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60).returncode == 0
    assert terms_of("Cease-fire talks") == ["cease", "fire", "talks", "cease fire", "fire talks"]
    score, terms = model().judge("Ceasefire talks in Doha", "")
    assert 0.0 < score < 1.0 and terms[0][1] > 0


def test_a_check_against_stale_weights_fails_and_names_the_command_that_mends_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.model.train import write_or_check

    shipped = tmp_path / "weights.json"
    shipped.write_text('{"old": 1}', encoding="utf-8")
    assert write_or_check(shipped, '{"old": 1}', check=True) == 0
    assert write_or_check(shipped, '{"new": 2}', check=True) == 1
    assert "python -m bot.model.train_all" in capsys.readouterr().out
    assert shipped.read_text(encoding="utf-8") == '{"old": 1}'  # a check never writes


@pytest.mark.shared_feeds
def test_retraining_reproduces_the_shipped_weights_of_every_model() -> None:
    """`bot.model.train --check` and `bot.model.train_events --check`, run in one process by bot.model.train_all
    (one reading of the development items for both): relevance.json and events.json are what the data gives."""
    out = subprocess.run(
        [sys.executable, "-m", "bot.model.train_all", "--check"], capture_output=True, text=True, cwd=REPO, timeout=600
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("the shipped weights are what the data gives") == 2, out.stdout


@pytest.mark.parametrize(
    ("title", "signal"),
    [
        ("Fishing boats hit by mystery attackers off the coast", "sig_lex_violence"),
        ("Settlers lay siege to Palestinian homes in the West Bank", "sig_lex_violence"),
        ("UKMTO reports maritime incident involving a vessel in the Gulf of Oman", "sig_lex_maritime"),
    ],
)
def test_violence_and_maritime_words_count_through_their_class(title: str, signal: str) -> None:
    from bot.model.relevance import lexicon_signals

    assert signal in lexicon_signals(title, "")


@pytest.mark.parametrize(
    ("title", "signal"),
    [
        ("Paramilitary fighters of the Rapid Support Forces enter the town", "sig_lex_armed_groups"),
        ("Kyiv asks allies for more air defence systems and munitions", "sig_lex_weapons"),
        ("IAEA inspectors return to check uranium enrichment sites", "sig_lex_nuclear_talks"),
        ("Thousands of displaced families flee the war zone", "sig_lex_war_toll"),
        ("African Union mediators meet both delegations in Addis Ababa", "sig_lex_blocs"),
        # Threats and visits with no event; domestic politics, the economy and interviews weigh the other way.
        ("Iran warns of retaliation if its nuclear sites are attacked", "sig_lex_threats"),
        ("Foreign minister travels to Beijing for two days", "sig_lex_visits"),
        ("Parliament passes budget as inflation bites", "sig_lex_domestic"),
        ("In an exclusive interview, the novelist talks about her new book", "sig_lex_media"),
    ],
)
def test_general_conflict_and_diplomacy_vocabulary_counts_through_its_class(title: str, signal: str) -> None:
    from bot.model.relevance import lexicon_signals

    assert signal in lexicon_signals(title, "")


@pytest.mark.parametrize(
    ("title", "signal", "present"),
    [
        # Settlement in occupied land is the conflict's news, however its homes are counted.
        ("Cabinet backs 900 housing units for a new settlement near Hebron", "sig_lex_settlements", True),
        ("Ministers condemn plans to expand an outpost east of Ramallah", "sig_lex_settlements", True),
        ("Envoy: more settlers moved into East Jerusalem this year", "sig_lex_settlements", True),
        # "Housing" is no sign of domestic politics (those housing units are a settlement's); policy reads through
        # its other words.
        ("Cabinet backs 900 housing units for a new settlement near Hebron", "sig_lex_domestic", False),
        ("Senate passes budget for affordable housing", "sig_lex_domestic", True),
        # A settlement out of court, or of a pay dispute, is not occupied land.
        ("Bank reaches settlement with regulators over fees", "sig_lex_settlements", False),
        ("Union and airline agree a pay settlement", "sig_lex_settlements", False),
        # Drills and war games as a show of strength; captives a state holds unjustly.
        ("Navy stages war games near the disputed islands", "sig_lex_weapons", True),
        ("Air force holds live-fire drills close to the border", "sig_lex_weapons", True),
        ("Opposition leader named a political prisoner by the rights group", "sig_lex_captive", True),
        ("Family says the teacher is unjustly detained abroad", "sig_lex_captive", True),
    ],
)
def test_settlements_drills_and_captives_have_their_classes(title: str, signal: str, present: bool) -> None:
    from bot.model.relevance import lexicon_signals

    assert (signal in lexicon_signals(title, "")) is present


@pytest.mark.parametrize(
    ("title", "relation"),
    [
        ("UK summons Russian ambassador over drone strikes", True),
        ("Poland recalls its ambassador", True),
        ("Belarus threatens to pull out of Russia integration deal", True),
        ("China sends warning to US over Taiwan drills", True),
        ("Aid worker freed by Iran arrives in Britain", True),
        ("Australian senator blocked from entering China after criticising Beijing", True),
        ("Kenya expels two Somali diplomats", True),
        # A known official acts for their state on another ("Blinken warns China"), not on their own.
        ("Blinken warns China over Taiwan drills", True),
        ("FM Araghchi slams France over human rights record", True),
        ("Biden hosts Japanese prime minister at the White House", True),
        ("Macron visits a French school after the floods", False),
        # International bodies and armed groups deal with states as states do; a state as a mere location is not dealt with.
        ("U.N. warns Bolivia crisis could spin out of control", True),
        ("Taliban detain British aid workers", True),
        ("EU condemns Belarus over migrant flights", True),
        ("UN warns of record heat in India", False),
        ("Rebels win football cup in Spain", False),
        ("Thousands of Canadians call for US ambassador's expulsion", False),
        ("Toyota recalls cars in Japan and the US", False),
        ("Spain urges eclipse watchers to be wary of wildfire risks", False),
        ("Climate change threatens half of US bases worldwide", False),
        ("Release of detained Americans and Russian prisoners", False),
        # A state holding, trying or barring another state's national or official: the state (or its court) is
        # named first, the national by their state's adjective.
        ("Belarus jails Lithuanian journalist for eight years", True),
        ("Iranian court sentences French tourist to five years", True),
        ("Russian court upholds verdict against Ukrainian activist", True),
        ("Dutch-Turkish activist loses court appeal against deportation from Egypt", True),
        ("British MP denied entry to Hong Kong and China", True),
        ("Venezuela bars Colombian senator from crossing the border", True),
        ("Turkey extradites Syrian dissident to Damascus despite protests", True),
        # A state holding, trying, barring or freeing a person whose case is news between states, with no second
        # state in the headline: a former head of state, the press, the opposition; the state named before the verb
        # or as its agent.
        ("Peru jails former president over coup attempt", True),
        ("Russian court extends detention of newspaper reporter", True),
        ("Belarus jails opposition leader for 15 years", True),
        ("Iran expels foreign correspondent over protest coverage", True),
        ("Journalist barred by Hungarian authorities from covering the vote", True),
        ("Myanmar junta frees former president in amnesty", True),
        # Near misses: the state before the person is the person's own ("Russian journalist"); a mayor, a club's
        # president, a bank's chief executive, a party; a state that releases a statement.
        ("Russian journalist jailed for eight years", False),
        ("Italian court convicts former mayor of bribery", False),
        ("Spanish court jails former football club president for fraud", False),
        ("Bank bars former chief executive from board", False),
        ("Russian court bars opposition party from election", False),
        ("Brazil releases former president's letter to voters", False),
        # A trial at home, a visa rule or a tennis court is no state acting on another's national.
        ("Texas man sentenced to life for killing three neighbours", False),
        ("Former mayor jailed for bribery in Ohio", False),
        ("US tightens visa rules for Indian students", False),
        ("Serbian player back on court at the Australian Open", False),
        # Threats and military posture aimed at another state: drills, massed or deployed troops, a build-up, a war
        # of words, an ultimatum, the state named before them and a second state in the headline.
        ("China continues military exercises around Taiwan", True),
        ("China, Philippines intensify war of words over South China Sea", True),
        ("Russia masses troops near Ukrainian border", True),
        ("North Korea holds drills aimed at South Korea and Japan", True),
        ("Serbia deploys troops to Kosovo border", True),
        ("Turkey issues ultimatum to Greece over islands", True),
        ("Venezuela mobilises troops in border dispute with Guyana", True),
        # Near misses: civil drills, rescue teams deployed, weather and market warnings, a company's threat, fans'
        # war of words, exercises with no state.
        ("Japan holds earthquake drills in schools", False),
        ("Rescue teams deployed after floods in Indonesia", False),
        ("Met Office warns of storms sweeping Britain and Ireland", False),
        ("Oil prices face threats as China slows", False),
        ("Tech giant threatens to pull out of EU market", False),
        ("Rival fans trade war of words before Spain v Italy final", False),
        ("Military exercises planned for next spring", False),
        # One state's own military posture, with no second state named: forces put on alert, a missile fired, launched
        # or test-fired, a missile or nuclear test, a standby force activated; the state, its armed force or a bloc of
        # states before the words.
        ("Pakistan puts its armed forces on high alert", True),
        ("North Korea test-fires new cruise missiles", True),
        ("Yemen's Houthis launch ballistic missile", True),
        ("Revolutionary Guards test-fire two ballistic missiles", True),
        ("North Korea carries out sixth nuclear test", True),
        ("African Union activates standby force", True),
        # Near misses: weather and market warnings, a company's threat, rocket engine or missile defence system, a
        # side ready to strike back, a police alert, a product launch, a market test, a firm not yielding to a union.
        ("Florida puts emergency crews on high alert as hurricane nears", False),
        ("Met Office puts Britain on amber alert for storms", False),
        ("Markets brace for more threats to growth", False),
        ("Tech giant threatens to pull out of EU market", False),
        ("Rocket start-up test-fires new engine in Scotland", False),
        ("Japanese firm launches new missile defence radar", False),
        ("England ready to strike back against Australia", False),
        ("Police put on high alert ahead of derby", False),
        ("Phone maker launches new handset in India", False),
        ("Chinese bond market faces first test of the year", False),
        ("Carmaker won't back down in face of union threats", False),
    ],
)
def test_one_state_acting_on_another_in_a_headline_is_a_signal(title: str, relation: bool) -> None:
    from bot.detect.detector import Detector

    assert ("sig_relation" in Detector().signals(title, "")) is relation


@pytest.mark.parametrize(
    ("short", "spelled"),
    [
        ("Chinese FM to visit Moscow next week", "Chinese foreign minister to visit Moscow next week"),
        ("Indian PM arrives in Kyiv", "Indian prime minister arrives in Kyiv"),
    ],
)
def test_office_shorthand_in_a_headline_reads_as_the_office(short: str, spelled: str) -> None:
    detector = rules()
    short_score = detector.detect(short, "").relevance
    spelled_score = detector.detect(spelled, "").relevance
    assert short_score is not None and spelled_score is not None
    assert short_score.score == spelled_score.score and short_score.relevant


def test_pm_after_a_clock_time_is_the_hour() -> None:
    assert model_text("Vote at 5 PM; PM to speak", "Polls close at 10:30 PM.").startswith(
        "Vote at 5 PM; prime minister to speak\nPolls close at 10:30 PM."
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Truce talks resume as shelling kills four near the border", "Envoys of both governments met in Geneva."),
        ("Minister signs grain deal with neighbour", "The agreement reopens two ports."),
        ("Alto el fuego en la frontera", "Los dos gobiernos firmaron un acuerdo."),
    ],
)
def test_one_reading_gives_what_detect_and_signals_give(title: str, text: str) -> None:
    """The trainers read each item once (`Detector.reading`) for both the rules' events and the signal words."""
    detector = Detector()
    detection, signals = detector.reading(title, text)
    assert detection == detector.detect(title, text) and signals == detector.signals(title, text)
    assert detection.events or detection.language != "en"

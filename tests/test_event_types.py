"""The learned event-type model beside the rules (bot/model/events.py): what it adds and removes, and why."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from bot.codec import detection_from_dict, detection_to_dict
from bot.detect import Detector
from bot.model.events import (
    CUE_SENTENCES,
    RULES_ONLY,
    EventModel,
    TypeModel,
    TypeModelJSON,
    cue_sentences,
    from_json,
    shipped,
    type_signals,
    type_text,
)
from bot.model.relevance import LEAD_CHARS, model_text, tokens_of
from tests.conftest import REPO

# A quiet item the clash patterns do not read as fighting, and one they do.
QUIET = ("Harbour town holds its yearly regatta", "Sailors from nine clubs raced in light winds on Saturday.")
FIGHTING = ("Troops clash with rebels near the border", "Soldiers and rebel fighters exchanged fire for hours.")


def one_type(etype: str, terms: dict[str, float], low: float, high: float) -> TypeModelJSON:
    """A hand-made model: each term's idf 1 and its weight; the intercept leaves an item of no term at 0.5."""
    return {
        "about": "test",
        "trained_on": {"items": 0, "relevant": 0},
        "cross_validation": {"f1": 0.0, "precision": 0.0, "recall": 0.0},
        "threshold": high,
        "low": low,
        "intercept": 0.0,
        "stop_words": [],
        "terms": {t: [1.0, w] for t, w in terms.items()},
    }


def test_the_model_adds_a_type_the_rules_missed_and_says_which_words_pushed_it() -> None:
    model = from_json({"clash": one_type("clash", {"regatta": 6.0}, 0.1, 0.8)})
    assert "clash" not in {e.type for e in Detector(events=RULES_ONLY).detect(*QUIET).events}
    det = Detector(events=model).detect(*QUIET)
    assert "clash" in {e.type for e in det.events}
    [verdict] = det.typed
    assert verdict.added and verdict.type == "clash" and verdict.score >= 0.8
    assert verdict.terms[0][0] == "regatta" and verdict.terms[0][1] > 0
    assert verdict.describe().startswith("clash added by the model: ") and "'regatta'" in verdict.describe()


def test_the_model_removes_a_type_the_rules_found_below_its_low_bar() -> None:
    assert "clash" in {e.type for e in Detector(events=RULES_ONLY).detect(*FIGHTING).events}
    model = from_json({"clash": one_type("clash", {"rebels": -6.0, "rebel": -6.0}, 0.1, 0.9)})
    det = Detector(events=model).detect(*FIGHTING)
    assert "clash" not in {e.type for e in det.events}
    assert [(v.type, v.added) for v in det.typed] == [("clash", False)]
    assert "removed by the model" in det.typed[0].describe()


def test_between_the_bars_the_rules_stand() -> None:
    model = from_json({"clash": one_type("clash", {}, 0.1, 0.9)})  # every item at 0.5
    for item in (QUIET, FIGHTING):
        det = Detector(events=model).detect(*item)
        assert det.typed == () and det.events == Detector(events=RULES_ONLY).detect(*item).events


def test_keyword_sentences_are_read_only_beyond_the_lead() -> None:
    sentences = [f"Shelling went on in district {n}." for n in range(10)]
    assert cue_sentences("A short teaser.", sentences) == []
    assert cue_sentences("x" * (LEAD_CHARS + 1), sentences) == sentences[:CUE_SENTENCES]
    # The training text is what the run-time model reads: headline, lead, then the signal words and sentences.
    long = "Long report. " * 60
    assert type_text("Head", long, ["sig_event_clash"], sentences) == model_text(
        "Head", long, ["sig_event_clash", *sentences[:CUE_SENTENCES]]
    )


def test_detection_scores_each_type_on_the_words_its_model_was_trained_on() -> None:
    """Detection cuts the headline, lead and signal words once for every model and adds each type's keyword
    sentences after them; each type's probability must be the one its model gives the training text."""
    trained = shipped()
    # Bars at zero: every type is reported with its probability, whatever it is.
    every = EventModel(
        {t: TypeModel(dataclasses.replace(tm.model, threshold=0.0), tm.low) for t, tm in trained.types.items()}
    )
    title = "Shelling resumes on the front despite the truce"
    text = "Artillery fire hit two villages overnight, officials said. " * 30
    sig = ["sig_event_clash", "sig_country"]
    cues = {t: [f"Guns fired on village {n} at dawn." for n in range(CUE_SENTENCES + 2)] for t in trained.types}
    verdicts = every.judge_tokens(tokens_of(model_text(title, text, sig)), True, (), cues)
    assert {v.type for v in verdicts} == set(trained.types)
    for v in verdicts:
        expected, _ = trained.types[v.type].model.judge(title, text, type_signals(text, sig, cues[v.type]))
        assert v.score == expected
    # A teaser (the lead is all of it) reads no keyword sentences.
    short = "Artillery fire hit two villages overnight."
    verdicts = every.judge_tokens(tokens_of(model_text(title, short, sig)), False, (), cues)
    for v in verdicts:
        assert v.score == trained.types[v.type].model.judge(title, short, sig)[0]


def test_the_verdicts_are_stored_and_read_back_and_a_damaged_one_is_left_out() -> None:
    model = from_json({"clash": one_type("clash", {"regatta": 6.0}, 0.1, 0.8)})
    det = Detector(events=model).detect(*QUIET)
    data = json.loads(json.dumps(detection_to_dict(det)))
    assert detection_from_dict(data).typed == det.typed
    data["typed"].append({"type": "picnic", "added": True, "score": 0.9, "threshold": 0.8, "terms": []})
    data["typed"].append({"type": "clash", "added": "yes"})
    assert detection_from_dict(data).typed == det.typed
    assert detection_from_dict({}).typed == ()


def test_check_prints_what_the_model_changed(tmp_path: Path) -> None:
    # Each change the shipped model makes is printed with its reason (a signing the rules do not read as a deal
    # between states is one such change today: the test needs at least one).
    items = [("Two firms sign a merger agreement", ""), QUIET, FIGHTING]
    for n, (title, text) in enumerate(items):
        (tmp_path / f"{n}.json").write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
    expected = [v.describe() for title, text in items for v in Detector().detect(title, text).typed]
    assert expected
    out = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(tmp_path)], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert out.returncode == 0, out.stderr
    for line in expected:
        assert line in out.stdout
    assert out.stdout.count("by the model") == len(expected)


def test_the_shipped_models_are_clash_and_agreement_read_without_scikit_learn() -> None:
    assert set(shipped().types) == {"clash", "agreement"}
    for tm in shipped().types.values():
        assert 0.0 <= tm.low < tm.high and tm.model.terms
    code = "import sys; from bot.model.events import shipped; shipped(); sys.exit('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60).returncode == 0


# That retraining reproduces events.json: tests/test_relevance.py, which checks both models' weights in one process.


# A model that reads an attack's words as a clash: it adds one wherever a bombing is named.
BOMBING_MODEL = {"clash": one_type("clash", {"bombing": 6.0, "bombings": 6.0}, 0.1, 0.8)}


def test_the_model_adds_no_clash_to_a_piece_that_commemorates_an_earlier_attack() -> None:
    model = from_json(BOMBING_MODEL)
    remembered = (
        ("A market town remembers", "Families laid flowers on Sunday in the square the bombing of 2015 left in ruins."),
        (
            "Wreaths laid in the capital",
            "Officials and survivors gathered on Monday to mark the tenth anniversary of the bus station bombing, "
            "reading out the names of the victims. A minute of silence was held at noon across the city.",
        ),
        ("Memorial service held 20 years after the embassy bombings", "Survivors spoke at the ceremony."),
    )
    for title, text in remembered:
        det = Detector(events=model).detect(title, text)
        assert "clash" not in {e.type for e in det.events}, title
        assert det.typed == (), title


def test_the_model_still_adds_a_clash_to_news_of_an_attack_and_to_an_attack_on_an_anniversary() -> None:
    model = from_json(BOMBING_MODEL)
    news = (
        ("Market bombing shakes border town", "A bomb went off at a crowded market on Friday, police said."),
        # the lead gives a toll of its own: news that falls on an anniversary, not a commemoration
        (
            "Gunmen strike as the country marks its revolution",
            "Gunmen killed 12 people in a bombing as the country marked the anniversary of the revolution on Tuesday, "
            "the interior ministry said.",
        ),
    )
    for title, text in news:
        det = Detector(events=model).detect(title, text)
        assert "clash" in {e.type for e in det.events}, title


def test_a_commemoration_keeps_the_clash_the_rules_found_and_the_models_other_types() -> None:
    """Only the model's added clash is dropped: the rules' own readings and other types the model adds stand."""
    both = from_json({**BOMBING_MODEL, "agreement": one_type("agreement", {"wreaths": 6.0}, 0.1, 0.8)})
    det = Detector(events=both).detect("Wreaths laid as the city remembers the bombing", "Survivors spoke at noon.")
    assert [(v.type, v.added) for v in det.typed] == [("agreement", True)]
    # fighting of the day beside the commemoration: the rules' clash stands
    title, text = (
        "Memorial service held 20 years after the embassy bombings",
        "Gunmen opened fire on mourners outside the hall on Sunday, wounding four, police said.",
    )
    det = Detector(events=from_json(BOMBING_MODEL)).detect(title, text)
    assert "clash" in {e.type for e in det.events} and not any(v.type == "clash" for v in det.typed)

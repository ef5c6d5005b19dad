"""bench/figure_model.py: how a learned judge of casualty figures reads a figure and overrules the rules."""

from __future__ import annotations

import pytest

from bench.figure_model import RULES, Judge, choose, figures, label_of, terms
from bot.detect import Detector
from bot.detect.casualties import Reading, find_casualties
from bot.detect.detector import _demonym_words
from bot.detect.text import build_doc

_TEXT = (
    "Gunmen attacked a market in the north on Monday, killing nine people, police said. "
    "In 2019, a similar attack on the same market killed 40 people."
)


def _readings(judge: Judge | None = None) -> list[Reading]:
    seen: list[Reading] = []

    def record(reading: Reading) -> bool:
        seen.append(reading)
        return reading.current if judge is None else judge(reading)

    find_casualties(build_doc("Market attack", _TEXT), _demonym_words(), None, record)
    return seen


def test_the_rules_readings_carry_count_kind_and_verdict() -> None:
    got = {(r.count, r.kind, r.current) for r in _readings()}
    assert got == {(9, "killed", True), (40, "killed", False)}


@pytest.mark.parametrize(
    ("intercept", "current_9", "current_40"), [(3.0, True, True), (-3.0, False, False), (0.0, True, False)]
)
def test_the_judge_overrules_the_rules_only_outside_low_and_high(
    intercept: float, current_9: bool, current_40: bool
) -> None:
    # no weights: every figure scores the logistic of the intercept (0.95, 0.05, 0.5); between 0.2 and 0.8 the rules decide
    judge = Judge({}, intercept, True, 0.2, 0.8)
    doc = build_doc("Market attack", _TEXT)
    found = {c.count: c.current for c in find_casualties(doc, _demonym_words(), None, judge)}
    assert found == {9: current_9, 40: current_40}


def test_without_a_judge_the_detector_reads_as_the_rules() -> None:
    found = {c.count: c.current for c in Detector().detect("Market attack", _TEXT).casualties}
    assert found == {r.count: r.current for r in _readings()}


def test_terms_name_years_the_clause_and_the_rules_verdict() -> None:
    earlier = next(r for r in _readings() if r.count == 40)
    words = terms(earlier)
    assert {"s:_year_", "c:killed", "b:killed", "a:people", "pos:lead", "rule:background"} <= set(words)
    assert not any(t.startswith("rule:") for t in terms(earlier, rules=False))


def test_a_figure_is_current_when_the_gold_holds_its_count_and_kind_group() -> None:
    nine = next(r for r in _readings() if r.count == 9)
    assert label_of(nine, {"casualties": [{"count": 9, "kind": "dead", "current": True}]}) == 1
    assert label_of(nine, {"casualties": [{"count": 9, "kind": "wounded", "current": True}]}) == 0
    assert label_of(nine, {"casualties": [{"count": 9, "kind": "killed", "current": False}]}) == 0


def test_the_pair_is_chosen_on_the_other_articles_and_ties_go_to_the_rules() -> None:
    # article 0: the pair (0.3, 0.7) finds its figure; article 1: it reads a background figure as current
    better, worse = (1, 0, 0, 0, 0), (0, 0, 1, 0, 0)
    bg_ok, bg_wrong = (0, 0, 0, 0, 1), (0, 1, 0, 1, 1)
    tallies = {RULES: [worse, bg_ok], (0.3, 0.7): [better, bg_wrong]}
    tallies.update({p: [worse, bg_ok] for p in [(0.0, 0.5)]})
    assert figures([better, bg_wrong]) == (2 / 3, 1.0)
    assert choose(tallies, [0]) == (0.3, 0.7)
    assert choose(tallies, [1]) == RULES


def test_an_earlier_detectors_figures_are_overruled_where_their_sentence_is_found() -> None:
    from bench.figure_model import Article, overruled

    doc = build_doc("Market attack", _TEXT)
    art = Article("article:x", "g", {}, doc, set())
    second = doc.sentences[-1].text  # the 2019 sentence, as an earlier detector gives its evidence
    old = [[40, "killed", False, second, "crime"], [7, "wounded", False, "a sentence no longer in the text", None]]
    always = Judge({}, 5.0, True, 0.2, 0.8)  # scores 0.99: current
    got = {(c.count, c.current) for c in overruled(art, old, always)}
    assert got == {(40, True), (7, False)}  # the unlocated figure keeps its verdict
    assert {(c.count, c.current) for c in overruled(art, old, None)} == {(40, False), (7, False)}

"""bench/status_cv.py: what a learned ceasefire status reads, and folds that keep a story group on one side."""

from __future__ import annotations

from bench.status_cv import Item, cue_kind, group_folds, item_of, model_text, overridden
from bot.detect.detector import Detector


def test_a_story_group_never_sits_in_two_folds_in_any_split() -> None:
    groups = [f"story:{n % 7}" for n in range(60)] + [f"brief:b{n}" for n in range(40)]
    for seed in range(3):
        folds = group_folds(groups, seed)
        seen: dict[str, int] = {}
        for group, fold in zip(groups, folds, strict=True):
            assert seen.setdefault(group, fold) == fold
        assert set(folds) <= set(range(5))
    # The seeded splits differ from the first one (otherwise the averaged figure would be one split counted thrice).
    assert group_folds(groups, 1) != group_folds(groups, 0)


def test_the_model_reads_the_headline_then_the_sentences_naming_a_truce_and_the_rules_reading() -> None:
    title = "Border talks resume in the capital"
    text = (
        "Delegations from both governments met on Tuesday. "
        "Both armies agreed to a truce along the frontier. "
        "Trade officials discussed grain exports. "
        "The ceasefire takes effect at dawn on Friday."
    )
    item = item_of(Detector(), "brief:x", "brief:x", title, text, "agreed")
    assert item.sentences == (
        "Both armies agreed to a truce along the frontier.",
        "The ceasefire takes effect at dawn on Friday.",
    )
    assert item.rule == "agreed"
    assert model_text(item, 1, False) == f"{title}\nBoth armies agreed to a truce along the frontier."
    assert model_text(item, 2, True).endswith(f"\nsig_rule_agreed sig_cue_{item.cue}")


def test_a_cue_keeps_its_kind_and_drops_the_words_it_quotes() -> None:
    assert cue_kind('governing word "agreed to"') == "governing_word"
    assert cue_kind('declared by one side governing word "declared"') == "declared_by_one_side_governing_word"
    assert (
        cue_kind("the ceasefire names the subject of talks (the talks)") == "the_ceasefire_names_the_subject_of_talks"
    )
    assert cue_kind("") == "none"


def test_the_model_overrides_the_rules_only_at_or_above_the_bar() -> None:
    rule = ["agreed", "agreed", "none"]
    assert overridden(rule, ["holding", "proposed", "talks"], [0.7, 0.69, 0.95], 0.7) == ["holding", "agreed", "talks"]


def test_an_item_with_no_truce_found_reads_as_none() -> None:
    item: Item = item_of(Detector(), "brief:y", "brief:y", "Ministers discuss fisheries", "No fighting here.", "talks")
    assert (item.rule, item.cue, item.sentences) == ("none", "none", ())

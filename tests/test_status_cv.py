"""bench/status_cv.py: what a learned ceasefire status reads, and folds that keep a story group on one side."""

from __future__ import annotations

from dataclasses import replace

from bench.status_cv import (
    Item,
    Setting,
    cue_kind,
    group_folds,
    item_of,
    learned_at_first_sight,
    model_text,
    near_words,
    outvoted,
    overridden,
    report,
)
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


def test_first_sight_figures_take_the_earlier_rules_reading_on_the_items_it_covers_only() -> None:
    agreed = Item("brief:a", "brief:a", "t", (), "agreed", "agreed", "governing_word")
    holding = Item("brief:b", "brief:b", "t", (), "holding", "holding", "predicate")
    talks = Item("brief:c", "brief:c", "t", (), "talks", "talks", "none")
    # The earlier rules read b and c (added later) wrongly; a was there before, so it keeps today's reading.
    then = [agreed, replace(holding, rule="agreed"), replace(talks, rule="proposed")]
    dist = [{"agreed": 0.9}, {"holding": 0.9, "agreed": 0.05}, {"proposed": 0.9}]
    runs = [(["agreed", "holding", "proposed"], [0.9, 0.9, 0.9], dist)]
    lines = report([agreed, holding, talks], then, [Setting("m", 1.0, runs, runs)], "abc123")
    assert lines[1].startswith("all (3)") and lines[1].endswith("1.000")
    at = lines.index(next(line for line in lines if line.startswith("\nfirst sight")))
    assert "2 of them" in lines[at]
    assert lines[at + 1].startswith("all (2): rules then 0.000, rules now 1.000")
    # On b and c the model is right once; overriding the earlier rules at any bar up to 0.9, or by any margin up to
    # 0.8, gives the same. All three are briefs: the last table is the briefs' and says the same.
    assert lines[-1].split() == ["m", "1", "0.500", *["0.500"] * 5, "|", *["0.500"] * 4]
    assert not any(line.startswith("articles") for line in lines)


def test_the_model_outvotes_the_rules_only_by_the_margin() -> None:
    rule = ["agreed", "agreed", "none"]
    dist = [{"holding": 0.6, "agreed": 0.3}, {"holding": 0.5, "agreed": 0.4}, {"talks": 0.45}]
    # 0.3 over the rules' status, 0.1, and 0.45 over a status the model never gives ("none").
    assert outvoted(rule, ["holding", "holding", "talks"], dist, 0.3) == ["holding", "agreed", "talks"]


def test_the_words_near_a_truce_are_marked_by_side_and_flag_a_plan_or_a_denial() -> None:
    words = near_words("the two sides said they would not sign a ceasefire before the vote in march")
    assert words[:6] == ["near_l_said", "near_l_they", "near_l_would", "near_l_not", "near_l_sign", "near_l_a"]
    assert "near_r_before" in words and "near_r_march" in words
    assert {w for w in words if w.startswith("flag_")} == {"flag_modal", "flag_negation"}
    held = near_words("a ceasefire has held since the weekend")
    assert {w for w in held if w.startswith("flag_")} == {"flag_perfect", "flag_past"}
    assert near_words("the talks went on late into the night") == []


def test_a_model_trained_at_first_sight_learns_where_the_earlier_rules_erred() -> None:
    # Twenty items the earlier rules read: every agreed truce misread as proposed, every holding one read right.
    items, then = [], []
    for n in range(20):
        agreed = n % 2 == 0
        title = "Both armies signed a truce in the capital" if agreed else "The truce holds, towns calm for a week"
        gold = "agreed" if agreed else "holding"
        item = Item(f"brief:t{n}", f"brief:t{n}", title, (), gold, gold, "governing_word")
        items.append(item)
        then.append(replace(item, rule="proposed" if agreed else "holding"))
    lines = learned_at_first_sight(items, then, [2], [4.0], 1)
    assert lines[0] == "\ntrained at first sight: 20 items, each with the earlier rules' reading, out of fold"
    assert lines[1] == "all (20): rules then 0.500"
    # The model alone, and overriding the earlier rules at every bar and margin: right on every item out of fold.
    assert (
        lines[3].split()
        == ["headline", "+", "2", "sentences", "+", "rules", "then", "4", *["1.000"] * 6, "|"] + ["1.000"] * 4
    )
    # Items the earlier rules never read (no first-sight reading) leave nothing to learn from.
    assert learned_at_first_sight(items, items, [2], [4.0], 1) == []

"""bench/event_model.py: how a per-type model is combined with the rules, and how its thresholds are chosen."""

from __future__ import annotations

import dataclasses

import numpy as np

from bench.event_model import NEVER, Item, added_batches, choose_thresholds, combine, nested


def arrays(rows: list[tuple[bool, float, bool]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rules found the type, model probability, labelled) per item, as the three arrays."""
    rules, p, y = zip(*rows, strict=True)
    return np.array(rules), np.array(p), np.array(y)


def test_a_confident_model_adds_the_types_the_rules_missed_and_nothing_below() -> None:
    rules, p, y = arrays(
        [(False, 0.93, True), (False, 0.88, True)]  # talks stated only deep in a readout: the rules missed them
        + [(True, 0.7, True)] * 6
        + [(False, 0.4, False)] * 10  # unrelated items the model is lukewarm about
    )
    low, high = choose_thresholds(rules, p, y)
    assert 0.4 < high <= 0.88
    assert low == 0.0  # nothing the rules found is wrong: nothing to remove
    assert combine(rules, p, low, high).tolist() == y.tolist()


def test_a_type_the_model_puts_very_low_is_removed_from_the_rules() -> None:
    rules, p, y = arrays(
        [(True, 0.03, False), (True, 0.05, False)] + [(True, 0.8, True)] * 5 + [(False, 0.2, False)] * 5
    )
    low, high = choose_thresholds(rules, p, y)
    assert 0.05 < low <= 0.8
    assert combine(rules, p, low, high).tolist() == y.tolist()


def test_a_model_that_tells_nothing_leaves_the_rules_as_they_are() -> None:
    # The same probability for every item: no threshold separates anything, and on a tie the rules stand.
    rules, p, y = arrays([(True, 0.5, True)] * 4 + [(False, 0.5, True), (True, 0.5, False)] + [(False, 0.5, False)] * 4)
    assert choose_thresholds(rules, p, y) == (0.0, NEVER)


def test_one_way_modes_keep_the_other_way_shut() -> None:
    rules, p, y = arrays(
        [(False, 0.95, True), (True, 0.02, False)] + [(True, 0.7, True)] * 4 + [(False, 0.3, False)] * 4
    )
    assert choose_thresholds(rules, p, y, "add")[0] == 0.0
    assert choose_thresholds(rules, p, y, "remove")[1] == NEVER


def test_each_fold_is_judged_with_thresholds_chosen_on_the_others() -> None:
    # Folds 0 and 1 each hold a miss of the rules the model finds at 0.9; fold 2 holds four items the model puts
    # at 0.9 wrongly. Chosen on all items, nothing would be added; fold 2 is judged with the threshold of folds 0
    # and 1, which adds its four (wrongly), and folds 0 and 1 with thresholds that fold 2 keeps from adding.
    rules, p, y = arrays(
        [(False, 0.9, True), (True, 0.7, True), (False, 0.2, False)] * 2
        + [(False, 0.9, False)] * 4
        + [(True, 0.7, True)]
    )
    folds = np.array([0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2])
    assert choose_thresholds(rules, p, y)[1] == NEVER
    pred, chosen = nested(rules, p, y, folds)
    assert [high for _, high in chosen] == [NEVER, NEVER, chosen[2][1]] and chosen[2][1] <= 0.9
    assert pred.tolist() == [False, True, False, False, True, False, True, True, True, True, True]


def test_an_item_longer_than_its_lead_is_read_with_the_sentences_holding_the_types_keywords() -> None:
    cues = {"talks": ["The two delegations met for three hours behind closed doors."]}
    signals = ("sig_event_clash", "sig_country")
    body = "Lead. " + "More of the report. " * 40
    article = Item(
        "article:1", "story-a", "article", "Minister visits", body, signals, cues, frozenset(), frozenset(), False
    )
    brief = Item(
        "brief:x", "brief:x", "brief", "Minister visits", "Lead.", signals, cues, frozenset(), frozenset(), False
    )
    assert "delegations met" in article.text_for("talks")
    assert "delegations met" not in article.text_for("clash")
    assert brief.text_for("talks") == "Minister visits\nLead.\nsig_event_clash sig_country"


def test_another_codes_rule_events_replace_this_codes_in_the_signal_words() -> None:
    signals = ("sig_event_clash", "sig_lex_military", "sig_event_talks")
    brief = Item("brief:x", "brief:x", "brief", "Headline", "Lead.", signals, {}, frozenset(), frozenset(), False)
    words = brief.text_for("talks", frozenset({"agreement"})).split()
    assert "sig_event_agreement" in words and "sig_lex_military" in words
    assert "sig_event_clash" not in words and "sig_event_talks" not in words


def test_the_batches_added_since_a_commit_are_the_items_each_commit_added_once() -> None:
    # 52ee1db added articles 520-528 and briefs t001-t007 (talks and meetings); later commits changed some labels.
    batches = dict(added_batches("52ee1db^"))
    first = next(keys for commit, keys in batches.items() if commit.startswith("52ee1db"))
    assert {f"article:{n}" for n in range(520, 529)} | {f"brief:t00{n}" for n in range(1, 8)} == set(first)
    keys = [k for ks in batches.values() for k in ks]
    assert len(keys) == len(set(keys))


def test_a_types_model_learns_nothing_from_a_ceasefire_status() -> None:
    # The status of a truce is the rules' business: a type's model has no term for it, alone or paired, so a status
    # rule that reads "agreed" as "holding" moves neither its weights nor its bars (issue 13, helper evm).
    from bench.event_model import analyse

    terms = analyse("Truce agreed\nThe sides agreed a truce.\nsig_event_ceasefire sig_ceasefire_agreed sig_country")
    assert "sig_event_ceasefire" in terms and "sig_country" in terms
    assert not [t for t in terms if "sig_ceasefire_" in t]
    assert "sig_event_ceasefire sig_country" not in terms  # no pair across the status either: as at run time


def test_the_shipped_event_models_judge_alike_whatever_the_status() -> None:
    from bot.model.events import shipped

    model = shipped()
    assert not [t for tm in model.types.values() for t in tm.model.terms if "sig_ceasefire_" in t]
    title, text = "Ceasefire holds in the north", "The truce agreed last week held overnight, officials said."
    readings = [
        [
            tm.model.judge(title, text, ["sig_event_ceasefire", f"sig_ceasefire_{status}", "sig_country"])
            for tm in model.types.values()
        ]
        for status in ("agreed", "holding", "violated")
    ]
    assert readings[0] == readings[1] == readings[2]


def test_no_officials_word_or_pair_reaches_a_types_training_terms() -> None:
    # Whether a person of the item holds an office is the people rules' business (issue 13, helpers evp and people12):
    # the signal is dropped before the pairs are cut, so the item's terms are the same with it as without it, the pair
    # across it included; the title's own words stay.
    from bench.event_model import analyse
    from bot.model.events import type_text

    head, lead = "Minister visits the front", "The defence minister met troops near the border on Monday."
    sig = ["sig_event_clash", "sig_lex_domestic", "sig_official", "sig_country"]
    with_it = analyse(type_text(head, lead, sig, []))
    without = analyse(type_text(head, lead, [s for s in sig if s != "sig_official"], []))
    assert with_it == without
    assert not [t for t in with_it if "sig_official" in t]
    assert "minister" in with_it and "defence minister" in with_it
    assert "sig_lex_domestic sig_country" in with_it  # the pair across the dropped word, with it as without it
    # A status is still filtered after the cut (bot/model/events.py `learns`), as before.
    status = analyse(type_text(head, lead, ["sig_event_ceasefire", "sig_ceasefire_agreed", "sig_country"], []))
    assert "sig_event_ceasefire sig_country" not in status


def test_no_officials_word_or_pair_reaches_a_types_terms_at_run_time() -> None:
    from bot.model.events import EventModel, TypeModel, shipped
    from bot.model.relevance import Terms, model, model_text, tokens_of

    trained = shipped()
    assert not [t for tm in trained.types.values() for t in tm.model.terms if "sig_official" in t]
    assert [t for t in model().terms if "sig_official" in t]  # the relevance model still reads it
    # Bars at zero: every type is reported with its probability.
    every = EventModel(
        {t: TypeModel(dataclasses.replace(tm.model, threshold=0.0), tm.low) for t, tm in trained.types.items()}
    )
    title, text = "Troops clash at the border", "Soldiers exchanged fire overnight, the defence minister said. " * 30
    cues = {t: ["Guns fired on the border village at dawn."] for t in trained.types}
    sig = ["sig_event_clash", "sig_lex_domestic", "sig_country"]
    titled = ["sig_event_clash", "sig_lex_domestic", "sig_official", "sig_country"]

    def scores(signals: list[str]) -> dict[str, float]:
        cut = Terms.of(tokens_of(model_text(title, text, signals)), model().stop)
        return {v.type: v.score for v in every.judge_terms(cut, True, (), cues)}

    assert scores(titled) == scores(sig)
    assert set(scores(titled)) == set(trained.types)
    plain = {v.type: v.score for v in every.judge(title, text, titled, (), cues)}
    assert plain == scores(sig)


def test_the_signal_words_a_type_reads_leave_out_only_the_officials_signal() -> None:
    from bot.model.events import read_signals, type_signals

    sig = ["sig_event_talks", "sig_official", "sig_officials", "sig_country", "sig_ceasefire_agreed"]
    assert read_signals(sig) == ["sig_event_talks", "sig_officials", "sig_country", "sig_ceasefire_agreed"]
    assert type_signals("A teaser.", sig, ["The minister met."]) == read_signals(sig)

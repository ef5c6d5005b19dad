"""How `make eval` scores an article (bench/eval.py): background figures reported as current, wrong ceasefire
statuses, casualty errors and event types counted by class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.eval import Counts, score_article, table
from bot.models import Casualty, CasualtyKind, Detection, Event, Person, RuleMatch


def _gold(count: int, current: bool) -> dict[str, Any]:
    return {"count": count, "qualifier": "exact", "kind": "killed", "current": current}


def _found(count: int, current: bool, kind: CasualtyKind = "killed") -> Casualty:
    return Casualty(count, "exact", kind, None, current, f"{count} {kind}", "conflict")


def _score(gold: list[dict[str, Any]], found: list[Casualty]) -> Counts:
    counts = Counts()
    item = {"labels": {"relevant": True, "event_types": [], "casualties": gold, "people": [], "countries": []}}
    score_article(counts, item, Detection(casualties=tuple(found)), [])
    return counts


def test_a_background_figure_read_as_current_counts() -> None:
    counts = _score([_gold(45, True), _gold(21, False)], [_found(45, True), _found(21, True)])
    assert (counts.bg_current, counts.bg_total) == (1, 1)


def test_a_current_figure_of_the_same_count_is_not_the_background_one() -> None:
    # "24 soldiers and 21 police officers" today, "church bombings kill 21" in a 2012 timeline
    counts = _score([_gold(21, True), _gold(21, False)], [_found(21, True), _found(21, False)])
    assert (counts.bg_current, counts.bg_total) == (0, 1)
    counts = _score([_gold(21, True), _gold(21, False)], [_found(21, True), _found(21, True)])
    assert (counts.bg_current, counts.bg_total) == (1, 1)


def test_wrong_ceasefire_statuses_are_totalled_by_gold_and_predicted_class() -> None:
    dev, held = Counts(), Counts()
    proposed = Detection(events=(Event("ceasefire", "proposed", "calls for a ceasefire"),))
    for gold, det, counts in (
        ("agreed", proposed, held),
        ("agreed", proposed, held),
        ("holding", Detection(), held),
        ("proposed", proposed, held),
        ("proposed", proposed, dev),
    ):
        item = {"labels": {"event_types": ["ceasefire"], "ceasefire": {"status": gold}}}
        score_article(counts, item, det, [])
    assert held.cf_wrong == {("agreed", "proposed"): 2, ("holding", "none"): 1}
    lines = table("articles", dev.figures(), held.figures())
    assert "  ceasefire status wrong (held, gold->predicted): agreed->proposed 2, holding->none 1" in lines
    assert not any("wrong (dev" in line for line in lines)


def test_casualty_errors_are_totalled_by_class() -> None:
    dev, held = Counts(), Counts()
    wounded = {"count": 9, "qualifier": "exact", "kind": "wounded", "current": True}
    for gold, found in (
        ([_gold(12, True), wounded], [_found(12, False), _found(9, True, "killed")]),  # as background; other kind
        ([_gold(30, True), _gold(200, False)], [_found(200, True), _found(7, True)]),  # 30 missed; 200 earlier; 7
        ([wounded], []),
    ):
        item = {"labels": {"relevant": True, "event_types": [], "casualties": gold, "people": [], "countries": []}}
        score_article(held, item, Detection(casualties=tuple(found)), [])
    assert held.cas_wrong == {
        "missed (dead): read as background": 1,
        "other kind": 1,
        "missed (dead): not found": 1,
        "extra: an earlier figure": 1,
        "extra: no labelled figure": 1,
        "missed (hurt): not found": 1,
    }
    lines = table("articles", dev.figures(), held.figures())
    assert any(line.startswith("  casualty figures wrong by class (held): ") for line in lines)
    assert not any("by class (dev" in line for line in lines)


def test_event_types_missed_and_extra_are_totalled_by_type() -> None:
    dev, held = Counts(), Counts()
    talks = Event("talks", None, "the envoys met")
    sanctions = Event("sanctions", None, "the ministry froze the assets")
    for gold, found in (
        (["meeting"], ()),  # 'meeting' is scored as talks: missed
        (["talks"], (talks, sanctions)),  # sanctions extra
        (["talks", "sanctions"], (talks,)),  # sanctions missed
        (["statement"], (talks,)),  # ignored label; talks extra
    ):
        score_article(held, {"labels": {"event_types": gold}}, Detection(events=found), [])
    assert held.figures().event_wrong == {"sanctions": (1, 1), "talks": (1, 1)}
    lines = table("articles", dev.figures(), held.figures())
    assert "  event types wrong (held): sanctions missed 1, extra 1; talks missed 1, extra 1" in lines
    assert not any("event types wrong (dev" in line for line in lines)
    score_article(held, {"labels": {"event_types": ["talks"]}}, Detection(), [])
    assert list(held.feed_figures().event_wrong) == ["talks", "sanctions"]


@pytest.mark.shared_feeds
def test_the_review_lists_development_alerts_and_only_counts_held_out_ones(capsys: pytest.CaptureFixture[str]) -> None:
    """Held-out errors are never read one by one: `bench/eval.py --review` (whose table the README quotes) names no
    held-out feed item, and gives the held-out part as totals."""
    from bench.eval import heldout_set, main
    from bench.feeds_corpus import entries as feed_entries

    assert main(["--review"]) == 0
    out = capsys.readouterr().out
    _ids, held_feeds = heldout_set()
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| feed |")]
    held_titles = {e.title.replace("|", "/") for e in feed_entries() if e.feed in held_feeds and e.title}
    assert not [row for row in rows if any(f"| {title} |" in row for title in held_titles)]
    assert all(row.split(" | ")[0].removeprefix("| ") not in held_feeds for row in rows)
    assert "held out (totals only): " in out


def test_a_batch_is_scored_on_the_pairs_that_touch_it() -> None:
    from bench.story_metrics import pair_scores

    # two stories of the batch merged with an older article (all in one predicted story); the older pair is not counted
    predicted = ["s", "s", "s", "s"]
    gold: list[str | None] = ["new", "new", "old", "old"]
    scores = pair_scores(predicted, gold, [True, True, False, False])
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 4, 0)
    assert (pair_scores(predicted, gold)["tp"], pair_scores(predicted, gold)["fp"]) == (2, 4)


def test_the_unseen_batch_counts_its_articles_and_its_same_story_pairs_only() -> None:
    from bench.eval import batch_story_figures

    def item(ident: str, story: str | None) -> tuple[dict[str, Any], Detection]:
        return {"id": ident, "title": f"t{ident}", "text": f"x{ident}", "labels": {"story": story}}, Detection()

    items = [item("a", "g"), item("b", "g"), item("c", "h"), item("d", "h"), item("e", "k"), item("f", "k")]
    figs = batch_story_figures(items, frozenset({"a", "b", "c"}))
    # (a, b) and (c, d) touch the batch; (e, f) does not
    assert (figs["articles"], figs["same-story pairs"]) == (3, 2)


def test_the_unseen_batch_is_the_corpus_batch_of_6_december_split_by_the_sha1_rule() -> None:
    import hashlib
    import json
    from pathlib import Path

    from bench.eval import UNSEEN_BATCH, heldout_set

    folder = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    held_ids, _feeds = heldout_set()
    for ident in UNSEEN_BATCH:
        story = json.loads((folder / f"{ident}.json").read_text(encoding="utf-8"))["labels"]["story"]
        assert story, ident  # every article of the batch names its group (a lone article is its own group)
        assert (ident in held_ids) == (hashlib.sha1(story.encode()).hexdigest()[0] in "01234567"), ident


def test_the_unseen_batch_holds_both_batches_of_6_december_and_its_held_out_groups_are_its_own() -> None:
    import json
    from pathlib import Path

    from bench.eval import UNSEEN_BATCH, UNSEEN_LABEL, heldout_set

    folder = Path(__file__).resolve().parents[1] / "corpus" / "articles"
    # the batches 661-709, 710-750, 751-763, 764-772, 775-786 and 789-794 (773, 774, 787, 788 and 795 join older
    # stories), each file present, nothing else
    batches = (range(661, 710), range(710, 751), range(751, 764), range(764, 773), range(775, 787), range(789, 795))
    assert {str(n) for batch in batches for n in batch} == UNSEEN_BATCH
    assert all((folder / f"{ident}.json").exists() for ident in UNSEEN_BATCH)
    assert "661-772, 775-786, 789-794" in UNSEEN_LABEL
    # a held-out group that reached an older article would have been partly read: those are all the batch's own
    # (one development group, Abuja 2011, also holds 511 of an earlier batch; another, the Jeddah declaration of 745,
    # holds 1030 of the first-sight batch of 7 December, development as well)
    held_ids, _feeds = heldout_set()
    stories = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["labels"]["story"] for path in folder.glob("*.json")
    }
    outside = {story for ident, story in stories.items() if ident not in UNSEEN_BATCH}
    reaching = {ident for ident in UNSEEN_BATCH if stories[ident] in outside}
    assert reaching == {"730", "731", "745"}
    assert not reaching & held_ids


def test_people_errors_are_totalled_by_class_and_noted_with_their_evidence() -> None:
    counts = Counts()
    item = {
        "title": "Talks resume",
        "text": "Foreign Minister Dara Quill met Ambassador Ivo Marsh on Monday.",
        "labels": {"people": ["Dara Quill"]},
    }
    found = (
        Person("Ivo Marsh", "Ambassador", None, "Foreign Minister Dara Quill met Ambassador Ivo Marsh on Monday."),
    )
    notes: list[str] = []
    score_article(counts, item, Detection(people=found), notes)
    assert counts.people_wrong == {
        "missed: title before the name": 1,
        "extra: a title before the name, not labelled": 1,
    }
    assert "people causes: extra: a title before the name, not labelled 1, missed: title before the name 1" in notes
    assert "    extra 'Ivo Marsh' from: 'Foreign Minister Dara Quill met Ambassador Ivo Marsh on Monday.'" in notes


def test_an_item_with_its_people_right_gets_no_people_note() -> None:
    counts = Counts()
    item = {"title": "", "text": "Foreign Minister Dara Quill spoke.", "labels": {"people": ["Dara Quill"]}}
    notes: list[str] = []
    score_article(counts, item, Detection(people=(Person("Dara Quill", "Foreign Minister", None, "x"),)), notes)
    assert not any(n.startswith("people") for n in notes)
    assert counts.people_wrong == {}


def _article(status: str | None, alerted: bool, relevant: bool = True) -> tuple[dict[str, Any], Detection]:
    labels: dict[str, Any] = {"relevant": relevant, "event_types": ["ceasefire"], "countries": ["Sudan"]}
    labels["casualties"] = [_gold(12, True), _gold(40, False)]
    labels["people"] = ["Ada Osei"]
    if status:
        labels["ceasefire"] = {"status": status}
    det = Detection(
        events=(Event("ceasefire", "agreed", "agreed a truce"),),
        casualties=(_found(12, True), _found(40, alerted)),
        people=(Person("Ada Osei", "Foreign Minister", None, "Foreign Minister Ada Osei said"),) if alerted else (),
        countries=("Sudan", "Chad") if alerted else ("Sudan",),
        matches=(RuleMatch("r", "why", "urgent"),) if alerted else (),
    )
    return {"labels": labels}, det


def test_the_groups_counts_give_the_parts_figures_through_the_interval_measures() -> None:
    """`intervals` resamples `Counts.vector`s: summed over a part's groups they must give every figure `make eval`
    prints for that part, articles and feed items alike."""
    import numpy as np

    from bench.eval import INTERVAL_MEASURES, measure_of, score_feed_item

    part, groups = Counts(), [Counts() for _ in range(3)]
    for n, (status, alerted, relevant) in enumerate(
        [("agreed", True, True), ("holding", False, True), (None, True, False), ("agreed", False, False)]
    ):
        item, det = _article(status, alerted, relevant)
        for counts in (part, groups[n % 3]):
            score_article(counts, item, det, [])
            feed = {**item["labels"], "ceasefire": status}  # a feed item's label holds the status alone
            score_feed_item(counts, feed, "t", "x", det, [])
    # a part's counts are its groups' added up, every field (totals by class included)
    assert Counts.summed(groups) == part and part.cf_wrong and part.people_wrong
    sums = np.array([c.vector() for c in groups]).sum(axis=0)
    assert sums.tolist() == part.vector()
    for figures, names in (
        (part.figures(), INTERVAL_MEASURES["articles"]),
        (part.feed_figures(), INTERVAL_MEASURES["feeds"]),
    ):
        for name in names:
            assert float(measure_of(name, sums)) == pytest.approx(figures[name]), name
    # the figures this test builds are not all 0 or 1, so a wrong position in the vector would show
    assert 0 < part.figures()["ceasefire status accuracy"] < 1
    assert 0 < part.figures()["background as current"] < 1


def test_an_interval_is_the_figure_itself_when_every_group_is_alike_and_narrows_with_more_groups() -> None:
    from bench.eval import intervals

    right, wrong = Counts(), Counts()
    score_article(right, *_article("agreed", True), [])
    score_article(wrong, *_article("holding", True), [])
    name = "ceasefire status accuracy"
    assert intervals([right.vector()] * 8, [name]) == {name: (1.0, 1.0)}
    few = intervals([right.vector(), wrong.vector()], [name])[name]
    many = intervals([right.vector(), wrong.vector()] * 50, [name])[name]
    assert few[0] <= 0.5 <= few[1] and many[0] <= 0.5 <= many[1]
    assert few[1] - few[0] > 2 * (many[1] - many[0]) > 0
    # the same draws every run: a figure in the README can be reproduced
    assert intervals([right.vector(), wrong.vector()] * 5, [name]) == intervals(
        [right.vector(), wrong.vector()] * 5, [name]
    )


def test_intervals_are_printed_for_both_parts_beside_their_figures() -> None:
    from bench.eval import _interval_lines

    dev, held = Counts(), Counts()
    groups: dict[str, list[Counts]] = {"dev": [], "held": []}
    for part, counts, status in (("dev", dev, "agreed"), ("held", held, "agreed"), ("held", held, "holding")):
        one = Counts()
        for target in (counts, one):
            score_article(target, *_article(status, True), [])
        groups[part].append(one)
    dev_figs, held_figs = dev.figures(), held.figures()
    dev_figs.groups = [c.vector() for c in groups["dev"]]
    held_figs.groups = [c.vector() for c in groups["held"]]
    lines = _interval_lines(dev_figs, held_figs, None, None)
    assert lines[0].startswith("\n90% intervals (2,000 bootstrap draws")
    row = next(line for line in lines if "ceasefire status accuracy" in line)
    assert row.split() == ["ceasefire", "status", "accuracy", "1.00", "1.00-1.00", "0.50", "0.00-1.00"]
    assert not any("feed" in line for line in lines)  # no saved feeds, no briefs: those parts are left out


def test_a_watched_person_labelled_in_another_spelling_is_the_person_found() -> None:
    """Articles are scored as the language sets are: a label writing a watched person's name another way counts the
    gazetteer's name as found; an unwatched name is compared as written."""
    item = {"labels": {"people": ["Volodymyr Zelensky", "Ada Osei"]}}
    det = Detection(
        people=(Person("Volodymyr Zelenskyy", "President", "Ukraine"), Person("Ada Oseii", "Minister", None))
    )
    counts = Counts()
    score_article(counts, item, det, [])
    assert counts.people == [1, 1, 1]


def test_a_held_out_line_naming_no_item_is_an_error_not_an_item(tmp_path: Path) -> None:
    from bench.eval import heldout_set

    good = tmp_path / "heldout.txt"
    good.write_text("# a comment\nfeed a.xml\narticle 1  # trailing note\n\nbrief o001\nlanguage es-1\n", "utf-8")
    assert heldout_set(good) == ({"1", "o001", "es-1"}, {"a.xml"})
    for bad in ("<<<<<<< HEAD", "=======", ">>>>>>> sight9", "1087", "article", "article 1 2"):
        path = tmp_path / "bad.txt"
        path.write_text(f"article 5\n{bad}\n", encoding="utf-8")
        with pytest.raises(ValueError, match=r"bad.txt:2: .* is no held-out line"):
            heldout_set(path)


def test_a_wanted_item_lost_by_the_event_models_removal_says_so() -> None:
    from bench.eval import _cause
    from bot.models import TypeVerdict

    removed = TypeVerdict("clash", False, 0.2, 0.36, ())
    added = TypeVerdict("clash", True, 0.9, 0.55, ())
    labelled = {"event_types": ["clash"], "relevant": True}
    assert _cause(labelled, Detection(typed=(removed,)), True) == (
        "missed: nothing detected (the event model removed the rules' type), events labelled"
    )
    assert _cause({"relevant": True}, Detection(typed=(removed,)), True) == (
        "missed: nothing detected (the event model removed the rules' type), no event labelled"
    )
    # Nothing the rules found, or only a type the model added and lost again elsewhere: the plain cause.
    assert _cause(labelled, Detection(), True) == "missed: nothing detected, events labelled"
    assert _cause(labelled, Detection(typed=(added,)), True) == "missed: nothing detected, events labelled"


def test_a_language_item_is_read_on_its_labelled_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import bench.eval as ev
    from bot.detect import Detector

    # An attack told by a day with no year: the day's news in an undated item, background in one dated weeks later.
    text = "Інспектори зібрали докази щодо атаки 21 серпня у передмісті Дамаска."
    rows = [
        {"id": "uk-1", "lang": "uk", "title": "Звіт інспекторів", "text": text, "published": published}
        | {"relevant": True, "event_types": ["clash"], "countries": ["Syria"], "people": []}
        for published in ("2013-09-16", "2013-09", None)
    ]
    (tmp_path / "uk.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:1]), "utf-8")
    monkeypatch.setattr(ev, "LANGUAGE_SETS", tmp_path)
    dated = ev.evaluate_languages(Detector(), set(), set(), False, print)["uk"][0]
    (tmp_path / "uk.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[1:]), "utf-8")
    undated = ev.evaluate_languages(Detector(), set(), set(), False, print)["uk"][0]
    assert dated.events["clash"] == [0, 0, 1]  # the labelled clash missed: read as an earlier day's
    assert undated.events["clash"] == [2, 0, 0]  # a month or no date: no day to read it against, the day's news

"""bench/feeds_cv.py: folds that leave a feed file out whole, the rules' bars replaced, and the figures it prints."""

from __future__ import annotations

from bench.event_model import Item
from bench.feeds_cv import MODEL_ONLY, RULES, Scores, file_folds, rules_with_bars
from bot.detect.rules.spec import load_rules_file


def _item(key: str, group: str, kind: str = "feed") -> Item:
    return Item(key, group, kind, "headline", "text", (), {}, frozenset(), frozenset(), False)


def test_each_feed_file_is_one_fold_and_the_small_files_share_one() -> None:
    items = [_item(f"feed:a.xml:{n}", "feed:a.xml") for n in range(12)]
    items += [_item(f"feed:b.xml:{n}", "feed:b.xml") for n in range(10)]
    items += [_item("feed:c.xml:1", "feed:c.xml"), _item("feed:d.xml:1", "feed:d.xml")]
    items += [_item("brief:x", "brief:x", "brief"), _item("article:1", "story-1", "article")]
    folds = file_folds(items)
    assert set(folds) == {
        "feed:a.xml",
        "feed:b.xml",
        "feed:c.xml",
        "feed:d.xml",
    }  # briefs and articles: always trained on
    assert folds["feed:a.xml"] != folds["feed:b.xml"]
    assert folds["feed:c.xml"] == folds["feed:d.xml"] not in (folds["feed:a.xml"], folds["feed:b.xml"])


def test_the_bars_replace_the_default_rules_numbers_and_leave_the_rest() -> None:
    shipped = {spec.name: spec for spec in load_rules_file(RULES)}
    changed = {rule.spec.name: rule.spec for rule in rules_with_bars(0.3, 0.7).rules}
    assert changed[MODEL_ONLY].relevant == 0.7
    for name, spec in shipped.items():
        if isinstance(spec.relevant, float) and name != MODEL_ONLY:
            assert changed[name].relevant == 0.3
        elif name != MODEL_ONLY:
            assert changed[name].relevant == spec.relevant
    assert any(isinstance(spec.relevant, float) and name != MODEL_ONLY for name, spec in shipped.items())


def test_the_printed_line_counts_precision_over_alerts_and_recall_over_wanted() -> None:
    line = Scores(wanted=10, alerted=8, alerted_wanted=6, hot_unwanted=1).line()
    assert line.startswith("P 0.75 (6/8)  R 0.60 (6/10)  F1 0.67")
    assert line.endswith("URGENT/FLASH unwanted 1")
    assert Scores(0, 0, 0, 0).line().startswith("P 1.00 (0/0)  R 1.00 (0/0)")

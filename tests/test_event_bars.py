"""The event models' LOW and HIGH bars are pinned settings (bot/model/bars.json): a retrain keeps them; only
`--choose-bars` chooses them again on the data of the day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.event_model import Item
from bot.model.events import TYPES, shipped
from bot.model.train_events import BARS, bars_text, best_bars, fit_type, pinned_bars, train, train_type


def item(n: int, title: str, labelled: bool, rules: bool, etype: str = "clash") -> Item:
    """A development brief whose headline reads `title`, labelled `etype` or not, the rules finding it or not."""
    return Item(
        f"brief:{n}",
        f"brief:{n}",
        "brief",
        title,
        "Lead.",
        (f"sig_event_{etype}",) if rules else (),
        {},
        frozenset({etype} if labelled else ()),
        frozenset({etype} if rules else ()),
        labelled,
    )


ITEMS = [
    *(item(n, f"Troops exchange fire across the border in sector {n}", True, True) for n in range(12)),
    *(item(100 + n, f"Shelling and clashes reported near village {n}", True, n % 3 != 0) for n in range(12)),
    *(item(200 + n, f"Central bank holds interest rates in meeting {n}", False, False) for n in range(12)),
    *(item(300 + n, f"Football derby ends in clash of fans, match {n}", False, n % 2 == 0) for n in range(12)),
    *(item(400 + n, f"Rivals sign a peace accord, round {n}", True, n % 4 != 0, "agreement") for n in range(12)),
]


def test_the_shipped_models_use_the_pinned_bars() -> None:
    bars = pinned_bars()
    assert set(bars) == set(TYPES)
    for etype, tm in shipped().types.items():
        assert (tm.low, tm.high) == bars[etype]


def test_a_retrain_keeps_pinned_bars_whatever_the_data_would_choose() -> None:
    best, _ = best_bars(ITEMS, "clash")
    pinned = (0.11, 0.97)
    assert best != pinned
    model = train_type(ITEMS, "clash", pinned)
    assert (model["low"], model["threshold"]) == pinned
    assert (train_type(ITEMS, "clash")["low"], train_type(ITEMS, "clash")["threshold"]) == best


def test_train_uses_the_bars_given_and_chooses_them_on_its_items_without() -> None:
    pinned = pinned_bars()
    assert {etype: (m["low"], m["threshold"]) for etype, m in train(ITEMS, pinned).items()} == pinned
    chosen = {etype: (m["low"], m["threshold"]) for etype, m in train(ITEMS).items()}
    assert chosen == {etype: best_bars(ITEMS, etype)[0] for etype in TYPES}


def test_bars_text_round_trips_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bars.json"
    path.write_text(bars_text({"clash": (0.3, 0.6), "agreement": (0.25, 0.7)}, 40), encoding="utf-8")
    assert pinned_bars(path) == {"clash": (0.3, 0.6), "agreement": (0.25, 0.7)}
    assert json.loads(path.read_text(encoding="utf-8"))["chosen_on"] == {"items": 40}


def test_the_shipped_bars_file_is_written_as_choose_bars_writes_it() -> None:
    text = BARS.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == bars_text(pinned_bars(), data["chosen_on"]["items"])


def test_train_all_offers_choosing_the_bars(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.model import train_all

    with pytest.raises(SystemExit) as done:
        train_all.main(["--help"])
    assert done.value.code == 0
    assert "--choose-bars" in capsys.readouterr().out


def test_a_fold_model_is_the_trained_model_without_its_cross_validation() -> None:
    bars = (0.2, 0.8)
    fitted, trained = fit_type(ITEMS, "clash", bars), train_type(ITEMS, "clash", bars)
    assert fitted == {k: v for k, v in trained.items() if k not in ("about", "trained_on", "cross_validation")}
    assert (fitted["low"], fitted["threshold"]) == bars

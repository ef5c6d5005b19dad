"""Topic resolution: aliases, demonyms, regions, surnames, rules; suggestions for typos."""

from __future__ import annotations

import pytest

from bot.commands.topics import Topic, build_index, norm


@pytest.fixture(scope="module")
def index():
    return build_index(
        people=["Antony Blinken"], countries=["Armenia"], regions=["Nagorno-Karabakh"], rules=["ceasefire-watch"]
    )


@pytest.mark.parametrize(
    "query,kind,name",
    [
        ("armenia", "country", "Armenia"),
        ("ARMENIAN", "country", "Armenia"),
        ("azeri", "country", "Azerbaijan"),
        ("Azerbaijani", "country", "Azerbaijan"),
        ("karabakh", "region", "Nagorno-Karabakh"),
        ("Nagorno Karabakh", "region", "Nagorno-Karabakh"),
        ("blinken", "person", "Antony Blinken"),
        ("pashinyan", "person", "Nikol Pashinyan"),
        ("U.S.", "country", "United States"),
        ("ceasefire-watch", "rule", "ceasefire-watch"),
    ],
)
def test_resolve(index, query, kind, name):
    topic = index.resolve(query)
    assert topic is not None, query
    assert (topic.kind, topic.name) == (kind, name)


def test_unknown_and_suggestions(index):
    assert index.resolve("zzzz") is None
    assert "Armenia" in index.suggest("armnia")


def test_detection_matching():
    topic = build_index().resolve("armenia")
    assert topic.matches_detection({"countries": ["Armenia"]})
    assert not topic.matches_detection({"countries": ["Georgia"]})
    assert not topic.matches_detection("garbage")  # type: ignore[arg-type]
    person = build_index(people=["Antony Blinken"]).resolve("blinken")
    assert person.matches_detection({"people": [{"name": "Antony Blinken"}]})
    rule = Topic("rule", "r1")
    assert rule.matches_detection({"matches": [{"rule": "r1"}]})


def test_norm():
    assert norm("Nagorno-Karabakh") == "nagorno karabakh"
    assert norm("U.S.") == "us"
    assert norm("Türkiye") == "turkiye"


def test_uses_the_detector_gazetteer():
    from bot.commands.topics import _gazetteer_topics

    topics = _gazetteer_topics()  # raises if the gazetteer's shape changed: brief must not silently degrade
    kinds = {t.kind for t in topics}
    assert {"country", "region", "person"} <= kinds and len(topics) > 200

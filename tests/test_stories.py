"""Story clustering: copies and rewrites merge, different events stay apart, the window and the index hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bench.story_metrics import pair_scores
from bot.detect import Detector
from bot.models import Detection, Person
from bot.stories.cluster import (
    POSTING_CAP,
    StoryDoc,
    StoryIndex,
    cluster,
    cluster_index,
    lead_sentence,
    lead_text,
    names_of,
    new_story_id,
)
from tests.conftest import SEEDS

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def seed_docs(published: datetime | None = T0) -> list[StoryDoc]:
    """The two seed articles as StoryDocs (first line the title)."""
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        docs.append(StoryDoc(path.name, title, text, published))
    return docs


def test_the_two_seeds_are_one_story() -> None:
    ids = cluster(seed_docs())
    assert len(set(ids)) == 1


def test_a_wire_copy_with_other_chrome_joins_the_story() -> None:
    a, _ = seed_docs()
    copy = StoryDoc(
        "copy",
        a.title,
        "Accessibility links\nBreaking News\n" + a.text + "\nRead more: world news",
        T0 + timedelta(hours=2),
    )
    index = StoryIndex()
    first = index.add(a)
    assert index.find(copy) == first


def test_the_same_template_about_other_people_is_another_story() -> None:
    text = (
        "Secretary of State Antony Blinken spoke today with Armenian Foreign Minister Ararat Mirzoyan. "
        "The Secretary welcomed progress on the peace process and urged continued dialogue. "
        "They discussed regional security and the importance of humanitarian access."
    )
    other = (
        text.replace("Armenian", "Kenyan")
        .replace("Ararat Mirzoyan", "Musalia Mudavadi")
        .replace("peace process", "peace process")
    )
    index = StoryIndex()
    first = index.add(StoryDoc("a", "Secretary Blinken's call with Armenian Foreign Minister Mirzoyan", text, T0))
    second = index.add(StoryDoc("b", "Secretary Blinken's call with Kenyan Foreign Minister Mudavadi", other, T0))
    assert first != second


def test_unrelated_events_stay_apart() -> None:
    docs = [
        StoryDoc(
            "sudan",
            "Sudan army and RSF agree ceasefire in Khartoum",
            "Sudan's army and the Rapid Support Forces agreed a ceasefire in Khartoum on Monday after talks in "
            "Jeddah, Saudi Arabia said.",
            T0,
        ),
        StoryDoc(
            "colombia",
            "Colombia and ELN rebels extend ceasefire",
            "Colombia's government and ELN rebels agreed to extend their ceasefire by six months, President "
            "Gustavo Petro announced after negotiations in Havana.",
            T0,
        ),
    ]
    assert len(set(cluster(docs))) == 2


def test_beyond_the_window_the_same_event_is_a_new_story() -> None:
    a, b = seed_docs()
    late = StoryDoc(b.article_id, b.title, b.text, T0 + timedelta(hours=80))
    assert len(set(cluster([a, late], window=timedelta(hours=72)))) == 2
    assert len(set(cluster([a, late], window=timedelta(hours=96)))) == 1


def test_an_undated_article_is_compatible_with_any_time() -> None:
    # With what the detector finds in them (the same meeting, its ceasefire and toll): an undated page with no
    # event in it never joins on wording alone (test_story_identity).
    detector = Detector()
    a, b = seed_docs()
    undated = StoryDoc(b.article_id, b.title, b.text, None, detector.detect(b.title, b.text))
    old = StoryDoc(a.article_id, a.title, a.text, T0 - timedelta(days=900), detector.detect(a.title, a.text))
    assert len(set(cluster([old, undated]))) == 1


def test_expire_drops_old_articles_and_their_index_entries() -> None:
    a, b = seed_docs()
    index = StoryIndex(window=timedelta(hours=72))
    index.add(a)
    assert index.expire(T0 + timedelta(hours=73)) == 1
    assert len(index) == 0 and a.article_id not in index
    assert index.find(b) is None
    assert index._df == {} and index._postings == {}


def test_a_given_story_id_is_kept_and_re_adding_is_idempotent() -> None:
    a, b = seed_docs()
    index = StoryIndex()
    assert index.add(a, "s-stored") == "s-stored"
    assert index.add(b) == "s-stored"
    assert index.add(a) == "s-stored"
    assert index.story_of(b.article_id) == "s-stored"
    assert new_story_id("x") == new_story_id("x") != new_story_id("y")


def test_detected_people_and_countries_count_as_names() -> None:
    doc = StoryDoc(
        "a",
        "Talks end",
        "Officials met for talks on Monday and agreed to meet again soon.",
        T0,
        Detection(people=(Person("Ararat Mirzoyan", None, "Armenia"),), countries=("Armenia",)),
    )
    entry = StoryIndex()._entry(doc)
    assert "p:ararat mirzoyan" in entry.names and "c:armenia" in entry.names


def test_names_and_lead_skip_chrome_and_function_words() -> None:
    assert {"wang", "wang yi", "blinken"} <= names_of("The Secretary met Wang Yi. Blinken said on Monday.")
    assert not {"the", "monday"} & names_of("The Secretary met Wang Yi. Blinken said on Monday.")
    lead = lead_text(
        "Title here",
        "Accessibility links\nTitle here\nYour support helps us to tell the story\n"
        "Armenia and Azerbaijan agreed a ceasefire on Monday after talks in Geneva.",
    )
    assert lead == "Armenia and Azerbaijan agreed a ceasefire on Monday after talks in Geneva."


def test_the_lead_sentence_runs_past_abbreviations_and_a_dateline() -> None:
    """The lead sentence is cut by the project's one sentence splitter: "U.S." ends no sentence, and a first
    sentence too short to say who did what (a dateline) runs on into the next."""
    lead = (
        "Officials in the Turkish capital said on Monday that the U.S. Secretary of State met the Turkish foreign "
        "minister in Ankara to discuss the war. The talks lasted three hours."
    )
    assert lead_sentence(lead) == lead.split(" The talks")[0]
    dated = "ANKARA, Turkey. Foreign ministers of both countries met on Monday in the capital. Talks lasted an hour."
    assert lead_sentence(dated) == "ANKARA, Turkey. Foreign ministers of both countries met on Monday in the capital."


def test_postings_are_capped_so_lookups_stay_bounded() -> None:
    index = StoryIndex(window=timedelta(days=365))
    for i in range(POSTING_CAP + 40):
        index.add(
            StoryDoc(
                f"a{i}",
                f"Report number {i} from Geneva",
                f"Officials in Geneva issued report {i} about item {i * 7} of the budget.",
                T0,
            )
        )
    assert max(len(p) for p in index._postings.values()) <= POSTING_CAP


def test_pair_scores_count_null_labels_as_singletons() -> None:
    s = pair_scores(["x", "x", "y", "z"], ["g", "g", None, None])
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 0) and s["f1"] == 1.0
    s = pair_scores(["x", "x", "x"], ["g", "g", None])
    assert (s["tp"], s["fp"]) == (1, 2)


def test_why_two_reports_stay_apart_and_how_two_came_together() -> None:
    a, b = seed_docs()
    late = StoryDoc(b.article_id, b.title, b.text, T0 + timedelta(hours=80))
    ids, index = cluster_index([a, late])
    assert ids[0] != ids[1]
    assert index.why_apart(a.article_id, late.article_id) == "dates too far apart"
    ids, index = cluster_index(seed_docs())
    assert ids[0] == ids[1]
    assert index.why_apart(a.article_id, b.article_id) == ""
    assert index.how_together(a.article_id, b.article_id) in ("as a copy", "scored as one event")
    template_text = "Secretary of State Antony Blinken spoke today with Armenian Foreign Minister Ararat Mirzoyan."
    ids, index = cluster_index(
        [
            StoryDoc("x", "Blinken's call with Armenian Foreign Minister Mirzoyan", template_text, T0),
            StoryDoc(
                "y",
                "Blinken's call with Kenyan Foreign Minister Mudavadi",
                template_text.replace("Armenian", "Kenyan").replace("Ararat Mirzoyan", "Musalia Mudavadi"),
                T0,
            ),
        ]
    )
    assert ids[0] != ids[1]
    assert index.why_apart("x", "y") not in ("", "dates too far apart")


def test_reports_in_other_scripts_are_copies_only_of_their_own_text() -> None:
    """Arabic, Cyrillic or Chinese text has no [a-z] words: two reports of different events once hashed to the same
    empty word set and merged "as a copy". Each script is hashed on its own words (Chinese by pairs of characters),
    so a copy under other chrome still joins and a different event with the same figure does not."""
    reports = {
        "uk": (
            "Обстріл Харкова: загинули 3 людини",
            "Уночі російські війська обстріляли житлові квартали Харкова. Загинули три людини, ще дев'ять поранені. "
            "Рятувальники гасили пожежу до ранку, повідомила обласна адміністрація.",
            "Переговори у Женеві завершилися без угоди",
            "Делегації двох країн тиждень обговорювали обмін полоненими, але так і не підписали спільної заяви. "
            "Наступний раунд можливий у березні, сказав посередник.",
        ),
        "zh": (
            "联合国安理会就加沙停火举行紧急会议",
            "联合国安理会周二举行紧急会议讨论加沙局势多名成员国代表呼吁各方立即停火并允许人道主义援助进入。",
            "两国外长在北京会谈讨论贸易协定",
            "两国外长周三在北京举行会谈双方就扩大农产品贸易和签署新的投资协定交换了意见并同意明年再次会晤。",
        ),
    }
    detector = Detector()
    for lang, (title_a, text_a, title_b, text_b) in reports.items():
        text_copy = "2026\n" + text_a + "\nRSS"
        a = StoryDoc(f"{lang}-a", title_a, text_a, T0, detector.detect(title_a, text_a))
        copy = StoryDoc(
            f"{lang}-copy", title_a, text_copy, T0 + timedelta(hours=1), detector.detect(title_a, text_copy)
        )
        other = StoryDoc(f"{lang}-b", title_b, text_b, T0 + timedelta(hours=1), detector.detect(title_b, text_b))
        ids, index = cluster_index([a, copy, other])
        assert ids[0] == ids[1], lang
        assert index.how_together(a.article_id, copy.article_id) == "as a copy", lang
        assert ids[2] not in (ids[0], ids[1]), lang

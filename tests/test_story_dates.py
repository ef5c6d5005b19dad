"""A page without a publication date or a written date is dated by the day its web address gives (issue 14): the day
a publisher puts in the path ("/2012/05/03/", "/2019-08/14/", "report20140921.html", "?date=..."). `check` says where
the date came from."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bot.detect import Detector
from bot.models import when_text
from bot.stories.check import check_paths, date_line, render_text
from bot.stories.cluster import StoryDoc, address_date, cluster, cluster_index, event_time, written_date

FETCHED = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)


def day(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


def test_the_day_in_a_web_address_in_its_usual_spellings() -> None:
    assert address_date("https://news.example/2012/05/03/envoy-meets-rebels/") == day(2012, 5, 3)
    assert address_date("http://paper.example/2019-08/14/content_55501.htm") == day(2019, 8, 14)
    assert address_date("https://radio.example/archive/2014/report20140921.html") == day(2014, 9, 21)
    assert address_date("https://wire.example/story?id=91&date=2020-02-29") == day(2020, 2, 29)


def test_numbers_that_are_not_a_day_in_the_address_date_nothing() -> None:
    assert address_date("https://news.example/a/truce-holds/20201399.html") is None  # month 13
    assert address_date("https://news.example/article/120110503991/") is None  # a longer number: an id
    assert address_date("https://news.example/a/ceasefire-talks/3387991.html") is None
    assert address_date("https://2015.example.org/talks") is None  # the host is no date
    assert address_date("file:///home/me/2012/05/03/report.json") is None  # a file's folders are not a publisher's
    assert address_date("") is None and address_date(None) is None


def test_two_different_days_in_one_address_date_nothing() -> None:
    assert address_date("https://news.example/2012/05/03/report-of-2012-04-30/") is None


def test_a_day_to_come_is_not_the_pages_day() -> None:
    assert address_date("https://news.example/2027/01/10/summit/", not_after=FETCHED) is None


def test_a_year_and_month_alone_date_no_day() -> None:
    assert address_date("https://blog.example/2019/03/condolences.html") is None


def test_event_time_says_the_date_came_from_the_address() -> None:
    title, text = "Envoy meets rebel leaders", "The envoy met the rebel leaders in the capital on Thursday."
    url = "https://news.example/2012/05/03/envoy-meets-rebels/"
    when, how = event_time(None, title, text, FETCHED, url)
    assert how == "address" and when.date() == day(2012, 5, 3).date()
    # A date written in the text comes first, and a publication date before both.
    assert event_time(None, title, "May 1, 2012 - " + text, FETCHED, url)[1] == "text"
    assert event_time(day(2012, 5, 4), title, text, FETCHED, url)[1] == "published"
    assert event_time(None, title, text, FETCHED, "https://news.example/envoy")[1] == "fetched"
    assert when_text(when, FETCHED, how) == "3 May 2012 (date in its address)"


def test_an_address_dated_page_is_no_longer_undated_for_clustering() -> None:
    detector = Detector()
    title = "Minister condemns attack on market"
    text = "The minister condemned the attack on a market in Mosul, which killed 14 people."
    dated = StoryDoc("a", title, text, None, detector.detect(title, text), url="https://x.example/2015/06/02/market/")
    bare = StoryDoc("b", title, text, None, detector.detect(title, text), url="https://x.example/market/")
    assert written_date(dated) == day(2015, 6, 2) and written_date(bare) is None
    _ids, index = cluster_index([dated, bare])
    assert index.entry_dates("a") == day(2015, 6, 2)
    assert index.entry_dates("b") is None


def test_reports_whose_addresses_give_days_years_apart_stay_apart() -> None:
    # The same statement words about a market attack in one city, published six years apart: the addresses say so.
    detector = Detector()
    title = "Minister condemns attack on market in Mosul"
    text = (
        "The minister condemned the bombing of a crowded market in Mosul, which killed 14 people, and offered "
        "condolences to the families of the victims in Iraq."
    )
    det = detector.detect(title, text)
    early = StoryDoc("early", title, text, None, det, url="https://x.example/2011/04/09/mosul-market/")
    late = StoryDoc("late", title, text + " ", None, det, url="https://y.example/2017/10/21/mosul-market/")
    assert len(set(cluster([early, late]))) == 2
    same = StoryDoc("same", title, text + " ", None, det, url="https://y.example/2011/04/10/mosul-market/")
    assert len(set(cluster([early, same]))) == 1


def test_date_line_says_where_the_date_came_from() -> None:
    assert date_line(day(2012, 5, 3), "address") == "3 May 2012 (the day in its web address)"
    assert date_line(day(2012, 5, 3), "text") == "3 May 2012 (a date written in the text)"
    assert date_line(day(2012, 5, 3), "published") == "3 May 2012 (published)"
    assert date_line(FETCHED, "fetched") == "6 Dec 2026 09:30 UTC (no date given: the time it was read)"


def test_check_prints_the_date_and_its_source(tmp_path: Path) -> None:
    page = {
        "title": "Envoy meets rebel leaders",
        "text": "The envoy met the rebel leaders in the capital on Thursday to discuss a ceasefire.",
        "url": "https://news.example/2012/05/03/envoy-meets-rebels/",
    }
    (tmp_path / "a.json").write_text(json.dumps(page), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**page, "url": "https://news.example/envoy"}), encoding="utf-8")
    results, _warnings = check_paths([tmp_path], Path(__file__).resolve().parents[1] / "config" / "rules.yaml")
    by_name = {r.path.name: r for r in results}
    assert "date: 3 May 2012 (the day in its web address)" in render_text(by_name["a.json"])
    assert any(
        line.startswith("date: ") and line.endswith("(no date given: the time it was read)")
        for line in render_text(by_name["b.json"])
    )

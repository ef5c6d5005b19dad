"""A page with no date that its web address files under a month ("/2016/07/") or a year ("/2016/") was published then
(issue 14). That month is no date for the event (too wide), but a bound: the page cannot be one story with a report
dated outside it, widened by the story window, nor with a story whose dated members are."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.detect import Detector
from bot.models import Detection
from bot.stories.cluster import StoryDoc, StoryIndex, address_period, cluster, page_period

TITLE = "Foreign minister condemns bombing of a market in Mosul"
TEXT = (
    "The foreign minister condemned the bombing of a crowded market in Mosul, which killed 14 people, and offered "
    "condolences to the families of the victims and to the people of Iraq."
)


def moment(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, tzinfo=UTC)


def month_of(y: int, m: int) -> tuple[datetime, datetime]:
    after = moment(y + m // 12, m % 12 + 1, 1)
    return moment(y, m, 1), after - timedelta(microseconds=1)


def _detection() -> Detection:
    return Detector().detect(TITLE, TEXT)


def report(article_id: str, published: datetime | None, url: str = "", det: Detection | None = None) -> StoryDoc:
    return StoryDoc(article_id, TITLE, TEXT, published, det or _detection(), url=url)


def test_a_month_or_a_year_in_the_address_bounds_the_page() -> None:
    assert address_period("https://blog.example/2016/07/statement-on-the-attack.html") == month_of(2016, 7)
    assert address_period("https://paper.example/story/2015/03/minister-responds-116188") == month_of(2015, 3)
    assert address_period("https://paper.example/news/2016/12/") == month_of(2016, 12)
    assert address_period("https://archive.example/statements/2016/") == (moment(2016, 1, 1), month_of(2016, 12)[1])


def test_what_is_no_month_or_year_of_publication_bounds_nothing() -> None:
    year = (moment(2016, 1, 1), month_of(2016, 12)[1])
    assert address_period("https://blog.example/2016/13/x.html") == year  # no month 13: the year folder alone
    assert address_period("https://news.example/a/ceasefire/3387991.html") is None  # an id, no folder
    assert address_period("https://news.example/report-2016-attack.html") is None  # a year in a name, not a folder
    assert address_period("https://news.example/x?from=/2016/07/") is None  # a query is no folder
    assert address_period("file:///home/me/2016/07/report.json") is None  # a file's folders are not a publisher's
    assert address_period("https://blog.example/2016/07/re/2017/01/x") is None  # two months: which?
    assert address_period("https://blog.example/2027/01/summit", not_after=moment(2026, 12, 6)) is None
    assert address_period("") is None and address_period(None) is None


def test_a_page_period_is_where_its_era_and_its_address_meet() -> None:
    era = "This was published under the 2015 to 2016 Cameron Conservative government"
    assert page_period(era, "https://gov.example/2016/07/x") == month_of(2016, 7)
    assert page_period(era, "https://gov.example/x") == (moment(2015, 1, 1), month_of(2016, 12)[1])
    assert page_period(era, "https://gov.example/2019/07/x") is None  # they contradict each other: neither counts
    assert page_period("No period written here.", "https://gov.example/x") is None


def test_an_undated_statement_filed_in_2016_does_not_join_a_2023_attack_report() -> None:
    det = _detection()
    attack = report("attack", moment(2023, 3, 10), det=det)
    assert len(set(cluster([attack, report("bare", None, "https://blog.example/condolences/", det)]))) == 1
    old = report("old", None, "https://blog.example/2016/07/condolences.html", det)
    assert len(set(cluster([attack, old]))) == 2
    year = report("year", None, "https://archive.example/statements/2016/condolences", det)
    assert len(set(cluster([attack, year]))) == 2


def test_an_undated_page_of_the_reports_month_still_joins_it() -> None:
    det = _detection()
    attack = report("attack", moment(2023, 3, 10), det=det)
    same = report("same", None, "https://blog.example/2023/03/condolences.html", det)
    assert len(set(cluster([attack, same]))) == 1
    # The window widens the month: a statement filed in July on an attack reported on the evening of 30 June.
    june = report("june", moment(2016, 6, 30) + timedelta(hours=20), det=det)
    july = report("july", None, "https://blog.example/2016/07/condolences.html", det)
    assert len(set(cluster([june, july]))) == 1
    late = report("late", moment(2016, 6, 20), det=det)
    assert len(set(cluster([late, july]))) == 2


def test_two_undated_pages_filed_years_apart_stay_apart() -> None:
    det = _detection()
    early = report("early", None, "https://a.example/2016/07/condolences.html", det)
    later = report("later", None, "https://b.example/2023/03/condolences.html", det)
    assert len(set(cluster([early, later]))) == 2
    again = report("again", None, "https://b.example/2016/07/statement.html", det)
    assert len(set(cluster([early, again]))) == 1


def test_a_page_does_not_join_a_story_whose_members_lie_outside_its_month() -> None:
    det = _detection()
    for url, joins in (
        ("https://blog.example/2023/03/condolences.html", True),
        ("https://blog.example/2016/07/x", False),
    ):
        index = StoryIndex()
        story = index.add(report("first", moment(2023, 3, 10), det=det))
        assert index.add(report("second", moment(2023, 3, 11), det=det)) == story
        assert (index.add(report("page", None, url, det)) == story) is joins

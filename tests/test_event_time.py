"""Time is the event's time (issue 14, item 2): the publication date, else a date written in the text, else the
fetch time, said as such. An old report is stored and `brief` finds it, but it is not news: it never alerts as
new and never appears in a recent period; alerts and briefs show the year of an old date.

Through the real App, pipeline, outbox, terminal adapter and command core on a real database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from adapters.platforms.discord_embeds import render_alert as discord_alert
from adapters.platforms.slack_blocks import render_alert as slack_alert
from bot.models import Caller, PostAlert, Source, Summary
from bot.storage.tables import ArticleRow
from tests.support.lifecycle import Harness, item

OLD = (
    "Sudanese army clashes with rebels in Darfur kill 30",
    "KHARTOUM, March 10, 2003 (Reuters) - Clashes between the Sudanese army and rebels in Darfur killed 30 "
    "people on Monday, a Sudanese official said in Khartoum.",
)
NEW = (
    "Fighting in Sudan's El Fasher kills 40 as RSF shells the city",
    "Shelling by the Rapid Support Forces killed 40 people in El Fasher in Sudan's Darfur region, local "
    "medics in Sudan said.",
)
OPERATOR = Caller(user_id="operator", is_admin=True)


async def brief(bot: Harness, words: str) -> str:
    reply = await bot.app.core.run_text(f"brief {words}", OPERATOR, "terminal")
    return "\n".join([reply.text, *reply.lines])


async def test_a_2003_article_is_stored_and_found_but_never_alerts_nor_appears_in_a_24h_brief(bot: Harness) -> None:
    now = bot.clock.now()
    await bot.poll(
        item(*OLD, "https://news.example/2003/darfur", published=datetime(2003, 3, 10, 9, 0, tzinfo=UTC)),
        item(*NEW, "https://news.example/today/el-fasher", published=now - timedelta(hours=1)),
    )
    alerts = bot.blocks("[ALERT]")
    assert len(alerts) == 1 and "El Fasher" in alerts[0], bot.out.getvalue()
    assert "Darfur kill 30" not in bot.out.getvalue()  # neither alerted nor folded into today's story

    recent = await brief(bot, "sudan --since 24h")
    assert "El Fasher" in recent and "2003" not in recent and "kill 30" not in recent, recent
    # Stored and findable: a brief over a period that reaches back to it lists it, with its year.
    old = await brief(bot, "darfur --since 1500w")
    assert "Darfur kill 30" in old and "10 Mar 2003" in old, old


async def test_an_old_report_alone_in_its_topic_is_the_last_development_with_its_year(bot: Harness) -> None:
    await bot.poll(item(*OLD, "https://news.example/2003/darfur", published=datetime(2003, 3, 10, 9, 0, tzinfo=UTC)))
    assert bot.blocks("[ALERT]") == []
    text = await brief(bot, "darfur --since 24h")
    assert "Nothing new on Darfur" in text and "2003-03-10" in text and "10 Mar 2003" in text, text


async def test_an_undated_item_with_an_old_dateline_is_dated_by_it_and_does_not_alert(bot: Harness) -> None:
    await bot.poll(item(*OLD, "https://news.example/undated/darfur"))  # the feed gives no date
    assert bot.blocks("[ALERT]") == [], bot.out.getvalue()
    async with bot.app.services.db.session() as session:
        row = (await session.scalars(select(ArticleRow))).one()
    assert row.published is None and row.dated == "text"
    assert row.event_at.date() == datetime(2003, 3, 10).date()
    text = await brief(bot, "darfur --since 24h")
    assert "Nothing new" in text and "10 Mar 2003 (date in the text)" in text, text


async def test_an_undated_item_without_a_date_in_it_says_its_time_is_the_fetch_time(bot: Harness) -> None:
    await bot.poll(item(*NEW, "https://news.example/undated/el-fasher"))
    (alert,) = bot.blocks("[ALERT]")
    assert "fetched 24 Nov 12:00 UTC (no date given)" in alert, alert


async def test_an_item_published_before_the_window_is_stored_but_never_alerts(bot: Harness) -> None:
    now = bot.clock.now()
    await bot.poll(item(*NEW, "https://news.example/late/el-fasher", published=now - timedelta(hours=80)))
    assert bot.blocks("[ALERT]") == [], bot.out.getvalue()
    assert "El Fasher" in await brief(bot, "sudan --since 7d")
    # A report of the same event published now is news: its own alert, not an edit of a silent story.
    await bot.poll(
        item(NEW[0], NEW[1] + " The toll rose overnight.", "https://news.example/now/el-fasher", published=now)
    )
    assert len(bot.blocks("[ALERT]")) == 1, bot.out.getvalue()


async def test_reports_of_one_event_years_apart_are_two_stories(bot: Harness) -> None:
    now = bot.clock.now()
    await bot.poll(
        item(*NEW, "https://news.example/2015/el-fasher", published=datetime(2015, 6, 1, tzinfo=UTC)),
        item(
            NEW[0],
            NEW[1] + " Aid groups called for a truce.",
            "https://news.example/2026/el-fasher",
            published=now - timedelta(hours=2),
        ),
    )
    async with bot.app.services.db.session() as session:
        stories = set((await session.scalars(select(ArticleRow.story_id))).all())
    assert len(stories) == 2


def _summary(published: datetime, dated: str = "published") -> Summary:
    source = Source("a-1", "Clashes in Darfur", "https://news.example/a", "Example News", published, dated)
    return Summary(story_id="s-1", headline="Clashes in Darfur", sentences=("Clashes killed 30.",), sources=(source,))


@pytest.mark.parametrize(
    "render", [lambda a: slack_alert(a).text + str(slack_alert(a).blocks), lambda a: str(discord_alert(a).embeds)]
)
def test_slack_and_discord_alerts_show_the_year_only_when_it_is_not_this_year(render) -> None:  # type: ignore[no-untyped-def]
    this_year = datetime.now(UTC).replace(month=1, day=11, hour=0, minute=0, second=0, microsecond=0)
    old = datetime(2003, 8, 11, tzinfo=UTC)
    assert "11 Aug 2003" in render(PostAlert(channel="c", summary=_summary(old)))
    shown = render(PostAlert(channel="c", summary=_summary(this_year)))
    assert "11 Jan 00:00 UTC" in shown and f"11 Jan {this_year.year}" not in shown
    fetched = render(PostAlert(channel="c", summary=_summary(this_year, "fetched")))
    assert "fetched 11 Jan 00:00 UTC (no date given)" in fetched


async def test_a_digest_lists_todays_news_and_leaves_out_an_old_report_fetched_now(bot: Harness) -> None:
    from bot.alerts.digest import run_digests

    reply = await bot.app.core.run_text("subscribe casualties --digest hourly", OPERATOR, "terminal")
    assert reply.ok, reply.text
    bot.clock.advance(minutes=1)
    now = bot.clock.now()
    await bot.poll(
        item(*OLD, "https://news.example/2003/darfur", published=datetime(2003, 3, 10, 9, 0, tzinfo=UTC)),
        item(*NEW, "https://news.example/today/el-fasher", published=now - timedelta(minutes=30)),
    )
    bot.clock.advance(minutes=60)
    (digest,) = await run_digests(bot.app.services)
    headlines = [s.headline for s in digest.summaries]
    assert headlines == [NEW[0]], headlines

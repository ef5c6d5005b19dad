"""The alert says what matched (issue 14, item 3): its headline and first summary line come from the article that
matched the subscribed rule, not from whichever member came first, and each source says why it is in the story.

Through the real App, pipeline, outbox and terminal adapter on a real database; Slack and Discord rendering of
the same summary.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.platforms.discord_embeds import render_alert as discord_alert
from adapters.platforms.slack_blocks import render_alert as slack_alert
from bot.models import PostAlert, RuleMatch
from bot.repo.stories import story_summary
from bot.storage.tables import AlertRow
from tests.support.lifecycle import FIRST, TOLL, Harness, item


async def _story(bot: Harness) -> str:
    now = bot.clock.now()
    await bot.poll(item(*FIRST, "https://news.example/dnipro-strike", published=now - timedelta(hours=3)))
    assert bot.blocks("[ALERT]") == [], bot.out.getvalue()  # nothing any rule follows
    await bot.poll(item(*TOLL, "https://news.example/dnipro-toll", published=now))
    (alert,) = bot.blocks("[ALERT]")
    return alert


async def test_the_alert_leads_with_the_article_that_matched_the_rule(bot: Harness) -> None:
    alert = await _story(bot)
    lines = alert.strip().splitlines()
    assert lines[0].startswith(f"[ALERT] [ROUTINE] {TOLL[0]}"), alert  # not the first member's headline
    assert "rose to 30" in lines[1], alert  # the first summary line is the matching article's
    assert "Sources (2):" in alert and FIRST[0] in alert  # the other member is still a source


async def test_each_source_says_why_it_is_in_the_story(bot: Harness) -> None:
    alert = await _story(bot)
    why = [line.strip() for line in alert.splitlines() if line.strip().startswith("why: ")]
    assert len(why) == 1, alert  # the first report starts the story: nothing to explain
    assert why[0].startswith(f'why: matched casualties; with "{FIRST[0]}": '), why
    assert "same parties: " in why[0] and "Russia" in why[0] and "same day," in why[0], why


async def test_slack_and_discord_alerts_show_why_a_source_is_in_the_story(bot: Harness) -> None:
    await _story(bot)
    async with bot.app.services.db.session() as session:  # the summary the outbox renders for the alert
        alert_row = (await session.scalars(select(AlertRow))).one()
        matches = [RuleMatch.from_dict(m) for m in alert_row.shown["matches"]]
        summary = await story_summary(session, alert_row.story_id, matches, tenant="local")
    slack = slack_alert(PostAlert(channel="c", summary=summary))
    assert slack.blocks[0]["text"]["text"] == TOLL[0]
    assert "_why: matched casualties; with" in str(slack.blocks), slack.blocks
    discord = discord_alert(PostAlert(channel="c", summary=summary))
    assert discord.embeds[0].title == TOLL[0]
    assert "why: matched casualties; with" in str(discord.embeds[0].fields)

"""Story identity is event identity (issue 14, item 1), through the real App, pipeline and database.

Each test polls the reports a user would see and reads the story each one was stored under: two governments'
statements on one attack a day apart are one story; the same leader on the telephone with another counterpart,
a call and a meeting of the same leaders, another attack in the same city, a truce of another day, an
anniversary, are other stories; early tolls that differ by one are one attack.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.ingest.items import FeedItem
from bot.storage.tables import ArticleRow
from tests.support.lifecycle import Harness, item


async def stories(bot: Harness, *items: FeedItem) -> list[str]:
    """Poll the items one by one, in order; the story id each was stored under."""
    for it in items:
        await bot.poll(it)
    async with bot.app.services.db.session() as session:
        rows = {r.url: r.story_id for r in (await session.execute(select(ArticleRow.url, ArticleRow.story_id))).all()}
    return [rows[it.url] for it in items]


async def test_two_governments_statements_on_one_attack_a_day_apart_are_one_story(bot: Harness) -> None:
    now = bot.clock.now()
    uk = item(
        "Foreign Secretary condemns bombing of Jalalabad refugee office",
        "The Foreign Secretary condemned the suicide bombing of the provincial refugee department in Jalalabad, "
        "Afghanistan, which killed 12 people on Tuesday. The United Kingdom stands with the people and Government "
        "of Afghanistan against terrorism, he said, and offered condolences to the families of the victims.",
        "https://gov.example/jalalabad",
        published=now - timedelta(hours=26),
        outlet="FCO",
    )
    us = item(
        "U.S. Embassy statement on the Jalalabad attack",
        "The U.S. Embassy in Kabul strongly condemns yesterday's attack on the refugee department in Jalalabad. At "
        "least 12 people were killed. Our thoughts are with the families of those killed and wounded; the United "
        "States will continue to support Afghanistan's security forces.",
        "https://embassy.example/jalalabad",
        published=now,
        outlet="US Embassy",
    )
    first, second = await stories(bot, uk, us)
    assert first == second  # little wording in common, but the same attack, place, toll and day


async def test_the_same_leader_on_the_telephone_with_another_counterpart_is_another_story(bot: Harness) -> None:
    now = bot.clock.now()
    text = (
        "{} spoke with President Vladimir Putin by telephone this afternoon about Ukraine. The two leaders agreed on "
        "the need for full implementation of the Minsk agreement and the ceasefire in eastern Ukraine."
    )
    uk = item(
        "PM call with President Putin",
        text.format("Prime Minister David Cameron"),
        "https://gov.example/pm-putin",
        published=now - timedelta(hours=3),
    )
    de = item(
        "Telephone call with President Putin",
        text.format("Chancellor Angela Merkel"),
        "https://bund.example/merkel-putin",
        published=now,
    )
    first, second = await stories(bot, uk, de)
    assert first != second  # each headline names Putin only: the counterpart is in the lead sentence


async def test_a_call_and_a_meeting_of_the_same_leaders_are_other_stories(bot: Harness) -> None:
    now = bot.clock.now()
    call = item(
        "PM call with President Putin",
        "Prime Minister David Cameron spoke with President Vladimir Putin by telephone this afternoon about Syria "
        "and Ukraine. The two leaders agreed that their national security advisers should meet to restart talks "
        "on the Syrian conflict.",
        "https://gov.example/call",
        published=now - timedelta(hours=20),
    )
    meeting = item(
        "PM and President Putin hold bilateral talks",
        "Prime Minister David Cameron met President Vladimir Putin for bilateral talks this afternoon about "
        "Syria and Ukraine. The two leaders agreed that their national security advisers should meet to "
        "discuss the Syrian conflict.",
        "https://gov.example/meeting",
        published=now,
    )
    first, second = await stories(bot, call, meeting)
    assert first != second


async def test_another_attack_in_the_same_city_is_another_story_even_undated(bot: Harness) -> None:
    convoy = item(
        "Minister condemns bomb attack in Mogadishu",
        "Responding to the bomb attack in Mogadishu today, the Minister for Africa said: I strongly condemn "
        "today's attack on a vehicle convoy at the Kilometre 4 junction in Mogadishu. My thoughts are with the "
        "families of the victims.",
        "https://gov.example/km4",
    )
    palace = item(
        "Minister condemns terrorist attack in Mogadishu",
        "The Minister for Africa said today: I am deeply concerned by this morning's attack on Villa Somalia in "
        "Mogadishu and utterly condemn this terrorist action. My thoughts are with the families of the "
        "victims.",
        "https://gov.example/villa",
    )
    first, second = await stories(bot, convoy, palace)
    assert first != second  # the same minister and city; a convoy at Kilometre 4 is not Villa Somalia


async def test_a_truce_of_another_day_is_another_story_though_its_year_is_not_written(bot: Harness) -> None:
    now = bot.clock.now()
    extension = item(
        "United States welcomes extension of the truce in Yemen",
        "The United States welcomes today's announcement of a two-month extension of the UN-mediated truce "
        "in Yemen, Secretary of State Antony Blinken said. The truce has brought a period of calm to Yemen.",
        "https://state.example/yemen-truce",
        published=now,
    )
    april = item(
        "Ceasefire in Yemen: statement",
        "On Wednesday 8 April, the coalition announced a ceasefire in Yemen. The United States welcomes the "
        "ceasefire in Yemen, Secretary of State Antony Blinken said. The truce can bring a period of calm to "
        "Yemen.",
        "https://state.example/yemen-april",
    )
    first, second = await stories(bot, extension, april)
    assert first != second  # 8 April is months from 24 November in any year


async def test_an_anniversary_statement_is_not_the_attack(bot: Harness) -> None:
    now = bot.clock.now()
    attack = item(
        "Suicide bomber kills 7 Americans at CIA base in Khost",
        "A suicide bomber killed seven Americans at a CIA base in Khost province, Afghanistan, on Wednesday, "
        "U.S. officials said. President Barack Obama paid tribute to the officers killed in the attack.",
        "https://news.example/khost",
        published=now - timedelta(hours=30),
    )
    anniversary = item(
        "Statement on the anniversary of the attack on the CIA base in Khost",
        "One year ago today, a suicide bomber killed seven Americans at a CIA base in Khost province, "
        "Afghanistan. President Barack Obama paid tribute to the officers killed in the attack.",
        "https://gov.example/khost-anniversary",
        published=now,
    )
    first, second = await stories(bot, attack, anniversary)
    assert first != second


async def test_early_tolls_that_differ_by_one_are_one_attack(bot: Harness) -> None:
    now = bot.clock.now()
    eight = item(
        "Bomb kills 8 Americans at CIA base in Afghanistan",
        "A suicide bomber killed eight Americans at a CIA base in Khost province, Afghanistan, on Wednesday, "
        "U.S. officials said. The attack was one of the deadliest on the agency.",
        "https://news.example/khost-8",
        published=now - timedelta(hours=20),
    )
    seven = item(
        "Afghanistan suicide bomb leaves seven Americans dead",
        "Seven Americans working for the CIA were killed by a suicide bomber at a base in Khost province, "
        "Afghanistan, officials said on Thursday. The attack was one of the deadliest on the agency.",
        "https://wiki.example/khost-7",
        published=now,
    )
    first, second = await stories(bot, eight, seven)
    assert first == second  # "eight" and "seven": early reports differ a little; 15 and 22 are two attacks


async def test_the_same_headline_on_another_occasion_is_another_story(bot: Harness) -> None:
    now = bot.clock.now()
    title = "Welcoming the Ceasefire Agreement in Gaza and Israel"
    may = item(
        title,
        "The United States welcomes the agreement today for a ceasefire to bring an end to the hostilities "
        "in Israel and Gaza. The United States commends Egypt's crucial role in mediating the ceasefire agreement. "
        "We also recognize Qatar's efforts to de-escalate the situation, and we reaffirm our support for Iron Dome "
        "and Israel's missile defense.",
        "https://state.example/gaza-2023",
        published=now - timedelta(hours=2),
    )
    august = item(
        title,
        "The United States welcomes the agreement today to bring an end to hostilities and restore calm in "
        "Gaza and Israel. The United States is grateful for the efforts by Egypt in helping to mediate this "
        "agreement. We also commend the roles played by Qatar, UN Special Envoy Tor Wennesland and the "
        "Palestinian Authority over recent days.",
        "https://state.example/gaza-2022",
    )
    first, second = await stories(bot, may, august)
    assert first != second  # a statement's recurring headline; Iron Dome and the UN envoy tell the occasions apart


async def test_two_statements_with_no_event_in_them_are_not_one_story_for_their_parties(bot: Harness) -> None:
    now = bot.clock.now()
    unity = item(
        "Iran, Pakistan must lead Islamic unity",
        "TEHRAN (MNA) - Mohsen Rezaei, chief of Iran's Supreme National Security Council, told Pakistan's "
        "visiting interior minister that the two countries had a duty to work toward Muslim unity.",
        "https://mehr.example/unity",
        published=now - timedelta(hours=20),
    )
    rights = item(
        "Iran not to retreat from its rights in face of any threats",
        "TEHRAN (MNA) - The newly appointed secretary of Iran's Supreme National Security Council has said that "
        "Iran will not back down from its rights in the face of any threats.",
        "https://mehr.example/rights",
        published=now,
    )
    first, second = await stories(bot, unity, rights)
    assert first != second  # one council, two officials, two statements: only the same words would make one story

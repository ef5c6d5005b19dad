"""Rule names keep to a safe, documented alphabet (issue 15, item 12), on every face that names a rule."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.models import Invocation
from bot.storage.tables import Rule, RuleAudit
from tests.support.commands import OPERATOR, body, run

ALPHABET = "A-Z and a-z, the digits 0-9, '-', '_' and '.'"
# (name, the character the message must point at)
HOSTILE = [
    ("a/b", "'/' (U+002F) at position 1"),
    ("../etc", "'.' (U+002E) at position 0"),
    ("tab\there", "(U+0009) at position 3"),
    ("\u202eevil", "(U+202E) at position 0"),
    ("-rf", "'-' (U+002D) at position 0"),
    ("two words", "' ' (U+0020) at position 3"),
]


async def rule_count(services) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(Rule)) or 0)


@pytest.mark.parametrize(("name", "where"), HOSTILE)
async def test_watch_add_refuses_a_name_outside_the_alphabet(core, name, where):
    # The words as Slack, Discord or a shell hand them over (a quoted name arrives as one word).
    reply = await core.dispatch(Invocation("watch", ("add", name, "--query", "truce", "--yes"), OPERATOR))
    assert not reply.ok, body(reply)
    text = body(reply)
    assert ALPHABET in text and "starts with a letter or digit" in text and where in text
    assert "Value error" not in text
    assert await rule_count(core.services) == 0
    async with core.services.db.session() as session:
        assert not await session.scalar(select(func.count()).select_from(RuleAudit))


async def test_a_safe_name_is_saved(core):
    reply = await run(core, "watch add Caucasus_truce.v2 --query truce --yes", OPERATOR)
    assert reply.ok, body(reply)
    assert await rule_count(core.services) == 1


async def test_rules_import_names_the_bad_rule_and_saves_nothing(core, tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        'rules:\n  - name: good\n    query: truce\n  - name: "../../x"\n    query: talks\n', encoding="utf-8"
    )
    reply = await run(core, f"rules import {path}", OPERATOR)
    assert not reply.ok
    assert ALPHABET in body(reply) and "'.' (U+002E) at position 0" in body(reply)
    assert await rule_count(core.services) == 0

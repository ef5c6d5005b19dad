"""Webhook tokens are masked everywhere (issue 15, item 6): CLI replies, `subscriptions --all`, the
`deliveries` listing, admin notices and log lines, while the delivery itself still uses the real URL."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from bot.masking import mask_secrets

SECRET = "SeCrEtToKeN-0123456789_abcdefXYZ"
HOOK_ID = 1234567890123456789


class UnknownWebhook:
    """A loopback stand-in for Discord's API that answers every webhook call 404 Unknown Webhook."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.port = 0

    async def handle(self, request: web.Request) -> web.Response:
        self.paths.append(request.path)
        return web.json_response(
            {"message": "Unknown Webhook", "code": 10015}, status=404, content_type="application/json"
        )


@pytest.fixture
async def hook() -> AsyncIterator[UnknownWebhook]:
    server = UnknownWebhook()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield server
    await runner.cleanup()


async def cli(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    """The real CLI in a subprocess (the test's event loop keeps serving the webhook meanwhile)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 180)
    return proc.returncode or 0, out.decode(), err.decode()


async def test_webhook_token_never_shows(hook: UnknownWebhook, config_dir: Path, tmp_path: Path) -> None:
    env = {
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}",
        "DIPLOBOT_CONFIG_DIR": str(config_dir),
        "DIPLOBOT_TERMINAL": "1",
        "DIPLOBOT_LOG_LEVEL": "DEBUG",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
        "DISCORD_API_URL": f"http://127.0.0.1:{hook.port}/api/v10",
    }
    channel = f"webhook:http://127.0.0.1:{hook.port}/api/webhooks/{HOOK_ID}/{SECRET}"
    masked = f"webhook:http://127.0.0.1:{hook.port}/api/webhooks/{HOOK_ID}/[hidden]"

    code, out, err = await cli("subscribe", "ceasefire-developments", "--channel", channel, env=env)
    assert code == 0, err
    assert SECRET not in out + err and f"{masked} now follows rule 'ceasefire-developments'" in out

    # A poll alerts the webhook; Discord says it is gone: the delivery fails for good, the subscription
    # pauses and the admin channel (the terminal) is told. Logs and the notice name the channel, masked.
    code, out, err = await cli("run", "--once", env=env)
    assert code == 0, err
    assert any(SECRET in path for path in hook.paths), "the delivery went to the real URL"
    assert SECRET not in out and SECRET not in err
    assert "[hidden]" in err  # the delivery log lines name the channel
    assert f"Deliveries to {masked} are paused" in out  # the notice to the admin channel

    code, out, err = await cli("subscriptions", "--all", env=env)
    assert code == 0, err
    assert SECRET not in out + err
    assert f"{masked}: ceasefire-developments" in out and "PAUSED" in out

    code, out, err = await cli("deliveries", "--dead", env=env)
    assert SECRET not in out + err and masked in out

    code, out, err = await cli("unsubscribe", "ceasefire-developments", "--channel", channel, env=env)
    assert code == 0 and SECRET not in out + err and f"{masked} no longer follows" in out


@pytest.mark.parametrize("end", [".", ",", ")", ""])
def test_a_sentence_keeps_its_punctuation_after_a_hidden_token(end: str) -> None:
    url = f"https://discord.com/api/webhooks/{HOOK_ID}/{SECRET}"
    text = mask_secrets(f"Cannot post to {url}{end} Check the channel.")
    assert SECRET not in text
    assert f"/webhooks/{HOOK_ID}/[hidden]{end} Check the channel." in text


def test_a_dotted_token_is_hidden_whole() -> None:
    text = mask_secrets(f"see https://discord.com/api/webhooks/{HOOK_ID}/abc.DEF-123_x.yz now")
    assert "DEF" not in text and "yz" not in text
    assert text == f"see https://discord.com/api/webhooks/{HOOK_ID}/[hidden] now"

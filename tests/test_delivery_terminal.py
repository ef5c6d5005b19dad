"""The terminal sink marks each alert with its delivery key and finds it again, even from a new process's sink."""

from __future__ import annotations

from pathlib import Path

from adapters.terminal import TerminalSink
from bot.models import NoticeAlert
from bot.ports import DELIVERY_KEY, SentLookup


async def test_terminal_sink_finds_a_message_printed_before_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    alert = NoticeAlert(channel="terminal", text="Feed x is paused")
    with out.open("w", encoding="utf-8") as stream:
        sink = TerminalSink(stream)
        assert isinstance(sink, SentLookup)
        token = DELIVERY_KEY.set("dlv-41")
        try:
            first = await sink.send(alert)
        finally:
            DELIVERY_KEY.reset(token)
        assert await sink.find_sent(alert, "dlv-41") == first
        assert await sink.find_sent(alert, "dlv-42") is None
    assert "[delivery dlv-41 message 1]" in out.read_text(encoding="utf-8")
    with out.open("a", encoding="utf-8") as stream:  # the restarted process appends to the same output
        assert await TerminalSink(stream).find_sent(alert, "dlv-41") == "1"
        assert await TerminalSink(stream).find_sent(alert, "dlv-4") is None


async def test_without_a_delivery_key_nothing_is_marked(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with out.open("w", encoding="utf-8") as stream:
        await TerminalSink(stream).send(NoticeAlert(channel="terminal", text="hello"))
    assert "[delivery" not in out.read_text(encoding="utf-8")

"""The core never imports an adapter; adapters plug in through entry points."""

from __future__ import annotations

import ast
import re
from importlib.metadata import entry_points
from pathlib import Path

from pydantic_settings import BaseSettings

from bot.settings import PlatformSettings

REPO = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_bot_never_imports_adapters() -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(n for n in _imports(path) if n == "adapters" or n.startswith("adapters."))
        for path in (REPO / "bot").rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}, f"bot/ must not import adapters/: {offenders}"


def test_no_adapter_imports_another() -> None:
    """Each adapter stands alone: it imports itself, adapters.platforms (what Slack and Discord accept) and bot/."""
    offenders: dict[str, list[str]] = {}
    for package in (p for p in (REPO / "adapters").iterdir() if p.is_dir() and p.name != "platforms"):
        allowed = (f"adapters.{package.name}", "adapters.platforms")
        for path in package.rglob("*.py"):
            names = _imports(path)
            bad = sorted(n for n in names if n.startswith("adapters.") and not n.startswith(allowed))
            if bad:
                offenders[str(path.relative_to(REPO))] = bad
    assert offenders == {}, f"an adapter imports another adapter: {offenders}"


def test_each_platform_owns_its_settings_and_the_core_never_names_them() -> None:
    """The Slack and Discord settings are their adapters' classes (entry point group `diplobot.settings`), and no
    file of bot/ names one of their environment variables: the core reads them as `PlatformSettings`."""
    found = {ep.name: ep.load() for ep in entry_points(group="diplobot.settings")}
    assert {"slack", "discord"} <= set(found)
    variables: set[str] = set()
    for name, kind in found.items():
        assert issubclass(kind, BaseSettings) and kind.__module__ == f"adapters.{name}.settings", kind
        assert isinstance(kind(_env_file=None), PlatformSettings), name
        variables |= {field.alias for field in kind.model_fields.values() if field.alias}
    assert {"SLACK_BOT_TOKEN", "SLACK_PORT", "DISCORD_TOKEN", "DISCORD_API_URL"} <= variables
    named = re.compile(r"\b(" + "|".join(sorted(variables)) + r")\b")
    offenders = {
        str(path.relative_to(REPO)): sorted(set(named.findall(path.read_text(encoding="utf-8"))))
        for path in (REPO / "bot").rglob("*")
        if path.is_file() and path.suffix in (".py", ".html", ".md", ".txt")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert offenders == {}, f"bot/ names a platform's settings: {offenders}"


def test_every_adapter_is_an_entry_point_with_a_factory() -> None:
    found = {ep.name: ep for ep in entry_points(group="diplobot.adapters")}
    assert {"terminal", "slack", "discord", "webhook"} <= set(found)
    for ep in found.values():
        assert callable(ep.load()), ep.name


def test_terminal_sink_implements_the_core_protocol() -> None:
    from adapters.terminal import TerminalSink
    from bot.ports import AlertSink

    assert isinstance(TerminalSink(), AlertSink)

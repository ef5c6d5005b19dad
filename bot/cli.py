"""The `diplobot` command line (typer): the only place that exits the process.

`run` and `check` are CLI-only; every other command comes from the command core's specs,
so the CLI, Slack and Discord share one declaration and one implementation.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from pathlib import Path

import typer

from bot.errors import ConfigError, DiplobotError
from bot.settings import Settings, load_settings

app = typer.Typer(help="diplobot: watches the news for diplomatic developments and alerts the channels that care.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        _fail(str(exc))
        raise  # unreachable


class _OneLine(logging.Formatter):
    """Log lines without tracebacks unless debugging: users get the reason, not a stack."""

    def __init__(self, debug: bool) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s", "%H:%M:%S")
        self.debug = debug

    def formatException(self, ei) -> str:
        return super().formatException(ei) if self.debug else f"  ({ei[0].__name__}: {ei[1]})"


def setup_logging(settings: Settings) -> None:
    """Plain one-line logs to stderr, or JSON lines with DIPLOBOT_LOG_JSON=1."""
    handler = logging.StreamHandler(sys.stderr)
    if settings.log_json:
        from bot.logs import JsonFormatter

        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(_OneLine(settings.log_level.upper() == "DEBUG"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    for noisy in ("apscheduler", "aiosqlite", "sqlalchemy", "alembic", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@app.command()
def run(once: bool = typer.Option(False, "--once", help="Do one poll-and-deliver cycle, then exit 0.")) -> None:
    """Run the bot: poll every feed on its schedule, alert subscribed channels, answer commands (Ctrl-C stops)."""
    from bot.app import App

    settings = _settings()
    setup_logging(settings)

    async def main() -> None:
        bot = App(settings)
        if once:
            await bot.run_once()
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, bot.stop_event.set)
        logging.getLogger("diplobot").info("diplobot running; Ctrl-C to stop")
        await bot.run()

    try:
        asyncio.run(main())
    except DiplobotError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        pass
    typer.echo("diplobot stopped.", err=True)


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="Article files (.txt, .json, .html) or folders of them."),
    rules: Path | None = typer.Option(None, "--rules", help="Rules file (default: DIPLOBOT_CONFIG_DIR/rules.yaml)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array, one object per article, in input order."),
) -> None:
    """Show what the detector finds in articles, with evidence, and which rules match and why. Writes nothing."""
    from bot.check import check_paths, render_text

    logging.basicConfig(level=logging.WARNING)
    settings = _settings()
    try:
        results, warnings = check_paths(paths, rules or settings.rules_file)
    except DiplobotError as exc:
        _fail(str(exc))
        return
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2))
        return
    for r in results:
        typer.echo("\n".join(render_text(r)))
        typer.echo("")


def _dispatch(words: list[str], channel: str = "terminal") -> None:
    """Run one core command as the local operator against the configured database."""
    from bot.app import App
    from bot.models import Caller, Invocation

    settings = _settings()
    logging.basicConfig(level=logging.WARNING)

    async def main() -> int:
        bot = App(settings, adapters=[])
        await bot.setup()
        try:
            reply = await bot.core.dispatch(Invocation(
                command=words[0], args=tuple(words[1:]),
                caller=Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator"),
                channel=channel,
            ))
        finally:
            await bot.close()
        out = typer.echo if reply.ok else (lambda s: typer.echo(s, err=True))
        out("\n".join([reply.text, *reply.lines]))
        return 0 if reply.ok else 1

    try:
        code = asyncio.run(main())
    except DiplobotError as exc:
        _fail(str(exc))
        return
    raise typer.Exit(code)


def _make_command(name: str):
    """A typer callback that passes its raw words to the core command `name`."""

    def command(
        ctx: typer.Context,
        channel: str = typer.Option(
            "terminal", "--channel", help="Channel: terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL, webhook:URL."
        ),
    ) -> None:
        _dispatch([*name.split(), *ctx.args], channel=channel)

    return command


def _register_core_commands() -> None:
    """Add one typer command per core CommandSpec, grouped by first word, with help from the spec."""
    from bot.commands import default_registry

    groups: dict[str, typer.Typer] = {}
    for spec in default_registry().specs:
        if spec.name in ("run", "check"):
            continue
        words = spec.name.split()
        arg_help = "\n\n".join(f"{a.name.upper() if a.kind not in ('option', 'flag') else '--' + a.name}: {a.help}"
                               for a in spec.args)
        help_text = f"{spec.help}\n\nUsage: diplobot {spec.usage}" + (f"\n\n{arg_help}" if arg_help else "")
        if spec.admin_only:
            help_text += "\n\n(admin only)"

        command = _make_command(spec.name)
        settings = {"allow_extra_args": True, "ignore_unknown_options": True}
        if len(words) == 1:
            app.command(name=words[0], help=help_text, context_settings=settings)(command)
        else:
            group = groups.get(words[0])
            if group is None:
                group = groups[words[0]] = typer.Typer(help=f"{words[0]} commands", no_args_is_help=True)
                app.add_typer(group, name=words[0])
            group.command(name=" ".join(words[1:]), help=help_text, context_settings=settings)(command)


_register_core_commands()


def main() -> None:
    """Console-script entry point."""
    app()

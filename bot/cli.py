"""The `diplobot` command line (typer): the only place that exits the process.

`run` and `check` are CLI-only; every other command comes from the command core's specs,
so the CLI, Slack and Discord share one declaration and one implementation.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
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
    from bot.logs import JsonFormatter, MaskingFormatter

    handler = logging.StreamHandler(sys.stderr)
    inner = JsonFormatter() if settings.log_json else _OneLine(settings.log_level.upper() == "DEBUG")
    handler.setFormatter(MaskingFormatter(inner))  # no line ever shows a webhook token
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    for noisy in ("apscheduler", "aiosqlite", "sqlalchemy", "alembic", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


# A first Ctrl-C (or SIGTERM) stops gracefully: work in flight gets STOP_GRACE seconds, and the process
# is gone FORCE_AFTER seconds after the signal whatever still runs (a DNS lookup in a thread, a long
# parse). Cutting work short is safe: a poll rolls back and is redone, a delivery is reconciled.
STOP_GRACE = 1.0
FORCE_AFTER = 1.8


class _Stopper:
    """SIGINT/SIGTERM handler: the first signal asks for a graceful stop and arms a deadline; a second one,
    or the deadline, ends the process at once.

    A plain `signal.signal` handler, not the event loop's: it runs even while the loop is busy, and it
    only writes to stderr with `os.write` (a signal may land in the middle of a print).
    """

    def __init__(self) -> None:
        self.requested = False
        self._wake: Callable[[], None] | None = None

    def attach(self, loop: asyncio.AbstractEventLoop, event: asyncio.Event) -> None:
        """Let a signal set `event` on `loop` (and set it now if a signal came first)."""
        self._wake = lambda: loop.call_soon_threadsafe(event.set)
        if self.requested:
            self._wake()

    def __call__(self, signum: int, frame: object) -> None:
        if self.requested:
            self.force("stopped at once (second signal)")
        self.requested = True
        os.write(2, b"\nStopping... (Ctrl-C again to force)\n")
        if self._wake is not None:
            self._wake()
        timer = threading.Timer(FORCE_AFTER, self.force, (f"still stopping after {FORCE_AFTER:g} s; stopped at once",))
        timer.daemon = True
        timer.start()

    @staticmethod
    def force(why: str) -> None:
        """Exit now: unfinished polls are redone and unfinished deliveries reconciled at the next start."""
        os.write(2, f"diplobot {why}.\n".encode())
        _exit_now(130)


def _exit_now(code: int) -> None:
    """Flush the standard streams and end the process without the interpreter's teardown."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a closed or broken stream must not keep the process alive
            pass
    os._exit(code)


@app.command()
def run(once: bool = typer.Option(False, "--once", help="Do one poll-and-deliver cycle, then exit 0.")) -> None:
    """Run the bot: poll every feed on its schedule, alert subscribed channels, answer commands (Ctrl-C stops)."""
    stopper = _Stopper()
    if not once:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, stopper)

    from bot.app import App

    settings = _settings()
    setup_logging(settings)

    async def main() -> None:
        if stopper.requested:  # Ctrl-C while starting
            return
        bot = App(settings)
        if once:
            await bot.run_once()
            return
        stopper.attach(asyncio.get_running_loop(), bot.stop_event)
        logging.getLogger("diplobot").info("diplobot running; Ctrl-C to stop")
        await bot.run(grace=STOP_GRACE)

    try:
        asyncio.run(main())
    except DiplobotError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        pass
    typer.echo("diplobot stopped.", err=True)
    if not once:
        # Everything is closed; tearing down the interpreter (the detector's tables, the language
        # models) would take another 1-2 s that a user waiting on Ctrl-C should not see.
        logging.shutdown()
        _exit_now(0)


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
    from bot.logs import MaskingFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(MaskingFormatter(logging.Formatter(logging.BASIC_FORMAT)))  # warnings only, tokens masked
    logging.basicConfig(level=logging.WARNING, handlers=[handler])

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

"""The `diplobot` command line (typer): the only place that exits the process.

`run` and `check` are CLI-only; every other command comes from the command core's specs,
so the CLI, Slack and Discord share one declaration and one implementation.
"""

from __future__ import annotations

import inspect
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypedDict

import typer

from bot.errors import ConfigError, DiplobotError

if TYPE_CHECKING:  # asyncio and the settings (pydantic) load when a command runs: `diplobot --help` stays fast
    import asyncio

    # typer vendors click: its command hooks take the vendored Context and HelpFormatter.
    from typer._click import Context as ClickContext
    from typer._click import HelpFormatter

    from bot.commands.core import Arg, CommandSpec
    from bot.ports import Adapter
    from bot.settings import Settings
    from bot.stories.check import CheckResult


class _Command(typer.core.TyperCommand):
    """Help as the README writes commands: `Usage: diplobot brief [OPTIONS] TOPIC...`, each argument by its
    placeholder (no `{TOPIC}` or `<str>`), each option with its placeholder and default."""

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, typer.core.TyperArgument):
                name = param.metavar or param.name or ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: ClickContext, formatter: HelpFormatter) -> None:
        arguments = [
            (p.metavar or p.name or "", p.help or "")
            for p in self.get_params(ctx)
            if isinstance(p, typer.core.TyperArgument)
        ]
        options = [
            record
            for p in self.get_params(ctx)
            if not isinstance(p, typer.core.TyperArgument)
            if (record := p.get_help_record(ctx)) is not None
        ]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


# Plain click help (no tables), and command lists that show each command's whole one-line help.
class _TyperOptions(TypedDict):
    no_args_is_help: bool
    rich_markup_mode: Literal["markdown", "rich"] | None


_TYPER: _TyperOptions = {"no_args_is_help": True, "rich_markup_mode": None}
app = typer.Typer(
    help="diplobot: watches the news for diplomatic developments and alerts the channels that care.",
    add_completion=False,
    pretty_exceptions_enable=False,
    **_TYPER,
)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    from bot.settings import load_settings

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

    def formatException(
        self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]
    ) -> str:
        return super().formatException(ei) if self.debug or ei[0] is None else f"  ({ei[0].__name__}: {ei[1]})"


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
        self._wake: Callable[[], object] | None = None

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


_RUN_HELP = "Run the bot: poll every feed on its schedule, alert subscribed channels, answer commands (Ctrl-C stops)."


@app.command(cls=_Command, help=_RUN_HELP, short_help=_RUN_HELP)
def run(once: bool = typer.Option(False, "--once", help="Do one poll-and-deliver cycle, then exit 0.")) -> None:
    import asyncio

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
        await bot.prepare()  # a database that cannot be used stops here, before "running" is said
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


_CONSOLE_HELP = (
    "Print the web console's sign-in link again (the one 'diplobot run' printed at start, with DIPLOBOT_HTTP_PORT set)."
)


@app.command("console-url", cls=_Command, help=_CONSOLE_HELP, short_help=_CONSOLE_HELP)
def console_url() -> None:
    from bot.web.auth import read_url_file

    try:
        url = read_url_file()
    except ValueError as exc:
        _fail(str(exc))
        return
    typer.echo(f"console: {url}")


_CHECK_HELP = "Show what the detector finds in articles, with evidence, and which rules match and why. Writes nothing."


@app.command(cls=_Command, help=_CHECK_HELP, short_help=_CHECK_HELP)
def check(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH...", show_default=False, help="Article files (.txt, .json, .html) or folders of them."
    ),
    rules: Path | None = typer.Option(
        None, "--rules", metavar="FILE", help="Rules file (default: DIPLOBOT_CONFIG_DIR/rules.yaml)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array, one object per article, in input order."),
    from_db: bool = typer.Option(
        False, "--rules-from-db", help="Use the rules stored in the database (DIPLOBOT_DATABASE_URL) instead of a file."
    ),
    tenant: str = typer.Option(
        "local",
        "--tenant",
        metavar="TENANT",
        help="With --rules-from-db: whose rules: local, slack:TEAM or discord:GUILD.",
    ),
) -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = _settings()
    if from_db and rules is not None:
        _fail("give --rules FILE or --rules-from-db, not both")
    if tenant != "local" and not from_db:
        _fail("--tenant chooses whose stored rules --rules-from-db reads; add --rules-from-db")
    checked = _check_articles(paths, rules or settings.rules_file, settings, tenant if from_db else None)
    if checked is not None:
        _print_checked(*checked, as_json=as_json)


def _check_articles(
    paths: list[Path], rules_file: Path, settings: Settings, stored: str | None
) -> tuple[list[CheckResult], list[str]] | None:
    """`check`'s findings and warnings for the articles, with the rules file, or the rules the tenant `stored` has
    in the database (warnings name those, not the temporary file they are read from); None after an error."""
    import tempfile

    from bot.stories.check import check_paths

    with tempfile.TemporaryDirectory(prefix="diplobot-check-") as folder:
        label = None
        if stored is not None:
            rules_file = Path(folder) / "rules.yaml"
            label = f"the rules of {stored} in the database"
            rules_file.write_text(_stored_rules(settings, stored), encoding="utf-8")
        try:
            results, warnings = check_paths(paths, rules_file)
        except DiplobotError as exc:
            _fail(str(exc).replace(str(rules_file), label) if label else str(exc))
            return None
    if label:
        warnings = [w.replace(str(rules_file), label) for w in warnings]
        typer.echo(f"rules: {label}", err=True)
    return results, warnings


def _print_checked(results: list[CheckResult], warnings: list[str], *, as_json: bool) -> None:
    """`check`'s warnings on stderr, its findings as text or (--json) one JSON array on stdout."""
    import json

    from bot.stories.check import render_text

    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        typer.echo(json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2))
        return
    for r in results:
        typer.echo("\n".join(render_text(r)))
        typer.echo("")


def _stored_rules(settings: Settings, tenant: str) -> str:
    """A tenant's rules in the database as YAML, read without migrating or seeding anything (`check` writes nothing)."""
    import asyncio

    from sqlalchemy.engine import make_url

    from bot.repo.rules import export_rules
    from bot.services import Services
    from bot.storage.db import Database

    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        _fail(
            f"no database at {url.database} (opening it would create it); run 'diplobot run' once, or give --rules FILE"
        )

    async def read() -> str:
        db = Database(settings.database_url)
        try:
            return await export_rules(Services(settings=settings, db=db), tenant)
        finally:
            await db.close()

    try:
        text = asyncio.run(read())
    except Exception as exc:  # no database there, no tables yet, PostgreSQL down: one line, no traceback
        shown = make_url(settings.database_url).render_as_string(hide_password=True)
        _fail(
            f"cannot read the rules stored in {shown} ({type(exc).__name__}); "
            "has 'diplobot run' created this database? Or give --rules FILE"
        )
        raise  # unreachable
    if not (text.strip() and "name:" in text):
        _fail(f"{tenant} has no rules in the database; tenants are local, slack:TEAM or discord:GUILD")
    return text


def _existing_database(settings: Settings) -> None:
    """Only `diplobot run` creates the default database (var/diplobot.db of the folder it runs in): a command
    typed in another folder says where the database is instead of starting an empty one there."""
    from bot.settings import DEFAULT_DB

    if "database_url" in settings.model_fields_set or settings.database_url != DEFAULT_DB:
        return  # a database the user named is used (and created) wherever it is
    if not Path(DEFAULT_DB.split("///", 1)[1]).exists():
        _fail(
            f"no database in {Path.cwd()}: diplobot keeps it in var/diplobot.db of the folder where "
            "'diplobot run' runs (which creates it); run this command there, "
            "or set DIPLOBOT_DATABASE_URL to the database"
        )


def _dispatch(words: list[str], channel: str = "terminal") -> None:
    """Run one core command as the local operator against the configured database."""
    import asyncio

    from bot.app import App
    from bot.models import Caller, Invocation

    settings = _settings()
    _existing_database(settings)
    from bot.logs import MaskingFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(MaskingFormatter(logging.Formatter(logging.BASIC_FORMAT)))  # warnings only, tokens masked
    logging.basicConfig(level=logging.WARNING, handlers=[handler])

    async def main() -> int:
        # `test-alert` sends through the sinks that need no connection (this terminal, webhooks); Slack and
        # Discord channels are left to the running bot, which holds their connections.
        adapters = _local_adapters(settings) if words[0] == "test-alert" else []
        bot = App(settings, adapters=adapters)
        await bot.setup(poller=False)  # a command polls nothing
        try:
            reply = await bot.core.dispatch(
                Invocation(
                    command=words[0],
                    args=tuple(words[1:]),
                    caller=Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator"),
                    channel=channel,
                )
            )
        finally:
            for adapter in adapters:
                await adapter.stop()
            await bot.close()
        typer.echo("\n".join([reply.text, *reply.lines]), err=not reply.ok)
        return 0 if reply.ok else 1

    try:
        code = asyncio.run(main())
    except DiplobotError as exc:
        _fail(str(exc))
        return
    raise typer.Exit(code)


def _local_adapters(settings: Settings) -> list[Adapter]:
    """This terminal (whatever DIPLOBOT_TERMINAL says: the operator is at it) and webhooks, not started."""
    from bot.app import load_adapters

    here = settings.model_copy(update={"terminal": True})
    return load_adapters(here, None, only=("terminal", "webhook"))  # no commands here


CHANNEL_HELP = "Channel to act as: terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL, webhook:URL."


def _parameter(key: str, arg: Arg) -> inspect.Parameter:
    """The typer parameter that shows and reads one spec argument (the core still parses and checks it)."""
    text = arg.help + (f" (one of {', '.join(arg.choices)})" if arg.choices else "")
    info: Any
    annotation: object
    if arg.kind == "flag":
        info, annotation = typer.Option(False, f"--{arg.name}", help=text), bool
    elif arg.kind == "option":
        info = typer.Option(
            arg.default, f"--{arg.name}", metavar=arg.name.upper(), help=text, show_default=arg.default is not None
        )
        annotation = str | None
    else:
        metavar = arg.name.upper() + ("..." if arg.kind == "rest" else "")
        info = typer.Argument(... if arg.required else None, metavar=metavar, help=text, show_default=False)
        annotation = (list[str] if arg.kind == "rest" else str) | None
    return inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=info, annotation=annotation)


# What typer read for a command, by parameter name (a0, a1, ..., channel): each value has the type its Arg's kind
# gives the parameter (`_parameter`: str, list[str] for the rest, bool for a flag, None when absent), which
# `_words` tells apart by that kind, so the mapping itself stays open.
TyperValues = dict[str, Any]


def _words(spec: CommandSpec, values: TyperValues) -> list[str]:
    """The words the core parses, rebuilt from what typer read."""
    words = spec.name.split()
    for i, arg in enumerate(spec.args):
        value = values.get(f"a{i}")
        if value is None or value is False or (arg.name == "channel" and arg.kind == "option"):
            continue
        if arg.kind == "flag":
            words.append(f"--{arg.name}")
        elif arg.kind == "option":
            words += [f"--{arg.name}", str(value)]
        elif arg.kind == "rest":
            words += list(value)
        else:
            words.append(str(value))
    return words


def _make_command(spec: CommandSpec) -> Callable[..., None]:
    """A typer callback for the core command `spec`: its arguments and options, then `--channel`."""
    own_channel = next((a for a in spec.args if a.name == "channel" and a.kind == "option"), None)
    parameters = [_parameter(f"a{i}", arg) for i, arg in enumerate(spec.args) if arg is not own_channel]
    parameters.append(
        inspect.Parameter(
            "channel",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=str,
            default=typer.Option(
                "terminal", "--channel", metavar="CHANNEL", help=own_channel.help if own_channel else CHANNEL_HELP
            ),
        )
    )

    def command(**values: Any) -> None:
        _dispatch(_words(spec, values), channel=values["channel"])

    # typer reads the signature through inspect, which honours __signature__; mypy knows no such attribute.
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    return command


def _register_core_commands() -> None:
    """Add one typer command per core CommandSpec, grouped by first word, with help from the spec."""
    from bot.commands import GROUP_HELP, default_registry

    groups: dict[str, typer.Typer] = {}
    for spec in default_registry().specs:
        if spec.name in ("run", "check"):
            continue
        words = spec.name.split()
        help_text = spec.help + (" (admins only)" if spec.admin_only else "")
        command = _make_command(spec)
        if len(words) == 1:
            app.command(name=words[0], cls=_Command, help=help_text, short_help=help_text)(command)
        else:
            group = groups.get(words[0])
            if group is None:
                group = groups[words[0]] = typer.Typer(**_TYPER)
                app.add_typer(group, name=words[0], help=GROUP_HELP.get(words[0]), short_help=GROUP_HELP.get(words[0]))
            group.command(name=" ".join(words[1:]), cls=_Command, help=help_text, short_help=help_text)(command)


_register_core_commands()


def main() -> None:
    """Console-script entry point."""
    app()

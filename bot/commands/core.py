"""The platform-free command core: each command declared once as a CommandSpec, dispatched from any face.

CLI, Slack and Discord all build an `Invocation` (command name, raw argument words, caller,
channel) and call `CommandCore.dispatch`, which parses the words against the spec, checks
permissions, runs the handler and always returns a `Reply` (never raises, never shows a
stack trace). Slack and Discord register their slash commands from `CommandCore.specs`.
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from bot.errors import CommandError, DiplobotError, NotAllowed, UserInputError
from bot.models import Caller, Invocation, Reply
from bot.replies import UsageErrorData

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

ArgKind = Literal["str", "int", "rest", "option", "flag"]


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of a command.

    `str`/`int` are positional, `rest` swallows the remaining words (joined by spaces),
    `option` is `--name value`, `flag` is `--name`. `complete` names what autocompletion
    offers ("rule", "topic", "feed", "story").
    """

    name: str
    help: str
    kind: ArgKind = "str"
    required: bool = True
    choices: tuple[str, ...] = ()
    default: str | None = None  # a word, as if typed (`brief --since 24h`)
    complete: str | None = None


@dataclass(frozen=True, slots=True)
class CommandContext:
    """What a handler gets besides its arguments: the services, who calls, from which channel."""

    services: Services
    caller: Caller
    channel: str


ArgValue = str | int | bool | None


class CommandArgs(dict[str, ArgValue]):
    """A command's arguments by the names its `Arg`s declare, as `parse_args` leaves them: a word (str), a whole
    number for an `int` argument, a bool for a flag, the declared default (None unless given) when absent.

    Handlers read them by kind, so each read has the type its `Arg` guarantees; asking for another kind is a
    mistake in the handler (TypeError), as a name the spec does not declare is (KeyError)."""

    def text(self, name: str) -> str:
        """A word the spec guarantees: a required argument, or an option with a default."""
        value = self[name]
        if not isinstance(value, str):
            raise TypeError(f"argument {name!r} is {value!r}, not a word")
        return value

    def word(self, name: str) -> str | None:
        """An optional word: None when it was not given (and has no default)."""
        value = self.get(name)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"argument {name!r} is {value!r}, not a word")
        return value

    def flag(self, name: str) -> bool:
        """A flag: whether it was given."""
        value = self.get(name, False)
        if not isinstance(value, bool):
            raise TypeError(f"argument {name!r} is {value!r}, not a flag")
        return value


Handler = Callable[[CommandContext, CommandArgs], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command declared once: name ("brief", "watch add"), help, arguments, admin-only, handler."""

    name: str
    help: str
    handler: Handler
    args: tuple[Arg, ...] = ()
    admin_only: bool = False

    @property
    def group(self) -> str:
        """The first word: "watch" for "watch add"."""
        return self.name.split()[0]

    @property
    def usage(self) -> str:
        """A one-line usage string, e.g. `brief TOPIC [--since 24h]`."""
        parts = [self.name]
        for a in self.args:
            if a.kind == "flag":
                parts.append(f"[--{a.name}]")
            elif a.kind == "option":
                word = f"--{a.name} {a.name.upper()}"
                parts.append(word if a.required else f"[{word}]")
            else:
                word = a.name.upper() + ("..." if a.kind == "rest" else "")
                parts.append(word if a.required else f"[{word}]")
        return " ".join(parts)


def parse_args(spec: CommandSpec, words: Iterable[str]) -> CommandArgs:
    """Parse raw words against a spec; raise UserInputError naming the argument and showing usage."""
    values = CommandArgs({a.name: a.default for a in spec.args})
    for a in spec.args:
        if a.kind == "flag":
            values[a.name] = bool(a.default)
    loose = _read_options(spec, list(words), values)
    _place_positionals(spec, loose, values)
    _check_values(spec, values)
    return values


def _read_options(spec: CommandSpec, words: list[str], values: CommandArgs) -> list[str]:
    """Set each `--name value`, `--name=value` and `--flag` of `words` in `values`; the other words, in order."""
    options = {a.name: a for a in spec.args if a.kind in ("option", "flag")}
    loose: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--") and len(word) > 2:
            name, _, inline = word[2:].partition("=")
            name = name.replace("-", "_")
            opt = options.get(name)
            if opt is None:
                known = ", ".join(f"--{n}" for n in options) or "none"
                raise UserInputError(f"unknown option --{name} (options: {known})", argument=name, usage=spec.usage)
            if opt.kind == "flag":
                values[name] = True
            elif inline:
                values[name] = inline
            elif i + 1 < len(words):
                i += 1
                values[name] = words[i]
            else:
                raise UserInputError(f"--{name} needs a value", argument=name, usage=spec.usage)
        else:
            loose.append(word)
        i += 1
    return loose


def _place_positionals(spec: CommandSpec, loose: list[str], values: CommandArgs) -> None:
    """Give the words that are not options to the positional arguments in order (`rest` takes all that are
    left); a word left over is an error."""
    for a in spec.args:
        if a.kind not in ("str", "int", "rest"):
            continue
        if a.kind == "rest":
            if loose:
                values[a.name] = " ".join(loose)
                loose = []
            continue
        if loose:
            values[a.name] = loose.pop(0)
    if loose:
        raise UserInputError(f"unexpected argument {loose[0]!r}", argument=loose[0], usage=spec.usage)


def _check_values(spec: CommandSpec, values: CommandArgs) -> None:
    """Every required argument given (not blank), `int` ones made whole numbers, `choices` respected."""
    for a in spec.args:
        value = values.get(a.name)
        if a.required and (value is None or (isinstance(value, str) and not value.strip())):  # "" and "   " alike
            raise UserInputError(f"missing {a.name.upper()}: {a.help}", argument=a.name, usage=spec.usage)
        if value is None:
            continue
        if a.kind == "int" and not isinstance(value, int):
            try:
                values[a.name] = int(value)
            except ValueError:
                raise UserInputError(
                    f"{a.name.upper()} must be a whole number, got {value!r}", argument=a.name, usage=spec.usage
                ) from None
        if a.choices and values[a.name] not in a.choices:
            raise UserInputError(
                f"{a.name} must be one of {', '.join(a.choices)}; got {value!r}", argument=a.name, usage=spec.usage
            )


def permitted(spec: CommandSpec, caller: Caller) -> bool:
    """The one permission rule of every face: an admin-only command needs a workspace admin."""
    return not spec.admin_only or caller.is_admin


class CommandRegistry:
    """The ordered set of command specs; modules add theirs with `add`."""

    def __init__(self) -> None:
        self._specs: dict[str, CommandSpec] = {}

    def add(self, spec: CommandSpec) -> CommandSpec:
        """Register a spec (names are unique)."""
        if spec.name in self._specs:
            raise ValueError(f"command {spec.name!r} declared twice")
        self._specs[spec.name] = spec
        return spec

    def command(self, name: str, help: str, *args: Arg, admin_only: bool = False) -> Callable[[Handler], Handler]:
        """Decorator form of `add`."""

        def register(handler: Handler) -> Handler:
            self.add(CommandSpec(name=name, help=help, handler=handler, args=tuple(args), admin_only=admin_only))
            return handler

        return register

    @property
    def specs(self) -> tuple[CommandSpec, ...]:
        """All specs in declaration order."""
        return tuple(self._specs.values())

    def resolve(self, command: str, args: tuple[str, ...]) -> tuple[CommandSpec, tuple[str, ...]]:
        """Find the spec for `command` plus leading words ("watch" + ("add", ...) -> "watch add")."""
        words = command.strip().lstrip("/").split() + list(args)
        for n in range(min(3, len(words)), 0, -1):
            name = " ".join(words[:n]).lower()
            if name in self._specs:
                return self._specs[name], tuple(words[n:])
        group = words[0].lower() if words else ""
        subs = [s.name for s in self._specs.values() if s.group == group]
        if subs:
            raise UserInputError(
                f"{group} needs a subcommand: {', '.join(s.split(maxsplit=1)[1] for s in subs if ' ' in s)}",
                argument="subcommand",
                usage=" | ".join(subs),
            )
        raise UserInputError(f"unknown command {group!r}; try 'help'", argument="command")


class CommandCore:
    """Dispatches invocations to handlers; the single entry point for every face."""

    def __init__(self, services: Services, registry: CommandRegistry, *, seed_tenants: bool = False) -> None:
        """`registry` is usually `bot.commands.default_registry()`: every command (the caller builds it, since
        the command modules import this one)."""
        self.services = services
        self.registry = registry
        # The running app seeds a new workspace or server from config/ on its first command.
        self.seed_tenants = seed_tenants
        self._known_tenants: set[str] = set()

    @property
    def specs(self) -> tuple[CommandSpec, ...]:
        """Every command spec, for adapters to register slash commands from."""
        return self.registry.specs

    def permits(self, command: str, caller: Caller) -> bool:
        """True when `caller` may run `command` (a full name, "watch add"): the check `dispatch` makes, for the
        faces that show or hide a whole page of a command's actions (the web console's admin pages)."""
        spec, _ = self.registry.resolve(command, ())
        return permitted(spec, caller)

    async def dispatch(self, inv: Invocation) -> Reply:
        """Run one invocation; errors become an ephemeral Reply with ok=False, never an exception.

        Whatever the command says, a webhook token in it is masked: replies go to chat and terminals.
        """
        return _masked(await self._dispatch(inv))

    async def _dispatch(self, inv: Invocation) -> Reply:
        try:
            await self._ensure_tenant(inv.caller.tenant)
            spec, rest = self.registry.resolve(inv.command, inv.args)
            if not permitted(spec, inv.caller):
                raise NotAllowed(f"'{spec.name}' is for admins only; ask a workspace admin to run it")
            values = parse_args(spec, rest)
            ctx = CommandContext(services=self.services, caller=inv.caller, channel=inv.channel)
            return await spec.handler(ctx, values)
        except UserInputError as exc:
            lines = (f"usage: {exc.usage}",) if exc.usage else ()
            return Reply(
                text=f"Error: {exc}",
                lines=lines,
                ok=False,
                ephemeral=True,
                data=UsageErrorData(argument=exc.argument, usage=exc.usage),
            )
        except CommandError as exc:
            return Reply(text=f"Error: {exc}", ok=False, ephemeral=True)
        except DiplobotError as exc:
            return Reply(text=f"Error: {exc}", ok=False, ephemeral=True)
        except Exception:  # a bug must not show a stack trace to a channel
            log.exception("command %r failed", inv.command)
            return Reply(
                text="Error: the command failed unexpectedly; the operator can see the details in the log",
                ok=False,
                ephemeral=True,
            )

    async def complete(self, kind: str, prefix: str, caller: Caller) -> list[str]:
        """Autocomplete values for an argument's `complete` kind ("rule", "topic", "feed", "story"); never raises."""
        from bot.commands.complete import complete

        try:
            return await complete(self.services, kind, prefix, caller)
        except Exception:  # autocomplete is best effort: an empty list, never an error in the client
            log.exception("autocomplete %r failed", kind)
            return []

    async def _ensure_tenant(self, tenant: str) -> None:
        """Seed a workspace or server from config/ on its first command (once per process and tenant)."""
        if not self.seed_tenants or tenant in self._known_tenants:
            return
        db = getattr(self.services, "db", None)
        if db is not None and getattr(self.services, "settings", None) is not None:
            from bot.repo.bootstrap import ensure_tenant

            await ensure_tenant(self.services, tenant)
        self._known_tenants.add(tenant)

    async def run_text(self, text: str, caller: Caller, channel: str = "terminal") -> Reply:
        """Dispatch a whole command line such as `brief armenia --since 48h`."""
        try:
            words = shlex.split(text)
        except ValueError as exc:
            return Reply(text=f"Error: cannot read the command: {exc}", ok=False, ephemeral=True)
        if not words:
            return Reply(text="Error: empty command; try 'help'", ok=False, ephemeral=True)
        return await self.dispatch(Invocation(command=words[0], args=tuple(words[1:]), caller=caller, channel=channel))


def _masked(reply: Reply) -> Reply:
    """The reply with every webhook token in its text, lines and data replaced by `[hidden]`."""
    from dataclasses import replace

    from bot.masking import mask_secrets

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            return mask_secrets(value)
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(scrub(v) for v in value)
        return value

    return replace(
        reply,
        text=mask_secrets(reply.text),
        lines=tuple(mask_secrets(line) for line in reply.lines),
        data=scrub(reply.data),
    )

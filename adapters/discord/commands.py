"""App commands built from the core's CommandSpecs and registered on the real discord.py CommandTree.

Each spec becomes a slash command (`watch add` -> `/watch add`, `help` -> `/diplobot`); its Args
become options (`int` -> integer, `flag` -> boolean, everything else string; `complete` -> autocomplete
from `CommandCore.complete`). An interaction is translated back into an `Invocation` whose args are
exactly what a terminal user would type (positionals in order, `--name value`, `--flag`), dispatched
once through `CommandCore.dispatch`, and the `Reply` goes back as the interaction response.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.platforms.discord_embeds import DiscordMessage, SendKwargs, render_reply, truncate
from bot.admins import discord_admin, discord_role_admin
from bot.channels import ChannelAddress, workspace_tenant
from bot.commands import GROUP_HELP
from bot.commands.core import permitted
from bot.models import Caller, Invocation, Reply

if TYPE_CHECKING:
    from bot.commands.core import Arg, CommandCore, CommandSpec

log = logging.getLogger(__name__)

# Core names that read badly as Discord top-level commands.
RENAMES: dict[str, str] = {"help": "diplobot"}
DESCRIPTION_MAX = 100
ADMIN_PERMISSIONS = discord.Permissions(manage_guild=True)


def discord_name(spec_name: str) -> list[str]:
    """The Discord command path for a core command name: `watch add` -> [`watch`, `add`]."""
    words = spec_name.lower().split()
    if len(words) == 1:
        words = [RENAMES.get(words[0], words[0])]
    return words


def _describe(text: str) -> str:
    return truncate(" ".join((text or "").split()), DESCRIPTION_MAX) or "…"


# The values Discord gave a command's options, by the names its Args declare: str, int or bool as `_annotation`
# declares them, None when left out.
OptionValues = dict[str, str | int | bool | None]


def invocation_args(spec: CommandSpec, values: OptionValues) -> tuple[str, ...]:
    """The words a terminal user would type for these option values (positionals first, then options)."""
    words: list[str] = []
    for arg in spec.args:
        value = values.get(arg.name)
        if arg.kind in ("str", "int", "rest") and value is not None and value != "":
            words.append(str(value))
    for arg in spec.args:
        value = values.get(arg.name)
        if arg.kind == "option" and value is not None and value != "":
            words.append(f"--{arg.name}={value}")
        elif arg.kind == "flag" and value:
            words.append(f"--{arg.name}")
    return tuple(words)


def _annotation(arg: Arg) -> Any:
    base: type = int if arg.kind == "int" else bool if arg.kind == "flag" else str
    return base if (arg.required and arg.kind != "flag") else base | None


Runner = Callable[[discord.Interaction, "CommandSpec", OptionValues], Awaitable[None]]
Complete = Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]
Completer = Callable[[str], Complete]


def build_command(
    spec: CommandSpec, name: str, run: Runner, completer: Completer
) -> app_commands.Command[Any, ..., Any]:
    """One app command for one spec: options from the spec's Args, the callback hands values to `run`."""

    async def callback(interaction: discord.Interaction, **values: Any) -> None:
        await run(interaction, spec, values)

    params = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=discord.Interaction)]
    descriptions: dict[str, str] = {}
    choices: dict[str, list[app_commands.Choice[str]]] = {}
    autocomplete: dict[str, Complete] = {}
    for arg in spec.args:
        required = arg.required and arg.kind != "flag"
        params.append(
            inspect.Parameter(
                arg.name,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=_annotation(arg),
                default=inspect.Parameter.empty if required else None,
            )
        )
        descriptions[arg.name] = _describe(arg.help)
        if arg.choices and arg.kind not in ("int", "flag") and len(arg.choices) <= 25:
            choices[arg.name] = [app_commands.Choice(name=c[:100], value=c) for c in arg.choices]
        elif arg.complete and arg.kind not in ("flag",):
            autocomplete[arg.name] = completer(arg.complete)
    # What discord.py's decorators would set on a callback written by hand: it reads them when building the
    # command. Functions take any attribute; mypy knows none of these.
    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    callback.__discord_app_commands_param_description__ = descriptions  # type: ignore[attr-defined]
    if choices:
        callback.__discord_app_commands_param_choices__ = choices  # type: ignore[attr-defined]
    if autocomplete:
        callback.__discord_app_commands_param_autocomplete__ = autocomplete  # type: ignore[attr-defined]
    command: app_commands.Command[Any, ..., Any] = app_commands.Command(
        name=name, description=_describe(spec.help), callback=callback, extras={"spec": spec.name}
    )
    return command


def build_tree_commands(
    specs: tuple[CommandSpec, ...], run: Runner, completer: Completer
) -> list[app_commands.Command[Any, ..., Any] | app_commands.Group]:
    """Top-level app commands and groups for all specs (multi-word names become groups)."""
    groups: dict[str, app_commands.Group] = {}
    group_specs: dict[str, list[CommandSpec]] = {}
    top: dict[str, app_commands.Command[Any, ..., Any] | app_commands.Group] = {}
    grouped = {discord_name(s.name)[0] for s in specs if len(discord_name(s.name)) > 1}
    for spec in specs:
        path = discord_name(spec.name)
        if len(path) == 1:
            if path[0] in grouped:
                log.warning(
                    "/%s is a group on Discord; the bare %r command is reachable as a subcommand only",
                    path[0],
                    spec.name,
                )
                continue
            command = build_command(spec, path[0], run, completer)
            command.guild_only = True
            if spec.admin_only:
                command.default_permissions = ADMIN_PERMISSIONS
            top[path[0]] = command
            continue
        group_specs.setdefault(path[0], []).append(spec)
        parent: app_commands.Group | None = None
        for depth, word in enumerate(path[:-1]):
            key = " ".join(path[: depth + 1])
            if key not in groups:
                groups[key] = app_commands.Group(
                    name=word,
                    description=_describe(GROUP_HELP.get(key, f"{key} commands")),
                    parent=parent,
                    guild_only=parent is None,
                )
                if parent is None:
                    top[word] = groups[key]
            parent = groups[key]
        assert parent is not None
        parent.add_command(build_command(spec, path[-1], run, completer))
    # A group hides from members only when every command in it is for admins.
    for name, members in group_specs.items():
        if members and all(s.admin_only for s in members):
            groups[name].default_permissions = ADMIN_PERMISSIONS
    return list(top.values())


class CommandBridge:
    """Registers app commands from the core's specs and translates interactions to Invocations."""

    def __init__(
        self,
        core: CommandCore,
        *,
        admin_role: str | None = None,
        defer_after: float = 2.0,
    ) -> None:
        self.core = core
        self.admin_role = (admin_role or "").strip() or None
        self.defer_after = defer_after

    def install(self, tree: app_commands.CommandTree[Any], guild: discord.abc.Snowflake | None = None) -> int:
        """Add every command to `tree` (for `guild` when given); return how many top-level commands."""
        commands = build_tree_commands(self.core.specs, self.run, self.completer)
        for command in commands:
            tree.add_command(command, guild=guild, override=True)
        tree.error(self.on_error)
        return len(commands)

    # -------------------------------------------------------------- who is calling

    def is_admin(self, interaction: discord.Interaction) -> bool:
        """Manage Server, or the configured admin role (by id or by name)."""
        if discord_admin(interaction.permissions.value):
            return True
        member = interaction.user
        if self.admin_role is None or not isinstance(member, discord.Member):
            return False
        roles = {str(i): "" for i in getattr(member, "_roles", ())} | {str(r.id): r.name for r in member.roles}
        return discord_role_admin(self.admin_role, roles)

    def caller(self, interaction: discord.Interaction) -> Caller:
        """The platform-free caller: user id, tenant `discord:GUILD`, admin flag, display name."""
        return Caller(
            user_id=str(interaction.user.id),
            tenant=workspace_tenant("discord", interaction.guild_id),
            is_admin=self.is_admin(interaction),
            display_name=interaction.user.display_name,
        )

    @staticmethod
    def channel(interaction: discord.Interaction) -> str:
        """The channel address `discord:GUILD/CHANNEL`."""
        return str(ChannelAddress.discord(interaction.guild_id or 0, interaction.channel_id or 0))

    # -------------------------------------------------------------- autocomplete

    def completer(self, kind: str) -> Callable[[discord.Interaction, str], Awaitable[list[app_commands.Choice[str]]]]:
        """An autocomplete callback asking `CommandCore.complete(kind, prefix, caller)` (none if absent)."""

        async def complete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            fn = getattr(self.core, "complete", None)
            if fn is None or interaction.guild_id is None:
                return []
            try:
                items = await fn(kind, current or "", self.caller(interaction))
            except Exception:  # a broken completion must not break typing
                log.exception("autocomplete %s failed", kind)
                return []
            return [app_commands.Choice(name=truncate(str(i), 100), value=str(i)[:100]) for i in list(items)[:25]]

        return complete

    # -------------------------------------------------------------- running

    async def run(self, interaction: discord.Interaction, spec: CommandSpec, values: OptionValues) -> None:
        """Check, dispatch once through the core, and answer (deferring if the core is slow)."""
        if interaction.guild_id is None:
            await self._respond(
                interaction,
                Reply(text="Error: diplobot commands work in servers only", ok=False, ephemeral=True),
                True,
                False,
            )
            return
        caller = self.caller(interaction)
        if not permitted(spec, caller):
            need = "the Manage Server permission" + (f" or the {self.admin_role} role" if self.admin_role else "")
            denied = Reply(text=f"Error: /{' '.join(discord_name(spec.name))} needs {need}", ok=False, ephemeral=True)
            await self._respond(interaction, denied, True, False)
            return
        inv = Invocation(
            command=spec.name, args=invocation_args(spec, values), caller=caller, channel=self.channel(interaction)
        )
        task = asyncio.ensure_future(self.core.dispatch(inv))
        deferred = False
        done, _ = await asyncio.wait({task}, timeout=self.defer_after)
        if not done:
            # Discord wants an answer within 3 s; admin output stays private from the start.
            await interaction.response.defer(ephemeral=spec.admin_only, thinking=True)
            deferred = True
        reply = await task
        ephemeral = reply.ephemeral or not reply.ok or spec.admin_only
        await self._respond(interaction, reply, ephemeral, deferred, deferred_ephemeral=spec.admin_only)

    async def _respond(
        self,
        interaction: discord.Interaction,
        reply: Reply,
        ephemeral: bool,
        deferred: bool,
        *,
        deferred_ephemeral: bool = False,
    ) -> None:
        message: DiscordMessage = render_reply(reply)
        kwargs: SendKwargs = {
            "content": message.content,
            "embeds": message.embeds_for_discord(),
            "allowed_mentions": discord.AllowedMentions.none(),
        }
        view = message.view()
        if view is not None:
            kwargs["view"] = view
        if not deferred:
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
        elif ephemeral and not deferred_ephemeral:
            # The "thinking" message is public but the answer is private: replace it.
            await interaction.delete_original_response()
            # discord.py's overloads type a webhook send's content as str; its runtime takes None (no text), which
            # an answer of embeds only passes.
            await interaction.followup.send(ephemeral=True, wait=True, **kwargs)  # type: ignore[call-overload]
        else:
            await interaction.edit_original_response(**kwargs)

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Log a failure and tell the caller privately, never with a stack trace."""
        log.error("app command failed: %s", error, exc_info=error)
        reply = Reply(
            text="Error: the command failed; the operator can see the details in the log", ok=False, ephemeral=True
        )
        try:
            if interaction.response.is_done():
                await interaction.followup.send(
                    reply.text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
                )
            else:
                await interaction.response.send_message(reply.text, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not report the failure to the caller")

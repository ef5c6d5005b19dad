"""`help [COMMAND]`: every command with its usage, admin-only ones marked."""

from __future__ import annotations

import functools

from bot.commands.common import did_you_mean, suggest
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry, CommandSpec
from bot.errors import UserInputError
from bot.models import Reply


def spec_lines(spec: CommandSpec) -> list[str]:
    """A command's usage, help and arguments, for `help COMMAND`."""
    lines = [f"usage: {spec.usage}", spec.help + (" (admins only)" if spec.admin_only else "")]
    for arg in spec.args:
        form = f"--{arg.name}" if arg.kind in ("option", "flag") else arg.name.upper()
        extra = f" (one of {', '.join(arg.choices)})" if arg.choices else ""
        default = f" [default {arg.default}]" if arg.default not in (None, "", False) else ""
        lines.append(f"  {form}: {arg.help}{extra}{default}")
    return lines


async def help_command(registry: CommandRegistry, ctx: CommandContext, args: CommandArgs) -> Reply:
    """Answer help from the commands of `registry` (the one `help` is registered in)."""
    specs = registry.specs
    wanted = (args.word("command") or "").strip().lstrip("/").lower()
    if wanted:
        matching = [s for s in specs if s.name == wanted or s.group == wanted]
        if not matching:
            names = suggest(wanted, {s.group for s in specs} | {s.name for s in specs})
            raise UserInputError(
                f"no command {wanted!r}{did_you_mean(names)}", argument="command", usage="help [COMMAND]"
            )
        if len(matching) == 1:
            return Reply(text=f"{matching[0].name}:", lines=tuple(spec_lines(matching[0])), ephemeral=True)
        specs = tuple(matching)
    lines = tuple(f"{s.usage} — {s.help}" + (" [admin]" if s.admin_only else "") for s in specs)
    you = "" if ctx.caller.is_admin else " Commands marked [admin] need a workspace admin."
    return Reply(
        text=f"diplobot commands ('help COMMAND' for details).{you}",
        lines=lines,
        ephemeral=True,
        data={"commands": [{"name": s.name, "usage": s.usage, "admin_only": s.admin_only} for s in specs]},
    )


def register(registry: CommandRegistry) -> None:
    """Declare `help` (it reads the registry it is registered in)."""
    registry.command(
        "help",
        "List the commands, or explain one",
        Arg("command", "a command, e.g. 'watch add'", kind="rest", required=False),
    )(functools.partial(help_command, registry))

"""`places [NAME]`: the regions and groups a rule's `places:` may name, with their members; or what one name is."""

from __future__ import annotations

from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import place_groups
from bot.errors import UserInputError
from bot.models import Reply

USAGE = "places [NAME]"
LISTED = 16  # groups of up to this many countries are listed with their members


def _listing() -> Reply:
    """Every group by kind, each with its members; then the places inside countries a rule may name."""
    table = place_groups.groups()
    lines: list[str] = []
    for group in table.groups:
        # A chat message holds about 6,000 characters (Discord's embeds): the long lists (continents, the
        # African Union, OECD) are one `places NAME` away.
        shown = ", ".join(group.members) if len(group.members) <= LISTED else f"'places {group.name}' lists them"
        lines.append(f"{group.name} ({group.kind}, {len(group.members)}): {shown}")
    lines.append(
        "Places inside countries: "
        + "; ".join(f"{name} ({', '.join(countries)})" for name, countries in place_groups.inside().items())
    )
    return Reply(
        text=f"{len(table.groups)} regions and groups a rule's places: may name, with their member "
        "countries ('places NAME' for one; a country or a place inside one works too)",
        lines=tuple(lines),
        ephemeral=True,
        data={"groups": [{"name": g.name, "kind": g.kind, "members": list(g.members)} for g in table.groups]},
    )


def _groups_of(countries: set[str]) -> list[str]:
    """The groups holding every one of these countries (a place in two countries: the groups of both)."""
    return [g.name for g in place_groups.groups().groups if countries and countries <= set(g.members)]


def _one(name: str) -> Reply:
    """One group with its source and members, or a country or place with the groups it belongs to."""
    countries, regions, group = place_groups.resolve(name)
    if group is not None:
        also = f"; also written {', '.join(group.names)}" if group.names else ""
        return Reply(
            text=f"{group.name}: {group.kind}, {len(group.members)} countries",
            lines=(f"members: {', '.join(group.members)}", f"source: {group.source}{also}"),
            ephemeral=True,
            data={"name": group.name, "kind": group.kind, "members": list(group.members)},
        )
    if not countries and not regions:
        near = place_groups.groups().suggest(name)
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        raise UserInputError(
            f"no place or group {name!r}{hint} ('places' lists them all)", argument="name", usage=USAGE
        )
    inside = place_groups.inside()
    within = sorted(countries | {c for r in regions for c in inside.get(r, ())})
    what = (
        f"{', '.join(sorted(regions))}: a place in {', '.join(within)}"
        if regions
        else f"{', '.join(within)}: a country"
    )
    return Reply(
        text=what,
        lines=(f"in: {', '.join(_groups_of(set(within))) or 'no group'}",),
        ephemeral=True,
        data={"countries": within, "places": sorted(regions)},
    )


async def places_command(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Answer places."""
    name = (args.word("name") or "").strip()
    return _one(name) if name else _listing()


def register(registry: CommandRegistry) -> None:
    """Declare `places`."""
    registry.command(
        "places",
        "List the regions and groups rules may name (Africa, Middle East, NATO) or show one",
        Arg("name", "a region, group, country or place, e.g. 'africa'", kind="rest", required=False),
    )(places_command)

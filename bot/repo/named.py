"""A tenant's named rows (feeds, rules): all of them by name, their names, and one by name."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.tables import Feed, Rule

Named = TypeVar("Named", Feed, Rule)


async def all_named(session: AsyncSession, table: type[Named], tenant: str) -> list[Named]:
    """The tenant's rows of `table` by name."""
    return list((await session.scalars(select(table).where(table.tenant == tenant).order_by(table.name))).all())


async def sorted_names(session: AsyncSession, table: type[Feed] | type[Rule], tenant: str) -> list[str]:
    """The tenant's names in `table`, sorted."""
    return list((await session.scalars(select(table.name).where(table.tenant == tenant).order_by(table.name))).all())


async def by_name(session: AsyncSession, table: type[Named], tenant: str, name: str) -> Named | None:
    """The tenant's row of `table` called `name`, else the one whose name differs only in case."""
    row = await session.scalar(select(table).where(table.tenant == tenant, table.name == name))
    if row is None:
        row = await session.scalar(select(table).where(table.tenant == tenant, func.lower(table.name) == name.lower()))
    return row

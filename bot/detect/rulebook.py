"""Each tenant's enabled watch rules, compiled once and recompiled only when they change."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.detect import Detector
from bot.detect.rules import RuleSpec, compile_rules
from bot.errors import RuleError
from bot.models import Detection
from bot.storage.tables import Rule

log = logging.getLogger(__name__)


@dataclass
class TenantRules:
    """One tenant's compiled rules and the detector that applies them."""

    version: tuple[int, str]
    detector: Detector
    specs: list[RuleSpec]
    errors: list[RuleError] = field(default_factory=list)

    def detect(self, title: str, text: str, when: datetime | None = None) -> Detection:
        """Full detection, with this tenant's rule matches (`when`: the article's date, for offices)."""
        return self.detector.detect(title, text, when)


class RuleBook:
    """A cache of compiled rules per tenant, keyed by the rules' change version."""

    def __init__(self) -> None:
        self._cache: dict[str, TenantRules] = {}
        self._reported: set[str] = set()

    async def get(self, session: AsyncSession, tenant: str) -> TenantRules:
        """The tenant's compiled rules, recompiled if any rule changed since last time."""
        count, latest = (
            await session.execute(select(func.count(Rule.id), func.max(Rule.updated_at)).where(Rule.tenant == tenant))
        ).one()
        version = (int(count or 0), str(latest))
        cached = self._cache.get(tenant)
        if cached is not None and cached.version == version:
            return cached
        rows = (
            await session.scalars(select(Rule).where(Rule.tenant == tenant, Rule.enabled.is_(True)).order_by(Rule.id))
        ).all()
        specs: list[RuleSpec] = []
        errors: list[RuleError] = []
        for row in rows:
            try:
                specs.append(RuleSpec.model_validate(row.spec))
            except Exception as exc:  # a stored rule that no longer validates must not stop the others
                errors.append(RuleError(row.name, f"invalid stored rule: {exc}"))
        compiled, compile_errors = compile_rules(specs)
        errors.extend(compile_errors)
        for err in errors:
            key = f"{tenant}:{err}"
            if key not in self._reported:
                self._reported.add(key)
                log.warning("rule skipped: %s", err)
        rules = TenantRules(version=version, detector=Detector(compiled), specs=specs, errors=errors)
        self._cache[tenant] = rules
        return rules

    def watched_people(self, tenant: str) -> set[str]:
        """Officials named in the tenant's rules: a newly involved one is a material development."""
        rules = self._cache.get(tenant)
        if rules is None:
            return set()
        return {p for spec in rules.specs for p in (spec.people or [])}

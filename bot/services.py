"""The services a command or job needs, built once by the app and passed explicitly."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.ports import Clock, SystemClock

if TYPE_CHECKING:
    from bot.alerts.outbox import Outbox
    from bot.ingest.fetch import Fetcher
    from bot.settings import Settings
    from bot.storage.db import Database


def default_instance_id() -> str:
    """A per-process id used as the owner of leases (feeds, deliveries)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


@dataclass
class Services:
    """Settings, database, clock and instance identity: everything shared, nothing global."""

    settings: Settings
    db: Database
    clock: Clock = field(default_factory=SystemClock)
    instance_id: str = field(default_factory=default_instance_id)
    # The running app's fetcher (one session, shared host limits); commands that fetch use it when set.
    fetcher: Fetcher | None = None
    # The app's outbox, so that `test-alert` can send its sample at once when this instance has the channel's sink.
    outbox: Outbox | None = None
